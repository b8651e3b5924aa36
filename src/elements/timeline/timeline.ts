import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { PreparedTrace, TraceActivity } from '../../model/types.js';
import type { TraceView } from '../../data/store.js';
import { busyColumns } from '../../stats/compute-stats.js';
import { hasLaneIndex, laneIndexOf } from './bins.js';
import { stateStyles } from '../base/states.js';
import { tokenStyles, visuallyHiddenStyles } from '../base/tokens.styles.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { ClockController } from '../controllers/clock.js';
import { EscapeDismissController } from '../controllers/escape-dismiss.js';
import type { TimelineMode } from './layout.js';
import { PlotCanvasController } from './plot-canvas-controller.js';
import { renderQueryControls, renderZoomControls } from './query-controls.js';
import { timelineStyles } from './timeline.styles.js';
import { boxOf, buildTimelineModel, fitToSessions, minSpan, type Hit, type TimelineModel } from './timeline-model.js';
import { FULL_WINDOW } from './layout.js';
import * as text from './timeline-text.js';
import { renderHoursToggle, renderPlot } from './timeline-plot.js';
import type { TimelineInteraction } from './timeline-interaction.js';
import { ViewportController } from './viewport-controller.js';
import { plotSize } from './plot-size-controller.js';

export type { ActivityBox } from './timeline-model.js';

/** How often the now-line moves when nothing else redraws. */
const NOW_REFRESH_MS = 30_000;

/** The keyboard walk, window selection and tooltip: loaded when the first timeline connects, not with the first paint. */
let interactionCode: Promise<typeof import('./timeline-interaction.js')> | null = null;
/** The week rows' figures, day buttons and DST alignment: loaded when a timeline first shows a week. */
let weekCode: Promise<typeof import('./week-rows.js')> | null = null;

/** Activities above which a new trace's indexes are built in tasks of their own before its first render. */
const WARM_ABOVE = 250_000;

/**
 * The overview of one user's day or week: date navigation, Day / Week / Minutes, a user picker,
 * and lanes for Status, Calls, Emails, Chats and Tickets drawn on a canvas at the resolution of
 * the screen (activities narrower than a pixel merge into density marks), so a week with
 * 100 000 activities draws as fast as one with a hundred. Zoom and pan within the day with the
 * wheel (Ctrl/⌘ + wheel, or the wheel over the axis), a pinch, dragging or the keyboard.
 *
 * Keyboard: Tab into the lanes, then ←/→ (or ↓) move through the activities in time order,
 * Home/End jump to the first/last, PageUp/PageDown to the previous/next row, Enter opens the
 * detail, + / − zoom, 0 resets, Shift+←/→ pan. ↑ moves to the Status lane at that time, where
 * ←/→ walk ready time, each pause and logged-out time, Enter opens the stop's detail and ↓
 * returns to the activities.
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
 * @csspart date-label - The day or week of the date field, written in the element's language beside it.
 * @csspart user-picker - The user combobox element (its `user-picker-input`, `user-picker-listbox` and `user-picker-option` parts are exported too).
 * @csspart chart - The grid of labels, axis and plot.
 * @csspart axis - The time axis above the plot (day and minutes views).
 * @csspart lanes - The plot: canvas plus the focusable activity lanes.
 * @csspart current - The highlight of the current (keyboard) activity.
 * @csspart tooltip - The tooltip shown on hover and focus.
 * @csspart window - The selected time window's times and its clear button.
 * @csspart window-band - The shaded band of the selected time window on the plot.
 * @csspart day-button - A week row's day label: a button that opens that day (its figures stand below it).
 * @csspart legend - The colour legend.
 * @csspart state - The loading, empty, error, denied and idle states (plus `state-loading`, `state-empty`, `state-error`, `state-denied`).
 * @csspart retry-button - The retry button of the error state (and of the user list's error).
 * @csspart users-error - The line beside the user picker saying the user list could not be loaded.
 * @csspart live - The visually hidden polite live region (only while the element stands alone: inside `<user-trace>` the container announces).
 * @csspart notice - The notice about invalid records.
 * @csspart segment-dialog - The detail of a status stop (ready, a pause, logged out) opened with Enter.
 * @csspart detail-dialog - The activity detail `<dialog>` (and `detail-base`, `detail-header`, `detail-title`, `detail-close-button`, `detail-fields`, `detail-more`).
 *
 * @cssprop --user-trace-color-scheme - `light`, `dark` or `light dark` (default: follow the OS). Set it on any ancestor to switch the look; `theme="dark"` on the element does the same.
 * @cssprop --user-trace-font - Font family.
 * @cssprop --user-trace-surface - Background.
 * @cssprop --user-trace-text - Text colour.
 * @cssprop --user-trace-muted - Secondary text colour.
 * @cssprop --user-trace-border-color - Borders.
 * @cssprop --user-trace-control-border-color - Borders of inputs and buttons (keep at least 3:1 against the surface).
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
    hover: { state: true, attribute: false },
  };

  static override styles = [tokenStyles, visuallyHiddenStyles, stateStyles, timelineStyles];

  /** What the pointer is over. */
  private declare hover: Hit | null;

  /** The option id last brought into view. */
  #shownOption = '';

  #model: TimelineModel | null = null;
  readonly #size = plotSize(this, () => this.#plot, () => this.renderRoot?.querySelector('.axis-probe') ?? null);
  readonly #clock = new ClockController(this, {
    read: () => this.store.now(),
    running: (now) => this.#model !== null && now >= this.#model.periodStart && now < this.#model.periodEnd,
    intervalMs: NOW_REFRESH_MS,
  });
  readonly #viewport = new ViewportController(this, {
    plot: () => this.#plot,
    width: () => this.#size.width,
    minSpan: () => (this.#model ? minSpan(this.#model) : null),
    hover: (x, y) => this.#ix?.bridge.move(x, y, this.#hitAt(x, y), this.hover),
    endHover: () => this.#ix?.bridge.clear(),
    tap: (x, y) => {
      const hit = this.#hitAt(x, y);
      if (hit?.kind !== 'activity') return;
      this.#ix?.walk.select(this.#model!.rank[hit.index] ?? -1);
      this.#lanes?.focus({ preventScroll: true });
      this.openActivity(this.#model!.view.prepared.activities[hit.index]!.record, this.#lanes);
    },
  });
  /** The interaction (keyboard walk, window selection, tooltip), once its code has loaded. */
  #ix: TimelineInteraction | null = null;
  #ixLoaded: Promise<unknown> = Promise.resolve();
  /** The week rows' code once loaded, and its loading (started when a week is first shown). */
  #week: typeof import('./week-rows.js') | null = null;
  #weekLoaded: Promise<unknown> | null = null;
  /** Minutes view: every hour, not only those with something in them; the view, user and period last fitted to. */
  #allHours = false;
  #fitted = '';
  /** A very large new trace whose lane index and Busy are being built, each in a task of its own, before its model. */
  #warming: { prepared: PreparedTrace; done: Promise<void> } | null = null;
  readonly #canvas = new PlotCanvasController(this, () => this.renderRoot?.querySelector('canvas') ?? null, () => this.renderRoot?.querySelector('.probes') ?? null);

  constructor() {
    super();
    this.hover = null;
    // Escape hides the tooltip wherever focus is, not only in the lanes.
    new EscapeDismissController(this, () => this.hover !== null || !!this.#ix?.walk.focusTooltip, () => {
      this.#ix?.bridge.cancel();
      this.hover = null;
      if (this.#ix) this.#ix.walk.focusTooltip = false;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#ix) return;
    this.#ixLoaded = (interactionCode ??= import('./timeline-interaction.js')).then((m) => {
      this.#ix ??= m.attachInteraction(this, {
        model: () => this.#model, viewport: this.#viewport, width: () => this.#size.width, now: () => this.#clock.now,
        lanes: () => this.#lanes, axis: () => this.renderRoot?.querySelector<HTMLElement>('.axis') ?? null,
        open: (a) => this.openActivity(a.record, this.#lanes), setWindow: (start, end) => this.#setWindow(start, end),
        dismissHover: () => this.hover !== null && !!this.#ix?.bridge.clear(), root: () => this.renderRoot,
        setHover: (hit) => (this.hover = hit) && this.#ix && (this.#ix.walk.focusTooltip = false),
      });
      // Focus that came before the code: the walk starts as if it had seen it.
      if (this.#lanes?.matches(':focus')) this.#ix.walk.onFocus();
      this.requestUpdate();
    }, () => undefined);
  }

  /** Includes the interaction code's loading: once settled, keys and the pointer work as documented. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#ixLoaded;
    let done = await super.getUpdateComplete();
    // A very large trace is shown once its indexes are built (see willUpdate).
    while (this.#warming) {
      await this.#warming.done;
      done = await super.getUpdateComplete();
    }
    return this.#weekLoaded ? this.#weekLoaded.then(() => super.getUpdateComplete()) : done;
  }

  get #plot(): HTMLElement | null {
    return this.renderRoot?.querySelector('.plot') ?? null;
  }
  get #lanes(): HTMLElement | null {
    return this.renderRoot?.querySelector('.lanes') ?? null;
  }

  /** Number of activities in the shown period (what the keyboard steps through). */
  get activityCount(): number {
    return this.#model?.order.length ?? 0;
  }

  /** The activity the keyboard is on, if any. */
  get currentActivity(): TraceActivity | null {
    return this.#ix?.walk.activity?.record ?? null;
  }

  /**
   * Where an activity is drawn, in viewport coordinates (like `getBoundingClientRect()`), or
   * null when it is not in the period or outside the zoomed window. Accepts the record or its id.
   */
  positionOf(activity: TraceActivity | string): DOMRect | null {
    const model = this.#model;
    const plot = this.#plot;
    if (!model || !plot) return null;
    const id = typeof activity === 'string' ? activity : activity.id;
    const a = model.view.prepared.activities.find((p) => p.id === id);
    if (!a || (model.rank[a.index] ?? -1) < 0) return null;
    const box = boxOf(model, a, this.#size.width, this.#viewport.zoom, this.#clock.now);
    if (!box || box.to <= 0 || box.from >= 1) return null;
    const rect = plot.getBoundingClientRect();
    return new DOMRect(rect.left + box.left, rect.top + box.top, box.width, box.height);
  }

  /** The activity drawn at a viewport point (nearest within a few pixels), or null. */
  activityAt(clientX: number, clientY: number): TraceActivity | null {
    const rect = this.#plot?.getBoundingClientRect();
    const hit = rect ? this.#hitAt(clientX - rect.left, clientY - rect.top) : null;
    return hit?.kind === 'activity' ? this.#model!.view.prepared.activities[hit.index]!.record : null;
  }

  /** Shows the whole day again. */
  resetZoom(): void {
    this.#viewport.reset();
  }

  /** A window selected in the UI (empty span: none); a new date or period clears it. */
  #setWindow(startMs: number, endMs: number): void {
    const none = !(endMs > startMs);
    this.changeQuery({ windowStart: none ? '' : new Date(startMs).toISOString(), windowEnd: none ? '' : new Date(endMs).toISOString() });
  }

  #hitAt(x: number, y: number): Hit | null {
    return this.#model && this.#ix ? this.#ix.hitTest(this.#model, this.#viewport.zoom, this.#size.width, x, y, this.#clock.now) : null;
  }

  get #mode(): TimelineMode {
    const q = this.snapshot.query;
    return q.period === 'week' ? 'week' : q.minutes ? 'minutes' : 'day';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('theme')) this.#canvas.invalidate();
    const { view, status } = this.snapshot;
    const previous = this.#model;
    const previousView = previous?.view;
    const week = (m: typeof import('./week-rows.js')) => ((this.#week = m), m.adoptWeekStyles(this.renderRoot), this.#size.forget(), this.requestUpdate());
    if (this.#mode === 'week') this.#weekLoaded ??= (weekCode ??= import('./week-rows.js')).then(week, () => undefined);
    const shown = view && status !== 'denied' && status !== 'error' ? view : null;
    if (shown && previous && this.#warm(shown)) return; // the previous model meanwhile, shown stale
    this.#warming = null;
    this.#model = shown ? buildTimelineModel(shown, this.#mode, this.effectiveTimeZone, previous, this.#week?.weekGaps, this.#allHours) : null;
    if (this.#model && this.#model.view !== previousView) this.#clock.set(this.#model.view.now);
    if (this.#model !== previous) {
      const m = this.#model;
      // A new view, user or period opens fitted to the shift (day view), else whole.
      const fit = m ? `${m.mode} ${m.view.userId} ${m.periodStart}` : '';
      if (fit !== this.#fitted && (this.#fitted = fit)) this.#viewport.set(m?.mode === 'day' ? fitToSessions(m.view.prepared.sessions, m.rows[0]!, this.#clock.now, minSpan(m)) : FULL_WINDOW);
      if (previous?.view.prepared !== this.#model?.view.prepared && this.#ix) this.#ix.stepDetail.step = null;
      this.#ix?.walk.carry(previous, this.#model);
      this.#ix?.bridge.clear();
    }
  }

  /**
   * Whether `view` waits for its indexes: a new trace of more than {@link WARM_ABOVE} activities
   * gets its lane index, then its Busy, each built in a task of its own (tens of ms each at a
   * million), and is rendered after them, so that no task of its first render is long.
   */
  #warm(view: TraceView): boolean {
    const { prepared, now } = view;
    if (this.#warming?.prepared === prepared) return true;
    if (prepared.activities.length <= WARM_ABOVE || hasLaneIndex(prepared)) return false;
    const task = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
    const warming: { prepared: PreparedTrace; done: Promise<void> } = { prepared, done: task() };
    const current = (): boolean => this.#warming === warming;
    // Each step in a timer task of its own; the render that follows (a microtask of the last) in another.
    warming.done = warming.done
      .then(() => void (current() && laneIndexOf(prepared)))
      .then(task)
      .then(() => void (current() && busyColumns(prepared, now)))
      .then(task)
      .then(() => {
        if (!current()) return;
        this.#warming = null;
        this.requestUpdate();
      });
    this.#warming = warming;
    return true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const model = this.#model;
    // Sizes as the resize observer reported them: nothing here reads layout.
    this.#canvas.paint(model ? { model, zoom: this.#viewport.zoom, width: this.#size.width, labelWidth: this.#size.labelWidth, now: this.#clock.now, scheme: this.theme } : null);
    // In the narrow layout the plot scrolls: keep the keyboard's current item in view.
    const ix = this.#ix;
    const id = ix && (ix.walk.activity || ix.walk.step) ? ix.optionId(ix.walk) : '';
    if (id !== this.#shownOption) {
      this.#shownOption = id;
      if (id && this.#lanes?.matches(':focus')) this.renderRoot.querySelector('[part="current"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    ix?.stepDetail.updated();
  }

  /** The pointer is on the tooltip: it stays as it is (hoverable, WCAG 1.4.13), and no drag starts there. */
  #onTooltip(e: PointerEvent): boolean {
    const on = this.#viewport.idle && (e.target as Element).closest?.('.tooltip') !== null;
    if (on) this.#ix?.bridge.cancel();
    return on;
  }

  #renderPlot(model: TimelineModel): TemplateResult {
    return renderPlot({
      l: this.localize,
      model,
      zoom: this.#viewport.zoom,
      width: this.#size.width,
      labelWidth: this.#size.labelWidth,
      now: this.#clock.now,
      stale: this.snapshot.status === 'loading' || this.#warming !== null,
      dragging: this.#viewport.dragging,
      band: this.#ix?.windowSelect.pending ?? model.view.window,
      ix: this.#ix, hover: this.hover, week: this.#week,
      openDay: (date) => this.changeQuery({ period: 'day', date, windowStart: '', windowEnd: '' }),
      plot: {
        down: (e) => this.#onTooltip(e) || this.#viewport.onPointerDown(e),
        move: (e) => this.#onTooltip(e) || this.#viewport.onPointerMove(e),
        up: this.#viewport.onPointerUp, leave: () => this.#viewport.idle && this.#ix?.bridge.clear(),
        wheel: (e, overAxis) => this.#viewport.onWheel(e, overAxis),
      },
    });
  }

  protected override render() {
    const model = this.#model;
    const status = this.renderStatus();
    const now = this.#clock.now;
    const controls = renderQueryControls({
      snapshot: this.snapshot,
      l: this.localize,
      // Another date or period: a window of the old one means nothing there.
      change: (patch) => this.changeQuery('date' in patch || 'period' in patch ? { ...patch, windowStart: '', windowEnd: '' } : patch),
      retry: () => this.retry(),
      now: () => this.store.now(),
      timeZone: this.effectiveTimeZone,
      minutes: true,
    });
    const shown = status === nothing ? model : null;
    return html`<section part="base" class="base" aria-label=${this.localize.t.timeline.title}>
      <div part="controls" class="controls">${controls}${model ? renderZoomControls(this.localize.t, this.#viewport, minSpan(model), () => this.#ix?.walk.anchor() ?? 0.5) : nothing}
        ${renderHoursToggle(this.localize.t, model, () => ((this.#allHours = !this.#allHours), this.requestUpdate()))}
        ${text.renderWindowChip(this.localize, model?.view.window ?? null, () => this.#setWindow(0, 0))}</div>
      ${text.renderHeading(this.localize, this.snapshot.period, this.snapshot.user)} ${this.renderWarnings()}
      ${status !== nothing ? status : model ? this.#renderPlot(model) : nothing}
      ${this.snapshot.status === 'denied' ? nothing : text.renderLegend(this.localize, shown?.index.hasOther ?? false, shown ? now >= shown.periodStart && now < shown.periodEnd : false)}
      ${text.renderProbes(this.#canvas.recoloured)} ${this.#ix?.stepDetail.render(this.localize, model, this.#clock.now)} ${this.renderLiveRegion()}
    </section>`;
  }
}
