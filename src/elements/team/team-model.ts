/**
 * What `<user-trace-team>` derives from the loaded rows: the one day's axis, each agent's drawn
 * parts (lane index, status segments), the keyboard's items in a row, what is at a point, the
 * window that fits the shift. Pure: no DOM, no Lit; the plot modules of the timeline do the rest.
 */
import type { PreparedActivity, PreparedTrace } from '../../model/types.js';
import { endAt, overlaps } from '../../model/interval.js';
import type { TeamRowData } from '../../data/team-loader.js';
import { hourTicks, type ResolvedDay } from '../../time/index.js';
import { laneIndexOf, type LaneIndex } from '../timeline/bins.js';
import { fitToSessions } from '../timeline/timeline-model.js';
import { nearestInLane } from '../timeline/hit-test.js';
import {
  TEAM_METRICS,
  clampWindow,
  fractionOf,
  hitLane,
  plotLayout,
  rowsOf,
  visibleRange,
  type LaneKey,
  type PlotLayout,
  type TimelineRow,
  type ZoomWindow,
} from '../timeline/layout.js';
import { idleSpans, segmentAt, statusSegments, type StatusSegment } from '../timeline/status.js';
import type { Span } from '../../stats/intervals.js';
import { ACTIVITY_LANES } from '../../model/catalog.js';

/** Every agent's row has the same lanes, so rows line up and have one height. */
export const TEAM_LANES: readonly LaneKey[] = ['status', ...ACTIVITY_LANES];

/** The plot layout of one agent's row. */
export const TEAM_LAYOUT: PlotLayout = plotLayout(TEAM_METRICS, TEAM_LANES, 1);

/** Height of one agent's row in CSS px (the plot plus a little air). */
export const TEAM_ROW_HEIGHT = TEAM_LAYOUT.height + 5;

/** The day as the timeline's one row: the shared axis of every agent. */
export function dayRow(day: ResolvedDay): TimelineRow {
  return rowsOf('day', [day], [])[0]!;
}

/** What one agent's row draws: built once per loaded row, status again when `now` moves. */
export interface AgentPlot {
  index: LaneIndex;
  status: StatusSegment[];
  /** Ready time with no activity in progress, striped inside Ready as in the timeline. */
  idle: Span[];
  now: number;
}

const plots = new WeakMap<TeamRowData, AgentPlot>();

/** The drawn parts of a ready row (memoised on the row object; rows are immutable). */
export function agentPlot(row: TeamRowData, day: TimelineRow): AgentPlot | null {
  if (!row.prepared) return null;
  let plot = plots.get(row);
  if (!plot) {
    const status = statusSegments(row.prepared, day.startMs, day.endMs, row.now);
    plot = { index: laneIndexOf(row.prepared), status, idle: idleSpans(row.prepared, status, row.now), now: row.now };
    plots.set(row, plot);
  }
  return plot;
}

/** One thing the keyboard steps to in a row: a status segment or an activity, in time order. */
export type RowItem = { kind: 'status'; segment: StatusSegment; start: number; end: number } | { kind: 'activity'; activity: PreparedActivity; start: number; end: number };

/** The status segments and the activities of the day, by start (status first at the same instant). */
export function rowItems(prepared: PreparedTrace, status: readonly StatusSegment[], day: TimelineRow, now: number): RowItem[] {
  const items: RowItem[] = status.map((segment) => ({ kind: 'status', segment, start: segment.start, end: segment.end }));
  for (const activity of prepared.activities) {
    const end = endAt(activity.start, activity.end, now);
    if (overlaps(activity.start, end, day.startMs, day.endMs)) items.push({ kind: 'activity', activity, start: activity.start, end });
  }
  items.sort((a, b) => a.start - b.start || (a.kind === b.kind ? a.end - b.end : a.kind === 'status' ? -1 : 1));
  return items;
}

/** Where an item is drawn in its row: fractions of the visible axis and the lane's band. */
export function itemBox(item: RowItem, day: TimelineRow, zoom: ZoomWindow): { from: number; to: number; top: number; height: number } {
  const { start, end } = visibleRange(day, zoom);
  const lane: LaneKey = item.kind === 'status' ? 'status' : item.activity.lane;
  const band = TEAM_LAYOUT.lanes.find((b) => b.lane === lane)!;
  return {
    from: fractionOf(Math.max(item.start, day.startMs), start, end),
    to: fractionOf(Math.min(item.end, day.endMs), start, end),
    top: band.top,
    height: band.height,
  };
}

/** What is at a point of one agent's plot (CSS px from the row plot's top-left). */
export type TeamHit = { kind: 'activity'; activity: PreparedActivity; count: number } | { kind: 'status'; segment: StatusSegment | null; idle: Span | null };

/** The nearest activity within a few pixels, or the status, at `(x, y)` of a row `width` px wide. */
export function hitRow(row: TeamRowData, plot: AgentPlot, day: TimelineRow, zoom: ZoomWindow, width: number, x: number, y: number): TeamHit | null {
  const lane = hitLane(TEAM_LAYOUT, y, 1);
  if (!lane || width <= 0 || !row.prepared) return null;
  const { start, end } = visibleRange(day, zoom);
  const msPerPx = (end - start) / width;
  const t = start + x * msPerPx;
  if (t < day.startMs || t >= day.endMs) return null;
  if (lane.lane === 'status') {
    const segment = segmentAt(plot.status, t);
    return { kind: 'status', segment, idle: segment?.kind === 'ready' ? (plot.idle.find((s) => s.start <= t && t < s.end) ?? null) : null };
  }
  const { index: best, count } = nearestInLane(plot.index.lanes[lane.lane], day.startMs, day.endMs, t, 3 * msPerPx, plot.now);
  const activity = best >= 0 ? row.prepared.activities[best] : undefined;
  return activity ? { kind: 'activity', activity, count } : null;
}

/**
 * The window from the first login to the last logout of `rows` (running sessions end at `now`),
 * with a quarter hour either side; the whole day when nobody was logged in.
 */
export function shiftWindow(rows: readonly TeamRowData[], day: TimelineRow, now: number, minSpan: number): ZoomWindow {
  return fitToSessions(rows.flatMap((row) => row.prepared?.sessions ?? []), day, now, minSpan);
}

/**
 * The `window` attribute, `HH:MM-HH:MM` in wall-clock time of the zone (e.g. `08:00-18:00`), as a
 * zoom window of the day; null when it does not parse or is empty. DST days use their real hours.
 */
export function parseTimeWindow(text: string, day: TimelineRow, timeZone: string, minSpan: number): ZoomWindow | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const ticks = hourTicks(day.startMs, day.endMs - 1, timeZone, 1);
  const instant = (h: string, m: string): number | null => {
    const hour = Number(h);
    if (hour === 24 && m === '00') return day.endMs;
    const tick = ticks.find((t) => Number(t.label.slice(0, 2)) === hour);
    return tick && Number(m) < 60 ? tick.at + Number(m) * 60_000 : null;
  };
  const from = instant(match[1]!, match[2]!);
  const to = instant(match[3]!, match[4]!);
  if (from === null || to === null || to <= from) return null;
  return clampWindow({ from: fractionOf(from, day.axisStart, day.axisEnd), to: fractionOf(to, day.axisStart, day.axisEnd) }, minSpan);
}
