/**
 * The activity list's rows refined (the rules are in `activity-rows.ts`): filtered by type and
 * text, sorted by any column, and the logins and pauses merged in when the filter lists them.
 * Loaded on demand: the list's first view — every activity by start — needs none of it.
 */
import type { PreparedActivity, PreparedInterval, PreparedPause } from '../model/types.js';
import type { ActivityColumn } from './report.js';
import { foldForSearch } from '../i18n/fold.js';
import { runSteps } from '../model/steps.js';
import {
  durationInPeriod,
  isStatusRow,
  overlapsPeriod,
  rowFields,
  rowFilterType,
  rowTypeLabel,
  type ActivityFilter,
  type ActivitySort,
  type ListRow,
  type RowLabels,
  type StatusRow,
} from './activity-rows.js';

/**
 * The logins and pauses that overlap `[startMs, endMs)`, as rows, in start order (ties: logins
 * first). Sessions and pauses come from the prepared trace, already validated.
 */
export function statusRowsOf(
  sessions: readonly PreparedInterval[],
  pauses: readonly PreparedPause[],
  startMs: number,
  endMs: number,
  now: number,
): StatusRow[] {
  const rows: StatusRow[] = [];
  const add = (status: 'login' | 'pause', list: readonly (PreparedInterval & { name?: string; paid?: boolean })[]) =>
    list.forEach((s, n) => {
      if (overlapsPeriod(s, startMs, endMs, now)) {
        rows.push({ status, id: `${status}-${n}`, type: status, start: s.start, end: s.end, closed: false, paid: s.paid ?? null, record: { title: s.name } });
      }
    });
  add('login', sessions);
  add('pause', pauses);
  // Stable: at the same start a login stays before a pause.
  return rows.sort((a, b) => a.start - b.start);
}

/** Activities and status rows in one start order (a status row first at the same start). */
export function mergeByStart(activities: readonly PreparedActivity[], status: readonly StatusRow[]): ListRow[] {
  const out: ListRow[] = [];
  let j = 0;
  for (const a of activities) {
    while (j < status.length && status[j]!.start <= a.start) out.push(status[j++]!);
    out.push(a);
  }
  while (j < status.length) out.push(status[j++]!);
  return out;
}


/** The fields of a row the text filter codes, in {@link SearchIndex.codes}. */
const CODED = 4;
/** Distinct field values a {@link SearchIndex} codes; past it, a row's further values are searched in its `rest`. */
const MAX_VALUES = 1 << 16;
/** Terms matched in one pass (bits of an int). */
const TERMS_PER_PASS = 30;
/** Type keys of status rows (a login, a paid and an unpaid pause); activity types follow. */
const STATUS_KEYS = 3;

/**
 * What the text filter reads of one list of rows, made on its first filtering and kept with the
 * array (the list memoises its arrays): each distinct title, queue, contact and ticket folded once,
 * a row holding only their codes; the id (unique) and values past {@link MAX_VALUES} folded per
 * row. A filtering then tests each distinct value, type label and direction label against the
 * terms once, and each row with a few typed-array reads, instead of folding and searching a
 * whole text per row: a million rows in tens of milliseconds.
 */
interface SearchIndex {
  /** Row `i`'s title, queue, contact and ticket: `codes[CODED * i + f]`, a position in `values` (0: none). */
  codes: Uint32Array;
  /** Distinct folded values; `values[0]` is the empty one. */
  values: string[];
  /** Row `i`'s id and any uncoded values, folded, joined by U+0000 (which nothing combines with, so folding each part is folding the whole). */
  rest: string[];
  /** Row `i`'s type label key; `typeRows[k]` a row with key `k` (the label follows the viewer's language). */
  typeCode: Uint32Array;
  typeRows: ListRow[];
  /** Row `i`'s direction, as a position in `directionRows`, rows with that direction. */
  directionCode: Uint32Array;
  directionRows: ListRow[];
}

const searchIndexes = new WeakMap<readonly ListRow[], SearchIndex>();

const ASCII = /^[\x00-\x7f]*$/;

/** `value` folded: an ASCII one only lower-cased (all that folding does to it). */
function fold(value: string): string {
  return ASCII.test(value) ? value.toLowerCase() : foldForSearch(value);
}

/** Rows indexed or searched between two pauses of the stepped filtering ({@link filterSteps}): a few ms. */
const STEP_ROWS = 16_384;

/** Calls `body(from, to)` for the stretches of `size` of `0 … n − 1`, pausing (`yield`) between two. */
function* inStretches(n: number, size: number, body: (from: number, to: number) => void): Generator<void, void, void> {
  for (let from = 0; from < n; from += size) {
    if (from > 0) yield;
    body(from, Math.min(n, from + size));
  }
}

/** Makes a {@link SearchIndex}, a stretch of rows at a time. */
class IndexBuilder {
  readonly index: SearchIndex;
  readonly #valueCodes = new Map<string, number>();
  readonly #typeCodes = new Map<string, number>();
  readonly #directionCodes = new Map<unknown, number>();

  constructor(readonly rows: readonly ListRow[]) {
    const n = rows.length;
    this.index = {
      codes: new Uint32Array(n * CODED),
      values: [''],
      rest: new Array<string>(n),
      typeCode: new Uint32Array(n),
      typeRows: [],
      directionCode: new Uint32Array(n),
      directionRows: [],
    };
  }

  /** Indexes rows `from` … `to` − 1. */
  add(from: number, to: number): void {
    const { codes, values, rest, typeCode, typeRows, directionCode, directionRows } = this.index;
    const valueCodes = this.#valueCodes;
    for (let i = from; i < to; i++) {
      const a = this.rows[i]!;
      const r = rowFields(a);
      let extra = isStatusRow(a) ? '' : fold(a.id);
      for (let f = 0; f < CODED; f++) {
        const value = f === 0 ? r.title : f === 1 ? r.queue : f === 2 ? r.contact : r.ticketId;
        if (typeof value !== 'string' || value === '') continue;
        let code = valueCodes.get(value);
        if (code === undefined) {
          if (values.length >= MAX_VALUES) {
            extra += `\u0000${fold(value)}`;
            continue;
          }
          code = values.length;
          values.push(fold(value));
          valueCodes.set(value, code);
        }
        codes[CODED * i + f] = code;
      }
      rest[i] = extra;
      let type: number | undefined;
      if (isStatusRow(a)) type = a.paid === null ? 0 : a.paid ? 1 : 2;
      else if ((type = this.#typeCodes.get(a.type)) === undefined) this.#typeCodes.set(a.type, (type = STATUS_KEYS + this.#typeCodes.size));
      typeCode[i] = type;
      typeRows[type] ??= a;
      const direction = r.direction;
      let d = this.#directionCodes.get(direction);
      if (d === undefined) {
        this.#directionCodes.set(direction, (d = directionRows.length));
        directionRows.push(a);
      }
      directionCode[i] = d;
    }
  }
}

/** The rows' {@link SearchIndex}, made (pausing every {@link STEP_ROWS} rows) when it is not made yet. */
function* searchIndexSteps(rows: readonly ListRow[]): Generator<void, SearchIndex, void> {
  const known = searchIndexes.get(rows);
  if (known) return known;
  const builder = new IndexBuilder(rows);
  yield* inStretches(rows.length, STEP_ROWS, (from, to) => builder.add(from, to));
  searchIndexes.set(rows, builder.index);
  return builder.index;
}

/** Bit `t` set when `text` holds `terms[t]`. */
function termBits(text: string, terms: readonly string[]): number {
  let bits = 0;
  for (let t = 0; t < terms.length; t++) if (text.includes(terms[t]!)) bits |= 1 << t;
  return bits;
}

/**
 * Clears `ok[i]` of each row of `index` that misses one of `terms` (at most {@link TERMS_PER_PASS})
 * in its fields, type label and direction label, pausing every {@link STEP_ROWS} rows.
 */
function* matchSteps(index: SearchIndex, terms: readonly string[], labels: RowLabels, ok: Uint8Array): Generator<void, void, void> {
  const full = (1 << terms.length) - 1;
  const valueBits = new Int32Array(index.values.length);
  for (let v = 1; v < valueBits.length; v++) valueBits[v] = termBits(index.values[v]!, terms);
  const typeBits = index.typeRows.map((row) => termBits(foldForSearch(rowTypeLabel(labels, row)), terms));
  const directionBits = index.directionRows.map((row) => termBits(foldForSearch(labels.direction(rowFields(row).direction)), terms));
  const { codes, rest, typeCode, directionCode } = index;
  yield* inStretches(ok.length, 4 * STEP_ROWS, (from, to) => {
    for (let i = from; i < to; i++) {
      if (ok[i] === 0) continue;
      const at = CODED * i;
      let bits =
        typeBits[typeCode[i]!]! | directionBits[directionCode[i]!]! | valueBits[codes[at]!]! | valueBits[codes[at + 1]!]! | valueBits[codes[at + 2]!]! | valueBits[codes[at + 3]!]!;
      if (bits !== full) {
        const text = rest[i]!;
        for (let t = 0; t < terms.length; t++) if ((bits & (1 << t)) === 0 && text.includes(terms[t]!)) bits |= 1 << t;
        if (bits !== full) ok[i] = 0;
      }
    }
  });
}

/**
 * The rows matching `filter`: of its type, and holding every term of its text (folded, split at
 * white space) in a field — title, queue, contact, id, ticket — or in its type or direction label.
 * Returns the input array itself when nothing is filtered.
 */
export function filterActivities<R extends ListRow>(activities: R[], filter: ActivityFilter, labels: RowLabels): R[] {
  return runSteps(filterSteps(activities, filter, labels));
}

/** {@link filterActivities} pausing (`yield`) every few thousand rows: the first search of a long list makes its index. */
function* filterSteps<R extends ListRow>(activities: R[], filter: ActivityFilter, labels: RowLabels): Generator<void, R[], void> {
  // U+0000 separates a row's parts: a term never spans two.
  const terms = [...new Set(foldForSearch(filter.text).split(/[\s\u0000]+/).filter(Boolean))];
  // `all` lists everything given (the caller merged the status rows in).
  const type = filter.type === 'all' ? '' : filter.type;
  if (!type && !terms.length) return activities;
  if (!terms.length) return activities.filter((a) => rowFilterType(a) === type);
  const ok = new Uint8Array(activities.length);
  for (let i = 0; i < ok.length; i++) ok[i] = !type || rowFilterType(activities[i]!) === type ? 1 : 0;
  const index = yield* searchIndexSteps(activities);
  for (let from = 0; from < terms.length; from += TERMS_PER_PASS) yield* matchSteps(index, terms.slice(from, from + TERMS_PER_PASS), labels, ok);
  return activities.filter((_, i) => ok[i] === 1);
}

type SortKey = number | string;

/** A sort key per column; `now` sizes running activities. */
function keyFunction(
  column: ActivityColumn,
  labels: RowLabels,
  startMs: number,
  endMs: number,
  now: number,
): (a: ListRow) => SortKey {
  switch (column) {
    case 'type':
      return (a) => rowTypeLabel(labels, a);
    case 'start':
      return (a) => a.start;
    case 'end':
      return (a) => a.end ?? Number.POSITIVE_INFINITY;
    case 'duration':
      // Whole ms (the seconds are ms / 1000), so that the keys pack into one number with the position.
      return (a) => Math.round(durationInPeriod(a, startMs, endMs, now) * 1000);
    case 'title':
      return (a) => rowFields(a).title ?? '';
    case 'queue':
      return (a) => rowFields(a).queue ?? '';
    case 'contact':
      return (a) => rowFields(a).contact ?? '';
    case 'direction':
      return (a) => labels.direction(rowFields(a).direction);
    case 'closed':
      return (a) => (a.closed ? 1 : 0);
  }
}

/**
 * The rows in the order of `sort`; rows with equal keys keep their order (the prepared order, by
 * start). Distinct strings are ranked once with `Intl.Collator` (few in practice); then each
 * row's key and position, packed into one number, are sorted as a typed array without a comparator
 * ({@link orderSteps}): a million rows in about a third of the time of a comparator sort.
 */
export function sortActivities<R extends ListRow>(
  activities: readonly R[],
  sort: ActivitySort,
  labels: RowLabels,
  locale: string,
  period: { startMs: number; endMs: number; now: number },
): R[] {
  return runSteps(sortSteps(activities, sort, labels, locale, period));
}

/** {@link sortActivities} pausing (`yield`) every few tens of thousands of rows and every few thousand distinct strings collated. */
function* sortSteps<R extends ListRow>(
  activities: readonly R[],
  sort: ActivitySort,
  labels: RowLabels,
  locale: string,
  period: { startMs: number; endMs: number; now: number },
): Generator<void, R[], void> {
  const key = keyFunction(sort.column, labels, period.startMs, period.endMs, period.now);
  const n = activities.length;
  // Numbers go straight into `keys`; a string first gets the place of its first row among the
  // distinct strings, replaced by its rank once they are collated (a `Map` look-up a row: shorter steps).
  const keys = new Float64Array(n);
  const strings = n > 0 && typeof key(activities[0]!) === 'string';
  const step = strings ? STEP_ROWS : 4 * STEP_ROWS;
  const seen = new Map<string, number>();
  const values: string[] = [];
  yield* inStretches(n, step, (from, to) => {
    for (let i = from; i < to; i++) {
      const k = key(activities[i]!);
      if (strings) {
        let at = seen.get(k as string);
        if (at === undefined) {
          at = values.length;
          values.push(k as string);
          seen.set(k as string, at);
        }
        keys[i] = at;
      } else keys[i] = Number.isNaN(k) ? Infinity : (k as number);
    }
  });
  if (strings) {
    const rank = yield* rankSteps(values, new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }));
    yield;
    yield* inStretches(n, step, (from, to) => {
      for (let i = from; i < to; i++) keys[i] = rank[keys[i]!]!;
    });
  }
  yield;
  const order = yield* orderSteps(keys, sort.direction === 'ascending');
  const out = new Array<R>(n);
  for (let i = 0; i < n; i++) out[i] = activities[order[i]!]!;
  return out;
}

/** Distinct strings collated in runs of this many, sorted with the collator, then merged pairwise. */
const COLLATE_RUN = 256;
/** Values a collating merge (or the ranking) handles before it pauses. */
const COLLATE_STEP = 1024;

/**
 * The rank of each of `values` (distinct strings) in the collator's order, values the collator
 * finds equal (`Reklamace`, `reklamace`) sharing one, so that their rows keep their order. The
 * collation pauses (`yield`) after each run of {@link COLLATE_RUN} and every {@link COLLATE_STEP}
 * values merged or ranked: 100 000 distinct titles take about 200 ms of comparisons.
 */
function* rankSteps(values: readonly string[], collator: Intl.Collator): Generator<void, Float64Array, void> {
  const m = values.length;
  const compare = (a: number, b: number): number => collator.compare(values[a]!, values[b]!);
  let order = Array.from({ length: m }, (_, i) => i);
  for (let from = 0; from < m; from += COLLATE_RUN) {
    if (from > 0) yield;
    const run = order.slice(from, from + COLLATE_RUN).sort(compare);
    for (let i = 0; i < run.length; i++) order[from + i] = run[i]!;
  }
  let merged = new Array<number>(m);
  for (let width = COLLATE_RUN; width < m; width *= 2) {
    for (let from = 0; from < m; from += 2 * width) {
      // A merge compares values one by one: it pauses every COLLATE_STEP values it places.
      const middle = Math.min(m, from + width);
      const to = Math.min(m, from + 2 * width);
      let i = from;
      let j = middle;
      let k = from;
      while (k < to) {
        yield;
        const stop = Math.min(to, k + COLLATE_STEP);
        while (k < stop) merged[k++] = j >= to || (i < middle && compare(order[i]!, order[j]!) <= 0) ? order[i++]! : order[j++]!;
      }
    }
    [order, merged] = [merged, order];
  }
  const rank = new Float64Array(m);
  let distinct = 0;
  for (let k = 0; k < m; k++) {
    if (k % COLLATE_STEP === COLLATE_STEP - 1) yield;
    rank[order[k]!] = k > 0 && compare(order[k - 1]!, order[k]!) === 0 ? distinct - 1 : distinct++;
  }
  return rank;
}

/** Replaces each number of `keys` by its place (0, 1, …) among their distinct values; returns how many there are. */
function rankInPlace(keys: Float64Array): number {
  const values = keys.slice().sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[distinct - 1]) values[distinct++] = values[i]!;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let low = 0;
    let high = distinct - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[mid]! < k) low = mid + 1;
      else high = mid;
    }
    keys[i] = low;
  }
  return distinct;
}

/**
 * Positions in order of `keys` (`+Infinity` last), ascending or descending, equal keys in order of
 * position: `(key − min) · n + i` sorted as numbers. Whole keys whose span times `n` fits a double
 * exactly (instants and durations in ms, ranks) pack as they are; others are first replaced by their
 * place among the distinct keys. A long list is sorted in stretches merged pairwise, pausing
 * (`yield`) between them.
 */
function* orderSteps(keys: Float64Array, ascending: boolean): Generator<void, Uint32Array, void> {
  const n = keys.length;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n && whole; i++) {
    const k = keys[i]!;
    if (k === Infinity) continue;
    if (!Number.isInteger(k)) whole = false;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min > max) min = max = 0; // no finite key
  if (!whole || (max - min + 2) * n > Number.MAX_SAFE_INTEGER) {
    min = 0;
    max = rankInPlace(keys) - 1;
  }
  const top = max + 1;
  let packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] === Infinity ? top : keys[i]!;
    packed[i] = (ascending ? k - min : top - k) * n + i;
  }
  const stretch = 4 * STEP_ROWS;
  yield;
  yield* inStretches(n, stretch, (from, to) => packed.subarray(from, to).sort());
  let merged = new Float64Array(n > stretch ? n : 0);
  for (let width = stretch; width < n; width *= 2) {
    for (let from = 0; from < n; from += 2 * width) {
      yield;
      mergeRuns(packed, merged, from, Math.min(n, from + width), Math.min(n, from + 2 * width));
    }
    [packed, merged] = [merged, packed];
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % n;
  return order;
}

/** Merges the sorted runs `from` … `middle` − 1 and `middle` … `to` − 1 of `source` into the same places of `target`. */
function mergeRuns(source: Float64Array, target: Float64Array, from: number, middle: number, to: number): void {
  let i = from;
  let j = middle;
  let k = from;
  while (i < middle && j < to) target[k++] = source[i]! <= source[j]! ? source[i++]! : source[j++]!;
  while (i < middle) target[k++] = source[i++]!;
  while (j < to) target[k++] = source[j++]!;
}

/**
 * The period's rows filtered and sorted as the list shows them, pausing (`yield`) every few
 * thousand rows and distinct strings; run it with `runSteps` to have them at once.
 */
export function* listSteps<R extends ListRow>(
  periodRows: R[],
  filter: ActivityFilter,
  sort: ActivitySort,
  labels: RowLabels,
  locale: string,
  period: { startMs: number; endMs: number; now: number },
): Generator<void, R[], void> {
  const filtered = yield* filterSteps(periodRows, filter, labels);
  // The prepared order is already start ascending (ties by end, id): no need to sort.
  if (sort.column === 'start' && sort.direction === 'ascending') return filtered;
  yield;
  return yield* sortSteps(filtered, sort, labels, locale, period);
}
