import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ColumnTrace, KeptIds, mayRepeat } from '../../../src/data/column-trace.js';
import { checkColumns, recordSteps, type ColumnPage } from '../../../src/data/rest-columns.js';
import { RestProvider } from '../../../src/data/rest-provider.js';
import { TraceStore } from '../../../src/data/store.js';
import { loadOwnTrace, type UserTraceProvider } from '../../../src/data/provider.js';
import { prepareTrace } from '../../../src/model/prepared.js';
import { rowFields } from '../../../src/report/activity-rows.js';
import { MAX_LISTED_WARNINGS } from '../../../src/model/records.js';
import { runSteps } from '../../../src/model/steps.js';
import type { PreparedTrace, TraceActivity, TraceData } from '../../../src/model/types.js';

// Activities validated straight from their columns (src/data/column-trace.ts) must come out as the
// decoded records would have: the same warnings, the same prepared form, the same records.

const BASE = Date.parse('2025-03-03T08:00:00Z');

/** What the record path makes of the same pages: decoded, then validated and prepared as any answer. */
function viaRecords(sessions: unknown[], pauses: unknown[], pages: ColumnPage[]) {
  const activities = pages.flatMap((page) => runSteps(recordSteps(page)));
  return prepareTrace({ sessions, pauses, activities } as unknown as TraceData);
}

/** The prepared form as plain values, records included, to compare two of them. */
function plain(prepared: PreparedTrace) {
  return {
    sessions: prepared.sessions,
    pauses: prepared.pauses,
    activities: prepared.activities.map((a) => ({
      index: a.index,
      id: a.id,
      type: a.type,
      lane: a.lane,
      start: a.start,
      end: a.end,
      closed: a.closed,
      talkSeconds: a.talkSeconds,
      ticketId: a.ticketId,
      // What the list's filter and sort read, before the record is built.
      fields: (({ title, queue, contact, direction, ticketId }) => ({ title, queue, contact, direction, ticketId }))(rowFields(a)),
      record: a.record,
    })),
    columns: prepared.columns,
  };
}

function expectSame(sessions: unknown[], pauses: unknown[], pages: ColumnPage[]): void {
  const expected = viaRecords(structuredClone(sessions), structuredClone(pauses), pages);
  const own = runSteps(new ColumnTrace(structuredClone(sessions), structuredClone(pauses), pages).steps());
  expect(own.warnings).to.deep.equal(expected.warnings);
  expect(plain(own.prepared)).to.deep.equal(plain(expected.prepared));
  expect(own.data.sessions).to.deep.equal(expected.data.sessions);
  expect(own.data.pauses).to.deep.equal(expected.data.pauses);
  expect(own.data.activities).to.deep.equal(expected.data.activities);
}

const anyValue = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 3 }), fc.integer(), fc.double(), fc.boolean(), fc.constant({}));
const idValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '1') }, { weight: 1, arbitrary: fc.constantFrom(1, 2, 0.5) }, { weight: 1, arbitrary: anyValue });
const typeValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('call', 'email', 'chat-web', 'ticket', 'custom') }, { weight: 1, arbitrary: anyValue });
const pick = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const offsetValue = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3_600_000, max: 86_400_000 }) },
  { weight: 1, arbitrary: fc.constantFrom('2025-03-03T09:00:00+01:00', 'soon', null, Number.NaN, 1e20) },
);
const durationValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3_600_000 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(-5, 'long', '2025-03-04T00:00:00Z', Number.POSITIVE_INFINITY) },
);
const row = fc.record({
  start: offsetValue,
  duration: durationValue,
  id: idValue,
  type: typeValue,
  closed: pick(fc.boolean()),
  talkSeconds: pick(fc.integer({ min: 0, max: 4000 })),
  direction: pick(fc.constantFrom('in', 'out', 'internal')),
  title: pick(fc.string({ maxLength: 4 })),
  ticketId: pick(fc.oneof(fc.string({ maxLength: 2 }), fc.integer())),
  note: anyValue,
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

/** A checked page of `rows`; each field column as values or as a dictionary, as `asDictionary` says. */
function pageOf(rows: Row[], asDictionary: boolean): ColumnPage {
  const fields: Record<string, unknown> = {};
  for (const name of ['id', 'type', 'closed', 'talkSeconds', 'direction', 'title', 'ticketId', 'note'] as const) {
    const values = rows.map((r) => (r[name] === undefined ? null : r[name]));
    if (!asDictionary) {
      fields[name] = { values };
      continue;
    }
    const dictionary: unknown[] = [];
    const index = values.map((v) => {
      if (v === null) return null;
      let k = dictionary.indexOf(v);
      if (k < 0) k = dictionary.push(v) - 1;
      return k;
    });
    fields[name] = { dictionary, index };
  }
  return checkColumns({ length: rows.length, base: BASE, start: rows.map((r) => r.start), duration: rows.map((r) => r.duration), fields });
}

describe('ColumnTrace: validated from the columns as the decoded records would be', () => {
  it('gives the same warnings, prepared form and records for any pages, good and bad values mixed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(row, { maxLength: 30 }), fc.boolean()), { minLength: 1, maxLength: 3 }), (pages) => {
        const sessions = [{ start: '2025-03-03T07:00:00Z', end: '2025-03-03T16:00:00Z' }, { start: 'never' }];
        const pauses = [{ start: '2025-03-03T10:00:00+01:00', end: null, name: 'Lunch', paid: false }];
        expectSame(sessions, pauses, pages.map(([rows, dictionary]) => pageOf(rows, dictionary)));
      }),
      { numRuns: 300 },
    );
  });

  it('lists the first warnings and counts the rest in one summary, as for records', () => {
    const rows: Row[] = Array.from({ length: MAX_LISTED_WARNINGS * 3 }, (_, i) => ({
      start: i % 2 ? 'soon' : i * 1000,
      duration: i % 3 ? 1000 : -1,
      id: `a${i % 150}`,
      type: i % 7 ? 'call' : '',
      closed: null,
      talkSeconds: i % 5 ? 2 : 99,
      direction: null,
      title: null,
      ticketId: null,
      note: null,
    }));
    expectSame([], [], [pageOf(rows.slice(0, 100), true), pageOf(rows.slice(100), false)]);
  });

  it('finds repeated ids across stretches of the validation, with the warnings in the order of the activities', () => {
    // Longer than one stretch (STEP_RECORDS): ids repeat within and across stretches and pages,
    // among rows left out for other reasons and talk times cut.
    const rows: Row[] = Array.from({ length: 11_000 }, (_, i) => ({
      start: i % 97 === 0 ? 'soon' : i * 1000,
      duration: i % 89 === 0 ? -1 : 1000,
      id: i % 5 === 0 ? `a${i % 2500}` : `b${i}`,
      type: i % 101 === 0 ? '' : 'call',
      closed: null,
      talkSeconds: i % 7 === 0 ? 99 : 1,
      direction: null,
      title: null,
      ticketId: null,
      note: null,
    }));
    expectSame([], [], [pageOf(rows.slice(0, 6000), false), pageOf(rows.slice(6000), true)]);
  });

  it('lists each warning of a long load in the order of the activities, repeated ids across stretches included', () => {
    // Fewer warnings than are listed: all of them, in order, across stretches and pages. Row 9003
    // repeats an id and has its talk time cut: only the repeat is reported, as for records.
    const repeats: Record<number, string> = { 5000: 'b10', 9003: 'b4200', 9500: 'b9499' };
    const rows: Row[] = Array.from({ length: 11_000 }, (_, i) => ({
      start: i === 4095 ? 'soon' : i * 1000,
      duration: i === 4096 ? -1 : 1000,
      id: repeats[i] ?? `b${i}`,
      type: i === 8191 ? '' : 'call',
      closed: null,
      talkSeconds: i % 1000 === 3 ? 99 : 1,
      direction: null,
      title: null,
      ticketId: null,
      note: null,
    }));
    expectSame([], [], [pageOf(rows.slice(0, 6000), false), pageOf(rows.slice(6000), true)]);
  });

  it('builds a record only when it is read, then gives the same object', () => {
    const page = pageOf([{ start: 0, duration: 1000, id: 7, type: 'call', closed: true, talkSeconds: 5, direction: 'in', title: 'T', ticketId: 12, note: 'x' }], false);
    const trace = new ColumnTrace([], [], [page]);
    const { prepared, data } = runSteps(trace.steps());
    const activity = prepared.activities[0]!;
    expect(activity).to.include({ id: '7', type: 'call', lane: 'call', start: BASE, end: BASE + 1000, closed: true, talkSeconds: 1, ticketId: '12' });
    const record = activity.record;
    expect(record).to.deep.equal({
      start: '2025-03-03T08:00:00.000Z',
      end: '2025-03-03T08:00:01.000Z',
      id: '7',
      type: 'call',
      closed: true,
      talkSeconds: 1,
      direction: 'in',
      title: 'T',
      ticketId: '12',
      note: 'x',
    } satisfies TraceActivity);
    expect(activity.record).to.equal(record);
    expect(data.activities[0]).to.equal(record);
  });
});

describe('KeptIds', () => {
  it('finds the repeated ids a Set finds, also past its capacity and its probes (then it is a Set)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 400 }), fc.integer({ min: 0, max: 500 }), (candidates, capacity) => {
        const ids: string[] = [];
        const table = new KeptIds(ids, capacity);
        const set = new Set<string>();
        for (const id of candidates) {
          const fresh = !set.has(id);
          set.add(id);
          expect(table.add(id, ids.length), id).to.equal(fresh);
          if (fresh) ids.push(id);
        }
      }),
    );
  });
});

describe('RestProvider and the store: columns validated without records', () => {
  const NOW = Date.parse('2026-03-20T12:00:00Z');
  const storeOf = (provider: UserTraceProvider) =>
    new TraceStore({ provider, now: () => NOW, query: { timeZone: 'Europe/Prague', date: '2025-03-03', period: 'week', userId: 'load-test' } });
  const loaded = (store: TraceStore) =>
    new Promise<void>((resolve, reject) => {
      store.addEventListener('load', () => resolve());
      store.addEventListener('error', () => reject(new Error(String(store.snapshot.error))));
      store.resume();
    });

  it('shows the same week from columns as a host wrapper of the same provider gets from loadTrace', async () => {
    const rest = new RestProvider({ baseUrl: '/api' });
    // A host's wrapper has no loadOwnTrace: its loadTrace answers records, validated as always.
    const wrapper: UserTraceProvider = { listUsers: (q) => rest.listUsers(q), loadTrace: (q) => rest.loadTrace(q) };
    expect(typeof (rest as unknown as Record<symbol, unknown>)[loadOwnTrace]).to.equal('function');
    const own = storeOf(rest);
    const wrapped = storeOf(wrapper);
    await Promise.all([loaded(own), loaded(wrapped)]);
    const a = own.snapshot.view!;
    const b = wrapped.snapshot.view!;
    expect(a.prepared.activities.length).to.be.greaterThan(99_000);
    expect(a.stats).to.deep.equal(b.stats);
    expect(a.warnings).to.deep.equal(b.warnings);
    expect(Array.from(a.prepared.columns.start)).to.deep.equal(Array.from(b.prepared.columns.start));
    expect(a.prepared.activities.map((x) => x.id)).to.deep.equal(b.prepared.activities.map((x) => x.id));
    for (const i of [0, 1, 5000, a.prepared.activities.length - 1]) {
      expect(a.prepared.activities[i]!.record).to.deep.equal(b.prepared.activities[i]!.record);
    }
  });
});

describe('mayRepeat', () => {
  it('says whether a Set would meet an id twice, with ids missing, in one group or many; ids made to collide count as repeated', () => {
    const run = (ids: readonly (string | undefined)[]) => runSteps(mayRepeat(ids.length, (k) => ids[k]));
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ maxLength: 3 }), { nil: undefined }), { maxLength: 300 }), (ids) => {
        const present = ids.filter((id) => id !== undefined);
        expect(run(ids)).to.equal(new Set(present).size !== present.length);
      }),
    );
    // Past one group (8192 ids a group): distinct, then one repeat far from its first.
    const many = Array.from({ length: 40_000 }, (_, i) => `load-test:2026-03-0${i % 7}:${i}`);
    expect(run(many)).to.equal(false);
    expect(run([...many, many[123]!])).to.equal(true);
    expect(run([many[39_999]!, ...many])).to.equal(true);
    // The same length and last 16 code units: one hash. It stops early and says "may repeat".
    const colliding = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(8, '0')}-same-last-sixteen`);
    expect(run(colliding)).to.equal(true);
  });
});
