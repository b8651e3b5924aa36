import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizeTrace, prepareTrace } from '../../../src/model/normalize.js';
import type { TraceStats } from '../../../src/model/types.js';
import { CHAT_CHANNELS } from '../../../src/model/types.js';
import { busyColumns, busyMs, busySpans, computePreparedStats, computeStats, emptyStats, loginFigures, subtractBusy } from '../../../src/stats/compute-stats.js';
import { subtractSpans, totalMs, unionSpans, type Span } from '../../../src/stats/intervals.js';
import { endAt } from '../../../src/model/interval.js';

const HOUR = 3600;
const MIN = 60;

/** `2026-03-0<day>T<hh:mm>Z`; day 2 is a Monday. */
const at = (day: number, time: string): string => `2026-03-0${day}T${time}:00Z`;
const dayRange = (day: number): { start: string; end: string } => ({ start: at(day, '00:00'), end: at(day + 1, '00:00') });

/** A hand-computed Monday (2026-03-02, UTC) and the running start of Tuesday. */
const trace = {
  sessions: [
    { start: at(2, '08:00'), end: at(2, '12:00') },
    { start: at(2, '11:00'), end: at(2, '17:00') }, // overlaps the first: logged once
    { start: at(2, '23:00'), end: at(3, '01:00') }, // crosses midnight
    { start: at(3, '08:00'), end: null }, // running
  ],
  pauses: [
    { start: at(2, '12:00'), end: at(2, '12:30'), name: 'Lunch', paid: false },
    { start: at(2, '10:00'), end: at(2, '10:15'), name: 'Coffee', paid: true },
    { start: at(2, '10:10'), end: at(2, '10:20'), name: 'Coffee', paid: true }, // overlaps the other coffee
    { start: at(2, '18:00'), end: at(2, '19:00'), name: 'Training', paid: true }, // outside sessions
    { start: at(3, '09:30'), end: null, name: 'Break', paid: false }, // running
  ],
  activities: [
    { id: 'c1', type: 'call', start: at(2, '08:00'), end: at(2, '08:10'), closed: true, talkSeconds: 300 },
    { id: 'c2', type: 'call', start: at(2, '08:05'), end: at(2, '08:20'), talkSeconds: 600 },
    { id: 'e1', type: 'email', start: at(2, '08:15'), end: at(2, '08:45'), closed: true },
    { id: 's1', type: 'sms', start: at(2, '09:00'), end: at(2, '09:30'), closed: true },
    { id: 'w1', type: 'web', start: at(2, '09:15'), end: at(2, '09:45'), closed: false },
    { id: 't1', type: 'ticket', ticketId: 'T-1', start: at(2, '10:05'), end: at(2, '10:15'), closed: true }, // during a pause
    { id: 't2', type: 'ticket', ticketId: 'T-1', start: at(2, '13:00'), end: at(2, '13:10') },
    { id: 't3', type: 'ticket', ticketId: 'T-2', start: at(2, '14:00'), end: at(2, '14:00') }, // zero length
    { id: 'f1', type: 'fax', start: at(2, '15:00'), end: at(2, '15:30'), closed: true }, // unknown type: busy only
    { id: 'c3', type: 'call', start: at(2, '23:30'), end: at(3, '00:30'), closed: true, talkSeconds: 100 }, // crosses midnight
    { id: 'c4', type: 'call', start: at(3, '09:00'), end: null, closed: true }, // running: never counted closed
    { id: 'e2', type: 'email', start: at(3, '11:00'), end: null }, // running, starts after now
    { id: 't4', type: 'ticket', ticketId: 'T-9', start: at(3, '09:50'), end: null },
    { id: 't5', type: 'ticket', ticketId: 'T-10', start: at(3, '11:00'), end: null }, // starts after now
  ],
};
const NOW = at(3, '10:00');

function stats(partial: {
  calls?: Partial<TraceStats['calls']>;
  emails?: Partial<TraceStats['emails']>;
  chats?: Partial<TraceStats['chats']>;
  tickets?: Partial<TraceStats['tickets']>;
  pauses?: Partial<TraceStats['pauses']>;
  login?: Partial<TraceStats['login']>;
}): TraceStats {
  const base = emptyStats();
  return {
    calls: { ...base.calls, ...partial.calls },
    emails: { ...base.emails, ...partial.emails },
    chats: { ...base.chats, ...partial.chats },
    tickets: { ...base.tickets, ...partial.tickets },
    pauses: { ...base.pauses, ...partial.pauses },
    login: { ...base.login, ...partial.login },
  };
}

describe('computeStats', () => {
  it('computes a hand-checked day', () => {
    // Logged 08:00–17:00 and 23:00–24:00; pauses inside sessions 10:00–10:20 and 12:00–12:30.
    // Busy 08:00–08:45, 09:00–09:45, 10:05–10:15 (paused), 13:00–13:10, 15:00–15:30, 23:30–24:00.
    const ready = 10 * HOUR - 20 * MIN - 30 * MIN;
    const readyBusy = 45 * MIN + 45 * MIN + 10 * MIN + 30 * MIN + 30 * MIN;
    expect(computeStats(trace, dayRange(2), NOW)).to.deep.equal(
      stats({
        calls: { time: 20 * MIN + 30 * MIN, talkTime: 900, closed: 1 },
        emails: { time: 30 * MIN, closed: 1 },
        chats: { ...emptyStats().chats, sms: { time: 30 * MIN, closed: 1 }, web: { time: 30 * MIN, closed: 0 } },
        tickets: { edited: 2, closed: 1 },
        pauses: { paid: 20 * MIN + HOUR, unpaid: 30 * MIN, byName: { Lunch: 30 * MIN, Coffee: 20 * MIN, Training: HOUR } },
        login: { logged: 10 * HOUR, ready, idle: ready - readyBusy, occupancy: readyBusy / ready },
      }),
    );
  });

  it('counts running intervals up to now and nothing that starts after now', () => {
    // Logged 00:00–01:00 and 08:00–now(10:00); Break 09:30–now; busy 00:00–00:30 and 09:00–now.
    const ready = 3 * HOUR - 30 * MIN;
    const readyBusy = 30 * MIN + 30 * MIN;
    expect(computeStats(trace, dayRange(3), NOW)).to.deep.equal(
      stats({
        calls: { time: 30 * MIN + HOUR, talkTime: 100, closed: 1 },
        tickets: { edited: 1, closed: 0 },
        pauses: { paid: 0, unpaid: 30 * MIN, byName: { Break: 30 * MIN } },
        login: { logged: 3 * HOUR, ready, idle: ready - readyBusy, occupancy: readyBusy / ready },
      }),
    );
    // A period entirely after now: running intervals contribute nothing.
    expect(computeStats(trace, dayRange(4), NOW)).to.deep.equal(emptyStats());
    // Later "now": running intervals grow, clamped to the period end.
    const later = computeStats(trace, dayRange(3), at(5, '00:00'));
    expect(later.login.logged).to.equal(HOUR + 16 * HOUR);
    expect(later.emails.time).to.equal(13 * HOUR);
    expect(later.tickets.edited).to.equal(2);
  });

  it('accepts now as ISO string, epoch ms or Date and defaults to the clock', () => {
    const ms = Date.parse(NOW);
    const expected = computeStats(trace, dayRange(3), NOW);
    expect(computeStats(trace, dayRange(3), ms)).to.deep.equal(expected);
    expect(computeStats(trace, dayRange(3), new Date(ms))).to.deep.equal(expected);
    // With the real clock (years after 2026-03-04) the finished Monday is unaffected.
    expect(computeStats(trace, dayRange(2))).to.deep.equal(computeStats(trace, dayRange(2), NOW));
  });

  it('gives the same answer for raw, normalized and prepared data', () => {
    const normalized = normalizeTrace(trace).data;
    const { prepared } = prepareTrace(trace);
    for (const day of [2, 3]) {
      const expected = computeStats(trace, dayRange(day), NOW);
      expect(computeStats(normalized, dayRange(day), NOW)).to.deep.equal(expected);
      const { start, end } = dayRange(day);
      const fast = computePreparedStats(prepared, Date.parse(start), Date.parse(end), Date.parse(NOW));
      expect(fast).to.deep.equal(expected);
    }
  });

  it('ignores invalid records and survives garbage', () => {
    const dirty = {
      ...trace,
      activities: [...trace.activities, { id: 'c1', type: 'call', start: at(2, '00:00'), end: at(2, '23:00') }, null, { id: 'x' }],
    };
    expect(computeStats(dirty, dayRange(2), NOW)).to.deep.equal(computeStats(trace, dayRange(2), NOW));
    expect(computeStats(null, dayRange(2), NOW)).to.deep.equal(emptyStats());
    expect(computeStats('nonsense', dayRange(2), NOW)).to.deep.equal(emptyStats());
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        computeStats(raw, dayRange(2), NOW);
      }),
    );
  });

  it('rejects an invalid range or now (host errors, not provider data)', () => {
    expect(() => computeStats(trace, { start: '2026-03-02', end: at(3, '00:00') })).to.throw(RangeError);
    expect(() => computeStats(trace, { start: at(3, '00:00'), end: at(2, '00:00') })).to.throw(RangeError);
    expect(() => computeStats(trace, dayRange(2), 'yesterday')).to.throw(RangeError);
    expect(() => computeStats(trace, undefined as unknown as { start: string; end: string })).to.throw(RangeError);
    expect(computeStats(trace, { start: at(2, '10:00'), end: at(2, '10:00') }, NOW)).to.deep.equal(emptyStats());
  });

  it('reports talk time as null, 0 or a sum', () => {
    const call = (id: string, end: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      id,
      type: 'call',
      start: at(2, '10:00'),
      end,
      ...extra,
    });
    const talk = (activities: unknown[]): number | null =>
      computeStats({ sessions: [], pauses: [], activities }, dayRange(2), NOW).calls.talkTime;
    expect(talk([])).to.equal(null);
    expect(talk([call('a', at(2, '10:05'))])).to.equal(null); // unknown
    expect(talk([call('a', at(2, '10:05'), { talkSeconds: 0 })])).to.equal(0);
    const known = [call('a', at(2, '10:05'), { talkSeconds: 10 }), call('b', at(2, '10:06'), { talkSeconds: 2.5 })];
    expect(talk([...known, call('c', at(2, '10:07'))])).to.equal(12.5);
    expect(talk([call('a', at(3, '10:05'), { talkSeconds: 10 })])).to.equal(null); // ends after P
    expect(talk([call('a', null as unknown as string, { talkSeconds: 10 })])).to.equal(null); // running: no end
    expect(talk([{ id: 'e', type: 'email', start: at(2, '10:00'), end: at(2, '10:05'), talkSeconds: 10 }])).to.equal(null);
  });

  it('counts closed by end in [start, end) and distinct tickets', () => {
    const P = { start: at(2, '10:00'), end: at(2, '12:00') };
    const activities = [
      { id: 'a', type: 'email', start: at(2, '09:00'), end: at(2, '10:00'), closed: true }, // ends at P.start: in
      { id: 'b', type: 'email', start: at(2, '11:00'), end: at(2, '12:00'), closed: true }, // ends at P.end: out
      { id: 'c', type: 'viber', start: at(2, '11:00'), end: at(2, '11:00'), closed: true }, // zero length: in
      { id: 't1', type: 'ticket', ticketId: 'A', start: at(2, '09:00'), end: at(2, '10:00') }, // touches P.start: no overlap
      { id: 't2', type: 'ticket', ticketId: 'B', start: at(2, '10:00'), end: at(2, '10:00') }, // zero length at P.start: overlaps
      { id: 't3', type: 'ticket', ticketId: 'C', start: at(2, '12:00'), end: at(2, '12:00') }, // zero length at P.end: no
      { id: 't4', type: 'ticket', ticketId: 'D', start: at(2, '10:30'), end: at(2, '10:40'), closed: true },
      { id: 't5', type: 'ticket', ticketId: 'D', start: at(2, '11:30'), end: at(2, '11:40'), closed: true }, // same ticket
      { id: 't6', type: 'ticket', start: at(2, '10:30'), end: at(2, '10:40'), closed: true }, // no ticketId: its own
      { id: 'D', type: 'ticket', start: at(2, '10:30'), end: at(2, '10:40') }, // its id is not ticket "D"
      { id: 't7', type: 'ticket', ticketId: 'E', start: at(2, '11:50'), end: at(2, '12:10'), closed: true }, // ends after P
      { id: 'x', type: 'call', ticketId: 'F', start: at(2, '10:30'), end: at(2, '10:40'), closed: true }, // not a ticket activity
    ];
    const result = computeStats({ sessions: [], pauses: [], activities }, P, NOW);
    expect(result.emails.closed).to.equal(1);
    expect(result.chats.viber).to.deep.equal({ time: 0, closed: 1 });
    expect(result.calls.closed).to.equal(1);
    expect(result.tickets).to.deep.equal({ edited: 5, closed: 2 }); // edited B D t6 "D"(own) E; closed D t6
  });

  it('does not let pauses outside sessions make Ready negative', () => {
    const result = computeStats(
      {
        sessions: [{ start: at(2, '08:00'), end: at(2, '09:00') }],
        pauses: [
          { start: at(2, '07:00'), end: at(2, '08:30'), name: 'Early', paid: true },
          { start: at(2, '10:00'), end: at(2, '14:00'), name: 'Long', paid: false },
        ],
        activities: [{ id: 'a', type: 'call', start: at(2, '08:00'), end: at(2, '10:00') }],
      },
      dayRange(2),
      NOW,
    );
    expect(result.login).to.deep.equal({ logged: HOUR, ready: 30 * MIN, idle: 0, occupancy: 1 });
    expect(result.pauses).to.deep.equal({ paid: 90 * MIN, unpaid: 4 * HOUR, byName: { Early: 90 * MIN, Long: 4 * HOUR } });
    expect(computeStats({ sessions: [], pauses: trace.pauses, activities: [] }, dayRange(2), NOW).login).to.deep.equal({
      logged: 0,
      ready: 0,
      idle: 0,
      occupancy: null,
    });
  });

  it('keeps a pause named __proto__ as an ordinary entry', () => {
    const result = computeStats(
      { sessions: [], pauses: [{ start: at(2, '10:00'), end: at(2, '10:01'), name: '__proto__', paid: true }], activities: [] },
      dayRange(2),
      NOW,
    );
    expect(Object.keys(result.pauses.byName)).to.deep.equal(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(result.pauses.byName, '__proto__')!.value).to.equal(60);
  });

  it('keeps fractional seconds exactly (ms / 1000)', () => {
    const result = computeStats(
      { sessions: [], pauses: [], activities: [{ id: 'a', type: 'email', start: 0, end: 1234 }] },
      { start: '1970-01-01T00:00:00Z', end: '1970-01-02T00:00:00Z' },
      0,
    );
    expect(result.emails.time).to.equal(1.234);
  });
});

// ---------------------------------------------------------------------------
// Properties on random data
// ---------------------------------------------------------------------------

interface Gen {
  start: number;
  length: number | null;
}

const interval = (min: number, max: number, maxLength: number) =>
  fc.record({
    start: fc.integer({ min, max }),
    length: fc.option(fc.integer({ min: 0, max: maxLength }), { nil: null, freq: 5 }),
  });

/** Random trace data in `unit` ms steps over `[min, max]` units (ids unique, instants as numbers). */
function randomTrace(min: number, max: number, maxLength: number, unit: number, uniqueTickets = false) {
  const toInterval = (g: Gen) => ({ start: g.start * unit, end: g.length === null ? null : (g.start + g.length) * unit });
  return fc
    .record({
      sessions: fc.array(interval(min, max, maxLength), { maxLength: 6 }),
      pauses: fc.array(
        fc.record({ at: interval(min, max, maxLength), name: fc.constantFrom('Lunch', 'Coffee', 'Training'), paid: fc.boolean() }),
        { maxLength: 6 },
      ),
      activities: fc.array(
        fc.record({
          at: interval(min, max, maxLength),
          type: fc.constantFrom('call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'fax'),
          closed: fc.option(fc.boolean(), { nil: undefined }),
          talkSeconds: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
          ticketId: fc.option(fc.constantFrom('T1', 'T2', 'T3'), { nil: undefined }),
        }),
        { maxLength: 40 },
      ),
    })
    .map((t) => ({
      sessions: t.sessions.map(toInterval),
      pauses: t.pauses.map((p) => ({ ...toInterval(p.at), name: p.name, paid: p.paid })),
      activities: t.activities.map((a, i) => {
        const record: Record<string, unknown> = { id: `a${i}`, type: a.type, ...toInterval(a.at) };
        if (a.closed !== undefined) record.closed = a.closed;
        if (a.talkSeconds !== undefined) record.talkSeconds = a.talkSeconds;
        if (a.ticketId !== undefined && !uniqueTickets) record.ticketId = a.ticketId;
        return record;
      }),
    }));
}

interface Trace {
  sessions: { start: number; end: number | null }[];
  pauses: { start: number; end: number | null; name: string; paid: boolean }[];
  activities: Record<string, unknown>[];
}

/** Brute force, second by second, straight from the definitions of docs/spec.md#statistics. */
function oracle(t: Trace, from: number, to: number, now: number): TraceStats {
  const result = emptyStats();
  const covers = (iv: { start: number; end: number | null }, s: number): boolean =>
    iv.start <= s && s < (iv.end ?? Math.min(now, to));
  const typeTime = new Map<string, number>();
  const byName: Record<string, number> = {};
  let logged = 0;
  let ready = 0;
  let idle = 0;
  for (let s = from; s < to; s += 1000) {
    const isLogged = t.sessions.some((iv) => covers(iv, s));
    const pausesNow = t.pauses.filter((iv) => covers(iv, s));
    const activitiesNow = t.activities.filter((a) => covers(a as { start: number; end: number | null }, s));
    if (isLogged) logged++;
    if (pausesNow.some((p) => p.paid)) result.pauses.paid++;
    if (pausesNow.some((p) => !p.paid)) result.pauses.unpaid++;
    for (const name of new Set(pausesNow.map((p) => p.name))) byName[name] = (byName[name] ?? 0) + 1;
    for (const type of new Set(activitiesNow.map((a) => a.type as string))) typeTime.set(type, (typeTime.get(type) ?? 0) + 1);
    if (isLogged && pausesNow.length === 0) {
      ready++;
      if (activitiesNow.length === 0) idle++;
    }
  }
  result.pauses.byName = byName;
  result.login = { logged, ready, idle, occupancy: ready > 0 ? (ready - idle) / ready : null };
  result.calls.time = typeTime.get('call') ?? 0;
  result.emails.time = typeTime.get('email') ?? 0;
  for (const channel of CHAT_CHANNELS) result.chats[channel].time = typeTime.get(channel) ?? 0;
  const endsInP = (a: Record<string, unknown>): boolean => typeof a.end === 'number' && a.end >= from && a.end < to;
  const edited = new Set<string>();
  const closedTickets = new Set<string>();
  for (const a of t.activities) {
    const type = a.type as string;
    const key = typeof a.ticketId === 'string' ? `ticket:${a.ticketId}` : `activity:${a.id as string}`;
    if (endsInP(a) && a.closed === true) {
      if (type === 'call') result.calls.closed++;
      if (type === 'email') result.emails.closed++;
      if ((CHAT_CHANNELS as readonly string[]).includes(type)) result.chats[type as 'sms'].closed++;
      if (type === 'ticket') closedTickets.add(key);
    }
    if (type === 'call' && endsInP(a) && typeof a.talkSeconds === 'number') {
      // Talk time is cut to the call's own length (normalizeTrace).
      const length = ((a.end as number) - (a.start as number)) / 1000;
      result.calls.talkTime = (result.calls.talkTime ?? 0) + Math.min(a.talkSeconds, length);
    }
    if (type === 'ticket') {
      const start = a.start as number;
      if (a.end === null && start > now) continue;
      const end = (a.end as number | null) ?? now;
      const overlaps = end > start ? Math.max(start, from) < Math.min(end, to) : start >= from && start < to;
      if (overlaps) edited.add(key);
    }
  }
  result.tickets = { edited: edited.size, closed: closedTickets.size };
  return result;
}

describe('computeStats properties', () => {
  it('matches a second-by-second brute force on small periods', () => {
    fc.assert(
      fc.property(
        randomTrace(-20, 120, 40, 1000),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -10, max: 130 }),
        (t, from, length, now) => {
          const range = { start: new Date(from * 1000).toISOString(), end: new Date((from + length) * 1000).toISOString() };
          const actual = computeStats(t, range, now * 1000);
          const expected = oracle(t, from * 1000, (from + length) * 1000, now * 1000);
          expect(actual).to.deep.equal(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  const DAY = 86_400_000;
  const WEEK_START = Date.parse('2026-03-02T00:00:00+01:00'); // a Monday, fixed +01:00 days
  /** ISO instant with the +01:00 offset, as periodRange would write it for Europe/Prague in winter. */
  const plusOne = (ms: number): string => new Date(ms + 3_600_000).toISOString().slice(0, 19) + '+01:00';
  const week = { start: plusOne(WEEK_START), end: plusOne(WEEK_START + 7 * DAY) };
  const days = Array.from({ length: 7 }, (_, d) => ({
    start: plusOne(WEEK_START + d * DAY),
    end: plusOne(WEEK_START + (d + 1) * DAY),
  }));
  const UNIT = 60_000; // minutes
  // From a day before the week to a day after it, intervals up to two days long.
  const weekTrace = (uniqueTickets: boolean) =>
    randomTrace(WEEK_START / UNIT - 1440, WEEK_START / UNIT + 8 * 1440, 2 * 1440, UNIT, uniqueTickets);
  const someNow = fc.integer({ min: WEEK_START - DAY, max: WEEK_START + 9 * DAY });
  const ms = (seconds: number): number => Math.round(seconds * 1000);

  it('loginFigures gives each day the logged, ready and idle time of computePreparedStats', () => {
    fc.assert(
      fc.property(weekTrace(false), someNow, (t, now) => {
        const { prepared } = prepareTrace(t);
        for (const d of days) {
          const from = Date.parse(d.start);
          const to = Date.parse(d.end);
          const { login } = computePreparedStats(prepared, from, to, now);
          expect(loginFigures(prepared, from, to, now)).to.deep.equal({ logged: login.logged, ready: login.ready, idle: login.idle });
        }
        // Busy of the whole trace is one span list whatever the clock (memoised per clock).
        const busy = busySpans(prepared, now);
        expect(busy).to.deep.equal(unionSpans(prepared.activities.map((a) => ({ start: a.start, end: endAt(a.start, a.end, now) }))));
        expect(busyColumns(prepared, now)).to.equal(busyColumns(prepared, now));
      }),
      { numRuns: 150 },
    );
  });

  it('subtractBusy and busyMs take Busy out of any sorted span list as subtractSpans does', () => {
    const spanList = fc
      .array(fc.integer({ min: -24, max: 9 * 24 }), { maxLength: 12 })
      .map((hours) => {
        const sorted = [...new Set(hours)].sort((a, b) => a - b).map((h) => WEEK_START + h * 3_600_000);
        const spans: Span[] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2) spans.push({ start: sorted[i]!, end: sorted[i + 1]! });
        return spans;
      });
    fc.assert(
      // Hour-grained like the spans, so that they often start or end where an activity does.
      fc.property(randomTrace(WEEK_START / 3_600_000 - 24, WEEK_START / 3_600_000 + 8 * 24, 48, 3_600_000), someNow, spanList, (t, now, spans) => {
        const { prepared } = prepareTrace(t);
        const rest = subtractSpans(spans, busySpans(prepared, now));
        expect(subtractBusy(spans, busyColumns(prepared, now))).to.deep.equal(rest);
        expect(busyMs(spans, busyColumns(prepared, now))).to.equal(totalMs(spans) - totalMs(rest));
      }),
      { numRuns: 300 },
    );
  });

  it('week totals equal the sum of the 7 days for every time and every closed count', () => {
    fc.assert(
      fc.property(weekTrace(false), someNow, (t, now) => {
        const { prepared, data } = prepareTrace(t);
        const w = computeStats(data, week, now);
        const ds = days.map((d) => computePreparedStats(prepared, Date.parse(d.start), Date.parse(d.end), now));
        const sum = (pick: (s: TraceStats) => number): number => ds.reduce((acc, s) => acc + ms(pick(s)), 0);
        const times: [string, (s: TraceStats) => number][] = [
          ['calls', (s) => s.calls.time],
          ['emails', (s) => s.emails.time],
          ...CHAT_CHANNELS.map((c): [string, (s: TraceStats) => number] => [c, (s) => s.chats[c].time]),
          ['paid', (s) => s.pauses.paid],
          ['unpaid', (s) => s.pauses.unpaid],
          ...['Lunch', 'Coffee', 'Training'].map((n): [string, (s: TraceStats) => number] => [n, (s) => s.pauses.byName[n] ?? 0]),
          ['logged', (s) => s.login.logged],
          ['ready', (s) => s.login.ready],
          ['idle', (s) => s.login.idle],
        ];
        for (const [name, pick] of times) expect(ms(pick(w)), name).to.equal(sum(pick));
        const counts: [string, (s: TraceStats) => number][] = [
          ['calls closed', (s) => s.calls.closed],
          ['emails closed', (s) => s.emails.closed],
          ...CHAT_CHANNELS.map((c): [string, (s: TraceStats) => number] => [`${c} closed`, (s) => s.chats[c].closed]),
        ];
        for (const [name, pick] of counts) expect(pick(w), name).to.equal(ds.reduce((acc, s) => acc + pick(s), 0));
        // Talk time: integer seconds here, so the sum is exact; null only when no day knows it.
        const dayTalk = ds.map((s) => s.calls.talkTime);
        if (dayTalk.every((x) => x === null)) expect(w.calls.talkTime).to.equal(null);
        else expect(w.calls.talkTime).to.equal(dayTalk.reduce<number>((acc, x) => acc + (x ?? 0), 0));
        // Distinct tickets are not additive: a ticket of two days counts once in the week.
        expect(w.tickets.closed).to.be.at.most(ds.reduce((acc, s) => acc + s.tickets.closed, 0));
        expect(w.tickets.edited).to.be.at.most(ds.reduce((acc, s) => acc + s.tickets.edited, 0));
        expect(w.tickets.edited).to.be.at.least(Math.max(...ds.map((s) => s.tickets.edited)));
        expect(w.tickets.closed).to.be.at.least(Math.max(...ds.map((s) => s.tickets.closed)));
      }),
      { numRuns: 300 },
    );
  });

  it('closed tickets are additive over days when each ticket is closed once', () => {
    fc.assert(
      fc.property(weekTrace(true), someNow, (t, now) => {
        const w = computeStats(t, week, now);
        const ds = days.map((d) => computeStats(t, d, now));
        expect(w.tickets.closed).to.equal(ds.reduce((acc, s) => acc + s.tickets.closed, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every figure in its bounds', () => {
    fc.assert(
      fc.property(weekTrace(false), someNow, (t, now) => {
        const s = computeStats(t, week, now);
        const weekSeconds = 7 * 86_400;
        expect(s.login.logged).to.be.within(0, weekSeconds);
        expect(s.login.ready).to.be.within(0, s.login.logged);
        expect(s.login.idle).to.be.within(0, s.login.ready);
        if (s.login.occupancy !== null) expect(s.login.occupancy).to.be.within(0, 1);
        else expect(s.login.ready).to.equal(0);
        for (const time of [s.calls.time, s.emails.time, s.pauses.paid, s.pauses.unpaid, ...Object.values(s.pauses.byName)]) {
          expect(time).to.be.within(0, weekSeconds);
        }
        expect(Object.keys(s.chats)).to.deep.equal([...CHAT_CHANNELS]);
      }),
      { numRuns: 200 },
    );
  });
});
