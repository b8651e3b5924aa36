/**
 * What the activity list holds — the only place its rows, their filter and their order are decided
 * (pure, no DOM; the PDF and Excel exports are built from the same result).
 *
 * Decisions:
 * - A row is an activity that **overlaps** the period `P = [start, end)`, with the rule the
 *   statistics use for tickets: `start < P.end && (start >= P.start || end > P.start)`, a running
 *   activity ending at `now`. So a zero-length activity at an instant inside `P` is listed, and a
 *   running one is listed once `now` has passed `P.start`.
 * - Start and end are shown **unclipped** (the real instants: a call that began at 23:50 the day
 *   before says so), but **duration is the part inside the period** — the figure the statistics
 *   add up, so the list, its exports and the statistics agree. A running activity's duration
 *   grows with `now` (up to `P.end`).
 * - Text filter: every whitespace-separated term must occur, ignoring case and diacritics
 *   ("novakova" finds "Nováková"), in the title, queue, contact, id, ticket id, type label or
 *   direction label.
 * - Sort: stable; ties keep the provider order by start (then end, then id). Running activities
 *   sort after finished ones by end. Text compares with the viewer's collation.
 * - Filtering, sorting and the status rows' code is in `refine-rows.ts`, loaded on demand: the
 *   list's first view (every activity by start) needs none of it.
 * - Status rows (logins and pauses) are listed only when the type filter asks for them
 *   (`all`: activities, logins and pauses; `login`; `pause`): the list is about activities first.
 *   They overlap the period by the same rule, their duration is the part inside it, and they sort
 *   with the activities by every column (a pause's name is its title).
 */
import { columnEndAt, endAt, overlaps } from '../model/interval.js';
import { KNOWN_ACTIVITY_TYPES, type PreparedActivity, type PreparedColumns, type PreparedInterval, type PreparedTrace, type TraceActivity } from '../model/types.js';
import { COLOUR_KEYS } from '../model/catalog.js';
import type { ActivityColumn } from './report.js';

export type SortDirection = 'ascending' | 'descending';

export interface ActivitySort {
  column: ActivityColumn;
  direction: SortDirection;
}

/**
 * A login (a session) or a pause as a row of the list. Shaped like an activity where the list reads
 * it (start, end, the title column holds the pause's name), so filter and sort treat both alike.
 */
export interface StatusRow {
  status: 'login' | 'pause';
  /** `login-<n>` / `pause-<n>`, n the position in the trace. */
  id: string;
  type: 'login' | 'pause';
  start: number;
  /** `null` while running. */
  end: number | null;
  closed: false;
  /** Paid or unpaid for a pause; `null` for a login. */
  paid: boolean | null;
  record: Readonly<Pick<TraceActivity, 'title' | 'queue' | 'contact' | 'direction' | 'ticketId'>>;
}

/** A row of the list: an activity or, when the filter asks for them, a login or a pause. */
export type ListRow = PreparedActivity | StatusRow;

/** The fields of a row's record that the filter and the sort read. */
export type RowFields = Readonly<Pick<TraceActivity, 'title' | 'queue' | 'contact' | 'direction' | 'ticketId'>>;

/**
 * {@link RowFields} of `row`: its record, or what the row offers as `fields` instead. An activity
 * validated from columns (src/data/column-trace.ts) reads them from its columns, so filtering or
 * sorting a million rows does not build a million records.
 */
export function rowFields(row: ListRow): RowFields {
  return (row as { fields?: RowFields }).fields ?? row.record;
}

export const isStatusRow = (row: ListRow): row is StatusRow => 'status' in row;

/** The type filter's values that list status rows: everything, only logins, only pauses. */
export const STATUS_FILTERS = ['all', 'login', 'pause'] as const;

/** Whether the type filter `type` lists status rows. */
export const listsStatus = (type: string): boolean => (STATUS_FILTERS as readonly string[]).includes(type);

/**
 * `type`: a known type, `other` (every unknown type), `''` (all activities), `all` (activities,
 * logins and pauses), `login` or `pause`.
 */
export interface ActivityFilter {
  type: string;
  text: string;
}

/** Labels the filter and sort need: they follow the viewer's language. */
export interface RowLabels {
  type: (type: string) => string;
  direction: (direction: string | undefined) => string;
  /** "Logged in", "Paid pause", "Unpaid pause". */
  status: (row: StatusRow) => string;
}

/** The type column's text of a row. */
export const rowTypeLabel = (labels: RowLabels, row: ListRow): string => (isStatusRow(row) ? labels.status(row) : labels.type(row.type));

const KNOWN = new Set<string>(KNOWN_ACTIVITY_TYPES);

/** `ticket` → `ticket`, `fax` → `other`: the filter's value for an activity type. */
export function filterTypeOf(type: string): string {
  return KNOWN.has(type) ? type : 'other';
}

/** The type filter's value a row answers to: its type (`other` for unknown ones), `login` or `pause`. */
export function rowFilterType(row: ListRow): string {
  return isStatusRow(row) ? row.status : filterTypeOf(row.type);
}

/** Whether activity `a` belongs in the list of `[startMs, endMs)` at instant `now`. */
export function overlapsPeriod(a: PreparedInterval, startMs: number, endMs: number, now: number): boolean {
  return overlaps(a.start, endAt(a.start, a.end, now), startMs, endMs);
}

/** Seconds of `a` inside `[startMs, endMs)`; a running activity counts up to `now`. */
export function durationInPeriod(a: PreparedInterval, startMs: number, endMs: number, now: number): number {
  const from = a.start > startMs ? a.start : startMs;
  const rawEnd = endAt(a.start, a.end, now);
  const to = rawEnd < endMs ? rawEnd : endMs;
  return to > from ? (to - from) / 1000 : 0;
}

/** The period's activities over the prepared columns: `visit(i)` for each, in the prepared order (by start). */
function forEachInPeriod(prepared: PreparedTrace, startMs: number, endMs: number, now: number, visit: (i: number, c: PreparedColumns) => void): void {
  const c = prepared.columns;
  for (let i = 0; i < c.start.length; i++) {
    const start = c.start[i]!;
    // Sorted by start: nothing after this can begin inside the period.
    if (start >= endMs) break;
    const end = c.end[i]!;
    if (overlaps(start, columnEndAt(start, end, now), startMs, endMs)) visit(i, c);
  }
}

/** How many activities of `prepared` the period holds (a loop of its own: no call per activity). */
export function countInPeriod(prepared: PreparedTrace, startMs: number, endMs: number, now: number): number {
  const { start, end } = prepared.columns;
  let count = 0;
  for (let i = 0; i < start.length && start[i]! < endMs; i++) if (overlaps(start[i]!, columnEndAt(start[i]!, end[i]!, now), startMs, endMs)) count++;
  return count;
}

/** The activities of one period as the list holds them before filtering. */
export interface PeriodRows {
  rows: PreparedActivity[];
  /** The filter's type options: the types present. */
  types: string[];
  /** Some start or end is shown with its date (a week, or an activity crossing the day's edge). */
  showsDates: boolean;
}

/**
 * The activities of `[startMs, endMs)` (the period, or a window inside it); dates are shown when
 * the period has several days or an activity crosses the period's edge.
 */
export function periodRowsOf(
  prepared: PreparedTrace,
  startMs: number,
  endMs: number,
  period: { startMs: number; endMs: number; days: number },
  now: number,
): PeriodRows {
  // One pass over the columns: the rows, the colour classes present (a known type's, or `other`,
  // in the filter's order) and whether any row reaches outside the period's days.
  const rows: PreparedActivity[] = [];
  const seen = new Uint8Array(COLOUR_KEYS.length);
  let outside = period.days > 1;
  forEachInPeriod(prepared, startMs, endMs, now, (i, c) => {
    rows.push(prepared.activities[i]!);
    seen[c.colour[i]!] = 1;
    if (c.start[i]! < period.startMs || (c.end[i]! !== Infinity && c.end[i]! >= period.endMs)) outside = true;
  });
  return { rows, types: COLOUR_KEYS.filter((_, k) => seen[k]), showsDates: outside };
}

/**
 * Remembers the last call of `fn`: called again with the same first `keyLength` arguments
 * (compared by identity), it returns the same result without calling `fn`; the arguments after
 * the key are read only when it does call. `clear()` forgets the last call.
 */
export function memoOne<A extends readonly unknown[], R>(fn: (...args: A) => R, keyLength: number): ((...args: A) => R) & { clear(): void } {
  let lastKey: readonly unknown[] | null = null;
  let last: R;
  const memo = (...args: A): R => {
    const key = args.slice(0, keyLength);
    if (!lastKey || key.some((v, i) => v !== lastKey![i])) {
      last = fn(...args);
      lastKey = key;
    }
    return last;
  };
  return Object.assign(memo, { clear: () => void (lastKey = null) });
}
