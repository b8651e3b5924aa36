/**
 * The activity list's rows refined (the rules are in `activity-rows.ts`): filtered by type and
 * text, sorted by any column, and the logins and pauses merged in when the filter lists them.
 * Loaded on demand: the list's first view — every activity by start — needs none of it.
 */
import type { PreparedActivity, PreparedInterval, PreparedPause } from '../model/types.js';
import type { ActivityColumn } from './report.js';
import { foldForSearch } from '../i18n/fold.js';
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


// Record text never changes for a prepared activity: fold it once.
const searchText = new WeakMap<ListRow, string>();

/**
 * Folded field values that are not ASCII: titles and queues repeat over a long list, so each is
 * folded once (a million rows of a few dozen titles). Bounded: emptied past 50 000 values.
 */
const foldedValues = new Map<string, string>();
/** Look-ups of {@link foldedValues} in this filtering that found a value, and that did not: values that do not repeat (a title with a number in it) skip the map. */
const lookups = { hits: 0, misses: 0 };

const ASCII = /^[\x00-\x7f]*$/;

/** `value` folded: an ASCII one only lower-cased (all that folding does to it); another kept in {@link foldedValues} when `keep`. */
function foldPart(value: string, keep: boolean): string {
  if (ASCII.test(value)) return value.toLowerCase();
  if (!keep || (lookups.misses > 4096 && lookups.misses > 4 * lookups.hits)) return foldForSearch(value);
  let folded = foldedValues.get(value);
  if (folded !== undefined) {
    lookups.hits++;
    return folded;
  }
  lookups.misses++;
  if (foldedValues.size >= 50_000) foldedValues.clear();
  folded = foldForSearch(value);
  foldedValues.set(value, folded);
  return folded;
}

/**
 * The row's searchable text: title, queue, contact, id and ticket, folded, joined by U+0000 (which
 * nothing combines with, so folding each part is folding the whole). Ids are unique: not kept.
 */
function recordText(a: ListRow): string {
  let text = searchText.get(a);
  if (text === undefined) {
    const r = rowFields(a);
    const parts: string[] = [];
    for (const value of [r.title, r.queue, r.contact]) if (typeof value === 'string') parts.push(foldPart(value, true));
    parts.push(foldPart(isStatusRow(a) ? '' : a.id, false));
    if (typeof r.ticketId === 'string') parts.push(foldPart(r.ticketId, true));
    text = parts.join('\u0000');
    searchText.set(a, text);
  }
  return text;
}

/** The rows matching `filter`. Returns the input array itself when nothing is filtered. */
export function filterActivities<R extends ListRow>(
  activities: R[],
  filter: ActivityFilter,
  labels: RowLabels,
): R[] {
  const terms = foldForSearch(filter.text).split(/\s+/).filter(Boolean);
  lookups.hits = lookups.misses = 0;
  // `all` lists everything given (the caller merged the status rows in).
  const type = filter.type === 'all' ? '' : filter.type;
  if (!type && !terms.length) return activities;
  // Labels are few: decide once per distinct label which terms it satisfies.
  const labelTerms = new Map<string, boolean[]>();
  const termsIn = (label: string): boolean[] => {
    let hits = labelTerms.get(label);
    if (!hits) {
      const folded = foldForSearch(label);
      hits = terms.map((term) => folded.includes(term));
      labelTerms.set(label, hits);
    }
    return hits;
  };
  return activities.filter((a) => {
    if (type && rowFilterType(a) !== type) return false;
    if (!terms.length) return true;
    const text = recordText(a);
    const typeHits = termsIn(rowTypeLabel(labels, a));
    const directionHits = termsIn(labels.direction(rowFields(a).direction));
    return terms.every((term, i) => typeHits[i] || directionHits[i] || text.includes(term));
  });
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
      return (a) => durationInPeriod(a, startMs, endMs, now);
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
 * The rows in the order of `sort`. Strings are ranked once with `Intl.Collator` (few distinct
 * values in practice), then everything sorts as numbers: 100 000 rows take tens of milliseconds.
 */
export function sortActivities<R extends ListRow>(
  activities: readonly R[],
  sort: ActivitySort,
  labels: RowLabels,
  locale: string,
  period: { startMs: number; endMs: number; now: number },
): R[] {
  const key = keyFunction(sort.column, labels, period.startMs, period.endMs, period.now);
  const n = activities.length;
  const keys = new Float64Array(n);
  const raw = activities.map(key);
  if (n && typeof raw[0] === 'string') {
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const distinct = [...new Set(raw as string[])].sort(collator.compare);
    const rank = new Map<string, number>();
    distinct.forEach((value, i) => rank.set(value, i));
    for (let i = 0; i < n; i++) keys[i] = rank.get(raw[i] as string) ?? 0;
  } else {
    for (let i = 0; i < n; i++) keys[i] = raw[i] as number;
  }
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => {
    const ki = keys[i]!;
    const kj = keys[j]!;
    if (ki !== kj) return ki < kj ? -sign : sign;
    // The input is in start order (the prepared order, status rows merged in): ties keep it.
    return i - j;
  });
  return order.map((i) => activities[i]!);
}

/** The period's rows filtered and sorted as the list shows them. */
export function listRows<R extends ListRow>(
  periodRows: R[],
  filter: ActivityFilter,
  sort: ActivitySort,
  labels: RowLabels,
  locale: string,
  period: { startMs: number; endMs: number; now: number },
): R[] {
  const filtered = filterActivities(periodRows, filter, labels);
  // The prepared order is already start ascending (ties by end, id): no need to sort.
  return sort.column === 'start' && sort.direction === 'ascending' ? filtered : sortActivities(filtered, sort, labels, locale, period);
}

