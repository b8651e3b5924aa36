/**
 * Paints the plot on a canvas. Work per redraw: one binning pass over the visible activities,
 * then at most a few rectangles per pixel column and lane — bounded by the width, not by the
 * number of activities. Colours come in resolved once per draw (`Palette`), never per activity.
 */
import { ACTIVITY_LANES, COLOUR_KEYS, COLOUR_PATTERNS, coloursOfLane, type FillPattern } from '../../model/catalog.js';
import { axisOf, rowPieces, type PlotLayout, type TimelineRow, type ZoomWindow, visibleRange } from './layout.js';
import { CoverageGrid, binVisible, coverageRuns, type ColumnRun, type LaneIndex } from './bins.js';
import type { StatusSegment } from './status.js';
import type { Span } from '../../stats/intervals.js';

/** The patterns filled with a canvas pattern: idle's `horizontal` stripes are drawn as solid lines (`drawIdle`). */
export type CanvasFillPattern = Exclude<FillPattern, 'horizontal'>;

/** Resolved colours (any canvas colour string). */
export interface Palette {
  /** Per colour class, in `COLOUR_KEYS` order. */
  activity: string[];
  ready: string;
  paid: string;
  unpaid: string;
  loggedOut: string;
  laneBackground: string;
  grid: string;
  gridMajor: string;
  now: string;
  /** Plot background: the thin gap between touching activities. */
  surface: string;
  /** Forced colours (Windows High Contrast): system colours, and every lane band outlined. */
  forced: boolean;
  /** The patterns drawn over a fill (status kinds, chat channels), in a contrasting ink. */
  patterns: Record<CanvasFillPattern, CanvasPattern | string>;
  /** The outline of every lane band in forced colours. */
  outline: string;
}

/** The patterns of the status kinds (ready stays plain). */
const STATUS_PATTERNS: Record<StatusSegment['kind'], CanvasFillPattern | null> = { ready: null, paid: 'diagonal', unpaid: 'cross' };

export interface DrawInput {
  ctx: CanvasRenderingContext2D;
  /** CSS pixels. */
  width: number;
  layout: PlotLayout;
  rows: readonly TimelineRow[];
  zoom: ZoomWindow;
  index: LaneIndex;
  /** Status segments of the whole period, sorted by start. */
  status: readonly StatusSegment[];
  /** Idle time (ready with no activity in progress), sorted: striped over the ready colour. */
  idle?: readonly Span[];
  /** Gridlines per row (epoch ms), `major` drawn stronger. */
  ticks: readonly (readonly { at: number; major: boolean }[])[];
  /** The tick marks above each row's lanes, drawn as the gridlines' tops (the week's row axes). */
  marks?: boolean;
  now: number;
  /** Draw the now-line (the period contains now). */
  showNow: boolean;
  palette: Palette;
  grid: CoverageGrid;
}

export interface DrawStats {
  /** Activities binned (visible in some row). */
  binned: number;
  /** Rectangles filled for activities. */
  rects: number;
}

const runs: ColumnRun[] = [];
/** The colour + opacity keys of the lane being drawn, in the order their first run comes. */
const keys: number[] = [];

/** Paints everything; the caller has sized the canvas and set the device-pixel transform. */
export function drawPlot(input: DrawInput): DrawStats {
  const { ctx, width, layout, rows, zoom, palette } = input;
  ctx.clearRect(0, 0, width, layout.height);
  const stats: DrawStats = { binned: 0, rects: 0 };
  const laneBands = layout.lanes;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const top = r * layout.rowHeight;
    const visible = visibleRange(row, zoom);
    const pxPerMs = width / (visible.end - visible.start);

    for (const band of laneBands) {
      ctx.fillStyle = band.lane === 'status' ? palette.loggedOut : palette.laneBackground;
      ctx.fillRect(0, top + band.top, width, band.height);
    }
    if (palette.forced) {
      // System colours leave lanes and background alike: outline every band.
      ctx.strokeStyle = palette.outline;
      ctx.lineWidth = 1;
      for (const band of laneBands) ctx.strokeRect(0.5, top + band.top + 0.5, width - 1, band.height - 1);
    }
    // Part of an hour row's 0–60 axis that is not in the row (a 30-minute DST row): no lane there.
    const rowEnd = axisOf(row, row.endMs);
    if (rowEnd < visible.end) ctx.clearRect(Math.max(0, (rowEnd - visible.start) * pxPerMs), top, width, layout.rowHeight);
    // Wall-clock time the day does not have (week rows of a DST week): hatched, no lanes.
    let shift = 0;
    const lanesTop = laneBands[0]?.top ?? 0;
    for (const gap of row.gaps ?? []) {
      const x0 = (gap.at + shift - visible.start) * pxPerMs;
      shift += gap.ms;
      const x1 = (gap.at + shift - visible.start) * pxPerMs;
      if (x1 <= 0 || x0 >= width) continue;
      ctx.clearRect(x0, top, x1 - x0, layout.rowHeight);
      for (const fill of [palette.gridMajor, palette.patterns.diagonal]) {
        ctx.fillStyle = fill;
        ctx.fillRect(x0, top + lanesTop, x1 - x0, layout.rowHeight - lanesTop - 2);
      }
    }
    for (const piece of rowPieces(row)) drawPiece(input, stats, r, piece, visible.start - piece.shift, visible.end - piece.shift, pxPerMs);
  }
  return stats;
}

/**
 * One straight stretch of a row (the whole row unless a DST week gives it gaps): gridlines,
 * status, activities and the now-line of instants `[piece.start, piece.end)`, the visible axis
 * being instants `[start, end)` of this stretch.
 */
function drawPiece(input: DrawInput, stats: DrawStats, r: number, piece: { start: number; end: number }, start: number, end: number, pxPerMs: number): void {
  const { ctx, width, layout, index, palette, grid } = input;
  const laneBands = layout.lanes;
  const top = r * layout.rowHeight;
  const xOf = (t: number): number => (t - start) * pxPerMs;
  // What the stretch holds, seen through the zoom.
  const from = Math.max(start, piece.start);
  const to = Math.min(end, piece.end);
  const firstBand = laneBands[0];
  const lastBand = laneBands[laneBands.length - 1];
  if (firstBand && lastBand) {
    const y0 = top + firstBand.top;
    const y1 = top + lastBand.top + lastBand.height;
    for (const tick of input.ticks[r] ?? []) {
      if (tick.at < piece.start || tick.at >= piece.end) continue;
      const x = Math.round(xOf(tick.at)) + 0.5;
      if (x < 0 || x > width) continue;
      ctx.fillStyle = tick.major ? palette.gridMajor : palette.grid;
      const mark = input.marks ? (tick.major ? 7 : 4) : 0;
      ctx.fillRect(x - 0.5, y0 - mark, 1, y1 - y0 + mark);
    }
  }
  if (to <= from) return;

  for (const band of laneBands) {
    const y = top + band.top;
    if (band.lane === 'status') {
      drawStatus(ctx, input.status, from, to, xOf, y, band.height, palette);
      drawIdle(ctx, input.idle ?? [], from, to, xOf, y, band.height, palette);
      continue;
    }
    const lane = index.lanes[band.lane];
    if (lane.count === 0) continue;
    grid.reset(width);
    stats.binned += binVisible(grid, lane, from, to, (to - from) * pxPerMs, input.now);
    grid.finish();
    // The grid's column 0 is `from`, which is past the left edge when the row starts inside the view.
    const offset = xOf(from);
    runs.length = 0;
    coverageRuns(grid, LANE_COLOURS[band.lane] ?? [], runs);
    // The lane's runs of one colour and opacity are one path, filled in the colour and then in its
    // pattern (if it has one): Skia's cost of a fill is mostly in setting it up, not in its few
    // pixels, and a busy lane has hundreds of runs. Runs never overlap, so the order changes no
    // pixel. The key is colour + opacity (opacity in (0, 1], so keys of different colours never meet).
    // The context's own path, a few passes over the runs and no array per key: a scroll step paints
    // lanes by the dozen, and what they allocated was most of its garbage.
    keys.length = 0;
    for (const run of runs) {
      const key = run.colour + run.alpha;
      if (!keys.includes(key)) keys.push(key);
    }
    for (const key of keys) {
      const colour = Math.ceil(key) - 1;
      ctx.beginPath();
      for (const run of runs) if (run.colour + run.alpha === key) ctx.rect(offset + run.x, y, run.width, band.height);
      ctx.globalAlpha = key - colour;
      ctx.fillStyle = palette.activity[colour] ?? palette.activity[palette.activity.length - 1]!;
      ctx.fill();
      const pattern = COLOUR_PATTERNS[colour] as CanvasFillPattern | null;
      if (pattern) {
        ctx.fillStyle = palette.patterns[pattern];
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    stats.rects += runs.length;
    // Thin gaps where one wide activity follows another, so back-to-back calls read as two.
    ctx.fillStyle = palette.surface;
    const starts = grid.starts;
    for (let x = 1; x < grid.width; x++) {
      if (starts[x] && anyCovered(grid, x - 1)) ctx.fillRect(offset + x, y, 1, band.height);
    }
  }

  if (input.showNow && input.now >= from && input.now < to) {
    const x = Math.round(xOf(input.now));
    ctx.fillStyle = palette.now;
    ctx.fillRect(x - 1, top + 1, 2, layout.rowHeight - 2);
  }
}

const LANE_COLOURS: Record<string, number[]> = Object.fromEntries(ACTIVITY_LANES.map((lane) => [lane, coloursOfLane(lane)]));

function anyCovered(grid: CoverageGrid, x: number): boolean {
  for (let c = 0; c < COLOUR_KEYS.length; c++) if (grid.coverage[c * grid.stride + x]! > 0.5) return true;
  return false;
}

function drawStatus(
  ctx: CanvasRenderingContext2D,
  segments: readonly StatusSegment[],
  from: number,
  to: number,
  xOf: (t: number) => number,
  y: number,
  height: number,
  palette: Palette,
): void {
  for (const s of segments) {
    if (s.end <= from) continue;
    if (s.start >= to) break;
    const x0 = xOf(Math.max(s.start, from));
    // Never thinner than a pixel: a one-minute pause on a week row must still show.
    const w = Math.max(1, xOf(Math.min(s.end, to)) - x0);
    ctx.fillStyle = s.kind === 'ready' ? palette.ready : s.kind === 'paid' ? palette.paid : palette.unpaid;
    ctx.fillRect(x0, y, w, height);
    const pattern = STATUS_PATTERNS[s.kind];
    if (pattern) {
      ctx.fillStyle = palette.patterns[pattern];
      ctx.fillRect(x0, y, w, height);
    }
  }
}

/**
 * Idle stretches of the Status lane: the ready colour stays, striped along the lane (a pattern, not
 * only a colour). Each is at least a pixel wide; those that then touch are one rectangle (a busy day
 * in overview has hundreds of sub-pixel idle gaps). The stripes are the `horizontal` pattern's tile
 * (1.5 px lines every 4 px, 2 px below a multiple of 4 from the canvas's top) drawn as solid rectangles in its ink,
 * the plot's surface: the same pixels, but a solid fill costs a fraction of a pattern fill to
 * rasterise, which is most of what a team row's canvas costs while scrolling.
 */
function drawIdle(ctx: CanvasRenderingContext2D, idle: readonly Span[], from: number, to: number, xOf: (t: number) => number, y: number, height: number, palette: Palette): void {
  ctx.fillStyle = palette.surface;
  const fill = (x0: number, x1: number): void => {
    for (let line = Math.floor(y / 4) * 4 + 2; line < y + height; line += 4) {
      const top = Math.max(y, line);
      const bottom = Math.min(y + height, line + 1.5);
      if (bottom > top) ctx.fillRect(x0, top, x1 - x0, bottom - top);
    }
  };
  let x0 = 0;
  let x1 = -1;
  for (const s of idle) {
    if (s.end <= from) continue;
    if (s.start >= to) break;
    const a = xOf(Math.max(s.start, from));
    if (a > x1) {
      if (x1 > x0) fill(x0, x1);
      x0 = a;
    }
    x1 = Math.max(a + 1, xOf(Math.min(s.end, to)));
  }
  if (x1 > x0) fill(x0, x1);
}
