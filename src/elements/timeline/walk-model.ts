/**
 * The parts of the timeline's model only the keyboard walk and the status stop's detail ask for:
 * the activities' time order across reloads and rows, the window at an activity, idle time in a
 * stretch. Pure; loaded with the interaction code, not with the first paint.
 */
import type { PreparedActivity } from '../../model/types.js';
import { endAt } from '../../model/interval.js';
import { subtractSpans, totalMs, unionSpans } from '../../stats/intervals.js';
import { rowIndexAt } from './layout.js';
import type { TimelineModel } from './timeline-model.js';

/** The activity at position `rank` of the time order. */
export function activityAtRank(model: TimelineModel | null, rank: number): PreparedActivity | null {
  if (!model || rank < 0 || rank >= model.order.length) return null;
  return model.view.prepared.activities[model.order[rank]!] ?? null;
}

/** The rank in `next` of the activity at `rank` in `previous` (the keyboard's place across a reload), or -1. */
export function carryRank(previous: TimelineModel | null, next: TimelineModel | null, rank: number): number {
  const before = activityAtRank(previous, rank);
  if (!previous || !next || !before) return -1;
  if (previous.view.prepared === next.view.prepared) return next.rank[before.index] ?? -1;
  const index = next.view.prepared.activities.findIndex((a) => a.id === before.id);
  return index >= 0 ? (next.rank[index] ?? -1) : -1;
}

/** Rank of the first activity whose visible part starts in the row after (or before) the one at `rank`. */
export function rowJump(model: TimelineModel, rank: number, direction: 1 | -1): number {
  if (model.rows.length <= 1) return rank + direction * 10;
  const a = activityAtRank(model, rank);
  const currentRow = a ? rowIndexAt(model.rows, Math.max(a.start, model.periodStart)) : 0;
  const targetRow = model.rows[Math.max(0, Math.min(model.rows.length - 1, currentRow + direction))]!;
  for (let r = 0; r < model.order.length; r++) {
    if (Math.max(activityAtRank(model, r)!.start, model.periodStart) >= targetRow.startMs) return r;
  }
  return model.order.length - 1;
}

/** Rank of the first activity still going at `t` (the first in view when the lanes get focus). */
export function firstRankFrom(model: TimelineModel, t: number): number {
  for (let r = 0; r < model.order.length; r++) {
    if ((activityAtRank(model, r)!.end ?? Infinity) > t) return r;
  }
  return 0;
}

/** Time in `[start, end)` with no activity in progress (the idle part of a ready stretch), in ms. */
export function idleWithin(model: TimelineModel, start: number, end: number, now: number): number {
  const busy = unionSpans(
    model.view.prepared.activities.flatMap((a) => {
      const e = Math.min(endAt(a.start, a.end, now), end);
      const s = Math.max(a.start, start);
      return e > s ? [{ start: s, end: e }] : [];
    }),
  );
  return totalMs(subtractSpans([{ start, end }], busy));
}

/**
 * The window after `[` (`edge` start: it starts where `a` starts) or `]` (end: it ends where `a`
 * ends) on activity `a`, keeping the other edge of the current window (or of the period) — or
 * moving it too when it would fall on the wrong side. Clamped to the period.
 */
export function windowWithEdge(model: TimelineModel, edge: 'start' | 'end', a: PreparedActivity, now: number): [number, number] {
  const w = model.view.window ?? { startMs: model.periodStart, endMs: model.periodEnd };
  const start = Math.max(a.start, model.periodStart);
  const end = Math.min(endAt(a.start, a.end, now), model.periodEnd);
  return edge === 'start' ? [start, start < w.endMs ? w.endMs : model.periodEnd] : [end > w.startMs ? w.startMs : start, end];
}
