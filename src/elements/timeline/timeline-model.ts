/**
 * The timeline's data model: what one loaded view looks like in one mode — rows, lane layout,
 * the activities of the period in time order, where each is drawn and what is at a point.
 * Pure: no DOM, no Lit; the element and its controllers ask it.
 */
import type { PreparedActivity } from '../../model/types.js';
import { ACTIVITY_LANES } from '../../model/catalog.js';
import { endAt, overlaps } from '../../model/interval.js';
import type { TraceView } from '../../data/store.js';
import { hourRows } from '../../time/index.js';
import { forEachVisible, laneIndexOf, type LaneData, type LaneIndex } from './bins.js';
import {
  MIN_VISIBLE_MS,
  fractionOf,
  hitLane,
  plotLayout,
  rowIndexAt,
  rowsOf,
  visibleRange,
  type LaneKey,
  type PlotLayout,
  type TimelineMode,
  type TimelineRow,
  type ZoomWindow,
} from './layout.js';
import { segmentAt, statusSegments, statusSteps, type StatusSegment, type StatusStep } from './status.js';
import { subtractSpans, totalMs, unionSpans } from '../../stats/intervals.js';

/** Everything derived from one loaded view for one mode; rebuilt only when those change. */
export interface TimelineModel {
  view: TraceView;
  mode: TimelineMode;
  timeZone: string;
  rows: TimelineRow[];
  layout: PlotLayout;
  index: LaneIndex;
  /** Positions in `prepared.activities` of the activities in the period, in time order. */
  order: Int32Array;
  /** Position in `order` of each prepared activity (-1 when outside the period). */
  rank: Int32Array;
  periodStart: number;
  periodEnd: number;
}

/** Where an activity is drawn, in CSS px relative to the plot. */
export interface ActivityBox {
  row: number;
  lane: LaneKey;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Fractions of the row's visible axis (0–1). */
  from: number;
  to: number;
}

/** What is at a point of the plot. */
export type Hit =
  | { kind: 'activity'; index: number; count: number; x: number; y: number }
  | { kind: 'status'; segment: StatusSegment | null; x: number; y: number };

/** How close (CSS px) a pointer must be to an activity to hit it. */
const HIT_SLACK_PX = 3;

/**
 * The model of `view` in `mode`. A live tick (same data, new "now") keeps `previous` and
 * everything derived from the data.
 */
export function buildTimelineModel(view: TraceView, mode: TimelineMode, timeZone: string, previous: TimelineModel | null): TimelineModel {
  if (previous && previous.view.prepared === view.prepared && previous.view.period === view.period && previous.mode === mode && previous.timeZone === timeZone) {
    previous.view = view;
    return previous;
  }
  const period = view.period;
  const firstDay = period.days[0];
  const rows = rowsOf(mode, period.days, mode === 'minutes' && firstDay ? hourRows(firstDay.date, timeZone) : []);
  const index = laneIndexOf(view.prepared);
  const lanes: LaneKey[] = ['status', ...ACTIVITY_LANES.filter((lane) => lane !== 'other' || index.hasOther)];
  const count = view.prepared.activities.length;
  const rank = new Int32Array(count);
  const order = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const start = index.starts[i]!;
    const end = endAt(start, index.ends[i] === Infinity ? null : index.ends[i]!, view.now);
    if (overlaps(start, end, period.startMs, period.endMs)) {
      rank[i] = n;
      order[n++] = i;
    } else {
      rank[i] = -1;
    }
  }
  return {
    view,
    mode,
    timeZone,
    rows,
    layout: plotLayout(mode, lanes, rows.length),
    index,
    order: order.subarray(0, n),
    rank,
    periodStart: period.startMs,
    periodEnd: period.endMs,
  };
}

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

/** The smallest zoom span (fraction of a row): one minute. */
export function minSpan(model: TimelineModel): number {
  const row = model.rows[0];
  return row ? Math.min(1, MIN_VISIBLE_MS / (row.axisEnd - row.axisStart)) : 1;
}

/** The drawn box of an activity: in the row where its visible part starts. */
export function boxOf(model: TimelineModel, a: PreparedActivity, width: number, zoom: ZoomWindow, now: number): ActivityBox | null {
  return spanBox(model, a.lane, a.start, endAt(a.start, a.end, now), width, zoom);
}

/** The drawn box of `[start, end)` in `lane` (a status stop in `status`): in the row where its visible part starts. */
export function spanBox(model: TimelineModel, lane: LaneKey, start: number, end: number, width: number, zoom: ZoomWindow): ActivityBox | null {
  const first = Math.max(start, model.periodStart);
  let row = rowIndexAt(model.rows, first);
  if (row < 0) row = first >= model.periodEnd ? model.rows.length - 1 : 0;
  const r = model.rows[row];
  const band = model.layout.lanes.find((b) => b.lane === lane);
  if (!r || !band) return null;
  const visible = visibleRange(r, zoom);
  const from = fractionOf(Math.max(start, r.startMs), visible.start, visible.end);
  const to = fractionOf(Math.min(end, r.endMs), visible.start, visible.end);
  const left = Math.max(0, Math.min(1, from)) * width;
  const right = Math.max(0, Math.min(1, to)) * width;
  return { row, lane, left, top: row * model.layout.rowHeight + band.top, width: right - left, height: band.height, from, to };
}

/** What is at a point of the plot (CSS px from its top-left): the nearest activity within a few pixels, or the status. */
export function hitTest(model: TimelineModel, zoom: ZoomWindow, width: number, x: number, y: number, now: number): Hit | null {
  if (width <= 0) return null;
  const hit = hitLane(model.layout, y);
  const row = hit ? model.rows[hit.row] : undefined;
  if (!hit || !row) return null;
  const { start, end } = visibleRange(row, zoom);
  const msPerPx = (end - start) / width;
  const t = start + x * msPerPx;
  if (t < row.startMs || t >= row.endMs) return null;
  if (hit.lane === 'status') {
    return { kind: 'status', segment: segmentAt(statusSegments(model.view.prepared, row.startMs, row.endMs, now), t), x, y };
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

const stepsCache = new WeakMap<TimelineModel, { now: number; steps: StatusStep[] }>();

/** The Status lane's keyboard stops of the shown period at `now`, computed once per model and clock. */
export function stepsOf(model: TimelineModel, now: number): StatusStep[] {
  const cached = stepsCache.get(model);
  if (cached?.now === now) return cached.steps;
  const segments = statusSegments(model.view.prepared, model.periodStart, model.periodEnd, now);
  const steps = statusSteps(segments, model.periodStart, Math.min(model.periodEnd, Math.max(now, model.periodStart)));
  stepsCache.set(model, { now, steps });
  return steps;
}
