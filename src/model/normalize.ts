/**
 * Validation at the boundary: provider data is untrusted (docs/spec.md#untrusted-data). Every record is checked
 * once here; a bad one is left out and reported as a {@link DataWarning}, nothing ever throws.
 * After this module, instants are epoch milliseconds ({@link PreparedTrace}) or ISO UTC strings.
 *
 * Decisions on points the contract leaves open:
 * - Instant strings must carry `Z` or an offset (`±HH:MM`, `±HHMM`, `±HH`); the date/time separator
 *   may be `T`, `t` or a space (RFC 3339), fractional seconds are truncated to milliseconds. Invalid
 *   calendar values (2026-02-30, 24:00, 23:60, leap second 60) and instants outside the years
 *   0000–9999 (UTC) are rejected, so every accepted instant round-trips through `toISOString()`.
 * - Epoch-millisecond numbers must be finite; fractions are truncated, as `new Date(n)` does.
 * - `id` (and `ticketId`) may be a non-empty string or a finite number; numbers become strings,
 *   because many back ends use numeric keys.
 * - An optional field that is `null` counts as absent and is dropped from the copy; `end: null`
 *   and an absent `end` both become `end: null` (running).
 * - A record with any field of the wrong type is left out whole (one warning, for the first problem).
 * - Duplicate activity ids: the first *valid* record wins; later ones are dropped with a warning.
 * - Activity `type` is case-sensitive: `Call` is an unknown type (lane `other`), kept as is.
 * - Pause `name` may be any string, including the empty one.
 */
import { laneOf } from './catalog.js';
import type {
  DataWarning,
  NormalizeResult,
  PreparedActivity,
  PreparedInterval,
  PreparedPause,
  PreparedTrace,
  TraceActivity,
  TraceData,
  TracePause,
  TraceSession,
  TraceUser,
} from './types.js';

/** 0000-01-01T00:00:00.000Z: the first instant `toISOString()` writes with a four-digit year. */
const MIN_INSTANT_MS = -62_167_219_200_000;
/** 9999-12-31T23:59:59.999Z: the last one. */
const MAX_INSTANT_MS = 253_402_300_799_999;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function inInstantRange(ms: number): number | null {
  // `+ 0` turns -0 into 0 so that equal instants compare and serialise identically.
  return ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS ? ms + 0 : null;
}

/** The two decimal digits at `i`, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  // charCodeAt past the end is NaN, which fails both comparisons.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const CH_PLUS = 43;
const CH_COMMA = 44;
const CH_DASH = 45;
const CH_DOT = 46;
const CH_COLON = 58;
const CH_SPACE = 32;
const CH_T = 84;
const CH_Z = 90;
const CH_LOWER_T = 116;
const CH_LOWER_Z = 122;

/**
 * `YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)digits]](Z|z|±HH[[:]MM])` → epoch ms, or null.
 * A character scanner rather than a regular expression: it runs about as fast as `Date.parse`.
 */
function parseIsoInstant(text: string): number | null {
  const n = text.length;
  if (n < 17) return null;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const sep = text.charCodeAt(10);
  if (text.charCodeAt(4) !== CH_DASH || text.charCodeAt(7) !== CH_DASH || text.charCodeAt(13) !== CH_COLON) return null;
  if (sep !== CH_T && sep !== CH_LOWER_T && sep !== CH_SPACE) return null;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === CH_COLON) {
    second = twoDigits(text, i + 1);
    if (second < 0 || second > 59) return null;
    i += 3;
    const mark = text.charCodeAt(i);
    if (mark === CH_DOT || mark === CH_COMMA) {
      i++;
      const first = i;
      let scale = 100;
      for (let c = text.charCodeAt(i) - 48; c >= 0 && c <= 9; c = text.charCodeAt(++i) - 48) {
        // Digits beyond milliseconds are truncated, as Date.parse does.
        if (scale >= 1) millis += c * scale;
        scale /= 10;
      }
      if (i === first) return null;
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === CH_Z || zone === CH_LOWER_Z) {
    if (i + 1 !== n) return null;
  } else if (zone === CH_PLUS || zone === CH_DASH) {
    const offsetHours = twoDigits(text, i + 1);
    if (offsetHours < 0 || offsetHours > 23) return null;
    i += 3;
    let offsetMins = 0;
    if (i < n) {
      if (text.charCodeAt(i) === CH_COLON) i++;
      offsetMins = twoDigits(text, i);
      if (offsetMins < 0 || offsetMins > 59 || i + 2 !== n) return null;
    }
    offsetMinutes = (zone === CH_DASH ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    // No offset: a local time of an unknown zone is ambiguous.
    return null;
  }
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return inInstantRange(ms);
}

/** Reused by {@link isoUtc}: one flat string from 24 char codes, no intermediate strings. */
const isoChars = new Uint16Array(24);

function putTwo(at: number, value: number): void {
  isoChars[at] = 48 + Math.floor(value / 10);
  isoChars[at + 1] = 48 + (value % 10);
}

/**
 * `new Date(ms).toISOString()` for years 0000–9999, without a Date and as one flat string
 * (100 000 records mean 200 000 of these: garbage matters). `source` is returned as is when it
 * already is exactly that string (the common `…T12:00:00.000Z` form).
 */
function isoUtc(ms: number, source: unknown): string {
  if (
    typeof source === 'string' &&
    source.length === 24 &&
    source.charCodeAt(23) === CH_Z &&
    source.charCodeAt(10) === CH_T &&
    source.charCodeAt(19) === CH_DOT
  ) {
    return source;
  }
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  // Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  putTwo(0, Math.floor(year / 100));
  putTwo(2, year % 100);
  isoChars[4] = CH_DASH;
  putTwo(5, month);
  isoChars[7] = CH_DASH;
  putTwo(8, day);
  isoChars[10] = CH_T;
  putTwo(11, hour);
  isoChars[13] = CH_COLON;
  putTwo(14, minute);
  isoChars[16] = CH_COLON;
  putTwo(17, second);
  isoChars[19] = CH_DOT;
  isoChars[20] = 48 + Math.floor(millis / 100);
  putTwo(21, millis % 100);
  isoChars[23] = CH_Z;
  return String.fromCharCode.apply(null, isoChars as unknown as number[]);
}

/**
 * Parses a provider instant into epoch milliseconds.
 *
 * Accepts an ISO 8601 string **with** `Z` or an offset (strings without one are ambiguous and
 * rejected), a finite epoch-millisecond number (fraction truncated) or a valid `Date`.
 * Returns `null` for anything else, for impossible calendar values and outside years 0000–9999.
 * Never throws.
 */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'string') return parseIsoInstant(value);
  if (typeof value === 'number') return Number.isFinite(value) ? inInstantRange(Math.trunc(value)) : null;
  if (value instanceof Date) {
    try {
      const ms = value.getTime();
      return Number.isNaN(ms) ? null : inInstantRange(ms);
    } catch {
      // An object that merely inherits from Date.prototype has no time value: getTime throws.
      return null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Record validation
// ---------------------------------------------------------------------------

type ListName = 'session' | 'pause' | 'activity' | 'user';
type Problem = { kind: string; message: string };

/** Parsed instants of the valid records, kept so the prepared form never re-parses ISO strings. */
interface ParsedInstants {
  sessionStart: Float64Array;
  sessionEnd: Float64Array;
  pauseStart: Float64Array;
  pauseEnd: Float64Array;
  activityStart: Float64Array;
  activityEnd: Float64Array;
}

/** Validated data → its prepared form; filled lazily by {@link getPrepared}. */
const preparedCache = new WeakMap<TraceData, PreparedTrace>();
/** Validated data whose prepared form has not been asked for yet. */
const pendingPrepare = new WeakMap<TraceData, ParsedInstants>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
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
function idFrom(value: unknown): string | undefined {
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
 * Validates the interval part shared by sessions, pauses and activities and writes `start`/`end`
 * into `out` as ISO UTC strings. Returns the problem, or `null` and the parsed instants in `ms`.
 */
function checkInterval(
  list: ListName,
  out: Record<string, unknown>,
  ms: { start: number; end: number },
): Problem | null {
  const rawStart = out.start;
  const start = parseInstant(rawStart);
  if (start === null) {
    return problem(list, 'invalid-start', `start ${describe(rawStart)} is not an instant with an offset.`);
  }
  const rawEnd = out.end;
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
  out.start = isoUtc(start, rawStart);
  out.end = Number.isNaN(end) ? null : isoUtc(end, rawEnd);
  ms.start = start;
  ms.end = end;
  return null;
}

/**
 * Checks a present optional field: `null` is dropped from the copy (counts as absent), any other
 * value must be `valid`. Callers skip absent fields, so that common case costs one property read.
 */
function checkOptional(
  list: ListName,
  out: Record<string, unknown>,
  field: string,
  value: unknown,
  valid: boolean,
  expected: string,
): Problem | null {
  if (value === null) {
    delete out[field];
    return null;
  }
  if (valid) return null;
  return problem(list, `invalid-${kebab(field)}`, `${field} ${describe(value)} is not ${expected}.`);
}

function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** Copies own enumerable fields; a copy, so later provider mutations do not leak in. */
function copyOf(rec: Record<string, unknown>): Record<string, unknown> {
  return { ...rec };
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
class WarningSink {
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
function checkedList(value: readonly unknown[], name: string, sink: WarningSink): readonly unknown[] | null {
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
 * Calls `visit(index, item)` for every present entry of `items` in index order. At the first hole
 * it switches to the array's own keys, so a sparse array costs its present entries, not its
 * length; `onHoles(count)` is then called once. A read that throws (a getter, a Proxy trap) goes
 * to `onUnreadable`.
 */
function eachPresent(
  items: readonly unknown[],
  visit: (index: number, item: unknown) => void,
  onHoles: (count: number) => void,
  onUnreadable: (index: number, error: unknown) => void,
): void {
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
    let item: unknown;
    try {
      item = items[index];
      if (item === undefined && !(index in items)) {
        const rest = presentIndicesAfter(items, index, n);
        onHoles(n - index - rest.length);
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
 * Validates one provider array. `check` validates the non-interval fields of the copy and returns
 * the record's id (activities, users: unique, later duplicates are left out) or a problem; `amend`, run on a valid record once its interval is
 * known, may correct it and returns the warning that says so. Shared so every list reports
 * problems the same way.
 */
function collect<T>(
  list: ListName,
  items: readonly unknown[],
  sink: WarningSink,
  check: (out: Record<string, unknown>) => Problem | string | null,
  amend?: (out: Record<string, unknown>, ms: { start: number; end: number }) => Problem | null,
): Collected<T> {
  const records: T[] = [];
  // Grown as records are kept: a long list of bad entries allocates nothing per entry.
  let start: Float64Array<ArrayBuffer> = new Float64Array(Math.min(items.length, 1024));
  let end = new Float64Array(start.length);
  const ms = { start: 0, end: 0 };
  const seenIds = list === 'activity' || list === 'user' ? new Set<string>() : null;
  const notAnObject = `${list}-not-an-object`;
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
      const out = copyOf(rec);
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
  eachPresent(
    items,
    visit,
    (holes) => sink.add({ kind: `${list}-holes`, message: `${capital(list)} list: ${holes} holes skipped.` }),
    (index, error) =>
      sink.add({ kind: `${list}-unreadable`, index, message: `${capital(list)} could not be read: ${errorText(error)}.` }),
  );
  sink.count(notAnObject, unlistedNotObjects);
  return { records, start: start.subarray(0, records.length), end: end.subarray(0, records.length) };
}

function withId(warning: DataWarning, id: string | undefined): DataWarning {
  if (id !== undefined) warning.id = id;
  return warning;
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
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

function checkText(out: Record<string, unknown>, field: string, value: unknown): Problem | null {
  return checkOptional('activity', out, field, value, typeof value === 'string', 'a string');
}

function checkActivity(out: Record<string, unknown>): Problem | string {
  const id = idFrom(out.id);
  if (id === undefined) {
    return problem('activity', 'invalid-id', `id ${describe(out.id)} is not a non-empty string or a number.`);
  }
  out.id = id;
  if (typeof out.type !== 'string' || out.type.length === 0) {
    return problem('activity', 'invalid-type', `type ${describe(out.type)} is not a non-empty string.`);
  }
  // Direct reads, one per field: this runs for every activity of a 100 000-activity load.
  let bad: Problem | null = null;
  const { closed, talkSeconds, direction, title, queue, contact } = out;
  let ticketId = out.ticketId;
  if (typeof ticketId === 'number' && Number.isFinite(ticketId)) out.ticketId = ticketId = String(ticketId);
  if (closed !== undefined) {
    bad ??= checkOptional('activity', out, 'closed', closed, typeof closed === 'boolean', 'a boolean');
  }
  if (talkSeconds !== undefined) {
    const valid = typeof talkSeconds === 'number' && Number.isFinite(talkSeconds) && talkSeconds >= 0;
    bad ??= checkOptional('activity', out, 'talkSeconds', talkSeconds, valid, 'a finite number ≥ 0');
  }
  if (direction !== undefined) {
    const valid = direction === 'in' || direction === 'out' || direction === 'internal';
    bad ??= checkOptional('activity', out, 'direction', direction, valid, '"in", "out" or "internal"');
  }
  if (title !== undefined) bad ??= checkText(out, 'title', title);
  if (queue !== undefined) bad ??= checkText(out, 'queue', queue);
  if (contact !== undefined) bad ??= checkText(out, 'contact', contact);
  if (ticketId !== undefined) {
    bad ??= checkOptional('activity', out, 'ticketId', ticketId, typeof ticketId === 'string', 'a string or a number');
  }
  return bad ?? id;
}

/**
 * Talk time cannot exceed the call: a `talkSeconds` longer than the activity (`end − start`) is
 * cut to it, and the record is kept with a warning. A running activity has no length yet; its
 * talk time is not counted (only calls that end in the period are, docs/spec.md#statistics) and stays as sent.
 */
function clampTalkSeconds(out: Record<string, unknown>, ms: { start: number; end: number }): Problem | null {
  const talk = out.talkSeconds;
  if (typeof talk !== 'number' || Number.isNaN(ms.end)) return null;
  const duration = (ms.end - ms.start) / 1000;
  if (talk <= duration) return null;
  out.talkSeconds = duration;
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
  const sink = new WarningSink();
  try {
    if (!isRecord(raw)) {
      const message = `Trace data is ${describe(raw)}, not an object; nothing is shown.`;
      sink.add({ kind: 'not-an-object', message });
      return register({ sessions: [], pauses: [], activities: [] }, sink.result(), null);
    }
    const sessions = collect<TraceSession>('session', readList(raw, 'sessions', sink), sink, checkSession);
    const pauses = collect<TracePause>('pause', readList(raw, 'pauses', sink), sink, checkPause);
    const activityList = readList(raw, 'activities', sink);
    const activities = collect<TraceActivity>('activity', activityList, sink, checkActivity, clampTalkSeconds);
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

const EMPTY_PARSED: ParsedInstants = {
  sessionStart: new Float64Array(0),
  sessionEnd: new Float64Array(0),
  pauseStart: new Float64Array(0),
  pauseEnd: new Float64Array(0),
  activityStart: new Float64Array(0),
  activityEnd: new Float64Array(0),
};

function register(data: TraceData, warnings: DataWarning[], parsed: ParsedInstants | null): NormalizeResult {
  pendingPrepare.set(data, parsed ?? EMPTY_PARSED);
  return { data, warnings };
}

// ---------------------------------------------------------------------------
// Prepared form
// ---------------------------------------------------------------------------

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
 * callbacks) and use the comparator only inside runs of equal start.
 */
function activityOrder(starts: Float64Array, ends: Float64Array, records: readonly TraceActivity[]): ArrayLike<number> {
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
    const idI = records[i]!.id;
    const idJ = records[j]!.id;
    return idI < idJ ? -1 : idI > idJ ? 1 : 0;
  };
  let inOrder = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    if (start < min) min = start;
    if (start > max) max = start;
    if (inOrder && i > 0 && compare(i - 1, i) > 0) inOrder = false;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (inOrder) return order;
  if ((max - min + 1) * n > Number.MAX_SAFE_INTEGER) return order.sort(compare);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (starts[i]! - min) * n + i;
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  for (let runStart = 0; runStart < n; ) {
    const start = starts[order[runStart]!]!;
    let runEnd = runStart + 1;
    while (runEnd < n && starts[order[runEnd]!] === start) runEnd++;
    if (runEnd - runStart > 1) order.subarray(runStart, runEnd).sort(compare);
    runStart = runEnd;
  }
  return order;
}

function buildPrepared(data: TraceData, parsed: ParsedInstants): PreparedTrace {
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
  const records = data.activities;
  const order = activityOrder(parsed.activityStart, parsed.activityEnd, records);
  const activities: PreparedActivity[] = new Array<PreparedActivity>(records.length);
  // Allocated in sorted order, so that sweeps over them walk memory in order (several times faster).
  for (let index = 0; index < activities.length; index++) {
    const i = order[index]!;
    const rec = records[i]!;
    activities[index] = {
      index,
      id: rec.id,
      type: rec.type,
      lane: laneOf(rec.type),
      start: parsed.activityStart[i]!,
      end: endOrNull(parsed.activityEnd[i]!),
      closed: rec.closed === true,
      record: rec,
    };
  }
  return { sessions, pauses, activities };
}

/**
 * The prepared form (epoch ms, activities sorted by start, then end with running last, then id;
 * sessions and pauses sorted by start) of data that came out of {@link normalizeTrace} or
 * {@link prepareTrace}; built on first request, then cached. `undefined` for any other object.
 */
export function getPrepared(data: TraceData): PreparedTrace | undefined {
  const cached = preparedCache.get(data);
  if (cached !== undefined) return cached;
  const parsed = pendingPrepare.get(data);
  if (parsed === undefined) return undefined;
  const prepared = buildPrepared(data, parsed);
  preparedCache.set(data, prepared);
  pendingPrepare.delete(data);
  return prepared;
}

/** {@link normalizeTrace} plus the prepared form the elements and statistics work on. Never throws. */
export function prepareTrace(raw: unknown): NormalizeResult & { prepared: PreparedTrace } {
  const result = normalizeTrace(raw);
  // normalizeTrace always registers its data, so the prepared form exists.
  return { ...result, prepared: getPrepared(result.data)! };
}

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

function checkUser(out: Record<string, unknown>): Problem | string {
  const id = idFrom(out.id);
  if (id === undefined) {
    return { kind: 'user-invalid-id', message: `User id ${describe(out.id)} is not a non-empty string or a number.` };
  }
  out.id = id;
  if (typeof out.name !== 'string') {
    return { kind: 'user-invalid-name', message: `User name ${describe(out.name)} is not a string.` };
  }
  const { deactivated, timeZone } = out;
  let bad: Problem | null = null;
  if (deactivated !== undefined) {
    bad = checkOptional('user', out, 'deactivated', deactivated, typeof deactivated === 'boolean', 'a boolean');
  }
  if (timeZone !== undefined) {
    bad ??= checkOptional('user', out, 'timeZone', timeZone, typeof timeZone === 'string', 'a string');
  }
  return bad ?? id;
}

/**
 * Validates the answer of `listUsers`. Never throws. Requires `id` (non-empty string or number,
 * made a string) and `name` (string); `deactivated` boolean and `timeZone` string when present.
 * Valid users are copied with extra fields kept; later duplicates of an id are dropped.
 * Warning kinds: `users-not-an-array`, `array-too-long`, `invalid-array`, `summary`, `user-holes`,
 * `user-not-an-object`, `user-unreadable`, `user-invalid-id`, `user-invalid-name`,
 * `user-invalid-deactivated`, `user-invalid-time-zone`, `user-duplicate-id`; listed and bounded as
 * by {@link normalizeTrace}.
 */
export function normalizeUsers(raw: unknown): { users: TraceUser[]; warnings: DataWarning[] } {
  const sink = new WarningSink();
  let users: TraceUser[] = [];
  try {
    if (!Array.isArray(raw)) {
      sink.add({ kind: 'users-not-an-array', message: `The user list is ${describe(raw)}, not an array.` });
    } else {
      const items = checkedList(raw, 'users', sink);
      if (items !== null) users = collect<TraceUser>('user', items, sink, checkUser).records;
    }
  } catch (error) {
    sink.add({ kind: 'users-not-an-array', message: `The user list could not be read: ${errorText(error)}.` });
  }
  return { users, warnings: sink.result() };
}
