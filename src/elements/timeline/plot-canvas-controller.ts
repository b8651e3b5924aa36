import type { ReactiveControllerHost } from 'lit';
import { COLOUR_KEYS } from '../../model/catalog.js';
import { MediaQueryController } from '../controllers/media-query.js';
import { axisTicks, LABEL_SPACE_PX } from './axis.js';
import { CoverageGrid } from './bins.js';
import { drawPlot, type CanvasFillPattern, type DrawStats, type Palette } from './draw.js';
import { visibleInstants, type ZoomWindow } from './layout.js';
import { statusOf, type TimelineModel } from './timeline-model.js';

/** The colour probes the palette is read from: activity kinds by `data-kind`, the rest by class. */
export const PROBES = ['ready', 'paid', 'unpaid', 'logged-out', 'lane-bg', 'grid', 'grid-major', 'now', 'surface', 'canvas-text', 'canvas', 'highlight', 'gray-text'] as const;

/** One 8 × 8 px tile of each pattern, drawn in `ink` (the pattern's own colour). */
function patternTile(ctx: CanvasRenderingContext2D, kind: CanvasFillPattern): void {
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  if (kind === 'dots') {
    ctx.arc(4, 4, 1.6, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  if (kind === 'vertical') {
    ctx.fillRect(3, 0, 2, 8);
    return;
  }
  ctx.moveTo(-1, 9);
  ctx.lineTo(9, -1);
  if (kind === 'cross') {
    ctx.moveTo(-1, -1);
    ctx.lineTo(9, 9);
  }
  ctx.stroke();
}

/** What one paint depends on; the same inputs paint the same pixels. */
export interface PlotFrame {
  model: TimelineModel;
  zoom: ZoomWindow;
  width: number;
  /** The widest axis label (the labelled gridlines are as far apart as the labels). */
  labelWidth: number;
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

/** Activities above which the first paint of new data is a task of its own. */
const DEFER_ABOVE = 20_000;

/** The last paint of a timeline element, for benchmarks and diagnostics. */
export function lastPaintOf(element: object): PaintRecord | undefined {
  return paints.get(element);
}

/**
 * The timeline's canvas: sized for the device pixel ratio, painted from the plot modules, with
 * colours resolved from CSS probes (light/dark, host overrides) and kept until `invalidate()`, and
 * not painted again while nothing it depends on changed.
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
    this.#forced = new MediaQueryController(host, '(forced-colors: active)', () => this.invalidate());
  }

  readonly #forced: MediaQueryController;
  /** The next paint happens even when the inputs look the same, with the colours read again. */
  invalidate(): void {
    this.#stale = true;
    this.#palette = null;
  }

  /** For the probes' `transitionend` (renderProbes): their colours changed, so paint again. */
  readonly recoloured = (): void => {
    this.invalidate();
    this.#host.requestUpdate();
  };

  /**
   * Paints `frame` unless the canvas already shows it. The first paint of a large model (new data)
   * is a task of its own (a timer), not the end of the update that rendered the model nor part
   * of the next animation frame: a week of 100 000 activities would otherwise be one main-thread task
   * with either (drawn in the frame, it made one task of 60–70 ms with the layout and paint of the new
   * week's list and figures). Zoom, pan and everything else paint at once.
   */
  paint(frame: PlotFrame | null): void {
    const canvas = this.#canvas();
    this.#deferred = null;
    if (!frame || !canvas) {
      this.#painted = null;
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    const last = this.#painted;
    if (!this.#stale && last && last.model === frame.model && last.zoom === frame.zoom && last.width === frame.width && last.labelWidth === frame.labelWidth && last.dpr === dpr && last.scheme === frame.scheme && last.now === frame.now) {
      return;
    }
    if (last?.model !== frame.model && frame.model.view.prepared.activities.length > DEFER_ABOVE) {
      this.#deferred = frame;
      setTimeout(() => this.#deferred === frame && this.#draw(canvas, frame, dpr));
      return;
    }
    this.#draw(canvas, frame, dpr);
  }

  /** The frame waiting for its task (a later `paint` replaces it). */
  #deferred: PlotFrame | null = null;

  /**
   * The colours as resolved from the probes, kept until `invalidate()` (theme, OS light/dark, forced
   * colours, the probes' colours changing): reading them is a forced style recalculation (~5 ms
   * after an update with a week's DOM), which a zoom step need not pay.
   */
  #palette: Palette | null = null;

  #draw(canvas: HTMLCanvasElement, frame: PlotFrame, dpr: number): void {
    this.#deferred = null;
    this.#stale = false;
    const t0 = performance.now();
    const { model, zoom, width, now, labelWidth } = frame;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(model.layout.height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const status = statusOf(model, now);
    const stats = drawPlot({
      ctx,
      width,
      layout: model.layout,
      rows: model.rows,
      zoom,
      index: model.index,
      status: status.segments,
      idle: status.idle,
      ticks: model.rows.map((row) => {
        const { start, end } = visibleInstants(row, zoom);
        return axisTicks(model.mode, row, start, end, model.timeZone, width, labelWidth + LABEL_SPACE_PX);
      }),
      marks: model.mode === 'week',
      now,
      showNow: now >= model.periodStart && now < model.periodEnd,
      palette: (this.#palette ??= readPalette(this.#probes(), ctx, this.#forced.matches)),
      grid: this.#grid,
    });
    this.#painted = { ...frame, dpr };
    paints.set(this.#host, { ms: performance.now() - t0, stats });
  }
}

/** The tiles of the fill patterns by pattern and ink, shared by every canvas (a few inks per page). */
const tiles = new Map<string, HTMLCanvasElement>();

/** The fill patterns in `ink`, made once per canvas context and ink. */
const patternCache = new WeakMap<CanvasRenderingContext2D, { ink: string; patterns: Record<CanvasFillPattern, CanvasPattern | string> }>();
function patternsFor(ctx: CanvasRenderingContext2D, ink: string): Record<CanvasFillPattern, CanvasPattern | string> {
  const cached = patternCache.get(ctx);
  if (cached?.ink === ink) return cached.patterns;
  const make = (kind: CanvasFillPattern): CanvasPattern | string => {
    const key = `${kind} ${ink}`;
    let tile = tiles.get(key);
    if (!tile) {
      tile = document.createElement('canvas');
      tile.width = tile.height = 8;
      const t = tile.getContext('2d');
      if (!t) return 'transparent';
      t.fillStyle = t.strokeStyle = ink;
      patternTile(t, kind);
      tiles.set(key, tile);
    }
    return ctx.createPattern(tile, 'repeat') ?? 'transparent';
  };
  const patterns = { diagonal: make('diagonal'), cross: make('cross'), dots: make('dots'), vertical: make('vertical') };
  patternCache.set(ctx, { ink, patterns });
  return patterns;
}

/**
 * The canvas palette from the colour probes (`renderProbes()`), as the browser resolved them: read
 * once per paint, not per activity. In forced colours (`forced`), the system's: activities in the
 * text colour told apart by lane and pattern, ready in Highlight, pauses hatched, every band outlined.
 */
export function readPalette(probes: Element | null, ctx: CanvasRenderingContext2D, forced: boolean): Palette {
  const { colour, named } = probeColours(probes);
  if (forced) {
    const [text, canvas, highlight, gray] = (['canvas-text', 'canvas', 'highlight', 'gray-text'] as const).map(named) as [string, string, string, string];
    return {
      activity: COLOUR_KEYS.map(() => text),
      ready: highlight,
      paid: text,
      unpaid: text,
      loggedOut: canvas,
      laneBackground: canvas,
      grid: gray,
      gridMajor: gray,
      now: highlight,
      surface: canvas,
      forced: true,
      patterns: patternsFor(ctx, canvas),
      outline: text,
    };
  }
  const surface = named('surface');
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
    surface,
    forced: false,
    patterns: patternsFor(ctx, surface),
    outline: surface,
  };
}

/** The resolved colour of a probe by selector, or of a named probe (`.probe-<name>`). */
function probeColours(probes: Element | null): { colour: (selector: string) => string; named: (name: (typeof PROBES)[number]) => string } {
  const colour = (selector: string): string => {
    const el = probes?.querySelector(selector);
    return el ? getComputedStyle(el).color : '#888';
  };
  return { colour, named: (name) => colour(`.probe-${name}`) };
}
