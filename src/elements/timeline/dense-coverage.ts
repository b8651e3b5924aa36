/**
 * Dense lanes (docs/architecture.md#timeline): a lane with hundreds of thousands of activities gets
 * its coverage made once, in the background, so that a redraw — a zoom step at a million
 * activities — costs O(width) per lane instead of a pass over every visible activity. It comes with
 * the interaction code (`timeline-interaction.ts` installs {@link binDense} with `useDenseBinning`),
 * not with the first paint. Pure: no DOM.
 */
import { COLOUR_KEYS } from '../../model/catalog.js';
import { columnEndAt } from '../../model/interval.js';
import { firstReaching, type CoverageGrid, type LaneData } from './bins.js';

/**
 * A dense lane's coverage made once: for each colour of the lane, the covered time before each of
 * `bins` equal bins of the lane's span (a cumulative sum, in ms). The coverage of any pixel column
 * is then the difference of two look-ups, interpolated inside a bin, so a redraw of a lane with
 * hundreds of thousands of activities costs O(width), not O(activities). Running and zero-length
 * activities are not in it: they are binned one by one (`special`).
 */
export interface DenseCoverage {
  base: number;
  binMs: number;
  bins: number;
  /** Colour classes with activities in the lane, and `cumulative[i]` (`bins + 1` values) for `colours[i]`. */
  colours: number[];
  cumulative: Float64Array[];
  /** Positions (in the lane's arrays, ascending) of running and zero-length activities. */
  special: Int32Array;
}

/** Bins of a dense lane's span: 2 MB per colour; a week's bins are 2.3 s. */
const DENSE_BINS = 1 << 18;
/** A row's lane is drawn from its dense coverage when it shows this many activities per pixel or more… */
const DENSE_PER_PX = 4;
/** …and a pixel column spans at least this many bins (so interpolating inside a bin moves a column's coverage by a few per cent at most). */
const DENSE_BINS_PER_PX = 6;

/** Lanes with fewer activities are always binned one by one: that costs well under a millisecond a row. */
export const DENSE_MIN_COUNT = 50_000;
/** Activities a background task of making a dense coverage goes through: a few ms (100 000 took up to 90 ms on a busy 2-core machine). */
const DENSE_SLICE = 20_000;

const denseCache = new WeakMap<LaneData, DenseCoverage | Generator<void, DenseCoverage>>();

/**
 * The lane's dense coverage, kept with the (immutable) lane arrays; `null` while it is still being
 * made. The first call starts making it in the background, {@link DENSE_SLICE} activities per task,
 * so no task of its own is long; until it is done, the lane is binned one by one.
 */
export function denseCoverageOf(d: LaneData): DenseCoverage | null {
  const known = denseCache.get(d);
  if (known && !('next' in known)) return known;
  if (!known) {
    const steps = denseSteps(d);
    denseCache.set(d, steps);
    const slice = (): void => {
      const step = steps.next();
      if (step.done) denseCache.set(d, step.value);
      else setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
  }
  return null;
}

/** The lane's dense coverage, made at once (all of {@link denseSteps} in one go). */
export function buildDenseCoverage(d: LaneData): DenseCoverage {
  const steps = denseSteps(d);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Makes a lane's dense coverage, pausing (`yield`) after every {@link DENSE_SLICE} activities. */
export function* denseSteps(d: LaneData): Generator<void, DenseCoverage> {
  const { starts, ends, colour, count } = d;
  const base = count > 0 ? starts[0]! : 0;
  let last = base;
  let specials = 0;
  const slotOf = new Int8Array(COLOUR_KEYS.length).fill(-1);
  const colours: number[] = [];
  for (let k = 0; k < count; k++) {
    const end = ends[k]!;
    if (end === Infinity || end <= starts[k]!) {
      specials++;
      continue;
    }
    if (end > last) last = end;
    const c = colour[k]!;
    if (slotOf[c] === -1) {
      slotOf[c] = colours.length;
      colours.push(c);
    }
  }
  const binMs = Math.max(1, (last - base) / DENSE_BINS);
  const bins = Math.max(1, Math.ceil((last - base) / binMs));
  const stride = bins + 1;
  // Per colour: covered ms of each bin's partial edges, and a difference array of whole bins.
  const partial = new Float64Array(colours.length * stride);
  const whole = new Int32Array(colours.length * stride);
  const special = new Int32Array(specials);
  let s = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0 && k % DENSE_SLICE === 0) yield;
    const start = starts[k]!;
    const end = ends[k]!;
    if (end === Infinity || end <= start) {
      special[s++] = k;
      continue;
    }
    const at = slotOf[colour[k]!]! * stride;
    const u0 = (start - base) / binMs;
    const u1 = (end - base) / binMs;
    // Both are ≥ 0 (the span starts at the first start) and below 2³¹: `| 0` floors.
    let j0 = u0 | 0;
    if (j0 >= bins) j0 = bins - 1;
    const j1 = u1 | 0;
    if (j1 <= j0) {
      partial[at + j0]! += end - start;
      continue;
    }
    partial[at + j0]! += (j0 + 1 - u0) * binMs;
    if (j1 < bins) partial[at + j1]! += (u1 - j1) * binMs;
    if (j1 > j0 + 1) {
      whole[at + j0 + 1]!++;
      whole[at + j1]!--;
    }
  }
  // In place: bin j's covered ms become the covered ms before bin j.
  const cumulative = colours.map((_, i) => {
    const at = i * stride;
    let run = 0;
    let sum = 0;
    for (let j = 0; j < bins; j++) {
      run += whole[at + j]!;
      const here = partial[at + j]! + run * binMs;
      partial[at + j] = sum;
      sum += here;
    }
    partial[at + bins] = sum;
    return partial.subarray(at, at + stride);
  });
  return { base, binMs, bins, colours, cumulative, special };
}

/** Covered ms of a dense colour before instant `t`. */
function coveredBefore(dense: DenseCoverage, cumulative: Float64Array, t: number): number {
  const u = (t - dense.base) / dense.binMs;
  if (u <= 0) return 0;
  if (u >= dense.bins) return cumulative[dense.bins]!;
  const j = Math.floor(u);
  const a = cumulative[j]!;
  return a + (cumulative[j + 1]! - a) * (u - j);
}

/** First position whose start is at or after `t`, or `count`. */
function firstStartingAt(d: LaneData, t: number): number {
  let lo = 0;
  let hi = d.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.starts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bins one lane of one row from its {@link DenseCoverage} when the lane is dense in this row (many
 * activities per pixel column, each column many bins wide) and the coverage is made; returns how
 * many activities the row's lane shows, or -1 (nothing binned) when the row should be binned one
 * by one. The dense way draws the same fill within a few per cent of a column's coverage; it
 * draws no gap marks (a column with several activities per pixel has no "one after another" to
 * show) and gives sub-pixel activities their exact coverage instead of the minimum mark, which
 * still draws them (any coverage is drawn at least at `MIN_ALPHA`).
 */
export function binDense(grid: CoverageGrid, d: LaneData, from: number, to: number, widthPx: number, now: number): number {
  if (d.count < DENSE_MIN_COUNT || to <= from || !(widthPx > 0)) return -1;
  const first = firstReaching(d, from);
  const end = firstStartingAt(d, to);
  const shown = end - first;
  const colMs = (to - from) / widthPx;
  if (shown < DENSE_PER_PX * widthPx) return -1;
  const dense = denseCoverageOf(d);
  if (!dense || colMs < DENSE_BINS_PER_PX * dense.binMs) return -1;
  const w = grid.width;
  const stride = grid.stride;
  const cov = grid.coverage;
  for (let i = 0; i < dense.colours.length; i++) {
    const cumulative = dense.cumulative[i]!;
    const at = dense.colours[i]! * stride;
    let before = coveredBefore(dense, cumulative, from);
    for (let x = 0; x < w; x++) {
      const t = Math.min(to, from + (x + 1) * colMs);
      const next = coveredBefore(dense, cumulative, t);
      if (next > before) cov[at + x]! += (next - before) / colMs;
      before = next;
    }
  }
  // Running and zero-length activities, one by one, as binLane bins them.
  const pxPerMs = 1 / colMs;
  for (let i = 0; i < dense.special.length; i++) {
    const k = dense.special[i]!;
    if (k < first) continue;
    if (k >= end) break;
    const start = d.starts[k]!;
    const stop = columnEndAt(start, d.ends[k]!, now);
    if (stop < from || (stop === from && stop > start)) continue;
    grid.add(d.colour[k]!, (start - from) * pxPerMs, (stop - from) * pxPerMs);
  }
  return shown;
}

