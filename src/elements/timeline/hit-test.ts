/**
 * What is at a point of the timeline's plot: the nearest activity within a few pixels, or the
 * Status lane there. Pure; only the pointer asks, so it loads with the interaction code (and with
 * the team view), not with the first paint.
 */
import { firstReaching, type LaneData } from './bins.js';
import { columnEndAt, overlaps } from '../../model/interval.js';
import { hitLane, instantOf, visibleRange, type ZoomWindow } from './layout.js';
import { segmentAt } from './status.js';
import { statusOf, type Hit, type TimelineModel } from './timeline-model.js';

/**
 * Calls `visit(k, start, end)` for every activity of the lane that is visible in `[from, to)`:
 * overlapping it, or a zero-length activity inside it. Running activities end at `now`.
 */
export function forEachVisible(
  d: LaneData,
  from: number,
  to: number,
  now: number,
  visit: (k: number, start: number, end: number) => void,
): void {
  for (let k = firstReaching(d, from); k < d.count; k++) {
    const start = d.starts[k]!;
    if (start >= to) break;
    const end = columnEndAt(start, d.ends[k]!, now);
    if (overlaps(start, end, from, to)) visit(k, start, end);
  }
}

/** How close (CSS px) a pointer must be to an activity to hit it. */
const HIT_SLACK_PX = 3;

/** What is at a point of the plot (CSS px from its top-left): the nearest activity within a few pixels, or the status. */
export function hitTest(model: TimelineModel, zoom: ZoomWindow, width: number, x: number, y: number, now: number): Hit | null {
  if (width <= 0) return null;
  const hit = hitLane(model.layout, y);
  const row = hit ? model.rows[hit.row] : undefined;
  if (!hit || !row) return null;
  const { start, end } = visibleRange(row, zoom);
  const msPerPx = (end - start) / width;
  const t = instantOf(row, start + x * msPerPx);
  if (t === null || t < row.startMs || t >= row.endMs) return null;
  if (hit.lane === 'status') {
    const status = statusOf(model, now);
    const segment = segmentAt(status.segments, t);
    const idle = segment?.kind === 'ready' ? (status.idle.find((s) => s.start <= t && t < s.end) ?? null) : null;
    return { kind: 'status', segment, x, y, idle };
  }
  const { index: best, count } = nearestInLane(model.index.lanes[hit.lane], row.startMs, row.endMs, t, HIT_SLACK_PX * msPerPx, now);
  if (best < 0 || (model.rank[best] ?? -1) < 0) return null;
  return { kind: 'activity', index: best, count, x, y };
}

/**
 * The activity of `lane` nearest to instant `t` within `slack` ms, inside `[from, to)`: its
 * position in `PreparedTrace.activities` (-1 when none) and how many were that close.
 */
export function nearestInLane(lane: LaneData, from: number, to: number, t: number, slack: number, now: number): { index: number; count: number } {
  let best = -1;
  let bestScore = Infinity;
  let count = 0;
  forEachVisible(lane, Math.max(from, t - slack), Math.min(to, t + slack), now, (k, s, e) => {
    count++;
    // Inside wins over near; among those inside, the shortest (it would be hidden under a long one).
    const distance = t < s ? s - t : t > e ? t - e : 0;
    const score = distance > 0 ? 1e15 + distance : e - s;
    if (score < bestScore) {
      bestScore = score;
      best = lane.index[k]!;
    }
  });
  return { index: best, count };
}
