/**
 * The rules of one interval, in epoch ms, used by the statistics, the timeline, the list and the
 * store alike (docs/spec.md, "Data contract"): intervals are half-open `[start, end)`, and a running
 * one (`end` null) ends at "now" — never before its start.
 */

/** Where an interval ends at `now`: its end, or `now` while it runs (not before its start). */
export function endAt(start: number, end: number | null, now: number): number {
  return end ?? (now > start ? now : start);
}

/** {@link endAt} for the prepared columns (`PreparedTrace.columns`), where a running end is `+Infinity`. */
export function columnEndAt(start: number, end: number, now: number): number {
  return end === Infinity ? (now > start ? now : start) : end;
}

/**
 * Whether `[start, end)` overlaps `[from, to)`. An instant (`end === start`) counts when it lies
 * inside; `end` is already resolved (see {@link endAt}).
 */
export function overlaps(start: number, end: number, from: number, to: number): boolean {
  return start < to && (end > from || (end === start && start >= from));
}
