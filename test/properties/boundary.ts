/**
 * Property tests over the boundary: provider data (normalizeTrace → computeStats), periods
 * (periodRange → computeStats), ids in request paths (encodePathSegment) and provider text in
 * exports (visibleText, looksLikeFormula). One definition, two runners: `test/unit/properties.test.ts` runs
 * each with a fixed seed and a few hundred cases in `npm test`; `npm run fuzz`
 * (`scripts/fuzz.mjs`) runs the same ones much longer and prints cases tried and failed.
 */
import fc from 'fast-check';
import { decodePathSegment, encodePathSegment } from '../../src/data/rest-provider.js';
import { looksLikeFormula, visibleText } from '../../src/export/cell-text.js';
import { MAX_LISTED_WARNINGS, normalizeTrace, parseInstant } from '../../src/model/normalize.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { isValidDate, periodRange, resolvePeriod } from '../../src/time/period.js';

/** The seed of `npm test`: the same cases on every run. */
export const SEED = 20261201;

export interface BoundaryProperty {
  name: string;
  /** Cases in `npm test`; the fuzz run multiplies them. */
  runs: number;
  /** Runs the property: fast-check's own report of cases tried and the first failure. */
  check: (numRuns: number, seed: number) => { failed: boolean; numRuns: number; report: string | undefined };
}

function defineProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  runs: number,
  property: fc.IPropertyWithHooks<Ts>,
): BoundaryProperty {
  return {
    name,
    runs,
    check: (numRuns, seed) => {
      const details = fc.check(property, { numRuns, seed });
      return { failed: details.failed, numRuns: details.numRuns, report: fc.defaultReportMessage(details) };
    },
  };
}

const DAY_MS = 86_400_000;
/** 0000-01-01 and 9999-12-31 as days since 1970. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

const ZONES = [
  'UTC',
  'Europe/Prague',
  'America/New_York',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Manila',
  'America/Sitka',
];

const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 2, 4) }).map((ms) => new Date(ms).toISOString()),
  fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 2, 4) }),
  fc.constantFrom('2026-03-02T09:00:00+01:00', '2026-03-02 10:00Z', 'never', '', '2026-02-30T00:00:00Z'),
  fc.anything(),
);

const activity = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)),
    type: fc.oneof(fc.constantFrom('call', 'email', 'sms', 'ticket', 'fax'), fc.anything()),
    start: instant,
    end: fc.oneof(instant, fc.constant(null)),
    closed: fc.oneof(fc.boolean(), fc.anything()),
    talkSeconds: fc.oneof(fc.double(), fc.integer({ min: 0, max: 400 * 86_400 }), fc.constant(1e308), fc.anything()),
    ticketId: fc.oneof(fc.string(), fc.integer()),
    title: fc.oneof(fc.string(), fc.anything()),
  },
  { requiredKeys: ['id', 'type', 'start'] },
);

const entry = fc.oneof({ weight: 5, arbitrary: activity }, { weight: 1, arbitrary: fc.anything() });
const list = fc.oneof(
  { weight: 6, arbitrary: fc.array(entry, { maxLength: 60 }) },
  // Many bad entries: past the listed warnings.
  { weight: 1, arbitrary: fc.integer({ min: 90, max: 400 }).map((n) => new Array<unknown>(n).fill(0)) },
  // A sparse array.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.array(activity, { maxLength: 5 })).map(([length, items]) => {
      const sparse = new Array<unknown>(length + items.length);
      items.forEach((item, i) => (sparse[Math.floor(((i + 1) * sparse.length) / (items.length + 1))] = item));
      return sparse;
    }),
  },
  { weight: 1, arbitrary: fc.anything() },
);

const RANGE = { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' };
const NOW = '2026-03-02T12:00:00Z';

/** A date string from 0000-01-01 to 9999-12-31, weighted towards both ends. */
const anyDate = fc
  .oneof(
    fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 40 }),
    fc.integer({ min: LAST_DAY - 40, max: LAST_DAY }),
  )
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

export const BOUNDARY_PROPERTIES: BoundaryProperty[] = [
  defineProperty(
    'normalizeTrace never throws, lists at most 100 warnings plus a summary, keeps only valid records',
    600,
    fc.property(
      fc.record({ sessions: list, pauses: list, activities: list }, { requiredKeys: [] }),
      (raw) => {
        const { data, warnings } = normalizeTrace(raw);
        if (warnings.length > MAX_LISTED_WARNINGS + 1) return false;
        const summary = warnings.filter((w) => w.kind === 'summary');
        if (summary.length > 1 || (summary.length === 1 && warnings.at(-1)!.kind !== 'summary')) return false;
        if (summary[0] && !(summary[0].total! > MAX_LISTED_WARNINGS)) return false;
        const ids = new Set<string>();
        for (const a of data.activities) {
          const start = parseInstant(a.start);
          const end = a.end === null ? null : parseInstant(a.end);
          if (start === null || (a.end !== null && (end === null || end < start))) return false;
          if (typeof a.id !== 'string' || ids.has(a.id)) return false;
          ids.add(a.id);
          if (a.talkSeconds !== undefined) {
            if (!Number.isFinite(a.talkSeconds) || a.talkSeconds < 0) return false;
            if (end !== null && a.talkSeconds > (end - start) / 1000) return false;
          }
        }
        return true;
      },
    ),
  ),
  defineProperty(
    'computeStats gives finite figures; talk time never exceeds the length of the calls it counts',
    400,
    fc.property(fc.record({ sessions: list, pauses: list, activities: list }), (raw) => {
      const { data } = normalizeTrace(raw);
      const stats = computeStats(data, RANGE, NOW);
      const figures = [stats.calls.time, stats.calls.talkTime ?? 0, stats.login.logged, stats.login.ready, stats.login.idle];
      if (!figures.every((x) => Number.isFinite(x) && x >= 0)) return false;
      let callSeconds = 0;
      const from = Date.parse(RANGE.start);
      const to = Date.parse(RANGE.end);
      for (const a of data.activities) {
        const end = a.end === null ? null : parseInstant(a.end);
        if (a.type === 'call' && end !== null && end >= from && end < to) callSeconds += (end - parseInstant(a.start)!) / 1000;
      }
      return (stats.calls.talkTime ?? 0) <= callSeconds + 1e-6;
    }),
  ),
  defineProperty(
    'periodRange and computeStats agree on every date periodRange accepts',
    800,
    fc.property(
      anyDate,
      fc.constantFrom(...ZONES),
      fc.constantFrom('day' as const, 'week' as const),
      fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6 | 7>,
      (date, timeZone, period, firstDayOfWeek) => {
        const q = { date, timeZone, period, firstDayOfWeek };
        let range;
        try {
          range = periodRange(q);
        } catch (error) {
          // Rejected: only dates outside the supported ones, with a RangeError that says so.
          return error instanceof RangeError && !isValidDate(date) && /from 0001-01-08 to 9999-12-24/.test(error.message);
        }
        if (!isValidDate(date)) return false;
        const resolved = resolvePeriod(q);
        computeStats({ sessions: [], pauses: [], activities: [] }, range, NOW);
        if (parseInstant(range.start) !== resolved.startMs || parseInstant(range.end) !== resolved.endMs) return false;
        return range.days.every(
          (day, i) => parseInstant(day.start) === resolved.days[i]!.startMs && parseInstant(day.end) === resolved.days[i]!.endMs,
        );
      },
    ),
  ),
  defineProperty(
    'encodePathSegment keeps every id inside its path segment, and decodePathSegment gives it back',
    1000,
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary' }),
        // Dots, escapes and their look-alikes: where dot segments hide.
        fc.string({ unit: fc.constantFrom('.', '!', '%', '2', 'e', 'E', '/', '\\', '?', '#', ' ') }),
      ),
      (id) => {
        const segment = encodePathSegment(id);
        if (!/^[A-Za-z0-9\-_.~*'()%!]+$/.test(segment)) return false;
        const asParsed = segment.replace(/%2e/gi, '.');
        if (asParsed === '.' || asParsed === '..') return false;
        if (new URL(`http://h/api/users/${segment}/trace`).pathname !== `/api/users/${segment}/trace`) return false;
        return decodePathSegment(segment) === id;
      },
    ),
  ),
  defineProperty(
    'exported text has no control characters, keeps its length, and formula-like text is always marked',
    1000,
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', ' =', '\u0000'), fc.string()).map(([a, b]) => a + b),
      ),
      (text) => {
        for (const symbols of ['control-pictures', 'replacement-character'] as const) {
          const shown = visibleText(text, symbols);
          if (shown.length !== text.length) return false;
          if (/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(shown)) return false;
          if (symbols === 'control-pictures' && shown.includes('\ufffd')) return false;
          if (/^ *[=+\-@]/.test(shown) && !looksLikeFormula(text)) return false;
        }
        return true;
      },
    ),
  ),
];
