/**
 * The statistics of docs/spec.md#statistics — the only place they are defined.
 *
 * For a period `P = [start, end)`: every interval is clipped to `P`; a running interval (`end`
 * null) ends at `min(now, P.end)`, so one that starts after `now` contributes nothing.
 * - `logged = |∪ sessions|`, `paid = |∪ paid pauses|`, `unpaid = |∪ unpaid pauses|`,
 *   `byName[n] = |∪ pauses named n|` (names with no time in `P` are omitted).
 * - `ready = |Logged − ∪ all pauses|` (a set difference: pauses outside sessions take nothing away).
 * - `Busy = ∪ all activities` of every type (unknown types and tickets too);
 *   `idle = |Ready − Busy|`; `occupancy = (ready − idle) / ready`, `null` when `ready` is 0.
 * - Per type (call, email, each chat channel): `time = |∪ activities of the type|`;
 *   `closed` = activities of the type with `closed: true` whose `end` lies in `P` (running ones
 *   have no end and are never counted), so a week's count is the sum of its days'.
 * - `calls.talkTime` = sum of `talkSeconds` of calls whose `end` lies in `P`; `null` when none of
 *   them has `talkSeconds`.
 * - `tickets.edited` = distinct tickets with a `ticket` activity overlapping `P`; overlap is
 *   `start < P.end && (start >= P.start || end > P.start)` with a running one's end at `now`, so a
 *   zero-length activity counts when its instant lies in `P`. `tickets.closed` = distinct tickets
 *   with a closed `ticket` activity ending in `P`. A ticket is its `ticketId`; a ticket activity
 *   without one is a ticket of its own. Distinct counts are not additive: a ticket edited on two
 *   days counts once in the week.
 *
 * Durations are in seconds, exactly `ms / 1000` (not rounded: fractions of a second stay).
 */
import {
  CHAT_CHANNELS,
  type ChatChannel,
  type PreparedInterval,
  type PreparedTrace,
  type TraceData,
  type TraceStats,
} from '../model/types.js';
import { getPrepared, parseInstant, prepareTrace } from '../model/normalize.js';
import { type Span, subtractSpans, totalMs, unionSpans } from './intervals.js';
import { columnEndAt } from '../model/interval.js';
import { ACTIVITY_LANES } from '../model/catalog.js';
import { STEP_RECORDS } from '../model/steps.js';

// Slots of the per-type unions in the sweep: call, email, then the chat channels in CHAT_CHANNELS order.
const CALL = 0;
const EMAIL = 1;
const FIRST_CHAT = 2;
const TYPE_SLOTS = FIRST_CHAT + CHAT_CHANNELS.length;
const CHAT_SLOT = new Map<string, number>(CHAT_CHANNELS.map((channel, i) => [channel, FIRST_CHAT + i]));
// Lanes as the prepared columns hold them: positions in ACTIVITY_LANES.
const LANE_CALL = ACTIVITY_LANES.indexOf('call');
const LANE_EMAIL = ACTIVITY_LANES.indexOf('email');
const LANE_CHAT = ACTIVITY_LANES.indexOf('chat');
const LANE_TICKET = ACTIVITY_LANES.indexOf('ticket');

/** Intervals cut to `[from, to)`, a running one ending at `now`; empty ones dropped. */
function clipIntervals(intervals: readonly PreparedInterval[], from: number, to: number, now: number): Span[] {
  const out: Span[] = [];
  for (const interval of intervals) {
    const start = interval.start > from ? interval.start : from;
    const rawEnd = interval.end ?? now;
    const end = rawEnd < to ? rawEnd : to;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function seconds(ms: number): number {
  return ms / 1000;
}

/** Statistics with every figure zero (and `talkTime`/`occupancy` null): an empty period. */
export function emptyStats(): TraceStats {
  const chats = {} as Record<ChatChannel, { time: number; closed: number }>;
  for (const channel of CHAT_CHANNELS) chats[channel] = { time: 0, closed: 0 };
  return {
    calls: { time: 0, talkTime: null, closed: 0 },
    emails: { time: 0, closed: 0 },
    chats,
    tickets: { edited: 0, closed: 0 },
    pauses: { paid: 0, unpaid: 0, byName: {} },
    login: { logged: 0, ready: 0, idle: 0, occupancy: null },
  };
}

/** The status spans of `[from, to)` at `now`: Logged, the paid and unpaid pauses (also by name) and Ready, as span lists. */
function statusSpans(prepared: PreparedTrace, from: number, to: number, now: number) {
  // Sessions and pauses are few: plain span lists.
  const logged = unionSpans(clipIntervals(prepared.sessions, from, to, now));
  const paidSpans: Span[] = [];
  const unpaidSpans: Span[] = [];
  const byName = new Map<string, Span[]>();
  for (const pause of prepared.pauses) {
    const start = pause.start > from ? pause.start : from;
    const rawEnd = pause.end ?? now;
    const end = rawEnd < to ? rawEnd : to;
    if (end <= start) continue;
    const span = { start, end };
    (pause.paid ? paidSpans : unpaidSpans).push(span);
    const named = byName.get(pause.name);
    if (named === undefined) byName.set(pause.name, [span]);
    else named.push(span);
  }
  const paid = unionSpans(paidSpans);
  const unpaid = unionSpans(unpaidSpans);
  return { logged, paid, unpaid, byName, ready: subtractSpans(logged, unionSpans(paid.concat(unpaid))) };
}

/** Busy as sorted, disjoint spans in typed arrays: span `k < count` is `[start[k], end[k])`. */
export interface BusyColumns {
  start: Float64Array;
  end: Float64Array;
  count: number;
}

const busyCache = new WeakMap<PreparedTrace, { now: number; busy: BusyColumns }>();

/**
 * Busy of the whole trace at `now` — the union of every activity, a running one ending at `now` —:
 * one sweep over the prepared columns (sorted by start), no object per activity or per span,
 * memoised per trace and clock.
 */
export function busyColumns(prepared: PreparedTrace, now: number): BusyColumns {
  const cached = busyCache.get(prepared);
  if (cached?.now === now) return cached.busy;
  const { start: starts, end: ends } = prepared.columns;
  const n = starts.length;
  let start = new Float64Array(n);
  let end = new Float64Array(n);
  let count = 0;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    const e = columnEndAt(s, ends[i]!, now);
    if (e <= s) continue;
    if (count > 0 && s <= last) {
      if (e > last) last = e;
      continue;
    }
    if (count > 0) end[count - 1] = last;
    start[count++] = s;
    last = e;
  }
  if (count > 0) end[count - 1] = last;
  // Overlapping activities merge: what is not used is given back.
  if (count < n >> 1) {
    start = start.slice(0, count);
    end = end.slice(0, count);
  }
  const busy = { start, end, count };
  busyCache.set(prepared, { now, busy });
  return busy;
}

/** The first busy span ending after `at` (binary search). */
function firstBusyAfter({ end, count }: BusyColumns, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `|spans ∩ busy|` in ms (`spans` sorted and disjoint): what {@link subtractBusy} takes away, without a span made. */
export function busyMs(spans: readonly Span[], busy: BusyColumns): number {
  const { start: bs, end: be, count } = busy;
  let total = 0;
  let j = spans.length ? firstBusyAfter(busy, spans[0]!.start) : count;
  for (const span of spans) {
    while (j < count && be[j]! <= span.start) j++;
    for (let k = j; k < count && bs[k]! < span.end; k++) {
      const a = bs[k]! > span.start ? bs[k]! : span.start;
      const b = be[k]! < span.end ? be[k]! : span.end;
      total += b - a;
    }
  }
  return total;
}

/** {@link busyColumns} as a span list. */
export function busySpans(prepared: PreparedTrace, now: number): Span[] {
  const { start, end, count } = busyColumns(prepared, now);
  const spans: Span[] = new Array(count);
  for (let k = 0; k < count; k++) spans[k] = { start: start[k]!, end: end[k]! };
  return spans;
}

/**
 * `spans − busy` (`spans` sorted and disjoint, as `subtractSpans` takes them), starting at the
 * first busy span that can touch them (a binary search): the days of a week each cost their own
 * busy spans, not those before them.
 */
export function subtractBusy(spans: readonly Span[], busy: BusyColumns): Span[] {
  const out: Span[] = [];
  const { start: bs, end: be, count } = busy;
  let j = spans.length ? firstBusyAfter(busy, spans[0]!.start) : count;
  for (const span of spans) {
    let start = span.start;
    const end = span.end;
    while (j < count && be[j]! <= start) j++;
    for (let k = j; k < count && bs[k]! < end; k++) {
      if (bs[k]! > start) out.push({ start, end: bs[k]! });
      if (be[k]! > start) start = be[k]!;
      if (start >= end) break;
    }
    if (start < end) out.push({ start, end });
  }
  return out;
}

/**
 * Logged, ready and idle time of `[startMs, endMs)` in seconds, as {@link computePreparedStats}
 * gives them, without its sweep over the activities: Ready minus the memoised {@link busyColumns}.
 * For the figures of many short periods of one trace (the days of a week).
 */
export function loginFigures(prepared: PreparedTrace, startMs: number, endMs: number, nowMs: number): { logged: number; ready: number; idle: number } {
  if (!(endMs > startMs)) return { logged: 0, ready: 0, idle: 0 };
  const { logged, ready } = statusSpans(prepared, startMs, endMs, nowMs);
  const readyMs = totalMs(ready);
  return { logged: seconds(totalMs(logged)), ready: seconds(readyMs), idle: seconds(readyMs - busyMs(ready, busyColumns(prepared, nowMs))) };
}

/**
 * The fast path: statistics of an already prepared trace for `[startMs, endMs)` at `nowMs`
 * (all epoch ms). Linear in the number of records: activities are sorted by start, so every union
 * is one sweep, and the sweep stops at the first activity starting at or after `endMs`.
 */
export function computePreparedStats(prepared: PreparedTrace, startMs: number, endMs: number, nowMs: number): TraceStats {
  const sweep = startSweep(prepared, startMs, endMs, nowMs);
  if (!sweep) return emptyStats();
  sweepStretch(sweep, Infinity);
  return sweepResult(sweep);
}

/**
 * {@link computePreparedStats} as a stepped computation: it pauses (`yield`) every
 * {@link STEP_RECORDS} activities of its sweep, so that the store can run a large trace's in
 * slices (src/data/slices.ts); same result.
 */
export function* preparedStatsSteps(
  prepared: PreparedTrace,
  startMs: number,
  endMs: number,
  nowMs: number,
): Generator<void, TraceStats, void> {
  const sweep = startSweep(prepared, startMs, endMs, nowMs);
  if (!sweep) return emptyStats();
  while (!sweepStretch(sweep, STEP_RECORDS)) yield;
  return sweepResult(sweep);
}

/** The state of one sweep of {@link computePreparedStats} between its stretches. */
interface Sweep {
  prepared: PreparedTrace;
  from: number;
  to: number;
  now: number;
  status: ReturnType<typeof statusSpans>;
  /** The next activity; the length of the list once done. */
  next: number;
  busyStart: number;
  busyEnd: number;
  /** |Ready ∩ Busy|, accumulated as each merged Busy span is finished. */
  readyBusy: number;
  readyIndex: number;
  talkSum: number;
  hasTalk: boolean;
  typeStart: Float64Array;
  typeEnd: Float64Array;
  typeTotal: Float64Array;
  typeClosed: Uint32Array;
  ticketsEdited: Set<string>;
  ticketsClosed: Set<string>;
}

function startSweep(prepared: PreparedTrace, from: number, to: number, now: number): Sweep | null {
  if (!(to > from)) return null;
  return {
    prepared,
    from,
    to,
    now,
    status: statusSpans(prepared, from, to, now),
    next: 0,
    busyStart: from,
    busyEnd: from,
    readyBusy: 0,
    readyIndex: 0,
    talkSum: 0,
    hasTalk: false,
    // One sweep over the activities: the union of all (Busy) and one union per reported type.
    typeStart: new Float64Array(TYPE_SLOTS).fill(from),
    typeEnd: new Float64Array(TYPE_SLOTS).fill(from),
    typeTotal: new Float64Array(TYPE_SLOTS),
    typeClosed: new Uint32Array(TYPE_SLOTS),
    ticketsEdited: new Set<string>(),
    ticketsClosed: new Set<string>(),
  };
}

/** Adds `|Ready ∩ [start, end)|` of a finished Busy span to the sweep; Busy spans arrive in order, so the Ready pointer only moves forward. */
function finishBusy(w: Sweep, start: number, end: number): void {
  const ready = w.status.ready;
  let r = w.readyIndex;
  while (r < ready.length && ready[r]!.end <= start) r++;
  w.readyIndex = r;
  for (; r < ready.length; r++) {
    const span = ready[r]!;
    if (span.start >= end) break;
    const a = span.start > start ? span.start : start;
    const b = span.end < end ? span.end : end;
    if (b > a) w.readyBusy += b - a;
  }
}

/**
 * Up to `limit` more activities of the sweep (not a generator: a loop inside one runs slower, and
 * most callers want the figures at once); whether the sweep is done. The running figures are
 * locals while the stretch lasts.
 */
function sweepStretch(w: Sweep, limit: number): boolean {
  const { from, to, now: nowMs, typeStart, typeEnd, typeTotal, typeClosed, ticketsEdited, ticketsClosed } = w;
  const runningEnd = nowMs < to ? nowMs : to;
  // Instants and lanes from the prepared columns; an activity object is read only for what they do not hold.
  const activities = w.prepared.activities;
  const { start: starts, end: ends, lane: lanes } = w.prepared.columns;
  let busyStart = w.busyStart;
  let busyEnd = w.busyEnd;
  let talkSum = w.talkSum;
  let hasTalk = w.hasTalk;
  const last = Math.min(starts.length, w.next + limit);
  let i = w.next;
  for (; i < last; i++) {
    const rawStart = starts[i]!;
    // Sorted by start: nothing later can overlap P or end in it.
    if (rawStart >= to) {
      i = starts.length;
      break;
    }
    const rawEnd = ends[i]!;
    const running = rawEnd === Infinity;
    let end: number;
    if (running) {
      if (rawStart > nowMs) continue; // running but not started yet: contributes nothing
      end = runningEnd;
    } else {
      end = rawEnd < to ? rawEnd : to;
    }
    const lane = lanes[i]!;
    const slot = lane === LANE_CALL ? CALL : lane === LANE_EMAIL ? EMAIL : lane === LANE_CHAT ? CHAT_SLOT.get(activities[i]!.type)! : -1;
    const endsInP = !running && rawEnd >= from && rawEnd < to;

    if (endsInP && slot >= 0) {
      const activity = activities[i]!;
      if (activity.closed) typeClosed[slot]!++;
      if (slot === CALL) {
        const talk = activity.talkSeconds;
        if (typeof talk === 'number') {
          talkSum += talk;
          hasTalk = true;
        }
      }
    }
    if (lane === LANE_TICKET) {
      const activity = activities[i]!;
      const ticketId = activity.ticketId;
      // The activity id stands for a ticket without ticketId; the prefix keeps the two id spaces apart.
      const key = typeof ticketId === 'string' ? ticketId : '\u0000' + activity.id;
      const effectiveEnd = running ? nowMs : rawEnd;
      if (rawStart >= from || effectiveEnd > from) ticketsEdited.add(key);
      if (endsInP && activity.closed) ticketsClosed.add(key);
    }

    const start = rawStart > from ? rawStart : from;
    if (end <= start) continue;
    if (start > busyEnd) {
      if (busyEnd > busyStart) finishBusy(w, busyStart, busyEnd);
      busyStart = start;
      busyEnd = end;
    } else if (end > busyEnd) {
      busyEnd = end;
    }
    if (slot >= 0) {
      if (start > typeEnd[slot]!) {
        typeTotal[slot]! += typeEnd[slot]! - typeStart[slot]!;
        typeStart[slot] = start;
        typeEnd[slot] = end;
      } else if (end > typeEnd[slot]!) {
        typeEnd[slot] = end;
      }
    }
  }
  w.next = i;
  w.busyStart = busyStart;
  w.busyEnd = busyEnd;
  w.talkSum = talkSum;
  w.hasTalk = hasTalk;
  return i >= starts.length;
}

/** The statistics of a finished sweep (call once). */
function sweepResult(w: Sweep): TraceStats {
  const stats = emptyStats();
  const { typeStart, typeEnd, typeTotal, typeClosed } = w;
  const { logged, paid, unpaid, byName, ready } = w.status;
  if (w.busyEnd > w.busyStart) finishBusy(w, w.busyStart, w.busyEnd);
  for (let slot = 0; slot < TYPE_SLOTS; slot++) typeTotal[slot]! += typeEnd[slot]! - typeStart[slot]!;

  const readyMs = totalMs(ready);
  stats.calls = { time: seconds(typeTotal[CALL]!), talkTime: w.hasTalk ? w.talkSum : null, closed: typeClosed[CALL]! };
  stats.emails = { time: seconds(typeTotal[EMAIL]!), closed: typeClosed[EMAIL]! };
  CHAT_CHANNELS.forEach((channel, k) => {
    stats.chats[channel] = { time: seconds(typeTotal[FIRST_CHAT + k]!), closed: typeClosed[FIRST_CHAT + k]! };
  });
  stats.tickets = { edited: w.ticketsEdited.size, closed: w.ticketsClosed.size };
  const names: Record<string, number> = {};
  for (const [name, spans] of byName) {
    // defineProperty, not assignment: a pause called "__proto__" must stay an ordinary entry.
    Object.defineProperty(names, name, {
      value: seconds(totalMs(unionSpans(spans))),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  stats.pauses = { paid: seconds(totalMs(paid)), unpaid: seconds(totalMs(unpaid)), byName: names };
  stats.login = {
    logged: seconds(totalMs(logged)),
    ready: seconds(readyMs),
    idle: seconds(readyMs - w.readyBusy),
    occupancy: readyMs > 0 ? w.readyBusy / readyMs : null,
  };
  return stats;
}

function instantOrThrow(value: unknown, what: string): number {
  const ms = parseInstant(value);
  if (ms === null) {
    throw new RangeError(`computeStats: ${what} must be an ISO instant with an offset, epoch ms or a valid Date.`);
  }
  return ms;
}

/**
 * Statistics for one user and period (docs/spec.md#statistics), all durations in seconds.
 *
 * `data` may be raw provider data: it is validated with `normalizeTrace` (invalid records are
 * left out; the warnings are not returned here). Data that already came out of `normalizeTrace`
 * or `prepareTrace` is not validated again. `now` defaults to `Date.now()`.
 *
 * @throws RangeError when `range.start`, `range.end` or `now` is not a valid instant, or
 *   `range.end` is before `range.start` — those come from the host, not from the provider.
 */
export function computeStats(
  data: TraceData | unknown,
  range: { start: string; end: string },
  now: string | number | Date = Date.now(),
): TraceStats {
  const startMs = instantOrThrow(range?.start, 'range.start');
  const endMs = instantOrThrow(range?.end, 'range.end');
  if (endMs < startMs) throw new RangeError('computeStats: range.end is before range.start.');
  const nowMs = instantOrThrow(now, 'now');
  const cached = typeof data === 'object' && data !== null ? getPrepared(data as TraceData) : undefined;
  const prepared = cached ?? prepareTrace(data).prepared;
  return computePreparedStats(prepared, startMs, endMs, nowMs);
}
