import type { ReactiveControllerHost } from 'lit';
import type { TeamRowData } from '../../data/team-loader.js';
import { MediaQueryController } from '../controllers/media-query.js';
import { axisTicks } from '../timeline/axis.js';
import { CoverageGrid } from '../timeline/bins.js';
import { drawPlot, type Palette } from '../timeline/draw.js';
import { visibleRange, type TimelineRow, type ZoomWindow } from '../timeline/layout.js';
import { readPalette } from '../timeline/plot-canvas-controller.js';
import { TEAM_LAYOUT, agentPlot } from './team-model.js';

/** What every visible row's paint depends on, besides its own data. */
export interface TeamFrame {
  day: TimelineRow;
  zoom: ZoomWindow;
  width: number;
  now: number;
  timeZone: string;
  /** `theme`: a forced look changes the resolved colours. */
  scheme: string;
}

/** What the last paint pass cost, for benchmarks (read through `lastTeamPaintOf`). */
export interface TeamPaintRecord {
  ms: number;
  rows: number;
  rects: number;
}

const paints = new WeakMap<object, TeamPaintRecord>();

/** The last paint pass of a team element, for benchmarks and diagnostics. */
export function lastTeamPaintOf(element: object): TeamPaintRecord | undefined {
  return paints.get(element);
}

/**
 * The canvases of the visible rows (one per row, so the DOM is bounded by what is visible):
 * each painted with the timeline's `drawPlot`, palette read from the probes once until invalidated, and a
 * canvas not painted again while its row and the frame are the ones it shows. The canvases are
 * this controller's, not the rows' templates': a row that scrolls out leaves its canvas to a row that
 * comes in, so scrolling repaints canvases rather than creating them (a new canvas's context and
 * its first frame on the compositor cost more than painting it).
 */
export class TeamCanvasController {
  readonly #host: ReactiveControllerHost;
  readonly #probes: () => Element | null;
  readonly #grid = new CoverageGrid();
  readonly #painted = new WeakMap<HTMLCanvasElement, { row: TeamRowData; frame: TeamFrame; dpr: number }>();
  /** Every canvas made; those not in a document (their row scrolled out) are free to reuse. */
  readonly #canvases: HTMLCanvasElement[] = [];
  #stale = false;
  /**
   * The colours as resolved from the probes, kept until `invalidate()` (theme, OS light/dark, forced colours):
   * reading them is a forced style recalculation, which in the middle of scrolling costs more
   * than painting the rows that came into view. The fill patterns work on any canvas.
   */
  #palette: { scheme: string; palette: Palette } | null = null;

  constructor(host: ReactiveControllerHost, probes: () => Element | null) {
    this.#host = host;
    this.#probes = probes;
    new MediaQueryController(host, '(prefers-color-scheme: dark)', () => this.invalidate());
    this.#forced = new MediaQueryController(host, '(forced-colors: active)', () => this.invalidate());
  }

  /** Forced colours (Windows High Contrast): the timeline's system-colour palette, patterns and outlines. */
  readonly #forced: MediaQueryController;

  /** The next pass repaints every canvas. */
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
   * Gives each plot cell of a row with data a canvas (its own, else a free one, else a new one) and
   * paints those that do not already show `frame`; a cell without data loses its canvas.
   */
  paint(cells: Iterable<[HTMLElement, TeamRowData | null]>, frame: TeamFrame): void {
    const t0 = performance.now();
    const canvases: [HTMLCanvasElement, TeamRowData][] = [];
    const bare: [HTMLElement, TeamRowData][] = [];
    for (const [cell, row] of cells) {
      const own = cell.firstElementChild instanceof HTMLCanvasElement ? cell.firstElementChild : null;
      if (!row) own?.remove();
      else if (own) canvases.push([own, row]);
      else bare.push([cell, row]);
    }
    const free = bare.length ? this.#canvases.filter((c) => !c.isConnected) : [];
    for (const [cell, row] of bare) {
      const canvas = free.pop() ?? this.#newCanvas();
      canvas.dataset.user = row.userId;
      // Before the cell's template content (Lit's markers), which Lit then leaves alone.
      cell.prepend(canvas);
      canvases.push([canvas, row]);
    }
    const dpr = window.devicePixelRatio || 1;
    const stale = this.#stale;
    this.#stale = false;
    const { day, zoom, width, now } = frame;
    if (width <= 0) return;
    let palette: Palette | null = this.#palette?.scheme === frame.scheme ? this.#palette.palette : null;
    let ticks: { at: number; major: boolean }[] | null = null;
    let rows = 0;
    let rects = 0;
    for (const [canvas, row] of canvases) {
      const last = this.#painted.get(canvas);
      const f = last?.frame;
      if (!stale && last && last.row === row && last.dpr === dpr && f && f.day === day && f.zoom === zoom && f.width === width && f.now === now && f.scheme === frame.scheme) continue;
      const plot = agentPlot(row, day);
      if (!plot) continue;
      const pixelWidth = Math.round(width * dpr);
      const pixelHeight = Math.round(TEAM_LAYOUT.height * dpr);
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      if (!palette) {
        palette = readPalette(this.#probes(), ctx, this.#forced.matches);
        this.#palette = { scheme: frame.scheme, palette };
      }
      if (!ticks) {
        const { start, end } = visibleRange(day, zoom);
        ticks = axisTicks('day', day, start, end, frame.timeZone, width);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const stats = drawPlot({
        ctx,
        width,
        layout: TEAM_LAYOUT,
        rows: [day],
        zoom,
        index: plot.index,
        status: plot.status,
        idle: plot.idle,
        ticks: [ticks],
        now,
        showNow: now >= day.startMs && now < day.endMs,
        palette,
        grid: this.#grid,
      });
      this.#painted.set(canvas, { row, frame, dpr });
      rows++;
      rects += stats.rects;
    }
    if (rows) paints.set(this.#host, { ms: performance.now() - t0, rows, rects });
  }

  #newCanvas(): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    canvas.style.height = `${TEAM_LAYOUT.height}px`;
    this.#canvases.push(canvas);
    return canvas;
  }
}
