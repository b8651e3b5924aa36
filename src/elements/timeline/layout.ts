/**
 * Pure geometry of the timeline: time → fraction of an axis, zoom windows, rows and lanes.
 * No DOM, no Lit: everything here is tested without a browser fixture.
 */
import type { ActivityLane } from '../../model/types.js';

/** How the period is split into rows. */
export type TimelineMode = 'day' | 'week' | 'minutes';

/** One horizontal axis of the plot: a local day (day, week) or one clock hour (minutes). */
export interface TimelineRow {
  /** Stable key, e.g. the date or the hour's start instant. */
  key: string;
  /** First instant of the row's data (epoch ms, inclusive). */
  startMs: number;
  /** End of the row's data (epoch ms, exclusive). */
  endMs: number;
  /** The axis the row is drawn on: the day itself, or a fixed 60 minutes for an hour row
   * (a 30-minute row on a Lord Howe DST day still has a 0–60 min axis, half of it empty). */
  axisStart: number;
  axisEnd: number;
  /** Local date `YYYY-MM-DD` (day and week rows) — for labels. */
  date?: string;
  /** Wall-clock label of an hour row (`HH:mm`, with an offset on a repeated hour). */
  label?: string;
  /**
   * Axis time with no instant of the row (week rows of a DST week, so that wall-clock times line
   * up): `ms` of axis inserted before instant `at`, sorted. The axis is then longer than the row.
   */
  gaps?: readonly RowGap[];
}

/** Axis time a row does not have: `ms` of axis before instant `at` (a wall-clock hour the day lacks). */
export interface RowGap {
  at: number;
  ms: number;
}

/** The visible part of every row, as fractions of the row's length: `0 ≤ from < to ≤ 1`. */
export interface ZoomWindow {
  from: number;
  to: number;
}

export const FULL_WINDOW: ZoomWindow = Object.freeze({ from: 0, to: 1 });

/** Drawn lanes, top to bottom; `status` is logged out / ready / paused. */
export type LaneKey = 'status' | ActivityLane;


/**
 * Where `t` lies on the axis `[start, end)`, as a fraction (0 = left edge, 1 = right edge).
 * Not clamped: a caller may need to know that `t` is off-screen.
 */
export function fractionOf(t: number, start: number, end: number): number {
  return end > start ? (t - start) / (end - start) : 0;
}

/** Where instant `t` of a row lies on its axis: the instant plus the axis time of the gaps before it. */
export function axisOf(row: TimelineRow, t: number): number {
  let a = t;
  for (const g of row.gaps ?? []) if (t >= g.at) a += g.ms;
  return a;
}

/** The instant at axis position `a` of a row, or null in a gap (a wall-clock time the day does not have). */
export function instantOf(row: TimelineRow, a: number): number | null {
  let shift = 0;
  for (const g of row.gaps ?? []) {
    if (a < g.at + shift) break;
    if (a < g.at + shift + g.ms) return null;
    shift += g.ms;
  }
  return a - shift;
}

/** The stretches of a row drawn on a straight axis: instants `[start, end)`, `shift` ms to the right on the axis. */
export function rowPieces(row: TimelineRow): { start: number; end: number; shift: number }[] {
  const out: { start: number; end: number; shift: number }[] = [];
  let start = row.startMs;
  let shift = 0;
  for (const g of row.gaps ?? []) {
    if (g.at > start) out.push({ start, end: g.at, shift });
    start = Math.max(start, g.at);
    shift += g.ms;
  }
  out.push({ start, end: row.endMs, shift });
  return out;
}

/** The instants a row shows under a zoom window (for its ticks); the axis range itself when the row has no gaps. */
export function visibleInstants(row: TimelineRow, zoom: ZoomWindow): { start: number; end: number } {
  const visible = visibleRange(row, zoom);
  if (!row.gaps?.length) return visible;
  const at = (a: number, dir: 1 | -1): number => {
    for (const p of rowPieces(row)) {
      const lo = p.start + p.shift;
      const hi = p.end + p.shift;
      if (a >= lo && a <= hi) return a - p.shift;
      if (dir > 0 && a < lo) return p.start;
    }
    return dir > 0 ? row.endMs : row.startMs;
  };
  const start = at(visible.start, 1);
  const end = Math.min(row.endMs - 1, at(visible.end, -1));
  return { start, end: Math.max(start, end) };
}

/** The instants a row's axis shows under a zoom window. */
export function visibleRange(row: TimelineRow, zoom: ZoomWindow): { start: number; end: number } {
  const length = row.axisEnd - row.axisStart;
  return { start: row.axisStart + zoom.from * length, end: row.axisStart + zoom.to * length };
}

/** Rows of a period: one per local day, or (minutes) one per clock hour of the one day. */
export function rowsOf(
  mode: TimelineMode,
  days: readonly { date: string; startMs: number; endMs: number }[],
  hours: readonly { startMs: number; endMs: number; label: string }[],
  /** Week rows: each day's gaps (`weekGaps`), so that wall-clock times line up on DST weeks. */
  gaps: readonly (readonly RowGap[])[] = [],
): TimelineRow[] {
  if (mode === 'minutes') {
    return hours.map((h) => ({
      key: String(h.startMs),
      startMs: h.startMs,
      endMs: h.endMs,
      axisStart: h.startMs,
      axisEnd: h.startMs + 3_600_000,
      label: h.label,
    }));
  }
  return days.map((d, i) => {
    const own = gaps[i]?.length ? gaps[i] : undefined;
    const extra = own ? own.reduce((sum, g) => sum + g.ms, 0) : 0;
    return { key: d.date, date: d.date, startMs: d.startMs, endMs: d.endMs, axisStart: d.startMs, axisEnd: d.endMs + extra, ...(own ? { gaps: own } : {}) };
  });
}

/** The row holding instant `t` (data range), or -1. */
export function rowIndexAt(rows: readonly TimelineRow[], t: number): number {
  for (let i = 0; i < rows.length; i++) if (t >= rows[i]!.startMs && t < rows[i]!.endMs) return i;
  return -1;
}

/** Smallest visible length of a row when zoomed in, in ms (one minute: seconds stay clickable). */
export const MIN_VISIBLE_MS = 60_000;

/** Keeps a window inside `[0, 1]` and at least `minSpan` wide, moving rather than shrinking it. */
export function clampWindow(zoom: ZoomWindow, minSpan: number): ZoomWindow {
  let span = Math.min(1, Math.max(minSpan, zoom.to - zoom.from));
  if (!Number.isFinite(span)) span = 1;
  let from = Number.isFinite(zoom.from) ? zoom.from : 0;
  if (from < 0) from = 0;
  if (from + span > 1) from = 1 - span;
  return { from, to: from + span };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping the point at `anchor` (a fraction of the visible
 * window, 0–1) where it is on screen.
 */
export function zoomWindow(zoom: ZoomWindow, factor: number, anchor: number, minSpan: number): ZoomWindow {
  const span = zoom.to - zoom.from;
  const at = zoom.from + span * Math.min(1, Math.max(0, anchor));
  const next = Math.min(1, Math.max(minSpan, span / factor));
  const from = at - (at - zoom.from) * (next / span);
  return clampWindow({ from, to: from + next }, minSpan);
}

/** Moves the window by `delta` window widths (positive: later). */
export function panWindow(zoom: ZoomWindow, delta: number, minSpan: number): ZoomWindow {
  const span = zoom.to - zoom.from;
  return clampWindow({ from: zoom.from + delta * span, to: zoom.to + delta * span }, minSpan);
}

/** The smallest change of the window that shows the fractions `[from, to]` (with a margin). */
export function revealInWindow(zoom: ZoomWindow, from: number, to: number, minSpan: number): ZoomWindow {
  const span = zoom.to - zoom.from;
  if (from >= zoom.from && to <= zoom.to) return zoom;
  const margin = span * 0.1;
  if (to - from > span - 2 * margin) return clampWindow({ from: from - margin, to: from - margin + span }, minSpan);
  if (from < zoom.from) return clampWindow({ from: from - margin, to: from - margin + span }, minSpan);
  return clampWindow({ from: to + margin - span, to: to + margin }, minSpan);
}

export function isFullWindow(zoom: ZoomWindow): boolean {
  return zoom.from <= 0 && zoom.to >= 1;
}

// ---------------------------------------------------------------------------
// Vertical layout
// ---------------------------------------------------------------------------

/** Heights of one row's lanes in CSS pixels, per mode. */
export interface RowMetrics {
  /** Space above the lanes of each row (a per-row axis on DST days in week view, or a gap). */
  padTop: number;
  laneHeight: Record<LaneKey, number>;
  /** Gap between lanes. */
  laneGap: number;
  /** Space below the lanes of each row. */
  padBottom: number;
}

const DAY_METRICS: RowMetrics = {
  padTop: 6,
  laneHeight: { status: 16, call: 22, email: 22, chat: 22, ticket: 22, other: 22 },
  laneGap: 6,
  padBottom: 6,
};
const WEEK_METRICS: RowMetrics = {
  // Room for the row's own hour labels, and lanes tall enough for their compact labels and the
  // day's figures beside them (five lines of text in the gutter).
  padTop: 15,
  laneHeight: { status: 10, call: 10, email: 10, chat: 10, ticket: 10, other: 10 },
  laneGap: 2,
  padBottom: 6,
};
const MINUTES_METRICS: RowMetrics = {
  padTop: 4,
  // Only the hours with something in them are shown: room for a Status lane that reads as a band.
  laneHeight: { status: 12, call: 10, email: 10, chat: 10, ticket: 10, other: 10 },
  laneGap: 2,
  padBottom: 4,
};

/** One agent's row of `<user-trace-team>`: the status lane and thin activity lanes. */
export const TEAM_METRICS: RowMetrics = {
  padTop: 4,
  laneHeight: { status: 10, call: 4, email: 4, chat: 4, ticket: 4, other: 4 },
  laneGap: 1,
  padBottom: 4,
};

export function metricsFor(mode: TimelineMode): RowMetrics {
  return mode === 'day' ? DAY_METRICS : mode === 'week' ? WEEK_METRICS : MINUTES_METRICS;
}

/** One lane's band inside a row, in CSS pixels from the row's top. */
export interface LaneBand {
  lane: LaneKey;
  top: number;
  height: number;
}

/** Vertical layout of every row: the same lanes, stacked. */
export interface PlotLayout {
  lanes: LaneBand[];
  /** Height of one row including its padding. */
  rowHeight: number;
  /** Total height of `rowCount` rows. */
  height: number;
  rowCount: number;
}

/** Lays out `rowCount` rows of `lanes` (status first, "other" only when the caller passes it), by mode or given metrics. */
export function plotLayout(mode: TimelineMode | RowMetrics, lanes: readonly LaneKey[], rowCount: number): PlotLayout {
  const m = typeof mode === 'string' ? metricsFor(mode) : mode;
  const bands: LaneBand[] = [];
  let y = m.padTop;
  lanes.forEach((lane, i) => {
    if (i > 0) y += m.laneGap;
    const height = m.laneHeight[lane];
    bands.push({ lane, top: y, height });
    y += height;
  });
  const rowHeight = y + m.padBottom;
  return { lanes: bands, rowHeight, height: rowHeight * rowCount, rowCount };
}

/** Which row and lane a point of the plot falls in (CSS px from the plot's top-left), or null. */
export function hitLane(layout: PlotLayout, y: number, slack = 2): { row: number; lane: LaneKey } | null {
  if (y < 0 || y >= layout.height) return null;
  const row = Math.floor(y / layout.rowHeight);
  const inRow = y - row * layout.rowHeight;
  for (const band of layout.lanes) {
    if (inRow >= band.top - slack && inRow < band.top + band.height + slack) return { row, lane: band.lane };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Axis ticks
// ---------------------------------------------------------------------------

/** Tick steps in minutes, finest first. */
const TICK_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720] as const;

/**
 * The finest tick step (minutes) that keeps ticks at least `minGapPx` apart when
 * `visibleMs` span `widthPx` pixels.
 */
export function tickStepMinutes(visibleMs: number, widthPx: number, minGapPx = 56): number {
  const maxTicks = Math.max(1, Math.floor(widthPx / minGapPx));
  const visibleMin = visibleMs / 60_000;
  for (const step of TICK_STEPS_MIN) if (visibleMin / step <= maxTicks) return step;
  return 720;
}

