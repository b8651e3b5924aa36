/**
 * The prepared form the elements and statistics work on: epoch ms, sorted, built once per
 * validated data object from the instants validation already parsed.
 */
import { ACTIVITY_LANES, colourOf, laneOf } from './catalog.js';
import { normalizeSteps } from './records.js';
import { STEP_RECORDS, runSteps } from './steps.js';
import { pendingPrepare, preparedCache, type ParsedInstants } from './parsed-cache.js';
import type { ActivityLane, ActivityType, NormalizeResult, PreparedActivity, PreparedColumns, PreparedInterval, PreparedPause, PreparedTrace, TraceActivity, TraceData } from './types.js';


function endOrNull(ms: number): number | null {
  return Number.isNaN(ms) ? null : ms;
}

function compareIntervals(a: PreparedInterval, b: PreparedInterval): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end === b.end) return 0;
  if (a.end === null) return 1;
  if (b.end === null) return -1;
  return a.end - b.end;
}

function sortIfNeeded<T>(items: T[], compare: (a: T, b: T) => number): void {
  // Providers usually answer in order already: an O(n) check saves the O(n log n) sort.
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1]!, items[i]!) > 0) {
      items.sort(compare);
      return;
    }
  }
}

/**
 * Indices of the activities in prepared order: by start, then end (running — NaN — last), then
 * id by code units; a total order, ids being unique. A comparator sort of 100 000 costs tens of
 * ms, so when the key fits a double exactly, sort `(start − min) · n + i` as a typed array (no
 * callbacks) and use the comparator only inside runs of equal start. Activities that came in order
 * of start (the common case: only ties out of order) skip the typed sort too.
 */
export function activityOrder(starts: Float64Array, ends: Float64Array, idAt: (i: number) => string): ArrayLike<number> {
  const n = starts.length;
  const compare = (i: number, j: number): number => {
    const startDiff = starts[i]! - starts[j]!;
    if (startDiff !== 0) return startDiff;
    const endI = ends[i]!;
    const endJ = ends[j]!;
    const runningI = Number.isNaN(endI);
    const runningJ = Number.isNaN(endJ);
    if (runningI !== runningJ) return runningI ? 1 : -1;
    if (!runningI && endI !== endJ) return endI - endJ;
    const idI = idAt(i);
    const idJ = idAt(j);
    return idI < idJ ? -1 : idI > idJ ? 1 : 0;
  };
  let inOrder = true;
  let startsInOrder = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    if (start < min) min = start;
    if (start > max) max = start;
    if (inOrder && i > 0 && compare(i - 1, i) > 0) inOrder = false;
    if (start < starts[i - 1]!) startsInOrder = false; // starts[-1] is undefined: false
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (inOrder) return order;
  // In order by start already (only ties are not, e.g. ids "…:10" before "…:9"): only the runs of equal start are sorted.
  if (!startsInOrder) {
    if ((max - min + 1) * n > Number.MAX_SAFE_INTEGER) return order.sort(compare);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (starts[i]! - min) * n + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  }
  for (let runStart = 0; runStart < n; ) {
    const start = starts[order[runStart]!]!;
    let runEnd = runStart + 1;
    while (runEnd < n && starts[order[runEnd]!] === start) runEnd++;
    if (runEnd - runStart <= 16) {
      // Short runs (the usual ties): an insertion sort, without the callbacks of a typed array's sort.
      for (let k = runStart + 1; k < runEnd; k++) {
        const a = order[k]!;
        let j = k;
        for (; j > runStart && compare(order[j - 1]!, a) > 0; j--) order[j] = order[j - 1]!;
        order[j] = a;
      }
    } else order.subarray(runStart, runEnd).sort(compare);
    runStart = runEnd;
  }
  return order;
}

/** Columns for `n` activities, to fill with {@link setColumns}. */
export function emptyColumns(n: number): PreparedColumns {
  return { start: new Float64Array(n), end: new Float64Array(n), lane: new Uint8Array(n), colour: new Uint8Array(n) };
}

/** Entry `i` of the columns from the prepared activity `a` (`lane` and `colour` found in the catalogue). */
export function setColumns(c: PreparedColumns, i: number, a: PreparedActivity): void {
  c.start[i] = a.start;
  c.end[i] = a.end ?? Infinity;
  c.lane[i] = ACTIVITY_LANES.indexOf(a.lane);
  c.colour[i] = colourOf(a.type);
}

/** The prepared sessions and pauses of validated `data`, sorted by start. */
export function preparedIntervals(
  data: Pick<TraceData, 'sessions' | 'pauses'>,
  parsed: Pick<ParsedInstants, 'sessionStart' | 'sessionEnd' | 'pauseStart' | 'pauseEnd'>,
): Pick<PreparedTrace, 'sessions' | 'pauses'> {
  const sessions: PreparedInterval[] = new Array<PreparedInterval>(data.sessions.length);
  for (let i = 0; i < sessions.length; i++) {
    sessions[i] = { start: parsed.sessionStart[i]!, end: endOrNull(parsed.sessionEnd[i]!) };
  }
  const pauses: PreparedPause[] = new Array<PreparedPause>(data.pauses.length);
  for (let i = 0; i < pauses.length; i++) {
    const rec = data.pauses[i]!;
    pauses[i] = { start: parsed.pauseStart[i]!, end: endOrNull(parsed.pauseEnd[i]!), name: rec.name, paid: rec.paid };
  }
  sortIfNeeded(sessions, compareIntervals);
  sortIfNeeded(pauses, compareIntervals);
  return { sessions, pauses };
}

/**
 * A prepared activity of validated records. Its instants are read from the prepared columns, not
 * kept: a number in an object's field is an allocation of its own (a heap number), two more per
 * activity that the young generation copies while a large load is prepared.
 */
class RecordActivity implements PreparedActivity {
  constructor(
    readonly index: number,
    readonly id: string,
    readonly type: ActivityType,
    readonly lane: ActivityLane,
    readonly closed: boolean,
    readonly talkSeconds: number | undefined,
    readonly ticketId: string | undefined,
    readonly record: TraceActivity,
    private readonly columns: PreparedColumns,
  ) {}

  get start(): number {
    return this.columns.start[this.index]!;
  }

  /** `null` while running. */
  get end(): number | null {
    const end = this.columns.end[this.index]!;
    return end === Infinity ? null : end;
  }
}

/** The prepared form, pausing (`yield`) every {@link STEP_RECORDS} activities built. */
function* buildPrepared(data: TraceData, parsed: ParsedInstants): Generator<void, PreparedTrace, void> {
  const { sessions, pauses } = preparedIntervals(data, parsed);
  const records = data.activities;
  const order = activityOrder(parsed.activityStart, parsed.activityEnd, (i) => records[i]!.id);
  const n = records.length;
  const activities: PreparedActivity[] = new Array<PreparedActivity>(n);
  const columns = emptyColumns(n);
  // Allocated in sorted order, so that sweeps over them walk memory in order (several times faster).
  for (let index = 0; index < n; index++) {
    if (index % STEP_RECORDS === STEP_RECORDS - 1) yield;
    const i = order[index]!;
    const rec = records[i]!;
    const type = rec.type;
    columns.start[index] = parsed.activityStart[i]!;
    const end = parsed.activityEnd[i]!;
    columns.end[index] = Number.isNaN(end) ? Infinity : end;
    const lane = laneOf(type);
    columns.lane[index] = ACTIVITY_LANES.indexOf(lane);
    columns.colour[index] = colourOf(type);
    activities[index] = new RecordActivity(index, rec.id, type, lane, rec.closed === true, rec.talkSeconds, rec.ticketId, rec, columns);
  }
  return { sessions, pauses, activities, columns };
}

/**
 * The prepared form (epoch ms, activities sorted by start, then end with running last, then id;
 * sessions and pauses sorted by start) of data that came out of {@link normalizeTrace} or
 * {@link prepareTrace}; built on first request, then cached. `undefined` for any other object.
 */
export function getPrepared(data: TraceData): PreparedTrace | undefined {
  return runSteps(preparedSteps(data));
}

function* preparedSteps(data: TraceData): Generator<void, PreparedTrace | undefined, void> {
  const cached = preparedCache.get(data);
  if (cached !== undefined) return cached;
  const parsed = pendingPrepare.get(data);
  if (parsed === undefined) return undefined;
  const prepared = yield* buildPrepared(data, parsed);
  preparedCache.set(data, prepared);
  pendingPrepare.delete(data);
  return prepared;
}

/** {@link normalizeTrace} plus the prepared form the elements and statistics work on. Never throws. */
export function prepareTrace(raw: unknown): NormalizeResult & { prepared: PreparedTrace } {
  return runSteps(prepareSteps(raw));
}

/**
 * {@link prepareTrace} in steps: validation and the prepared form pause (`yield`) every
 * {@link STEP_RECORDS} records, so a caller that yields to the event loop between steps never holds
 * the main thread for long (`runInSlices` in src/data/slices.ts). Same result, never throws.
 * `inPlace`: as for `normalizeSteps` (the store's loads of handed-over data).
 */
export function* prepareSteps(raw: unknown, inPlace = false): Generator<void, NormalizeResult & { prepared: PreparedTrace }, void> {
  const result = yield* normalizeSteps(raw, inPlace);
  // normalizeSteps always registers its data, so the prepared form exists.
  const prepared = (yield* preparedSteps(result.data))!;
  return { ...result, prepared };
}
