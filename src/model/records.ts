/**
 * Record validation: every session, pause and activity checked once, copies of the valid ones
 * kept, a {@link DataWarning} for each left out — work and warnings bounded by the input.
 * Decisions: see src/model/normalize.ts.
 */
import { isoUtc, parseInstant } from './instant.js';
import { EMPTY_PARSED, handedOver, pendingPrepare, type ParsedInstants } from './parsed-cache.js';
import { errorText, isRecord } from './values.js';
import { STEP_RECORDS, runSteps } from './steps.js';
import type { DataWarning, NormalizeResult, TraceActivity, TraceData, TracePause, TraceSession } from './types.js';


type ListName = 'session' | 'pause' | 'activity' | 'user';
export type Problem = { kind: string; message: string };




export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) {
    const ms = parseInstant(value);
    return ms === null ? 'an invalid Date' : `Date ${isoUtc(ms, null)}`;
  }
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'undefined' ? 'missing' : `a ${typeof value}`;
}

/** A string id, from a non-empty string or a finite number; `undefined` when it is neither. */
export function idFrom(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function problem(list: ListName, field: string, detail: string): Problem {
  return { kind: `${list}-${field}`, message: `${capital(list)} ${detail}` };
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Checks the interval part shared by sessions, pauses and activities: the problem, or `null` and
 * the parsed instants in `ms` (`end` NaN while running). Writes nothing.
 */
export function intervalProblem(list: ListName, rawStart: unknown, rawEnd: unknown, ms: { start: number; end: number }): Problem | null {
  const start = parseInstant(rawStart);
  if (start === null) {
    return problem(list, 'invalid-start', `start ${describe(rawStart)} is not an instant with an offset.`);
  }
  let end = Number.NaN;
  if (rawEnd !== undefined && rawEnd !== null) {
    const parsed = parseInstant(rawEnd);
    if (parsed === null) {
      return problem(list, 'invalid-end', `end ${describe(rawEnd)} is not an instant with an offset.`);
    }
    if (parsed < start) {
      return problem(list, 'end-before-start', `ends (${describe(rawEnd)}) before it starts (${describe(rawStart)}).`);
    }
    end = parsed;
  }
  ms.start = start;
  ms.end = end;
  return null;
}

/** {@link intervalProblem}, then `start`/`end` of `out` rewritten as ISO UTC strings. */
function checkInterval(list: ListName, out: Record<string, unknown>, ms: { start: number; end: number }): Problem | null {
  const { start, end } = out;
  const bad = intervalProblem(list, start, end, ms);
  if (bad !== null) return bad;
  out.start = isoUtc(ms.start, start);
  out.end = Number.isNaN(ms.end) ? null : isoUtc(ms.end, end);
  return null;
}

/** The problem with an optional field: `null` and `undefined` count as absent, any other value must be `valid`. */
export function optionalProblem(list: ListName, field: string, value: unknown, valid: boolean, expected: string): Problem | null {
  return value === null || value === undefined || valid ? null : problem(list, `invalid-${kebab(field)}`, `${field} ${describe(value)} is not ${expected}.`);
}

/** The problem with a required id (a non-empty string or a finite number), or `null`. */
export function idProblem(list: ListName, id: unknown): Problem | null {
  return idFrom(id) === undefined ? problem(list, 'invalid-id', `id ${describe(id)} is not a non-empty string or a number.`) : null;
}

/** Drops the `fields` of `out` that are `null` (absent, as the contract reads them). */
export function dropNulls(out: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) if (out[field] === null) delete out[field];
}

function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/**
 * Longest list (`sessions`, `pauses`, `activities`, the user list) that is read at all. A longer
 * one — 3 M entries are a 6 MB body of `[0,0,…]`, an array-like may claim `length: 1e8` — is
 * rejected up front with one warning, so that the work stays bounded by what a real period holds
 * (the load-test week has 100 000 activities).
 */
export const MAX_RECORDS_PER_LIST = 2_000_000;
/** Warnings listed one by one; beyond them one `summary` warning counts the rest per kind. */
export const MAX_LISTED_WARNINGS = 100;

/**
 * Collects the warnings of one validation: the first {@link MAX_LISTED_WARNINGS} in full, then only
 * counts per kind, so 3 M bad records cost 3 M counter increments, not 3 M objects.
 */
export class WarningSink {
  readonly listed: DataWarning[] = [];
  readonly #counts = new Map<string, number>();
  #total = 0;

  /** True once the listed warnings are complete: callers may skip building messages. */
  get full(): boolean {
    return this.listed.length >= MAX_LISTED_WARNINGS;
  }

  add(warning: DataWarning): void {
    this.count(warning.kind);
    if (this.listed.length < MAX_LISTED_WARNINGS) this.listed.push(warning);
  }

  /** Counts `times` warnings of `kind` without listing them (used once the sink is full). */
  count(kind: string, times = 1): void {
    if (times <= 0) return;
    this.#total += times;
    this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + times);
  }

  /** The listed warnings, plus the summary when some were only counted. */
  result(): DataWarning[] {
    if (this.#total <= this.listed.length) return this.listed;
    const byKind = [...this.#counts].map(([kind, count]) => `${kind} ${count}`).join(', ');
    this.listed.push({
      kind: 'summary',
      total: this.#total,
      // Kinds are the library's own names: no "__proto__" among them.
      counts: Object.fromEntries(this.#counts),
      message: `${this.#total} problems in all, ${this.listed.length} listed. By kind: ${byKind}.`,
    });
    return this.listed;
  }
}

/** The list `value` if it is an array of at most {@link MAX_RECORDS_PER_LIST} entries, else `null` and one warning. */
export function checkedList(value: readonly unknown[], name: string, sink: WarningSink): readonly unknown[] | null {
  // A Proxy of an array may report any length: take only a plain index.
  const length: unknown = value.length;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    sink.add({ kind: 'invalid-array', message: `"${name}" has length ${describe(length)}; treated as empty.` });
    return null;
  }
  if (length > MAX_RECORDS_PER_LIST) {
    sink.add({
      kind: 'array-too-long',
      message: `"${name}" has ${length} entries, over the limit of ${MAX_RECORDS_PER_LIST}; treated as empty.`,
    });
    return null;
  }
  return value;
}

/** Reads one top-level array; missing, wrong or too long → empty plus one warning. */
function readList(raw: Record<string, unknown>, key: keyof TraceData, sink: WarningSink): readonly unknown[] {
  let value: unknown;
  try {
    value = raw[key];
    if (Array.isArray(value)) return checkedList(value, key, sink) ?? [];
  } catch {
    sink.add({ kind: 'invalid-array', message: `Reading "${key}" threw; it is treated as empty.` });
    return [];
  }
  if (value === undefined || value === null) {
    sink.add({ kind: 'missing-array', message: `"${key}" is missing; it is treated as empty.` });
  } else {
    sink.add({
      kind: 'invalid-array',
      message: `"${key}" is ${describe(value)}, not an array; it is treated as empty.`,
    });
  }
  return [];
}

/**
 * Calls `visit(index, item)` for every present entry of `items` in index order, pausing (`yield`)
 * after every {@link STEP_RECORDS} entries. At the first hole it switches to the array's own keys,
 * so a sparse array costs its present entries, not its length; `onHoles(count)` is then called
 * once. A read that throws (a getter, a Proxy trap) goes to `onUnreadable`.
 */
function* eachPresent(
  items: readonly unknown[],
  visit: (index: number, item: unknown) => void,
  onHoles: (count: number) => void,
  onUnreadable: (index: number, error: unknown) => void,
): Generator<void, void, void> {
  const n = items.length;
  const read = (index: number): void => {
    let item: unknown;
    try {
      item = items[index];
    } catch (error) {
      onUnreadable(index, error);
      return;
    }
    visit(index, item);
  };
  for (let index = 0; index < n; index++) {
    if (index % STEP_RECORDS === STEP_RECORDS - 1) yield;
    let item: unknown;
    try {
      item = items[index];
      if (item === undefined && !(index in items)) {
        const rest = presentIndicesAfter(items, index, n);
        onHoles(n - index - rest.length);
        // Sparse arrays come from hostile or broken hosts only: no pauses on this path.
        for (const i of rest) read(i);
        return;
      }
    } catch (error) {
      onUnreadable(index, error);
      continue;
    }
    visit(index, item);
  }
}

/** The present indices of `items` above `from`, ascending; from its own keys, not its length. */
function presentIndicesAfter(items: readonly unknown[], from: number, n: number): number[] {
  const indices: number[] = [];
  for (const key of Object.keys(items)) {
    const index = Number(key);
    // Own keys of an array are its indices (as canonical strings) and any extra properties.
    if (Number.isInteger(index) && index > from && index < n && String(index) === key) indices.push(index);
  }
  // Arrays list their indices in order; a Proxy may not.
  for (let i = 1; i < indices.length; i++) {
    if (indices[i - 1]! > indices[i]!) return indices.sort((x, y) => x - y);
  }
  return indices;
}

interface Collected<T> {
  records: T[];
  start: Float64Array;
  end: Float64Array;
}

/** A Float64Array twice as long, with the first `used` values copied. */
function grown(values: Float64Array, used: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(16, values.length * 2));
  next.set(values.subarray(0, used));
  return next;
}

/**
 * Validates one provider array, pausing (`yield`) every {@link STEP_RECORDS} entries (run it with
 * {@link runSteps}). `check` validates the non-interval fields of the copy and returns the record's
 * id (activities, users: unique, later duplicates are left out) or a problem; `amend`, run on a
 * valid record once its interval is known, may correct it and returns the warning that says so.
 * Shared so every list reports problems the same way.
 */
export function* collectSteps<T>(
  list: ListName,
  items: readonly unknown[],
  sink: WarningSink,
  check: (out: Record<string, unknown>) => Problem | string | null,
  amend?: (out: Record<string, unknown>, ms: { start: number; end: number }) => Problem | null,
  inPlace = false,
): Generator<void, Collected<T>, void> {
  const records: T[] = [];
  // Grown as records are kept: a long list of bad entries allocates nothing per entry.
  let start: Float64Array<ArrayBuffer> = new Float64Array(Math.min(items.length, 1024));
  let end = new Float64Array(start.length);
  const ms = { start: 0, end: 0 };
  const seenIds = list === 'activity' || list === 'user' ? new Set<string>() : null;
  const notAnObject = `${list}-not-an-object`;
  // Records of a list handed over (handOver, src/model/hand-over.ts) are checked in place, when the caller allows it.
  inPlace &&= handedOver.has(items);
  // Past the listed warnings, entries that are not objects (`[0,0,…]`) are only counted, here.
  let unlistedNotObjects = 0;
  const visit = (index: number, rec: unknown): void => {
    let id: string | undefined;
    try {
      if (!isRecord(rec)) {
        if (sink.full) unlistedNotObjects++;
        else sink.add({ kind: notAnObject, index, message: `${capital(list)} is ${describe(rec)}, not an object.` });
        return;
      }
      // A copy of the own enumerable fields, so later provider mutations do not leak in.
      const out = inPlace ? rec : { ...rec };
      const checked = check(out);
      if (checked !== null && typeof checked === 'object') {
        id = idFrom(out.id);
        sink.add(withId({ kind: checked.kind, index, message: checked.message }, id));
        return;
      }
      id = checked ?? undefined;
      // Users have no interval.
      const bad = list === 'user' ? null : checkInterval(list, out, ms);
      if (bad !== null) {
        sink.add(withId({ kind: bad.kind, index, message: bad.message }, id));
        return;
      }
      if (seenIds !== null && id !== undefined) {
        if (seenIds.has(id)) {
          sink.add({
            kind: `${list}-duplicate-id`,
            index,
            id,
            message: `${capital(list)} id "${id}" was already used by an earlier record; this one is left out.`,
          });
          return;
        }
        seenIds.add(id);
      }
      const amended = amend?.(out, ms) ?? null;
      if (amended !== null) sink.add(withId({ kind: amended.kind, index, message: amended.message }, id));
      const kept = records.length;
      if (kept === start.length) {
        start = grown(start, kept);
        end = grown(end, kept);
      }
      start[kept] = ms.start;
      end[kept] = ms.end;
      records.push(out as T);
    } catch (error) {
      // A getter, a Proxy trap or a revoked Proxy threw: the record cannot be read safely.
      const message = `${capital(list)} could not be read: ${errorText(error)}.`;
      sink.add(withId({ kind: `${list}-unreadable`, index, message }, id));
    }
  };
  yield* eachPresent(
    items,
    visit,
    (holes) => sink.add({ kind: `${list}-holes`, message: `${capital(list)} list: ${holes} holes skipped.` }),
    (index, error) =>
      sink.add({ kind: `${list}-unreadable`, index, message: `${capital(list)} could not be read: ${errorText(error)}.` }),
  );
  sink.count(notAnObject, unlistedNotObjects);
  return { records, start: start.subarray(0, records.length), end: end.subarray(0, records.length) };
}

export function withId(warning: DataWarning, id: string | undefined): DataWarning {
  if (id !== undefined) warning.id = id;
  return warning;
}


function checkSession(): null {
  return null;
}

function checkPause(out: Record<string, unknown>): Problem | null {
  if (typeof out.name !== 'string') {
    return problem('pause', 'invalid-name', `name ${describe(out.name)} is not a string.`);
  }
  if (typeof out.paid !== 'boolean') {
    return problem('pause', 'invalid-paid', `paid ${describe(out.paid)} is not a boolean.`);
  }
  return null;
}

function textProblem(field: string, value: unknown): Problem | null {
  return optionalProblem('activity', field, value, typeof value === 'string', 'a string');
}

/**
 * What is wrong with an activity's fields other than its interval, or `null`: the id, the type,
 * then the optional fields in this order (`null` or `undefined` = absent). Shared by the records'
 * validation and the columns' (src/data/column-trace.ts), so both report alike.
 */
export function activityProblem(
  id: unknown,
  type: unknown,
  closed: unknown,
  talkSeconds: unknown,
  direction: unknown,
  title: unknown,
  queue: unknown,
  contact: unknown,
  ticketId: unknown,
): Problem | null {
  const bad = idProblem('activity', id);
  if (bad !== null) return bad;
  if (typeof type !== 'string' || type.length === 0) {
    return problem('activity', 'invalid-type', `type ${describe(type)} is not a non-empty string.`);
  }
  return (
    optionalProblem('activity', 'closed', closed, typeof closed === 'boolean', 'a boolean') ??
    optionalProblem('activity', 'talkSeconds', talkSeconds, typeof talkSeconds === 'number' && Number.isFinite(talkSeconds) && talkSeconds >= 0, 'a finite number ≥ 0') ??
    optionalProblem('activity', 'direction', direction, direction === 'in' || direction === 'out' || direction === 'internal', '"in", "out" or "internal"') ??
    textProblem('title', title) ??
    textProblem('queue', queue) ??
    textProblem('contact', contact) ??
    optionalProblem('activity', 'ticketId', ticketId, typeof ticketId === 'string' || (typeof ticketId === 'number' && Number.isFinite(ticketId)), 'a string or a number')
  );
}

const OPTIONAL_FIELDS = ['closed', 'talkSeconds', 'direction', 'title', 'queue', 'contact', 'ticketId'] as const;

function checkActivity(out: Record<string, unknown>): Problem | string {
  // Direct reads, one per field: this runs for every activity of a 100 000-activity load.
  const { id, type, closed, talkSeconds, direction, title, queue, contact, ticketId } = out;
  const bad = activityProblem(id, type, closed, talkSeconds, direction, title, queue, contact, ticketId);
  if (bad !== null) return bad;
  const checked = idFrom(id)!;
  out.id = checked;
  if (typeof ticketId === 'number') out.ticketId = String(ticketId);
  // Keyed deletes only for a record that has a null field (rare): 100 000 records, 7 keyed reads each, cost ms.
  if (closed === null || talkSeconds === null || direction === null || title === null || queue === null || contact === null || ticketId === null) {
    dropNulls(out, OPTIONAL_FIELDS);
  }
  return checked;
}

/**
 * Talk time cannot exceed the call: a `talkSeconds` longer than the activity (`end − start`) is
 * cut to it, and the record is kept with a warning. A running activity has no length yet; its
 * talk time is not counted (only calls that end in the period are, docs/spec.md#statistics) and stays as sent.
 */
function clampTalkSeconds(out: Record<string, unknown>, ms: { start: number; end: number }): Problem | null {
  const talk = out.talkSeconds;
  const bad = talkProblem(talk, ms);
  if (bad !== null) out.talkSeconds = (ms.end - ms.start) / 1000;
  return bad;
}

/** The warning for a `talkSeconds` longer than the activity (see {@link clampTalkSeconds}), or `null`. */
export function talkProblem(talk: unknown, ms: { start: number; end: number }): Problem | null {
  if (typeof talk !== 'number' || Number.isNaN(ms.end)) return null;
  const duration = (ms.end - ms.start) / 1000;
  if (talk <= duration) return null;
  return problem(
    'activity',
    'talk-seconds-clamped',
    `talkSeconds ${talk} is longer than the activity; cut to ${duration} s.`,
  );
}

/**
 * Validates provider data (docs/spec.md#data-contract). Never throws, whatever `raw` is.
 *
 * Returns copies of the valid records only — `start`/`end` rewritten as ISO UTC strings, a running
 * `end` as `null`, `null` optional fields dropped, numeric ids as strings, any extra field kept as
 * is — and one {@link DataWarning} per left-out record, corrected record or unusable top-level array.
 *
 * Work and memory are bounded by the input: at most {@link MAX_LISTED_WARNINGS} warnings are
 * listed, then one `summary` warning gives the total and the count per kind (`total`, `counts`);
 * a list longer than {@link MAX_RECORDS_PER_LIST} is treated as empty with one `array-too-long`
 * warning; holes of a sparse array are skipped with one `<list>-holes` warning per list.
 *
 * Warning kinds: `not-an-object`, `missing-array`, `invalid-array`, `array-too-long`, `unreadable`,
 * `summary`, and per list (`session-`, `pause-`, `activity-`): `not-an-object`, `unreadable`,
 * `holes`, `invalid-start`, `invalid-end`, `end-before-start`; `pause-invalid-name`,
 * `pause-invalid-paid`; `activity-invalid-id`, `activity-invalid-type`, `activity-invalid-closed`,
 * `activity-invalid-talk-seconds`, `activity-invalid-direction`,
 * `activity-invalid-title|queue|contact|ticket-id`, `activity-duplicate-id`; and
 * `activity-talk-seconds-clamped` for a record that is kept with `talkSeconds` cut to its length.
 *
 * The returned `data` is registered for {@link getPrepared}: treat it as immutable.
 */
export function normalizeTrace(raw: unknown): NormalizeResult {
  return runSteps(normalizeSteps(raw));
}

/** The `sessions` and `pauses` of `raw` validated, as {@link normalizeSteps} does (the columns' validation shares it). */
export function* intervalListSteps(raw: Record<string, unknown>, sink: WarningSink, inPlace: boolean) {
  const sessions = yield* collectSteps<TraceSession>('session', readList(raw, 'sessions', sink), sink, checkSession, undefined, inPlace);
  const pauses = yield* collectSteps<TracePause>('pause', readList(raw, 'pauses', sink), sink, checkPause, undefined, inPlace);
  return { sessions, pauses };
}

/**
 * {@link normalizeTrace} in steps: the generator pauses (`yield`) every {@link STEP_RECORDS}
 * records and returns the same result. `inPlace`: records of lists marked by `handOver` are
 * checked in place instead of copied (the store allows it; `normalizeTrace` does not). A caller that resumes it after yielding to the event loop
 * keeps every task short (the store does, for large traces); the data must not change meanwhile.
 */
export function* normalizeSteps(raw: unknown, inPlace = false): Generator<void, NormalizeResult, void> {
  const sink = new WarningSink();
  try {
    if (!isRecord(raw)) {
      const message = `Trace data is ${describe(raw)}, not an object; nothing is shown.`;
      sink.add({ kind: 'not-an-object', message });
      return register({ sessions: [], pauses: [], activities: [] }, sink.result(), null);
    }
    const { sessions, pauses } = yield* intervalListSteps(raw, sink, inPlace);
    const activityList = readList(raw, 'activities', sink);
    const activities = yield* collectSteps<TraceActivity>('activity', activityList, sink, checkActivity, clampTalkSeconds, inPlace);
    return register({ sessions: sessions.records, pauses: pauses.records, activities: activities.records }, sink.result(), {
      sessionStart: sessions.start,
      sessionEnd: sessions.end,
      pauseStart: pauses.start,
      pauseEnd: pauses.end,
      activityStart: activities.start,
      activityEnd: activities.end,
    });
  } catch (error) {
    // Last resort (e.g. a revoked Proxy as `raw`): the contract is "never throws".
    sink.add({ kind: 'unreadable', message: `Trace data could not be read: ${errorText(error)}.` });
    return register({ sessions: [], pauses: [], activities: [] }, sink.result(), null);
  }
}


function register(data: TraceData, warnings: DataWarning[], parsed: ParsedInstants | null): NormalizeResult {
  pendingPrepare.set(data, parsed ?? EMPTY_PARSED);
  return { data, warnings };
}
