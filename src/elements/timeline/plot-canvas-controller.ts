import type { ReactiveControllerHost } from 'lit';
import { COLOUR_KEYS } from '../../model/catalog.js';
import { MediaQueryController } from '../controllers/media-query.js';
import { axisTicks } from './axis.js';
import { CoverageGrid } from './bins.js';
import { drawPlot, type DrawStats, type Palette } from './draw.js';
import { visibleRange, type ZoomWindow } from './layout.js';
import { statusSegments } from './status.js';
import type { TimelineModel } from './timeline-model.js';

/** The colour probes the palette is read from: activity kinds by `data-kind`, the rest by class. */
export const PROBES = ['ready', 'paid', 'unpaid', 'logged-out', 'lane-bg', 'grid', 'grid-major', 'now', 'surface'] as const;

/** What one paint depends on; the same inputs paint the same pixels. */
export interface PlotFrame {
  model: TimelineModel;
  zoom: ZoomWindow;
  width: number;
  /** The frame's clock: the now-line and running activities. */
  now: number;
  /** `theme`: a forced look changes the resolved colours. */
  scheme: string;
}

/** What the last paint cost, for benchmarks (read through `lastPaintOf`, not the element's API). */
export interface PaintRecord {
  ms: number;
  stats: DrawStats;
}

const paints = new WeakMap<object, PaintRecord>();

/** The last paint of a timeline element, for benchmarks and diagnostics. */
export function lastPaintOf(element: object): PaintRecord | undefined {
  return paints.get(element);
}

/**
 * The timeline's canvas: sized for the device pixel ratio, painted from the plot modules, with
 * colours resolved once per paint from CSS probes (light/dark, host overrides), and not painted
 * again while nothing it depends on changed.
 */
export class PlotCanvasController {
  readonly #host: ReactiveControllerHost;
  readonly #canvas: () => HTMLCanvasElement | null;
  readonly #probes: () => Element | null;
  readonly #grid = new CoverageGrid();
  #painted: (PlotFrame & { dpr: number }) | null = null;
  #stale = false;

  constructor(host: ReactiveControllerHost, canvas: () => HTMLCanvasElement | null, probes: () => Element | null) {
    this.#host = host;
    this.#canvas = canvas;
    this.#probes = probes;
    // The OS switching light/dark changes the resolved colours, not any input.
    new MediaQueryController(host, '(prefers-color-scheme: dark)', () => this.invalidate());
  }

  /** The next paint happens even when the inputs look the same. */
  invalidate(): void {
    this.#stale = true;
  }

  /** Paints `frame` unless the canvas already shows it. */
  paint(frame: PlotFrame | null): void {
    const canvas = this.#canvas();
    if (!frame || !canvas) {
      this.#painted = null;
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    const last = this.#painted;
    if (!this.#stale && last && last.model === frame.model && last.zoom === frame.zoom && last.width === frame.width && last.dpr === dpr && last.scheme === frame.scheme && last.now === frame.now) {
      return;
    }
    this.#stale = false;
    const t0 = performance.now();
    const { model, zoom, width, now } = frame;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(model.layout.height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const stats = drawPlot({
      ctx,
      width,
      layout: model.layout,
      rows: model.rows,
      zoom,
      index: model.index,
      status: statusSegments(model.view.prepared, model.periodStart, model.periodEnd, now),
      ticks: model.rows.map((row) => {
        const { start, end } = visibleRange(row, zoom);
        return axisTicks(model.mode, row, start, end, model.timeZone, width);
      }),
      now,
      showNow: now >= model.periodStart && now < model.periodEnd,
      palette: this.#palette(),
      grid: this.#grid,
    });
    this.#painted = { ...frame, dpr };
    paints.set(this.#host, { ms: performance.now() - t0, stats });
  }

  /** Colours as the browser resolved them: once per paint, not per activity. */
  #palette(): Palette {
    return readPalette(this.#probes());
  }
}

/** The canvas palette from the colour probes (`renderProbes()`), as the browser resolved them. */
export function readPalette(probes: Element | null): Palette {
  const colour = (selector: string): string => {
    const el = probes?.querySelector(selector);
    return el ? getComputedStyle(el).color : '#888';
  };
  const named = (name: (typeof PROBES)[number]) => colour(`.probe-${name}`);
  return {
    activity: COLOUR_KEYS.map((k) => colour(`[data-kind="${k}"]`)),
    ready: named('ready'),
    paid: named('paid'),
    unpaid: named('unpaid'),
    loggedOut: named('logged-out'),
    laneBackground: named('lane-bg'),
    grid: named('grid'),
    gridMajor: named('grid-major'),
    now: named('now'),
    surface: named('surface'),
  };
}
