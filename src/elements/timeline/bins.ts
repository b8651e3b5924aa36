/**
 * Level of detail (docs/spec.md#targets): activities are indexed once per loaded trace into per-lane
 * typed arrays, then binned per redraw into lane × pixel-column coverage. Drawing then costs
 * O(width) per lane whatever the number of activities; only the binning pass touches each
 * visible activity, with a few arithmetic operations and no allocation.
 * Pure: no DOM.
 */
import type { PreparedColumns, PreparedTrace } from '../../model/types.js';
import { ACTIVITY_LANES, COLOUR_KEYS, type ActivityLane } from '../../model/catalog.js';
import { columnEndAt } from '../../model/interval.js';

/** One lane's activities as parallel typed arrays, sorted by start. */
export interface LaneData {
  lane: ActivityLane;
  count: number;
  starts: Float64Array;
  /** `+Infinity` for a running activity: its end is "now", known only when drawing. */
  ends: Float64Array;
  /** `maxEnd[i]` = max of `ends[0..i]`: non-decreasing, so the first activity that can reach
   * a window's start is found by binary search even when long activities overlap short ones. */
  maxEnd: Float64Array;
  colour: Uint8Array;
  /** Position of each in `PreparedTrace.activities`. */
  index: Int32Array;
}

export interface LaneIndex {
  lanes: Record<ActivityLane, LaneData>;
  /** Start and end (`+Infinity` while running) of every activity, in `PreparedTrace.activities` order. */
  starts: Float64Array;
  ends: Float64Array;
  /** Lanes that hold at least one activity of an unknown type. */
  hasOther: boolean;
}

const laneIndexCache = new WeakMap<PreparedTrace, LaneIndex>();

/** Whether the lane index of `prepared` is built already. */
export function hasLaneIndex(prepared: PreparedTrace): boolean {
  return laneIndexCache.has(prepared);
}

/**
 * The per-lane arrays of a prepared trace, built once and memoised on the (immutable) prepared
 * object: the store makes a new view every second of a live period but keeps `prepared`.
 */
export function laneIndexOf(prepared: PreparedTrace): LaneIndex {
  let index = laneIndexCache.get(prepared);
  if (!index) {
    index = buildLaneIndex(prepared.columns);
    laneIndexCache.set(prepared, index);
  }
  return index;
}

/**
 * The split by lane, over the prepared columns (never the activity objects): a counting sort into
 * one set of typed arrays, each lane a view of its stretch. Flat loops over typed arrays, no object
 * touched per activity: this runs once per loaded trace, in code the engine has not optimised yet
 * (one stretch of object reads per activity kept a large week's first render in the interpreter for
 * tens of ms).
 */
export function buildLaneIndex(columns: PreparedColumns): LaneIndex {
  const { lane: laneOfAll, start: startAll, end: endAll, colour: colourAll } = columns;
  const n = startAll.length;
  const laneCount = ACTIVITY_LANES.length;
  // In `ACTIVITY_LANES` order, so a lane's code is its position: lane `l` holds `[offsets[l], offsets[l + 1])`.
  const offsets = new Int32Array(laneCount + 1);
  for (let i = 0; i < n; i++) offsets[laneOfAll[i]! + 1]!++;
  for (let l = 0; l < laneCount; l++) offsets[l + 1]! += offsets[l]!;
  const next = offsets.slice(0, laneCount);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const maxEnd = new Float64Array(n);
  const colour = new Uint8Array(n);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = next[laneOfAll[i]!]!++;
    starts[k] = startAll[i]!;
    ends[k] = endAll[i]!;
    colour[k] = colourAll[i]!;
    index[k] = i;
  }
  const lanes = {} as Record<ActivityLane, LaneData>;
  for (let l = 0; l < laneCount; l++) {
    const from = offsets[l]!;
    const to = offsets[l + 1]!;
    const d: LaneData = {
      lane: ACTIVITY_LANES[l]!,
      count: to - from,
      starts: starts.subarray(from, to),
      ends: ends.subarray(from, to),
      maxEnd: maxEnd.subarray(from, to),
      colour: colour.subarray(from, to),
      index: index.subarray(from, to),
    };
    // The contract says "sorted by start"; a hand-made PreparedTrace might not be. Stay correct anyway.
    if (!isSorted(d.starts)) sortLane(d);
    runningMax(d.ends, d.maxEnd);
    lanes[d.lane] = d;
  }
  return { lanes, starts: startAll, ends: endAll, hasOther: lanes.other.count > 0 };
}

function isSorted(values: Float64Array): boolean {
  for (let k = 1; k < values.length; k++) if (values[k - 1]! > values[k]!) return false;
  return true;
}

/** `out[k]` = max of `values[0..k]`. */
function runningMax(values: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    if (values[k]! > max) max = values[k]!;
    out[k] = max;
  }
}

function sortLane(d: LaneData): void {
  const order = Array.from({ length: d.count }, (_, k) => k).sort((a, b) => d.starts[a]! - d.starts[b]!);
  for (const key of ['starts', 'ends', 'colour', 'index'] as const) {
    const column = d[key];
    const copy = column.slice();
    order.forEach((k, i) => (column[i] = copy[k]!));
  }
}

/** First position whose running max end reaches `t` (`maxEnd[k] >= t`), or `count`. */
export function firstReaching(d: LaneData, t: number): number {
  let lo = 0;
  let hi = d.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.maxEnd[mid]! >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Pixel-column coverage of one row: for each colour class and column, how much of the column's
 * time is covered (1 = all of it). Buffers are reused across rows and redraws.
 */
export class CoverageGrid {
  width = 0;
  /** Values per colour in `coverage` (`width + 1`); set by `reset`. */
  stride = 0;
  /** `coverage[c * stride + x]`. */
  coverage: Float32Array = new Float32Array(0);
  /** Columns where a wide activity starts right after another: drawn as a thin gap. */
  starts: Uint8Array = new Uint8Array(0);
  #diff = new Float32Array(0);

  /** Clears the grid for `width` columns. */
  reset(width: number): void {
    const w = Math.max(1, Math.ceil(width));
    const stride = w + 1;
    const size = stride * COLOUR_KEYS.length;
    if (this.coverage.length < size) {
      this.coverage = new Float32Array(size);
      this.#diff = new Float32Array(size);
      this.starts = new Uint8Array(stride);
    } else {
      this.coverage.fill(0, 0, size);
      this.#diff.fill(0, 0, size);
      this.starts.fill(0, 0, stride);
    }
    this.width = w;
    this.stride = stride;
  }

  /**
   * Adds `[x0, x1)` (fractional pixel columns) of colour `c`. Whole columns inside go through
   * a difference array, so a wide activity costs O(1), not O(its width).
   * A zero-length or sub-pixel activity still counts a little, so it is never invisible.
   * `after`: nothing before it is still in progress when it starts (it follows one, or nothing),
   * so a wide one gets a gap mark.
   */
  add(c: number, x0: number, x1: number, after = false): void {
    const w = this.width;
    if (x1 < 0 || x0 > w) return;
    if (x0 < 0) x0 = 0;
    if (x1 > w) x1 = w;
    const base = c * this.stride;
    let c0 = Math.floor(x0);
    if (c0 >= w) c0 = w - 1;
    const c1 = Math.floor(x1);
    if (c1 <= c0) {
      this.coverage[base + c0]! += Math.max(x1 - x0, MIN_MARK);
      return;
    }
    this.coverage[base + c0]! += c0 + 1 - x0;
    if (c1 < w) this.coverage[base + c1]! += x1 - c1;
    if (c1 > c0 + 1) {
      this.#diff[base + c0 + 1]! += 1;
      this.#diff[base + c1]! -= 1;
    }
    // A visible boundary between touching wide activities (three columns or more). Not where one
    // starts while another is in progress: a dense lane would read as a barcode of gaps.
    if (after && x1 - x0 >= 3) this.starts[c0] = 1;
  }

  /** Folds the difference arrays into `coverage`; call once after the last `add`. */
  finish(): void {
    const w = this.width;
    const stride = this.stride;
    for (let c = 0; c < COLOUR_KEYS.length; c++) {
      const base = c * stride;
      let run = 0;
      for (let x = 0; x < w; x++) {
        run += this.#diff[base + x]!;
        if (run !== 0) this.coverage[base + x]! += run;
      }
    }
  }
}

/** Coverage an activity narrower than this (in pixels) still adds: a 1-second call stays visible. */
const MIN_MARK = 0.05;

/**
 * Bins one lane of one row: every visible activity becomes coverage of the pixel columns it
 * spans. Returns how many activities it visited.
 */
export function binLane(
  grid: CoverageGrid,
  d: LaneData,
  from: number,
  to: number,
  widthPx: number,
  now: number,
): number {
  if (d.count === 0 || to <= from) return 0;
  const pxPerMs = widthPx / (to - from);
  let visited = 0;
  for (let k = firstReaching(d, from); k < d.count; k++) {
    const start = d.starts[k]!;
    if (start >= to) break;
    const end = columnEndAt(start, d.ends[k]!, now);
    if (end < from || (end === from && end > start)) continue;
    grid.add(d.colour[k]!, (start - from) * pxPerMs, (end - from) * pxPerMs, k === 0 || d.maxEnd[k - 1]! <= start);
    visited++;
  }
  return visited;
}

let binDense: typeof binLane | undefined;

/**
 * Lets {@link binVisible} bin dense lanes from their coverage made once (`dense-coverage.ts`,
 * installed by the interaction code: the redraws a zoom or a pan causes are what it speeds up, and
 * the first paint does not wait for it). `bin` returns -1 for a row it leaves to {@link binLane}.
 */
export function useDenseBinning(bin: typeof binLane): void {
  binDense = bin;
}

/** Bins one lane of one row the cheapest way installed; returns how many activities the row's lane shows. */
export function binVisible(grid: CoverageGrid, d: LaneData, from: number, to: number, widthPx: number, now: number): number {
  const shown = binDense?.(grid, d, from, to, widthPx, now) ?? -1;
  return shown < 0 ? binLane(grid, d, from, to, widthPx, now) : shown;
}

/** A run of columns to fill with one colour at one opacity. */
export interface ColumnRun {
  colour: number;
  x: number;
  width: number;
  /** 0–1: 1 for fully covered columns; density marks get less, but at least `MIN_ALPHA`. */
  alpha: number;
}

/** The runs `coverageRuns` hands out, reused from call to call. */
const pool: ColumnRun[] = [];

export const MIN_ALPHA = 0.4;
/** Opacity steps of density marks: few enough that neighbouring columns merge into one rectangle. */
const ALPHA_LEVELS = 6;
const FULL = 0.98;

/** The opacity of a column covered `v` (0 < v): full at ≥ 98 %, else one of a few steps from `MIN_ALPHA`. */
export function alphaFor(v: number): number {
  if (v >= FULL) return 1;
  const level = Math.min(ALPHA_LEVELS - 1, Math.floor(Math.min(1, v) * ALPHA_LEVELS));
  return MIN_ALPHA + ((1 - MIN_ALPHA) * level) / (ALPHA_LEVELS - 1);
}

/**
 * Turns a finished grid into fill runs for one lane. Each column takes the colour that covers
 * most of it (the chat lane has five), at an opacity that grows with the lane's total coverage;
 * neighbouring columns with the same colour and opacity merge into one rectangle. So a lane
 * costs at most `width` rectangles — in practice far fewer — whatever the activity count. The run
 * objects are reused by the next call (a paint turns hundreds of lanes into runs).
 */
export function coverageRuns(grid: CoverageGrid, colours: readonly number[], out: ColumnRun[] = []): ColumnRun[] {
  let n = 0;
  const w = grid.width;
  const stride = grid.stride;
  const cov = grid.coverage;
  let runColour = -1;
  let runAlpha = 0;
  let runStart = 0;
  for (let x = 0; x <= w; x++) {
    let best = -1;
    let bestValue = 0;
    let total = 0;
    if (x < w) {
      for (let i = 0; i < colours.length; i++) {
        const c = colours[i]!;
        const v = cov[c * stride + x]!;
        if (v > bestValue) {
          bestValue = v;
          best = c;
        }
        total += v;
      }
    }
    const alpha = best < 0 ? 0 : alphaFor(total);
    if (best === runColour && alpha === runAlpha) continue;
    if (runColour >= 0) {
      const run = (pool[n++] ??= { colour: 0, x: 0, width: 0, alpha: 0 });
      run.colour = runColour;
      run.x = runStart;
      run.width = x - runStart;
      run.alpha = runAlpha;
      out.push(run);
    }
    runColour = best;
    runAlpha = alpha;
    runStart = x;
  }
  return out;
}
