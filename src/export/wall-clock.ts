/**
 * Excel has no time zones: a date cell holds a wall-clock reading. To show an instant as it reads
 * in the chosen zone, the writer passes a `Date` whose **UTC** fields are the zone's local fields
 * (write-excel-file converts with `getTime()`, i.e. as UTC).
 */
import { offsetSegments, type OffsetSegment } from '../time/zone.js';

/**
 * A function `ms → wall-clock ms of timeZone` (local fields read as UTC) for instants in
 * `[fromMs, toMs]`; others are looked up on demand. One Temporal lookup per zone transition,
 * so 100 000 instants cost a binary search each.
 */
export function wallClockIn(timeZone: string, fromMs: number, toMs: number): (ms: number) => number {
  let segments: OffsetSegment[] = offsetSegments(fromMs, toMs, timeZone);
  return (ms: number) => {
    const first = segments[0];
    const last = segments[segments.length - 1];
    if (!first || !last || ms < first.start || ms > last.end) {
      // Outside the prepared range: widen it (rare — the caller passes the rows' extent).
      segments = offsetSegments(Math.min(ms, first?.start ?? ms), Math.max(ms, last?.end ?? ms), timeZone);
    }
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (segments[mid]!.start <= ms) low = mid;
      else high = mid - 1;
    }
    return ms + segments[low]!.offsetMs;
  };
}
