import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  getPrepared,
  normalizeTrace,
  normalizeUsers,
  parseInstant,
  prepareTrace,
} from '../../../src/model/normalize.js';
import type { TraceData } from '../../../src/model/types.js';
import { isoUtc } from '../../../src/model/instant.js';
import { ACTIVITY_LANES, COLOUR_KEYS, colourOf, laneOf } from '../../../src/model/catalog.js';
import { emptyColumns, setColumns } from '../../../src/model/prepared.js';

const utc = (iso: string): number => Date.parse(iso);

/** Every record in the result is accounted for: kept or warned about, exactly once. */
function kinds(result: { warnings: { kind: string }[] }): string[] {
  return result.warnings.map((w) => w.kind);
}

describe('parseInstant', () => {
  it('parses ISO strings with Z or an offset', () => {
    expect(parseInstant('2026-03-02T10:00:00Z')).to.equal(utc('2026-03-02T10:00:00Z'));
    expect(parseInstant('2026-03-02T10:00:00.123+01:00')).to.equal(utc('2026-03-02T09:00:00.123Z'));
    expect(parseInstant('2026-03-02T10:00-05:30')).to.equal(utc('2026-03-02T15:30:00Z'));
    expect(parseInstant('2026-03-02T10:00:00+0130')).to.equal(utc('2026-03-02T08:30:00Z'));
    expect(parseInstant('2026-03-02T10:00:00-02')).to.equal(utc('2026-03-02T12:00:00Z'));
    expect(parseInstant('2026-03-02t10:00:00z')).to.equal(utc('2026-03-02T10:00:00Z'));
    expect(parseInstant('2026-03-02 10:00:00Z')).to.equal(utc('2026-03-02T10:00:00Z'));
    expect(parseInstant('2026-03-02T10:00:00,5Z')).to.equal(utc('2026-03-02T10:00:00.500Z'));
    expect(parseInstant('2026-03-02T10:00:00.1239999Z')).to.equal(utc('2026-03-02T10:00:00.123Z'));
    expect(parseInstant('2028-02-29T00:00:00Z')).to.equal(utc('2028-02-29T00:00:00Z'));
    expect(parseInstant('2000-02-29T00:00:00Z')).to.equal(utc('2000-02-29T00:00:00Z'));
    expect(parseInstant('0000-01-01T00:00:00Z')).to.equal(-62_167_219_200_000);
    expect(parseInstant('9999-12-31T23:59:59.999Z')).to.equal(253_402_300_799_999);
    expect(parseInstant('0050-06-01T00:00:00Z')).to.equal(new Date('0050-06-01T00:00:00Z').getTime());
  });

  it('rejects strings without an offset, impossible calendar values and junk', () => {
    for (const bad of [
      '2026-03-02T10:00:00', // no offset: ambiguous
      '2026-03-02',
      '2026-02-30T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-01T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-03-00T00:00:00Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02T23:60:00Z',
      '2026-03-02T23:59:60Z',
      '2026-03-02T10:00:00.Z',
      '2026-03-02T10:00:00+24:00',
      '2026-03-02T10:00:00+01:60',
      '2026-03-02T10:00:00+1:00',
      '2026-03-02T10:00:00+01:0',
      '2026-03-02T10:00:00Zjunk',
      ' 2026-03-02T10:00:00Z',
      '2026-03-02T10:00:00Z ',
      '+002026-03-02T10:00:00Z',
      '2026-3-2T10:00:00Z',
      '0000-01-01T00:30:00+01:00', // before year 0000 in UTC
      '9999-12-31T23:30:00-01:00', // after year 9999 in UTC
      'Mon, 02 Mar 2026 10:00:00 GMT',
      '',
      'garbage',
    ]) {
      expect(parseInstant(bad), bad).to.equal(null);
    }
  });

  it('accepts finite epoch ms (truncated) and valid Dates', () => {
    expect(parseInstant(0)).to.equal(0);
    expect(Object.is(parseInstant(-0), 0)).to.equal(true);
    expect(Object.is(parseInstant(-0.5), 0)).to.equal(true);
    expect(parseInstant(1.9)).to.equal(1);
    expect(parseInstant(-1.5)).to.equal(-1);
    expect(parseInstant(1_772_445_600_000)).to.equal(1_772_445_600_000);
    expect(parseInstant(new Date(1_772_445_600_000))).to.equal(1_772_445_600_000);
    for (const bad of [NaN, Infinity, -Infinity, 1e20, -1e20, new Date(NaN), Object.create(Date.prototype)]) {
      expect(parseInstant(bad)).to.equal(null);
    }
    for (const bad of [null, undefined, true, {}, [], [1], { valueOf: () => 5 }, 10n, Symbol('x')]) {
      expect(parseInstant(bad)).to.equal(null);
    }
  });

  it('agrees with Date on every instant of years 0000–9999 (toISOString and offsets)', () => {
    const min = new Date('0000-01-01T00:00:00.000Z');
    const max = new Date('9999-12-31T23:59:59.999Z');
    const offsetMinutes = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });
    fc.assert(
      fc.property(fc.date({ min, max, noInvalidDate: true }), offsetMinutes, (date, offset) => {
        const ms = date.getTime();
        expect(parseInstant(date.toISOString())).to.equal(ms);
        // The same instant written with an offset: local wall time = UTC + offset.
        const local = new Date(ms + offset * 60_000);
        if (local.getUTCFullYear() < 0 || local.getUTCFullYear() > 9999) return;
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const pad = (n: number): string => String(n).padStart(2, '0');
        const text = `${local.toISOString().slice(0, 23)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
        expect(parseInstant(text), text).to.equal(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws and returns an integer in range or null for any string', () => {
    const isoLike = fc.stringMatching(/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d{1,5})?)?(Z|[+-]\d\d(:?\d\d)?)?$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), isoLike), (text) => {
        const ms = parseInstant(text);
        if (ms !== null) {
          expect(Number.isInteger(ms)).to.equal(true);
          // Every accepted instant round-trips through toISOString.
          expect(parseInstant(new Date(ms).toISOString())).to.equal(ms);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('writes every instant as toISOString does, day after day and back (the date part is kept between calls)', () => {
    const min = Date.parse('0000-01-01T00:00:00.000Z');
    const max = Date.parse('9999-12-31T23:59:59.999Z');
    fc.assert(
      fc.property(fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 86_400_000 }), (instants, step) => {
        // Some far apart, some in the same day as the one before.
        for (const ms of instants.flatMap((t) => [t, Math.min(max, t + step)])) expect(isoUtc(ms, null)).to.equal(new Date(ms).toISOString());
      }),
      { numRuns: 500 },
    );
    const offset = '2026-03-04T08:15:30.250+01:00';
    expect(isoUtc(Date.parse(offset), offset)).to.equal('2026-03-04T07:15:30.250Z');
    const canonical = '2026-03-04T07:15:30.250Z';
    expect(isoUtc(Date.parse(canonical), canonical)).to.equal(canonical);
  });
});

describe('laneOf', () => {
  it('maps types to lanes', () => {
    expect(laneOf('call')).to.equal('call');
    expect(laneOf('email')).to.equal('email');
    for (const chat of ['sms', 'web', 'messenger', 'whatsapp', 'viber']) expect(laneOf(chat)).to.equal('chat');
    expect(laneOf('ticket')).to.equal('ticket');
    expect(laneOf('fax')).to.equal('other');
    expect(laneOf('Call')).to.equal('other');
    expect(laneOf('')).to.equal('other');
  });
});

describe('normalizeTrace', () => {
  it('copies valid records with ISO UTC instants, keeping extra fields', () => {
    const activity = {
      id: 'a1',
      type: 'call',
      start: '2026-03-02T10:00:00+01:00',
      end: 1_772_445_900_000,
      closed: true,
      title: 'Hello',
      queue: 'Sales',
      contact: '+420 123',
      direction: 'in',
      ticketId: 'T-1',
      talkSeconds: 12.5,
      crmUrl: 'https://example.test/x',
      nested: { a: [1, 2] },
    };
    const raw = {
      sessions: [{ start: new Date('2026-03-02T08:00:00Z'), end: null, source: 'web' }],
      pauses: [{ start: '2026-03-02T12:00:00Z', name: 'Lunch', paid: false }],
      activities: [activity],
    };
    const { data, warnings } = normalizeTrace(raw);
    expect(warnings).to.deep.equal([]);
    expect(data.sessions).to.deep.equal([{ start: '2026-03-02T08:00:00.000Z', end: null, source: 'web' }]);
    expect(data.pauses).to.deep.equal([{ start: '2026-03-02T12:00:00.000Z', end: null, name: 'Lunch', paid: false }]);
    expect(data.activities).to.deep.equal([
      { ...activity, start: '2026-03-02T09:00:00.000Z', end: new Date(1_772_445_900_000).toISOString() },
    ]);
    expect(data.activities[0]).not.to.equal(activity);
    expect(data.activities[0]!.nested).to.equal(activity.nested); // extra fields as is, not deep-copied
    expect(activity.start).to.equal('2026-03-02T10:00:00+01:00'); // the provider's object is untouched
  });

  it('converts numeric ids and ticket ids to strings and drops null optional fields', () => {
    const { data, warnings } = normalizeTrace({
      sessions: [],
      pauses: [],
      activities: [
        { id: 42, type: 'ticket', start: 0, end: 1000, ticketId: 7, closed: null, title: null, talkSeconds: null },
      ],
    });
    expect(warnings).to.deep.equal([]);
    expect(data.activities).to.deep.equal([
      { id: '42', type: 'ticket', start: '1970-01-01T00:00:00.000Z', end: '1970-01-01T00:00:01.000Z', ticketId: '7' },
    ]);
  });

  it('allows zero-length intervals and keeps unknown types', () => {
    const { data, warnings } = normalizeTrace({
      sessions: [{ start: 5000, end: 5000 }],
      pauses: [],
      activities: [{ id: 'x', type: 'fax', start: 5000, end: 5000 }],
    });
    expect(warnings).to.deep.equal([]);
    expect(data.sessions).to.have.length(1);
    expect(data.activities[0]!.type).to.equal('fax');
  });

  it('leaves out each kind of bad activity with a warning naming index and id', () => {
    const good = { id: 'ok', type: 'email', start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:05:00Z' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, id: '' }, 'activity-invalid-id'],
      [{ ...good, id: undefined }, 'activity-invalid-id'],
      [{ ...good, id: NaN }, 'activity-invalid-id'],
      [{ ...good, id: { x: 1 } }, 'activity-invalid-id'],
      [{ ...good, type: '' }, 'activity-invalid-type'],
      [{ ...good, type: 3 }, 'activity-invalid-type'],
      [{ ...good, start: '2026-03-02T10:00:00' }, 'activity-invalid-start'],
      [{ ...good, start: '2026-02-30T10:00:00Z' }, 'activity-invalid-start'],
      [{ ...good, start: null }, 'activity-invalid-start'],
      [{ ...good, end: 'soon' }, 'activity-invalid-end'],
      [{ ...good, end: '2026-03-02T09:59:59.999Z' }, 'activity-end-before-start'],
      [{ ...good, closed: 'yes' }, 'activity-invalid-closed'],
      [{ ...good, talkSeconds: -1 }, 'activity-invalid-talk-seconds'],
      [{ ...good, talkSeconds: Infinity }, 'activity-invalid-talk-seconds'],
      [{ ...good, talkSeconds: '12' }, 'activity-invalid-talk-seconds'],
      [{ ...good, direction: 'sideways' }, 'activity-invalid-direction'],
      [{ ...good, title: 5 }, 'activity-invalid-title'],
      [{ ...good, queue: [] }, 'activity-invalid-queue'],
      [{ ...good, contact: {} }, 'activity-invalid-contact'],
      [{ ...good, ticketId: true }, 'activity-invalid-ticket-id'],
    ];
    for (const [bad, kind] of cases) {
      const result = normalizeTrace({ sessions: [], pauses: [], activities: [good, bad] });
      expect(result.data.activities, kind).to.have.length(1);
      expect(result.data.activities[0]!.id).to.equal('ok');
      expect(result.warnings, kind).to.have.length(1);
      const warning = result.warnings[0]!;
      expect(warning.kind).to.equal(kind);
      expect(warning.index).to.equal(1);
      expect(warning.message).to.be.a('string').and.not.equal('');
      if (typeof bad.id === 'string' && bad.id !== '') expect(warning.id).to.equal(bad.id);
    }
  });

  it('keeps the first valid record of a duplicate id', () => {
    const result = normalizeTrace({
      sessions: [],
      pauses: [],
      activities: [
        { id: 'a', type: 'call', start: 'bad' },
        { id: 'a', type: 'call', start: 1000, title: 'first valid' },
        { id: 'a', type: 'email', start: 2000, title: 'later' },
        { id: 'b', type: 'call', start: 3000 },
      ],
    });
    expect(result.data.activities.map((a) => [a.id, a.title])).to.deep.equal([
      ['a', 'first valid'],
      ['b', undefined],
    ]);
    expect(kinds(result)).to.deep.equal(['activity-invalid-start', 'activity-duplicate-id']);
    expect(result.warnings[1]).to.include({ index: 2, id: 'a' });
  });

  it('validates sessions and pauses', () => {
    const result = normalizeTrace({
      sessions: [{ start: 0, end: 1000 }, { start: 'x' }, { start: 2000, end: 1000 }, 'session', null],
      pauses: [
        { start: 0, end: 1000, name: 'Lunch', paid: true },
        { start: 0, name: 'Lunch', paid: 'yes' },
        { start: 0, name: 5, paid: true },
        { start: 0, paid: true },
        { start: 0, end: -1, name: '', paid: false },
        { start: 0, name: '', paid: false },
      ],
      activities: [],
    });
    expect(result.data.sessions).to.have.length(1);
    expect(result.data.pauses.map((p) => p.name)).to.deep.equal(['Lunch', '']);
    expect(kinds(result)).to.deep.equal([
      'session-invalid-start',
      'session-end-before-start',
      'session-not-an-object',
      'session-not-an-object',
      'pause-invalid-paid',
      'pause-invalid-name',
      'pause-invalid-name',
      'pause-end-before-start',
    ]);
  });

  it('treats missing or wrong top-level arrays as empty, with one warning each', () => {
    const missing = normalizeTrace({ activities: [] });
    expect(missing.data).to.deep.equal({ sessions: [], pauses: [], activities: [] });
    expect(kinds(missing)).to.deep.equal(['missing-array', 'missing-array']);
    expect(missing.warnings[0]!.message).to.contain('sessions');
    const wrong = normalizeTrace({ sessions: 'x', pauses: {}, activities: null });
    expect(kinds(wrong)).to.deep.equal(['invalid-array', 'invalid-array', 'missing-array']);
  });

  it('returns empty data and a warning for a non-object', () => {
    for (const raw of [null, undefined, 5, 'trace', true, [], [{ sessions: [] }], () => 1]) {
      const result = normalizeTrace(raw);
      expect(result.data).to.deep.equal({ sessions: [], pauses: [], activities: [] });
      expect(kinds(result)).to.deep.equal(['not-an-object']);
    }
  });

  it('survives getters that throw, proxies and revoked proxies', () => {
    const hostile = { id: 'h', type: 'call', start: 0 };
    Object.defineProperty(hostile, 'end', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const topLevel = {
      sessions: [],
      pauses: [],
      get activities(): unknown {
        throw new Error('no activities for you');
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const trapping = new Proxy(
      { id: 'p', type: 'call', start: 0 },
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const ok = { id: 'ok', type: 'call', start: 0 };
    const result = normalizeTrace({ sessions: [], pauses: [proxy], activities: [hostile, trapping, ok] });
    expect(result.data.activities.map((a) => a.id)).to.deep.equal(['ok']);
    expect(kinds(result)).to.deep.equal(['pause-unreadable', 'activity-unreadable', 'activity-unreadable']);
    expect(kinds(normalizeTrace(topLevel))).to.deep.equal(['invalid-array']);
    expect(kinds(normalizeTrace(proxy))).to.deep.equal(['unreadable']);
  });

  it('never throws on anything, and what it keeps is valid', () => {
    const instant = fc.oneof(
      fc.integer({ min: -1e13, max: 1e13 }),
      fc.double(),
      fc.date(),
      fc.string(),
      fc.constantFrom('2026-03-02T10:00:00Z', '2026-03-02T10:00:00', '2026-02-30T00:00Z', null, undefined),
    );
    const junkRecord = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.anything()),
        type: fc.oneof(fc.constantFrom('call', 'email', 'sms', 'ticket', 'fax', ''), fc.anything()),
        start: instant,
        end: instant,
        closed: fc.oneof(fc.boolean(), fc.anything()),
        talkSeconds: fc.oneof(fc.double(), fc.integer(), fc.anything()),
        direction: fc.oneof(fc.constantFrom('in', 'out', 'internal', 'up'), fc.anything()),
        name: fc.oneof(fc.string(), fc.anything()),
        paid: fc.oneof(fc.boolean(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const list = fc.array(fc.oneof(junkRecord, fc.anything()), { maxLength: 8 });
    const trace = fc.oneof(
      fc.anything(),
      fc.record(
        { sessions: fc.oneof(list, fc.anything()), pauses: fc.oneof(list, fc.anything()), activities: fc.oneof(list, fc.anything()) },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(trace, (raw) => {
        const result = normalizeTrace(raw);
        expect(Array.isArray(result.data.sessions)).to.equal(true);
        expect(Array.isArray(result.data.pauses)).to.equal(true);
        expect(Array.isArray(result.data.activities)).to.equal(true);
        for (const w of result.warnings) {
          expect(w.kind).to.be.a('string');
          expect(w.message).to.be.a('string');
        }
        const seen = new Set<string>();
        for (const a of result.data.activities) {
          expect(a.id).to.be.a('string').and.not.equal('');
          expect(seen.has(a.id)).to.equal(false);
          seen.add(a.id);
          expect(a.type).to.be.a('string').and.not.equal('');
          const start = parseInstant(a.start)!;
          expect(start).not.to.equal(null);
          if (a.end !== null) expect(parseInstant(a.end)).to.be.at.least(start);
        }
        // Validated data is a fixed point: validating it again changes nothing and warns about nothing.
        const again = normalizeTrace(result.data);
        expect(again.warnings).to.deep.equal([]);
        expect(again.data).to.deep.equal(result.data);
        // And the prepared form can always be built.
        expect(prepareTrace(raw).prepared.activities).to.have.length(result.data.activities.length);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every valid record and warns once per invalid one', () => {
    const valid = fc.record({
      type: fc.constantFrom('call', 'email', 'web', 'ticket', 'fax'),
      start: fc.integer({ min: 0, max: 1e9 }),
      length: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
      closed: fc.option(fc.boolean(), { nil: undefined }),
    });
    const corruption = fc.constantFrom<[string, unknown]>(
      ['start', 'not a date'],
      ['start', '2026-03-02T10:00:00'],
      ['end', -5],
      ['type', 7],
      ['closed', 1],
      ['talkSeconds', -3],
      ['direction', 'both'],
      ['id', ''],
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(valid, fc.option(corruption, { nil: null })), { maxLength: 30 }), (rows) => {
        const activities = rows.map(([v, bad], i) => {
          const record: Record<string, unknown> = {
            id: `a${i}`,
            type: v.type,
            start: new Date(v.start).toISOString(),
            end: v.length === null ? null : v.start + v.length,
          };
          if (v.closed !== undefined) record.closed = v.closed;
          if (bad) record[bad[0]] = bad[1];
          return record;
        });
        const result = normalizeTrace({ sessions: [], pauses: [], activities });
        const invalid = rows.filter(([, bad]) => bad !== null).length;
        expect(result.data.activities).to.have.length(rows.length - invalid);
        expect(result.warnings).to.have.length(invalid);
        rows.forEach(([, bad], i) => {
          if (bad === null) expect(result.data.activities.some((a) => a.id === `a${i}`)).to.equal(true);
          else expect(result.warnings.some((w) => w.index === i)).to.equal(true);
        });
      }),
    );
  });
});

describe('prepareTrace and getPrepared', () => {
  it('sorts by start, then end with running last, then id, and indexes the result', () => {
    const { data, prepared } = prepareTrace({
      sessions: [{ start: 5000 }, { start: 1000, end: 2000 }],
      pauses: [{ start: 9000, name: 'b', paid: true }, { start: 3000, end: 4000, name: 'a', paid: false }],
      activities: [
        { id: 'c', type: 'call', start: 2000 },
        { id: 'b', type: 'sms', start: 2000, end: 3000 },
        { id: 'a', type: 'fax', start: 2000, end: 3000, closed: true },
        { id: 'z', type: 'ticket', start: 1000, end: 9000 },
        { id: 'y', type: 'email', start: 2000, end: 2500 },
      ],
    });
    expect(prepared.activities.map((a) => a.id)).to.deep.equal(['z', 'y', 'a', 'b', 'c']);
    expect(prepared.activities.map((a) => a.index)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(prepared.activities.map((a) => a.lane)).to.deep.equal(['ticket', 'email', 'other', 'chat', 'call']);
    expect(prepared.activities[2]).to.include({ start: 2000, end: 3000, closed: true, type: 'fax' });
    expect(prepared.activities[4]!.end).to.equal(null);
    expect(prepared.activities[2]!.record).to.equal(data.activities[2]);
    expect(prepared.sessions).to.deep.equal([{ start: 1000, end: 2000 }, { start: 5000, end: null }]);
    expect(prepared.pauses.map((p) => p.name)).to.deep.equal(['a', 'b']);
  });

  it('caches the prepared form of validated data only', () => {
    const raw = { sessions: [], pauses: [], activities: [{ id: 'a', type: 'call', start: 0 }] };
    const result = prepareTrace(raw);
    expect(getPrepared(result.data)).to.equal(result.prepared);
    const normalized = normalizeTrace(raw);
    const first = getPrepared(normalized.data);
    expect(first).not.to.equal(undefined);
    expect(getPrepared(normalized.data)).to.equal(first);
    expect(getPrepared(raw as unknown as TraceData)).to.equal(undefined);
    const empty = getPrepared(normalizeTrace(null).data)!;
    expect({ sessions: empty.sessions, pauses: empty.pauses, activities: empty.activities }).to.deep.equal({ sessions: [], pauses: [], activities: [] });
    expect(empty.columns.start.length).to.equal(0);
  });

  it('gives the activities in columns as well, entry for entry', () => {
    const raw = {
      sessions: [],
      pauses: [],
      activities: [
        { id: 'b', type: 'email', start: '2026-03-03T10:00:00Z', end: '2026-03-03T10:05:00Z' },
        { id: 'a', type: 'whatsapp', start: '2026-03-03T09:00:00Z', end: null },
        { id: 'c', type: 'callback', start: '2026-03-03T11:00:00Z', end: '2026-03-03T11:00:00Z' },
      ],
    };
    const { prepared } = prepareTrace(raw);
    const columns = prepared.columns;
    expect([...columns.start]).to.deep.equal(prepared.activities.map((a) => a.start));
    expect([...columns.end]).to.deep.equal(prepared.activities.map((a) => a.end ?? Infinity));
    expect([...columns.lane]).to.deep.equal(prepared.activities.map((a) => ACTIVITY_LANES.indexOf(a.lane)));
    expect([...columns.colour]).to.deep.equal(prepared.activities.map((a) => colourOf(a.type)));
    expect([...columns.colour].map((c) => COLOUR_KEYS[c])).to.deep.equal(['whatsapp', 'email', 'other']);
    const made = emptyColumns(prepared.activities.length);
    prepared.activities.forEach((a, i) => setColumns(made, i, a));
    expect(made).to.deep.equal(columns);
  });

  it('orders like a reference sort, including many equal starts', () => {
    const row = fc.record({
      start: fc.integer({ min: 0, max: 20 }),
      length: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      id: fc.string({ minLength: 1, maxLength: 3 }),
    });
    const bigStart = fc.constantFrom(0, 2e14); // 2e14 ms apart: the numeric key would not fit, comparator path
    // Starts 0…20, or only 0…2: runs of equal start both short (an insertion sort) and over 16 (a typed array's sort).
    const spread = fc.constantFrom(21, 3);
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 60 }), bigStart, fc.boolean(), spread, (generated, offset, byStart, modulo) => {
        const unsorted = generated.map((r) => ({ ...r, start: r.start % modulo }));
        // Sent in order of start already, ties in any order: only the runs of equal start are sorted.
        const rows = byStart ? [...unsorted].sort((a, b) => a.start - b.start) : unsorted;
        if (byStart) offset = 0;
        const activities = rows.map((r, i) => ({
          id: r.id,
          type: 'call',
          start: (i % 2 === 0 ? 0 : offset) + r.start * 1000,
          end: r.length === null ? null : (i % 2 === 0 ? 0 : offset) + (r.start + r.length) * 1000,
        }));
        const { prepared } = prepareTrace({ sessions: [], pauses: [], activities });
        const expected = activities
          .map((a) => ({ id: a.id, start: a.start, end: a.end }))
          .sort(
            (a, b) =>
              a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
          );
        expect(prepared.activities.map((a) => a.id)).to.deep.equal(expected.map((a) => a.id));
        prepared.activities.forEach((a, i) => expect(a.index).to.equal(i));
      }),
    );
  });
});

describe('normalizeTrace, the order of warnings', () => {
  it('reports list after list, each list’s own problem before the next list’s', () => {
    const raw = { sessions: [{ start: 'never' }], activities: [{ id: 'a', type: 'call', start: 'never' }] };
    expect(kinds(normalizeTrace(raw))).to.deep.equal(['session-invalid-start', 'missing-array', 'activity-invalid-start']);
  });
});

describe('normalizeUsers', () => {
  it('keeps valid users, copies them and reports the rest', () => {
    const result = normalizeUsers([
      { id: 'u1', name: 'Jana Nováková', deactivated: false, timeZone: 'Europe/Prague', email: 'jana@example.test' },
      { id: 2, name: 'Petr', deactivated: null, timeZone: null },
      { id: 'u1', name: 'Duplicate' },
      { id: '', name: 'No id' },
      { id: 'u3' },
      { id: 'u4', name: 'X', deactivated: 'no' },
      { id: 'u5', name: 'Y', timeZone: 1 },
      'user',
    ]);
    expect(result.users).to.deep.equal([
      { id: 'u1', name: 'Jana Nováková', deactivated: false, timeZone: 'Europe/Prague', email: 'jana@example.test' },
      { id: '2', name: 'Petr' },
    ]);
    expect(kinds(result)).to.deep.equal([
      'user-duplicate-id',
      'user-invalid-id',
      'user-invalid-name',
      'user-invalid-deactivated',
      'user-invalid-time-zone',
      'user-not-an-object',
    ]);
    expect(result.warnings[0]).to.include({ index: 2, id: 'u1' });
  });

  it('never throws', () => {
    expect(kinds(normalizeUsers({ users: [] }))).to.deep.equal(['users-not-an-array']);
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = normalizeUsers(raw);
        expect(Array.isArray(result.users)).to.equal(true);
      }),
    );
  });
});
