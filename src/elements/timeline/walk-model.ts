/**
 * The parts of the timeline's model only the keyboard walk asks for: the activities' time order
 * across reloads and rows, the window at an activity, and the Status lane's stops. Pure; loaded with the interaction code,
 * not with the first paint.
 */
import type { PreparedActivity } from '../../model/types.js';
import { endAt } from '../../model/interval.js';
import { rowIndexAt } from './layout.js';
import { statusOf, type TimelineModel } from './timeline-model.js';
import type { StatusSegment, StatusStep } from './status.js';

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

/**
 * The Status lane as the keyboard walks it, in time order over `[from, to)`: the segments, with
 * the logged-out stretches between them as stops of their own (overlapping pauses each stay a stop).
 */
export function statusSteps(segments: readonly StatusSegment[], from: number, to: number): StatusStep[] {
  const out: StatusStep[] = [];
  let reached = from;
  for (const s of segments) {
    if (s.start > reached) out.push({ kind: 'out', start: reached, end: s.start, running: false });
    out.push(s);
    reached = Math.max(reached, s.end);
  }
  if (reached < to) out.push({ kind: 'out', start: reached, end: to, running: false });
  return out;
}

/** The stop at instant `t`, as `segmentAt` tells it (a pause over ready time wins), or -1. */
export function stepAt(steps: readonly StatusStep[], t: number): number {
  let found = -1;
  for (let k = 0; k < steps.length && steps[k]!.start <= t; k++) {
    const s = steps[k]!;
    if (t < s.end && !(found >= 0 && s.kind === 'ready' && steps[found]!.kind !== 'ready' && steps[found]!.kind !== 'out')) found = k;
  }
  return found >= 0 ? found : steps.length ? steps.length - 1 : -1;
}

const stepsCache = new WeakMap<TimelineModel, { now: number; steps: StatusStep[] }>();

/** The Status lane's keyboard stops of the shown period at `now`, computed once per model and clock. */
export function stepsOf(model: TimelineModel, now: number): StatusStep[] {
  const cached = stepsCache.get(model);
  if (cached?.now === now) return cached.steps;
  const { segments } = statusOf(model, now);
  const steps = statusSteps(segments, model.periodStart, Math.min(model.periodEnd, Math.max(now, model.periodStart)));
  stepsCache.set(model, { now, steps });
  return steps;
}
