import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { cssomStyles } from '../base/cssom-styles.js';
import type { PreparedActivity, TraceActivity } from '../../model/types.js';
import type { TraceView } from '../../data/store.js';
import { hourRows, isValidDate, shiftDate, todayIn } from '../../time/index.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { stateStyles } from '../base/states.js';
import '../user-picker/define.js';
import type { UserPickerTexts, UserTracePickerElement } from '../user-picker/user-picker.js';
import { timelineStyles } from './timeline.styles.js';
import { tokenStyles, visuallyHiddenStyles } from '../base/tokens.styles.js';
import {
  FULL_WINDOW,
  MIN_VISIBLE_MS,
  fractionOf,
  hitLane,
  isFullWindow,
  panWindow,
  plotLayout,
  revealInWindow,
  rowIndexAt,
  rowsOf,
  tickStepMinutes,
  visibleRange,
  zoomWindow,
  type LaneKey,
  type PlotLayout,
  type TimelineMode,
  type TimelineRow,
  type ZoomWindow,
} from './layout.js';
import { LABEL_GAP_PX, MARK_GAP_PX, axisTicks, type AxisTick } from './axis.js';
import { COLOUR_KEYS, CoverageGrid, forEachVisible, laneIndexOf, type LaneIndex } from './bins.js';
import { drawPlot, type DrawStats, type Palette } from './draw.js';
import { segmentAt, statusSegments, type StatusSegment } from './status.js';

/** Everything derived from one loaded view for one mode; rebuilt only when those change. */
interface Model {
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

type Hover =
  | { kind: 'activity'; index: number; count: number; x: number; y: number }
  | { kind: 'status'; segment: StatusSegment | null; x: number; y: number };

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

const LANES: LaneKey[] = ['status', 'call', 'email', 'chat', 'ticket'];
const ZOOM_STEP = 2;
const DRAG_THRESHOLD_PX = 4;
/** How close (CSS px) a pointer must be to an activity to hit it. */
const HIT_SLACK_PX = 3;
/** How often the now-line moves when nothing else redraws. */
const NOW_REFRESH_MS = 30_000;

/**
 * The overview of one user's day or week: date navigation, Day / Week / Minutes, a user picker,
 * and lanes for Status, Calls, Emails, Chats and Tickets drawn on a canvas at the resolution of
 * the screen (activities narrower than a pixel merge into density marks), so a week with
 * 100 000 activities draws as fast as one with a hundred. Zoom and pan within the day with the
 * wheel (Ctrl/⌘ + wheel, or the wheel over the axis), a pinch, dragging or the keyboard.
 *
 * Keyboard: Tab into the lanes, then ←/→ (or ↑/↓) move through the activities in time order,
 * Home/End jump to the first/last, PageUp/PageDown to the previous/next row, Enter opens the
 * detail, + / − zoom, 0 resets, Shift+←/→ pan.
 *
 * @summary Day or week overview of one user's activities, with zoom and an accessible detail.
 *
 * @fires user-trace-change - The query was changed through the controls (date, period, minutes, user, show deactivated).
 * @fires user-trace-activity-open - An activity was clicked or opened with Enter (cancelable: `preventDefault()` keeps the built-in dialog closed).
 * @fires user-trace-load - A trace was loaded (only when the element stands alone).
 * @fires user-trace-error - Loading failed or access was denied (only when the element stands alone), or the detail dialog's `loadActivityDetail` failed (`operation: 'detail'`).
 * @fires user-trace-data-warning - The provider sent invalid records that were left out (only when the element stands alone).
 *
 * @csspart base - The wrapper of everything.
 * @csspart controls - The row of navigation and view controls.
 * @csspart heading - The period (and user) shown.
 * @csspart button - Every control button.
 * @csspart date-input - The date field.
 * @csspart user-picker - The user combobox element (its `user-picker-input`, `user-picker-listbox` and `user-picker-option` parts are exported too).
 * @csspart chart - The grid of labels, axis and plot.
 * @csspart axis - The time axis above the plot (day and minutes views).
 * @csspart lanes - The plot: canvas plus the focusable activity lanes.
 * @csspart current - The highlight of the current (keyboard) activity.
 * @csspart tooltip - The tooltip shown on hover and focus.
 * @csspart legend - The colour legend.
 * @csspart state - The loading, empty, error, denied and idle states (plus `state-loading`, `state-empty`, `state-error`, `state-denied`).
 * @csspart retry-button - The retry button of the error state.
 * @csspart notice - The notice about invalid records.
 * @csspart detail-dialog - The activity detail `<dialog>` (and `detail-base`, `detail-header`, `detail-title`, `detail-close-button`, `detail-fields`, `detail-more`).
 *
 * @cssprop --user-trace-color-scheme - `light`, `dark` or `light dark` (default: follow the OS). Set it on any ancestor to switch the look; `theme="dark"` on the element does the same.
 * @cssprop --user-trace-font - Font family.
 * @cssprop --user-trace-surface - Background.
 * @cssprop --user-trace-text - Text colour.
 * @cssprop --user-trace-muted - Secondary text colour.
 * @cssprop --user-trace-border-color - Borders.
 * @cssprop --user-trace-accent - The selected view button and checkboxes.
 * @cssprop --user-trace-focus-color - Focus rings.
 * @cssprop --user-trace-danger - Error and access-denied titles.
 * @cssprop --user-trace-warning-background - Background of the invalid-records notice.
 * @cssprop --user-trace-warning-text - Text of the invalid-records notice.
 * @cssprop --user-trace-warning-border - Border of the invalid-records notice.
 * @cssprop --user-trace-radius - Corner radius.
 * @cssprop --user-trace-spacing - Space between the parts.
 * @cssprop --user-trace-color-call - Calls.
 * @cssprop --user-trace-color-email - Emails.
 * @cssprop --user-trace-color-sms - SMS chats.
 * @cssprop --user-trace-color-web - Web chats.
 * @cssprop --user-trace-color-messenger - Messenger chats.
 * @cssprop --user-trace-color-whatsapp - WhatsApp chats.
 * @cssprop --user-trace-color-viber - Viber chats.
 * @cssprop --user-trace-color-ticket - Tickets.
 * @cssprop --user-trace-color-other - Activities of types the library does not know.
 * @cssprop --user-trace-status-logged-out - Status lane: logged out.
 * @cssprop --user-trace-status-ready - Status lane: ready.
 * @cssprop --user-trace-status-paused-paid - Status lane: paid pause.
 * @cssprop --user-trace-status-paused-unpaid - Status lane: unpaid pause.
 * @cssprop --user-trace-lane-background - Background of the activity lanes.
 * @cssprop --user-trace-grid-color - Hour gridlines.
 * @cssprop --user-trace-grid-major-color - Labelled gridlines.
 * @cssprop --user-trace-now-color - The now-line.
 * @cssprop --user-trace-tooltip-background - Tooltip background.
 * @cssprop --user-trace-tooltip-text - Tooltip text.
 * @cssprop --user-trace-timeline-gutter - Width of the row-label column.
 */
export class UserTraceTimelineElement extends UserTraceElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    zoom: { state: true, attribute: false },
    current: { state: true, attribute: false },
    hover: { state: true, attribute: false },
    focusTooltip: { state: true, attribute: false },
  };

  static override styles = [tokenStyles, visuallyHiddenStyles, stateStyles, timelineStyles];

  /** The visible part of each row (fractions of the row), changed by zooming and panning. */
  private declare zoom: ZoomWindow;

  /** Position in time order of the keyboard's current activity, or -1 before the lanes were focused. */
  private declare current: number;

  private declare hover: Hover | null;

  /** The tooltip follows the current activity (keyboard focus) rather than the pointer. */
  private declare focusTooltip: boolean;


  // What `@query` did, as plain getters (no decorator code in the bundle).
  get #canvas(): HTMLCanvasElement | null {
    return this.renderRoot?.querySelector('canvas') ?? null;
  }
  get #plot(): HTMLElement | null {
    return this.renderRoot?.querySelector('.plot') ?? null;
  }
  get #lanesEl(): HTMLElement | null {
    return this.renderRoot?.querySelector('.lanes') ?? null;
  }

  #model: Model | null = null;
  #plotWidth = 0;
  #grid = new CoverageGrid();
  #drawn: { model: Model; zoom: ZoomWindow; width: number; dpr: number; now: number; scheme: string } | null = null;
  #lastDrawStats: DrawStats | null = null;
  #lastDrawMs = 0;
  #nowTimer: ReturnType<typeof setInterval> | null = null;
  #darkQuery: MediaQueryList | null = null;
  #pointers = new Map<number, { x: number; y: number }>();
  #drag: { x: number; zoom: ZoomWindow; moved: boolean } | null = null;
  #pinch: { distance: number; zoom: ZoomWindow; anchor: number } | null = null;
  #ids: Map<string, number> | null = null;
  #idsFor: Model | null = null;
  #forceDraw = false;

  constructor() {
    super();
    this.zoom = FULL_WINDOW;
    this.current = -1;
    this.hover = null;
    this.focusTooltip = false;
    // Re-render (and redraw at the new width) whenever the element is resized. A plain
    // observer: all `ResizeController` (@lit-labs/observers) did here, without its directive code.
    if (typeof ResizeObserver === 'undefined') return;
    const resize = new ResizeObserver(() => this.requestUpdate());
    this.addController({
      hostConnected: () => {
        resize.observe(this);
        this.requestUpdate();
      },
      hostDisconnected: () => resize.disconnect(),
    });
  }

  // -------------------------------------------------------------------------
  // Public API
  // -------------------------------------------------------------------------

  /** Number of activities in the shown period (what the keyboard steps through). */
  get activityCount(): number {
    return this.#model?.order.length ?? 0;
  }

  /** The activity the keyboard is on, if any. */
  get currentActivity(): TraceActivity | null {
    const a = this.#activityAtRank(this.current);
    return a ? a.record : null;
  }

  /** Time spent in the last canvas redraw, in ms (for benchmarks and diagnostics). */
  get lastDrawDuration(): number {
    return this.#lastDrawMs;
  }

  /** What the last redraw did: activities binned and rectangles filled (for benchmarks). */
  get lastDrawStats(): DrawStats | null {
    return this.#lastDrawStats;
  }

  /**
   * Where an activity is drawn, in viewport coordinates (like `getBoundingClientRect()`), or
   * null when it is not in the period or outside the zoomed window. Accepts the record or its id.
   */
  positionOf(activity: TraceActivity | string): DOMRect | null {
    const model = this.#model;
    const plot = this.#plot;
    if (!model || !plot) return null;
    const index = this.#indexOfId(typeof activity === 'string' ? activity : activity.id);
    if (index < 0) return null;
    const box = this.#boxOf(model, model.view.prepared.activities[index]!, this.#plotWidth || plot.clientWidth);
    if (!box || box.to <= 0 || box.from >= 1) return null;
    const rect = plot.getBoundingClientRect();
    return new DOMRect(rect.left + box.left, rect.top + box.top, box.width, box.height);
  }

  /** The activity drawn at a viewport point (nearest within a few pixels), or null. */
  activityAt(clientX: number, clientY: number): TraceActivity | null {
    const plot = this.#plot;
    if (!plot) return null;
    const rect = plot.getBoundingClientRect();
    const hit = this.#hitTest(clientX - rect.left, clientY - rect.top);
    return hit?.kind === 'activity' ? this.#model!.view.prepared.activities[hit.index]!.record : null;
  }

  /** Shows the whole day again. */
  resetZoom(): void {
    this.zoom = FULL_WINDOW;
  }

  // -------------------------------------------------------------------------
  // Lifecycle
  // -------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#nowTimer = setInterval(() => this.#tickNow(), NOW_REFRESH_MS);
    if (typeof matchMedia === 'function') {
      this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
      this.#darkQuery.addEventListener('change', this.#onSchemeChange);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#nowTimer !== null) clearInterval(this.#nowTimer);
    this.#nowTimer = null;
    this.#darkQuery?.removeEventListener('change', this.#onSchemeChange);
    this.#darkQuery = null;
  }

  #onSchemeChange = (): void => {
    this.#forceDraw = true;
    this.requestUpdate();
  };

  #tickNow(): void {
    const model = this.#model;
    if (!model) return;
    const now = this.store.now();
    if (now >= model.periodStart && now < model.periodEnd) {
      this.#forceDraw = true;
      this.requestUpdate();
    }
  }

  get #mode(): TimelineMode {
    const q = this.snapshot.query;
    return q.period === 'week' ? 'week' : q.minutes ? 'minutes' : 'day';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const previous = this.#model;
    this.#model = this.#buildModel(previous);
    if (this.#model !== previous) {
      if (!previous || previous.mode !== this.#model?.mode) this.zoom = FULL_WINDOW;
      this.current = this.#carryCurrent(previous, this.#model);
      this.hover = null;
    }
    if (changed.has('theme')) this.#forceDraw = true;
    if (!this.#plotWidth) this.#plotWidth = Math.max(200, this.clientWidth - 170);
  }

  #buildModel(previous: Model | null): Model | null {
    const view = this.snapshot.view;
    if (!view || this.snapshot.status === 'denied' || this.snapshot.status === 'error') return null;
    const mode = this.#mode;
    const timeZone = this.effectiveTimeZone;
    if (
      previous &&
      previous.view.prepared === view.prepared &&
      previous.view.period === view.period &&
      previous.mode === mode &&
      previous.timeZone === timeZone
    ) {
      // A live tick: same data, new "now". Keep everything derived from the data.
      if (previous.view !== view) previous.view = view;
      return previous;
    }
    const period = view.period;
    const firstDay = period.days[0];
    const rows = rowsOf(mode, period.days, mode === 'minutes' && firstDay ? hourRows(firstDay.date, timeZone) : []);
    const index = laneIndexOf(view.prepared);
    const lanes = index.hasOther ? [...LANES, 'other' as const] : LANES;
    const activities = view.prepared.activities;
    const rank = new Int32Array(activities.length);
    const order = new Int32Array(activities.length);
    let count = 0;
    const { starts, ends } = index;
    for (let i = 0; i < activities.length; i++) {
      const start = starts[i]!;
      const end = ends[i] === Infinity ? Math.max(start, view.now) : ends[i]!;
      if (start < period.endMs && (end > period.startMs || (end === start && start >= period.startMs))) {
        rank[i] = count;
        order[count++] = i;
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
      order: order.subarray(0, count),
      rank,
      periodStart: period.startMs,
      periodEnd: period.endMs,
    };
  }

  /** Keeps the keyboard's place across a reload when the same activity is still there. */
  #carryCurrent(previous: Model | null, next: Model | null): number {
    if (!previous || !next || this.current < 0) return -1;
    const before = this.#activityAtRank(this.current, previous);
    if (!before) return -1;
    if (previous.view.prepared === next.view.prepared) return next.rank[before.index] ?? -1;
    const index = next.view.prepared.activities.findIndex((a) => a.id === before.id);
    return index >= 0 ? (next.rank[index] ?? -1) : -1;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#draw();
  }

  // -------------------------------------------------------------------------
  // Drawing
  // -------------------------------------------------------------------------

  #draw(): void {
    const model = this.#model;
    const canvas = this.#canvas;
    const plot = this.#plot;
    if (!model || !canvas || !plot) {
      this.#drawn = null;
      return;
    }
    const width = plot.clientWidth;
    if (width <= 0) return;
    // The axis labels were laid out for the width known at render time; re-render only when the
    // measured width would change the tick steps (not for every pixel, not on the first load).
    const ticksChanged = width !== this.#plotWidth && this.#tickSteps(model, width) !== this.#tickSteps(model, this.#plotWidth);
    this.#plotWidth = width;
    const dpr = window.devicePixelRatio || 1;
    const now = this.store.now();
    const scheme = this.theme;
    const drawn = this.#drawn;
    if (
      !this.#forceDraw &&
      drawn &&
      drawn.model === model &&
      drawn.zoom === this.zoom &&
      drawn.width === width &&
      drawn.dpr === dpr &&
      drawn.scheme === scheme &&
      drawn.now === model.view.now
    ) {
      return;
    }
    this.#forceDraw = false;
    const t0 = performance.now();
    const height = model.layout.height;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const { start: visibleStart, end: visibleEnd } = { start: model.periodStart, end: model.periodEnd };
    const ticks = model.rows.map((row) => {
      const { start, end } = visibleRange(row, this.zoom);
      return axisTicks(model.mode, row, start, end, model.timeZone, width);
    });
    this.#lastDrawStats = drawPlot({
      ctx,
      width,
      layout: model.layout,
      rows: model.rows,
      zoom: this.zoom,
      index: model.index,
      status: statusSegments(model.view.prepared, visibleStart, visibleEnd, now),
      ticks,
      now,
      showNow: now >= model.periodStart && now < model.periodEnd,
      palette: this.#readPalette(),
      grid: this.#grid,
    });
    this.#drawn = { model, zoom: this.zoom, width, dpr, now: model.view.now, scheme };
    this.#lastDrawMs = performance.now() - t0;
    if (ticksChanged) queueMicrotask(() => this.requestUpdate());
  }

  /** The label and mark steps of the axis at `width`, as a comparable key. */
  #tickSteps(model: Model, width: number): string {
    const row = model.rows[0];
    if (!row) return '';
    const { start, end } = visibleRange(row, this.zoom);
    return `${tickStepMinutes(end - start, width, LABEL_GAP_PX)}/${tickStepMinutes(end - start, width, MARK_GAP_PX)}`;
  }

  /** Colours as the browser resolved them (light/dark, host overrides): once per draw, not per activity. */
  #readPalette(): Palette {
    const probes = this.renderRoot.querySelector('.probes');
    const colour = (name: string): string => {
      const el = probes?.querySelector(`.probe-${name}`);
      return el ? getComputedStyle(el).color : '#888';
    };
    return {
      activity: COLOUR_KEYS.map((k) => colour(k)),
      ready: colour('ready'),
      paid: colour('paid'),
      unpaid: colour('unpaid'),
      loggedOut: colour('logged-out'),
      laneBackground: colour('lane-bg'),
      grid: colour('grid'),
      gridMajor: colour('grid-major'),
      now: colour('now'),
      surface: colour('surface'),
    };
  }

  // -------------------------------------------------------------------------
  // Geometry and hit-testing
  // -------------------------------------------------------------------------

  #activityAtRank(rank: number, model: Model | null = this.#model): PreparedActivity | null {
    if (!model || rank < 0 || rank >= model.order.length) return null;
    return model.view.prepared.activities[model.order[rank]!] ?? null;
  }

  #indexOfId(id: string): number {
    const model = this.#model;
    if (!model) return -1;
    if (this.#idsFor !== model) {
      // Built on the first lookup only: hit-testing and the keyboard never need it.
      this.#ids = new Map(model.view.prepared.activities.map((a, i) => [a.id, i]));
      this.#idsFor = model;
    }
    const index = this.#ids!.get(id) ?? -1;
    return index >= 0 && (model.rank[index] ?? -1) >= 0 ? index : -1;
  }

  /** The drawn box of an activity: in the row where its visible part starts. */
  #boxOf(model: Model, a: PreparedActivity, width: number): ActivityBox | null {
    const end = a.end ?? Math.max(a.start, this.store.now());
    const first = Math.max(a.start, model.periodStart);
    let row = rowIndexAt(model.rows, first);
    if (row < 0) row = first >= model.periodEnd ? model.rows.length - 1 : 0;
    const r = model.rows[row];
    const band = model.layout.lanes.find((b) => b.lane === a.lane);
    if (!r || !band) return null;
    const { start, end: visibleEnd } = visibleRange(r, this.zoom);
    const from = fractionOf(Math.max(a.start, r.startMs), start, visibleEnd);
    const to = fractionOf(Math.min(Math.max(end, a.start), r.endMs), start, visibleEnd);
    const left = Math.max(0, Math.min(1, from)) * width;
    const right = Math.max(0, Math.min(1, to)) * width;
    return {
      row,
      lane: a.lane,
      left,
      top: row * model.layout.rowHeight + band.top,
      width: right - left,
      height: band.height,
      from,
      to,
    };
  }

  /** What is at a point of the plot (CSS px from its top-left). */
  #hitTest(x: number, y: number): Hover | null {
    const model = this.#model;
    const width = this.#plotWidth;
    if (!model || width <= 0) return null;
    const hit = hitLane(model.layout, y);
    if (!hit) return null;
    const row = model.rows[hit.row];
    if (!row) return null;
    const { start, end } = visibleRange(row, this.zoom);
    const msPerPx = (end - start) / width;
    const t = start + x * msPerPx;
    if (t < row.startMs || t >= row.endMs) return null;
    const now = this.store.now();
    if (hit.lane === 'status') {
      const segments = statusSegments(model.view.prepared, row.startMs, row.endMs, now);
      return { kind: 'status', segment: segmentAt(segments, t), x, y };
    }
    const lane = model.index.lanes[hit.lane];
    const slack = HIT_SLACK_PX * msPerPx;
    let best = -1;
    let bestScore = Infinity;
    let count = 0;
    forEachVisible(lane, Math.max(row.startMs, t - slack), Math.min(row.endMs, t + slack), now, (k, s, e) => {
      count++;
      // Inside wins over near; among those inside, the shortest (it would be hidden under a long one).
      const distance = t < s ? s - t : t > e ? t - e : 0;
      const score = distance > 0 ? 1e15 + distance : e - s;
      if (score < bestScore) {
        bestScore = score;
        best = lane.index[k]!;
      }
    });
    if (best < 0 || (model.rank[best] ?? -1) < 0) return null;
    return { kind: 'activity', index: best, count, x, y };
  }

  // -------------------------------------------------------------------------
  // Interaction: keyboard
  // -------------------------------------------------------------------------

  #minSpan(model: Model): number {
    const row = model.rows[0];
    return row ? Math.min(1, MIN_VISIBLE_MS / (row.axisEnd - row.axisStart)) : 1;
  }

  #setZoom(next: ZoomWindow): void {
    if (next.from !== this.zoom.from || next.to !== this.zoom.to) this.zoom = next;
  }

  /** Zooms by `factor` around `anchor` (fraction of the visible window). */
  #zoomBy(factor: number, anchor = 0.5): void {
    const model = this.#model;
    if (!model) return;
    this.#setZoom(zoomWindow(this.zoom, factor, anchor, this.#minSpan(model)));
  }

  #moveTo(rank: number): void {
    const model = this.#model;
    if (!model || !model.order.length) return;
    const next = Math.max(0, Math.min(model.order.length - 1, rank));
    this.current = next;
    this.focusTooltip = true;
    this.hover = null;
    const a = this.#activityAtRank(next)!;
    // Bring it into view: the window moves, never the zoom level.
    const box = this.#boxOf(model, a, this.#plotWidth);
    if (box && (box.to <= 0 || box.from >= 1 || box.from < 0 || box.to > 1)) {
      const span = this.zoom.to - this.zoom.from;
      const from = this.zoom.from + box.from * span;
      const to = this.zoom.from + box.to * span;
      this.#setZoom(revealInWindow(this.zoom, from, to, this.#minSpan(model)));
    }
  }

  /** First activity whose visible part starts in a row after (or before) the current one. */
  #rowJump(direction: 1 | -1): number {
    const model = this.#model!;
    if (model.rows.length <= 1) return this.current + direction * 10;
    const a = this.#activityAtRank(this.current);
    const currentRow = a ? rowIndexAt(model.rows, Math.max(a.start, model.periodStart)) : 0;
    const targetRow = model.rows[Math.max(0, Math.min(model.rows.length - 1, currentRow + direction))]!;
    for (let r = 0; r < model.order.length; r++) {
      const b = this.#activityAtRank(r)!;
      if (Math.max(b.start, model.periodStart) >= targetRow.startMs) return r;
    }
    return model.order.length - 1;
  }

  #onLanesKeyDown(e: KeyboardEvent): void {
    const model = this.#model;
    if (!model) return;
    const n = model.order.length;
    const cur = this.current < 0 ? 0 : this.current;
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        if (e.shiftKey && e.key === 'ArrowRight') this.#setZoom(panWindow(this.zoom, 0.25, this.#minSpan(model)));
        else this.#moveTo(this.current < 0 ? 0 : cur + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        if (e.shiftKey && e.key === 'ArrowLeft') this.#setZoom(panWindow(this.zoom, -0.25, this.#minSpan(model)));
        else this.#moveTo(this.current < 0 ? 0 : cur - 1);
        break;
      case 'Home':
        this.#moveTo(0);
        break;
      case 'End':
        this.#moveTo(n - 1);
        break;
      case 'PageDown':
        this.#moveTo(this.#rowJump(1));
        break;
      case 'PageUp':
        this.#moveTo(this.#rowJump(-1));
        break;
      case 'Enter':
      case ' ': {
        const a = this.#activityAtRank(this.current);
        if (a) this.openActivity(a.record, this.#lanesEl);
        else this.#moveTo(0);
        break;
      }
      case '+':
      case '=':
        this.#zoomBy(ZOOM_STEP, this.#currentAnchor());
        break;
      case '-':
      case '_':
        this.#zoomBy(1 / ZOOM_STEP, this.#currentAnchor());
        break;
      case '0':
        this.resetZoom();
        break;
      case 'Escape':
        handled = this.focusTooltip || this.hover !== null;
        this.focusTooltip = false;
        this.hover = null;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }

  /** Zooming from the keyboard keeps the current activity where it is. */
  #currentAnchor(): number {
    const model = this.#model;
    const a = this.#activityAtRank(this.current);
    if (!model || !a) return 0.5;
    const box = this.#boxOf(model, a, this.#plotWidth);
    if (!box) return 0.5;
    const mid = (box.from + box.to) / 2;
    return mid >= 0 && mid <= 1 ? mid : 0.5;
  }

  #onLanesFocus(): void {
    const model = this.#model;
    if (!model || !model.order.length) return;
    if (this.current < 0) {
      // Start at the first activity in view, not at the first of the period.
      const row = model.rows[0]!;
      const { start } = visibleRange(row, this.zoom);
      let first = 0;
      for (let r = 0; r < model.order.length; r++) {
        const a = this.#activityAtRank(r)!;
        if ((a.end ?? Infinity) > start) {
          first = r;
          break;
        }
      }
      this.current = first;
    }
    this.focusTooltip = this.#lanesEl?.matches(':focus-visible') ?? false;
  }

  #onLanesBlur(): void {
    this.focusTooltip = false;
  }

  // -------------------------------------------------------------------------
  // Interaction: pointer, wheel
  // -------------------------------------------------------------------------

  #localPoint(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const rect = this.#plot!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  #onPointerDown(e: PointerEvent): void {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const plot = this.#plot;
    if (!plot || !this.#model) return;
    plot.setPointerCapture?.(e.pointerId);
    this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.#pointers.size === 1) {
      this.#drag = { x: e.clientX, zoom: this.zoom, moved: false };
    } else if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const rect = plot.getBoundingClientRect();
      this.#pinch = {
        distance: Math.max(1, Math.abs(a.x - b.x)),
        zoom: this.zoom,
        anchor: ((a.x + b.x) / 2 - rect.left) / rect.width,
      };
      this.#drag = null;
    }
  }

  #onPointerMove(e: PointerEvent): void {
    const model = this.#model;
    if (!model) return;
    if (this.#pointers.has(e.pointerId)) {
      this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.#pinch && this.#pointers.size >= 2) {
        const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        const factor = Math.max(1, Math.abs(a.x - b.x)) / this.#pinch.distance;
        this.#setZoom(zoomWindow(this.#pinch.zoom, factor, this.#pinch.anchor, this.#minSpan(model)));
        return;
      }
      const drag = this.#drag;
      if (drag) {
        const dx = e.clientX - drag.x;
        if (Math.abs(dx) > DRAG_THRESHOLD_PX) drag.moved = true;
        if (drag.moved && !isFullWindow(drag.zoom)) {
          this.hover = null;
          this.#setZoom(panWindow(drag.zoom, -dx / (this.#plotWidth || 1), this.#minSpan(model)));
        }
        return;
      }
    }
    const { x, y } = this.#localPoint(e);
    const hit = this.#hitTest(x, y);
    this.hover = hit;
    if (hit) this.focusTooltip = false;
  }

  #onPointerUp(e: PointerEvent): void {
    const wasDrag = this.#drag;
    const wasPinch = this.#pinch !== null;
    this.#pointers.delete(e.pointerId);
    if (this.#pointers.size < 2) this.#pinch = null;
    if (this.#pointers.size === 0) this.#drag = null;
    if (e.type !== 'pointerup' || wasPinch || !wasDrag || wasDrag.moved) return;
    const { x, y } = this.#localPoint(e);
    const hit = this.#hitTest(x, y);
    if (hit?.kind !== 'activity') return;
    const model = this.#model!;
    this.current = model.rank[hit.index] ?? -1;
    this.#lanesEl?.focus({ preventScroll: true });
    this.openActivity(model.view.prepared.activities[hit.index]!.record, this.#lanesEl);
  }

  #onPointerLeave(): void {
    if (this.#pointers.size === 0) this.hover = null;
  }

  #onWheel(e: WheelEvent, overAxis: boolean): void {
    const model = this.#model;
    const plot = this.#plot;
    if (!model || !plot) return;
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? plot.clientWidth : 1;
    const dx = e.deltaX * scale;
    const dy = e.deltaY * scale;
    const rect = plot.getBoundingClientRect();
    const anchor = (e.clientX - rect.left) / rect.width;
    if (e.ctrlKey || e.metaKey || overAxis) {
      // Plain wheel over the page scrolls the page; only a modifier or the axis zooms.
      e.preventDefault();
      this.#zoomBy(Math.exp(-dy * 0.002), anchor);
    } else if (!isFullWindow(this.zoom) && (e.shiftKey || Math.abs(dx) > Math.abs(dy))) {
      e.preventDefault();
      this.#setZoom(panWindow(this.zoom, (e.shiftKey && !dx ? dy : dx) / rect.width, this.#minSpan(model)));
    }
  }

  // -------------------------------------------------------------------------
  // Controls
  // -------------------------------------------------------------------------

  #go(delta: number): void {
    const q = this.snapshot.query;
    this.changeQuery({ date: shiftDate(q.date, q.period, delta) });
  }

  #onDateInput(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (isValidDate(value)) this.changeQuery({ date: value });
  }

  #pickerTexts(): UserPickerTexts {
    const t = this.localize.t.timeline;
    return {
      label: t.user,
      placeholder: t.userPlaceholder,
      deactivated: t.deactivated.replace(/^\((.*)\)$/, '$1'),
      toggle: t.showUsers,
      noMatches: t.noUserMatches,
      loading: t.loadingUsers,
      more: t.moreUsers,
      count: t.userCount,
    };
  }

  #renderControls(): TemplateResult {
    const t = this.localize.t.timeline;
    const q = this.snapshot.query;
    const week = q.period === 'week';
    const denied = this.snapshot.status === 'denied';
    const model = this.#model;
    return html`<div part="controls" class="controls">
      <div class="field">
        <span class="caption" id="date-caption">${t.dateNavigation}</span>
        <div class="group" role="group" aria-labelledby="date-caption">
          <button part="button" class="icon" type="button" aria-label=${week ? t.previousWeek : t.previousDay} title=${week ? t.previousWeek : t.previousDay} @click=${() => this.#go(-1)}>
            <span aria-hidden="true">‹</span>
          </button>
          <button part="button" type="button" @click=${() => this.changeQuery({ date: todayIn(this.effectiveTimeZone, this.store.now()) })}>
            ${t.today}
          </button>
          <button part="button" class="icon" type="button" aria-label=${week ? t.nextWeek : t.nextDay} title=${week ? t.nextWeek : t.nextDay} @click=${() => this.#go(1)}>
            <span aria-hidden="true">›</span>
          </button>
          <input part="date-input" type="date" aria-label=${t.date} .value=${q.date} @change=${this.#onDateInput} />
        </div>
      </div>
      <div class="field">
        <span class="caption" id="period-caption">${t.period}</span>
        <div class="group">
          <div class="segmented" role="group" aria-labelledby="period-caption">
            <button part="button" type="button" aria-pressed=${week ? 'false' : 'true'} @click=${() => this.changeQuery({ period: 'day' })}>${t.day}</button>
            <button part="button" type="button" aria-pressed=${week ? 'true' : 'false'} @click=${() => this.changeQuery({ period: 'week' })}>${t.week}</button>
          </div>
          <label class="check">
            <input type="checkbox" .checked=${q.minutes && !week} ?disabled=${week} @change=${(e: Event) => this.changeQuery({ minutes: (e.target as HTMLInputElement).checked })} />
            ${t.minutes}
          </label>
        </div>
      </div>
      <user-trace-user-picker
        part="user-picker"
        exportparts="input: user-picker-input, listbox: user-picker-listbox, option: user-picker-option"
        .users=${this.snapshot.users}
        .value=${q.userId}
        .texts=${this.#pickerTexts()}
        ?loading=${this.snapshot.usersStatus === 'loading'}
        ?disabled=${denied}
        @change=${(e: Event) => this.changeQuery({ userId: (e.target as UserTracePickerElement).value })}
      ></user-trace-user-picker>
      ${this.snapshot.usersStatus === 'error'
        ? html`<p class="users-error" part="users-error" data-state="users-error" role="alert">
            ${t.usersError}
            <button part="button retry-button" type="button" @click=${() => this.retry()}>${this.localize.t.states.retry}</button>
          </p>`
        : nothing}
      <label class="check">
        <input type="checkbox" .checked=${q.includeDeactivated} ?disabled=${denied} @change=${(e: Event) => this.changeQuery({ includeDeactivated: (e.target as HTMLInputElement).checked })} />
        ${t.showDeactivated}
      </label>
      ${model
        ? html`<div class="group zoom" role="group" aria-label=${t.zoom}>
            <button part="button" class="icon" type="button" aria-label=${t.zoomOut} title=${t.zoomOut} ?disabled=${isFullWindow(this.zoom)} @click=${() => this.#zoomBy(1 / ZOOM_STEP)}>
              <span aria-hidden="true">−</span>
            </button>
            <button part="button" class="icon" type="button" aria-label=${t.zoomIn} title=${t.zoomIn} ?disabled=${this.zoom.to - this.zoom.from <= this.#minSpan(model) + 1e-9} @click=${() => this.#zoomBy(ZOOM_STEP)}>
              <span aria-hidden="true">+</span>
            </button>
            <button part="button" type="button" ?disabled=${isFullWindow(this.zoom)} @click=${() => this.resetZoom()}>${t.zoomReset}</button>
          </div>`
        : nothing}
    </div>`;
  }

  #renderHeading(): TemplateResult | typeof nothing {
    const period = this.snapshot.period;
    if (!period) return nothing;
    const l = this.localize;
    const first = period.days[0];
    const last = period.days[period.days.length - 1];
    if (!first || !last) return nothing;
    let label: string;
    let hours: string | null = null;
    if (period.days.length === 1) {
      label = l.date(first.date, 'full');
      const h = Math.round(((first.endMs - first.startMs) / 3_600_000) * 2) / 2;
      if (h !== 24) hours = l.t.timeline.hours(h);
    } else {
      label = `${l.date(first.date, 'medium')} – ${l.date(last.date, 'medium')}`;
    }
    const user = this.snapshot.user;
    return html`<h2 part="heading" class="heading">
      <span>${label}</span>${hours ? html`<span class="sub">(${hours})</span>` : nothing}
      ${user ? html`<span class="sub">${user.name}${user.deactivated ? ` ${l.t.timeline.deactivated}` : ''}</span>` : nothing}
    </h2>`;
  }

  // -------------------------------------------------------------------------
  // Plot
  // -------------------------------------------------------------------------

  #tickLabel(model: Model, tick: AxisTick): string {
    if (model.mode === 'minutes') return `:${String(tick.minute ?? 0).padStart(2, '0')}`;
    return this.localize.time(tick.at);
  }

  #renderTicks(model: Model, row: TimelineRow, ticks: AxisTick[]): TemplateResult[] {
    const { start, end } = visibleRange(row, this.zoom);
    return ticks.map((tick) => {
      const f = fractionOf(tick.at, start, end);
      const pos = cssomStyles({ left: `${(f * 100).toFixed(3)}%` });
      const edge = f < 0.02 ? ' first' : f > 0.98 ? ' last' : '';
      return html`<span class=${`tick${tick.major ? ' major' : ''}${tick.hour ? ' hour' : ''}`} data-at=${tick.at} style=${pos}></span>${tick.major
          ? html`<span class="tick-label${edge}" style=${pos}>${this.#tickLabel(model, tick)}</span>`
          : nothing}`;
    });
  }

  #rowLabel(model: Model, row: TimelineRow): string {
    if (model.mode === 'minutes') return row.label ?? '';
    return `${this.localize.weekday(row.date ?? row.startMs, 'short')} ${this.localize.date(row.date ?? row.startMs, 'medium')}`;
  }

  #describe(model: Model, a: PreparedActivity): string {
    const l = this.localize;
    const t = l.t;
    const types = t.common.activityTypes as Record<string, string>;
    const type = Object.prototype.hasOwnProperty.call(types, a.type) ? types[a.type]! : `${types.other} (${a.type})`;
    const end = a.end ?? Math.max(a.start, this.store.now());
    let range = l.timeRange(a.start, a.end);
    if (model.mode === 'week') range = `${l.weekday(a.start, 'short')} ${range}`;
    const duration = l.durationWords((end - a.start) / 1000) + (a.end === null ? `, ${t.common.running}` : '');
    const rec = a.record;
    const extra = [
      rec.title,
      rec.queue ? `${t.activities.columns.queue} ${rec.queue}` : undefined,
    ].filter((s): s is string => typeof s === 'string' && s !== '');
    return t.timeline.activityLabel(type, range, duration, extra.length ? extra.join(', ') : undefined);
  }

  #renderTooltip(model: Model): TemplateResult {
    const l = this.localize;
    const t = l.t;
    let content: TemplateResult | typeof nothing = nothing;
    let x = 0;
    let y = 0;
    let below = 0;
    const hover = this.hover;
    const width = this.#plotWidth;
    if (hover) {
      x = hover.x;
      y = hover.y;
      below = 18;
      if (hover.kind === 'activity') {
        content = this.#activityTooltip(model, model.view.prepared.activities[hover.index]!, hover.count);
      } else {
        const s = hover.segment;
        const label = !s
          ? t.common.status.loggedOut
          : s.kind === 'ready'
            ? t.common.status.ready
            : `${s.kind === 'paid' ? t.common.status.pausedPaid : t.common.status.pausedUnpaid}${s.name ? ` – ${s.name}` : ''}`;
        content = html`<div class="t-type">${label}</div>${s
            ? html`<div>${l.timeRange(s.start, s.running ? null : s.end)}</div><div>${l.duration((s.end - s.start) / 1000)}</div>`
            : nothing}`;
      }
    } else if (this.focusTooltip) {
      const a = this.#activityAtRank(this.current);
      const box = a ? this.#boxOf(model, a, width) : null;
      if (a && box && box.to > 0 && box.from < 1) {
        x = box.left + Math.max(0, box.width) / 2;
        y = box.top + box.height;
        below = 8;
        content = this.#activityTooltip(model, a, 1);
      }
    }
    const left = Math.max(0, Math.min(x + 12, width - 260));
    const flip = y + below + 90 > model.layout.height && y > 100;
    const pos = flip
      ? cssomStyles({ left: `${left}px`, bottom: `${model.layout.height - y + 12}px` })
      : cssomStyles({ left: `${left}px`, top: `${y + below}px` });
    return html`<div part="tooltip" class="tooltip" id="tooltip" role="tooltip" ?hidden=${content === nothing} style=${pos}>${content}</div>`;
  }

  #activityTooltip(model: Model, a: PreparedActivity, count: number): TemplateResult {
    const l = this.localize;
    const t = l.t;
    const types = t.common.activityTypes as Record<string, string>;
    const type = Object.prototype.hasOwnProperty.call(types, a.type) ? types[a.type]! : `${types.other} (${a.type})`;
    const end = a.end ?? Math.max(a.start, this.store.now());
    const range = l.timeRange(a.start, a.end);
    return html`<div class="t-type">${type}${a.end === null ? ` (${t.common.running})` : ''}</div>
      <div>${model.mode === 'week' ? `${l.weekday(a.start, 'short')} ` : ''}${range}</div>
      <div>${l.duration((end - a.start) / 1000)}</div>
      ${a.record.title ? html`<div>${a.record.title}</div>` : nothing}
      ${a.record.queue ? html`<div>${t.activities.columns.queue}: ${a.record.queue}</div>` : nothing}
      ${count > 1 ? html`<div class="t-more">${t.timeline.activityCluster(count)}</div>` : nothing}`;
  }

  #renderCurrent(model: Model): TemplateResult | typeof nothing {
    const a = this.#activityAtRank(this.current);
    if (!a) return nothing;
    const box = this.#boxOf(model, a, this.#plotWidth);
    const visible = box && box.to >= 0 && box.from <= 1;
    const from = box ? Math.max(0, Math.min(1, box.from)) : 0;
    const to = box ? Math.max(from, Math.min(1, box.to)) : 0;
    const style = cssomStyles({
      left: `${(from * 100).toFixed(4)}%`,
      width: `${((to - from) * 100).toFixed(4)}%`,
      top: `${(box?.top ?? 0) - 2}px`,
      height: `${(box?.height ?? 0) + 4}px`,
    });
    return html`<div
      id="current"
      part="current"
      class=${visible ? 'current' : 'current off'}
      role="option"
      aria-selected="true"
      aria-setsize=${model.order.length}
      aria-posinset=${this.current + 1}
      aria-label=${this.#describe(model, a)}
      style=${style}
    ></div>`;
  }

  #renderPlot(model: Model): TemplateResult {
    const t = this.localize.t;
    const { layout, rows, mode } = model;
    const width = this.#plotWidth;
    const hasActivities = model.order.length > 0;
    const firstRow = rows[0];
    const topTicks = mode !== 'week' && firstRow ? this.#ticksOf(model, firstRow, width) : [];
    const gutter =
      mode === 'day'
        ? layout.lanes.map(
            (band) =>
              html`<span class="lane-label" style=${cssomStyles({ top: `${band.top + band.height / 2 - 6}px` })}>${t.common.lanes[band.lane]}</span>`,
          )
        : rows.map((row, r) => {
            const hours = mode === 'week' ? Math.round(((row.endMs - row.startMs) / 3_600_000) * 2) / 2 : 24;
            return html`<span class="row-label" data-date=${row.date ?? nothing} style=${cssomStyles({ top: `${r * layout.rowHeight + layout.lanes[0]!.top + 4}px` })}
              >${this.#rowLabel(model, row)}${hours !== 24 ? html`<span class="hours">${t.timeline.hours(hours)}</span>` : nothing}</span
            >`;
          });
    const stale = this.snapshot.status === 'loading';
    return html`<div part="chart" class="chart" aria-busy=${stale ? 'true' : 'false'}>
      ${mode !== 'week'
        ? html`<div></div>
            <div part="axis" class="axis" aria-hidden="true" @wheel=${(e: WheelEvent) => this.#onWheel(e, true)}>
              ${firstRow ? this.#renderTicks(model, firstRow, topTicks) : nothing}
            </div>`
        : nothing}
      <div class="gutter" aria-hidden="true" style=${cssomStyles({ height: `${layout.height}px` })}>${gutter}</div>
      <div
        part="lanes"
        class=${`plot${isFullWindow(this.zoom) ? '' : ' zoomed'}${this.#drag?.moved ? ' dragging' : ''}`}
        style=${cssomStyles({ height: `${layout.height}px`, opacity: stale ? '0.55' : '1' })}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerUp}
        @pointerleave=${this.#onPointerLeave}
        @wheel=${(e: WheelEvent) => this.#onWheel(e, false)}
      >
        <canvas style=${cssomStyles({ height: `${layout.height}px` })} aria-hidden="true"></canvas>
        ${mode === 'week'
          ? rows.map(
              (row, r) =>
                html`<div class="row-axis" aria-hidden="true" style=${cssomStyles({ top: `${r * layout.rowHeight}px` })}>
                  ${this.#renderTicks(model, row, this.#ticksOf(model, row, width))}
                </div>`,
            )
          : nothing}
        ${hasActivities
          ? html`<div
              class="lanes"
              role="listbox"
              tabindex="0"
              aria-label=${`${t.timeline.activities} – ${this.#periodName(model)}`}
              aria-describedby="lanes-hint"
              aria-activedescendant=${this.current >= 0 ? 'current' : nothing}
              @keydown=${this.#onLanesKeyDown}
              @focus=${this.#onLanesFocus}
              @blur=${this.#onLanesBlur}
            >
              ${this.#renderCurrent(model)}
            </div>`
          : html`<div class="lanes" role="img" aria-label=${`${this.#periodName(model)}: ${t.timeline.noActivities}`}></div>`}
        ${this.#renderTooltip(model)}
      </div>
    </div>
    <span id="lanes-hint" class="visually-hidden">${t.timeline.activitiesHint}</span>`;
  }

  #ticksOf(model: Model, row: TimelineRow, width: number): AxisTick[] {
    const { start, end } = visibleRange(row, this.zoom);
    return axisTicks(model.mode, row, start, end, model.timeZone, width);
  }

  #periodName(model: Model): string {
    const l = this.localize;
    const days = model.view.period.days;
    const first = days[0]?.date ?? '';
    const last = days[days.length - 1]?.date ?? '';
    return days.length === 1 ? l.t.timeline.dayOverview(l.date(first, 'full')) : `${l.date(first, 'medium')} – ${l.date(last, 'medium')}`;
  }

  #renderLegend(model: Model | null): TemplateResult {
    const t = this.localize.t;
    const status = t.common.status;
    const types = t.common.activityTypes;
    const now = this.store.now();
    const showNow = model ? now >= model.periodStart && now < model.periodEnd : false;
    const item = (cls: string, label: string) => html`<li><span class="swatch sw-${cls}" aria-hidden="true"></span>${label}</li>`;
    return html`<ul part="legend" class="legend" aria-label=${t.timeline.legend}>
      ${item('logged-out', status.loggedOut)} ${item('ready', status.ready)} ${item('paid', status.pausedPaid)}
      ${item('unpaid', status.pausedUnpaid)} ${item('call', types.call)} ${item('email', types.email)}
      ${item('sms', types.sms)} ${item('web', types.web)} ${item('messenger', types.messenger)}
      ${item('whatsapp', types.whatsapp)} ${item('viber', types.viber)} ${item('ticket', types.ticket)}
      ${model?.index.hasOther ? item('other', types.other) : nothing}
      ${showNow ? html`<li><span class="swatch now sw-now" aria-hidden="true"></span>${t.timeline.now}</li>` : nothing}
    </ul>`;
  }

  protected override render() {
    const model = this.#model;
    const status = this.renderStatus();
    return html`<div part="base" class="base">
      ${this.#renderControls()} ${this.#renderHeading()}
      ${this.renderWarnings()}
      ${status !== nothing ? status : model ? this.#renderPlot(model) : nothing}
      ${this.#renderLegend(status === nothing ? model : null)}
      <div class="probes" aria-hidden="true">
        ${['call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'other', 'ready', 'paid', 'unpaid', 'logged-out', 'lane-bg', 'grid', 'grid-major', 'now', 'surface'].map(
          (name) => html`<span class="probe-${name}"></span>`,
        )}
      </div>
    </div>`;
  }
}

