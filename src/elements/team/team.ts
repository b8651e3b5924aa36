import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TraceUser } from '../../model/types.js';
import { TeamLoader, pendingRow, recountRow, type TeamRowData } from '../../data/team-loader.js';
import { TEAM_FIGURES, buildTeamReport, sortTeamRows, type TeamExportReport, type TeamSortKey } from '../../report/team-figures.js';
import { TEAM_EXPORT_FORMATS } from '../../export/formats.js';
import type { PdfFonts } from '../../export/pdf.js';
import type { ExportFormat } from '../../report/report.js';
import { ExportController } from '../activities/export-controller.js';
import { isValidDate, isValidTimeZone, resolvePeriod, shiftDate, todayIn, type ResolvedPeriod } from '../../time/index.js';
import { foldForSearch } from '../../i18n/fold.js';
import { withTeam, type TeamTranslation } from '../../i18n/en-team.js';
import { cssomStyles } from '../base/cssom-styles.js';
import { emit } from '../base/events.js';
import { stateStyles } from '../base/states.js';
import { textStyles, tokenStyles, visuallyHiddenStyles } from '../base/tokens.styles.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { ClockController } from '../controllers/clock.js';
import { FULL_WINDOW, MIN_VISIBLE_MS, isFullWindow, type TimelineRow } from '../timeline/layout.js';
import { renderZoomControls } from '../timeline/query-controls.js';
import { timelineStyles } from '../timeline/timeline.styles.js';
import { interactionStyles } from '../timeline/interaction.styles.js';
import { describeActivity, describeStatus, renderActivityTip, renderLegend, renderProbes, renderStatusTip, renderTicks } from '../timeline/timeline-text.js';
import { ViewportController } from '../timeline/viewport-controller.js';
import { TeamCanvasController } from './team-canvas-controller.js';
import { teamTimeline } from './team-export.js';
import { TEAM_ROW_HEIGHT, agentPlot, dayRow, hitRow, itemBox, parseTimeWindow, rowItems, shiftWindow, type RowItem, type TeamHit } from './team-model.js';
import { teamStyles } from './team.styles.js';

/** The axis labels' size (`.axis` is 0.72rem) and a character's mean width in em, to estimate a label's width. */
const AXIS_FONT_PX = 11.5;
const LABEL_EM = 0.6;

/**
 * Rows rendered beyond the visible ones: `AHEAD` in the direction of the last scroll, `BEHIND` in the
 * other. A scroll step of up to `AHEAD` rows finds the rows it brings into view rendered and
 * painted, and the range moves after the frame (`#onScroll`).
 */
const AHEAD = 6;
const BEHIND = 2;
/** How often the now-line and running intervals move on today's view. */
const LIVE_REFRESH_MS = 30_000;

/** One agent's row as shown: the user, and its data once it answered. */
export interface TeamRowView {
  user: TraceUser;
  name: string;
  data: TeamRowData;
  stats: TeamRowData['stats'];
}

/**
 * A whole team's day at a glance: one row per agent with the status lane (ready, paid and
 * unpaid pause, logged out) and the activities on one shared time axis (zoom, pan, fit to the
 * shift, the now-line), and each agent's figures as sortable columns. Rows are virtualised: the
 * DOM and the canvases are bounded by what is visible, so 500 agents cost what 20 do.
 *
 * Data comes from `provider.loadTeamTrace` when the provider has it, else `loadTrace` per agent,
 * six at a time; rows fill in as they answer. A denial for one agent marks only that row.
 * Inside `<user-trace>` it shares the container's query, and opening an agent shows that agent's
 * day in the single-agent elements.
 *
 * Keyboard: Tab to the rows, ↑/↓ move between agents (Home/End, PageUp/PageDown), ←/→ walk the
 * agent's status segments and activities in time order, Enter opens the agent, + / − zoom, 0 resets.
 *
 * @summary One day of a whole team: a row per agent with status, activities and figures.
 *
 * @fires user-trace-user-open - A row was clicked or opened with Enter; `detail: { userId, date }` (cancelable: `preventDefault()` keeps the query as it is).
 * @fires user-trace-change - The date or "show deactivated" was changed through the controls, or an agent was opened inside `<user-trace>`.
 * @fires user-trace-export - An export (PDF or Excel) of the rows shown is about to start (cancelable).
 * @fires user-trace-export-done - The export finished; `detail.blob` holds the file (cancelable: the default downloads it).
 * @fires user-trace-error - The team's data could not be loaded or access was denied (only when the element stands alone for the user list).
 *
 * @csspart base - The wrapper of everything.
 * @csspart controls - The row of navigation, filter and zoom controls.
 * @csspart heading - The day shown.
 * @csspart button - Every control button.
 * @csspart date-input - The date field.
 * @csspart filter-input - The name filter.
 * @csspart progress - The loading progress (rows answered of all).
 * @csspart grid - The scrolling grid of agents.
 * @csspart header - The header row (sortable column headings and the time axis).
 * @csspart axis - The shared time axis.
 * @csspart row - One agent's row (also `row-denied`, `row-error`, `row-loading`).
 * @csspart name - An agent's name (a button that opens the agent).
 * @csspart plot - An agent's day: the canvas with its status lane and activities.
 * @csspart figure - A figure cell.
 * @csspart current - The highlight of the keyboard's current segment or activity.
 * @csspart tooltip - The tooltip shown on hover.
 * @csspart legend - The colour legend.
 * @csspart export-button - The PDF and Excel export buttons.
 * @csspart state - The loading, empty, error, denied and idle states (plus `state-loading`, `state-empty`, `state-error`, `state-denied`).
 * @csspart retry-button - The retry button of the error state.
 * @csspart notice - The notice about invalid records.
 * @csspart sort-button - A column heading's sort button.
 *
 * @cssprop --user-trace-surface-alt - Background of the header row and alternate rows.
 * @cssprop --user-trace-font-size - Text size.
 * @cssprop --user-trace-warning-background - Background of the invalid-records notice.
 * @cssprop --user-trace-warning-text - Text of the invalid-records notice.
 * @cssprop --user-trace-warning-border - Border of the invalid-records notice.
 * @cssprop --user-trace-team-height - Height of the scrolling grid (default `32rem`).
 * @cssprop --user-trace-team-name-width - Width of the name column (default `11rem`).
 * @cssprop --user-trace-team-figure-width - Width of a figure column (default `4.75rem`).
 * @cssprop --user-trace-color-scheme - `light`, `dark` or `light dark` (default: follow the OS).
 * @cssprop --user-trace-font - Font family.
 * @cssprop --user-trace-surface - Background.
 * @cssprop --user-trace-text - Text colour.
 * @cssprop --user-trace-muted - Secondary text colour.
 * @cssprop --user-trace-border-color - Borders.
 * @cssprop --user-trace-accent - Accent (checkboxes, the sorted column).
 * @cssprop --user-trace-focus-color - Focus rings.
 * @cssprop --user-trace-danger - "No access" and error rows.
 * @cssprop --user-trace-radius - Corner radius.
 * @cssprop --user-trace-spacing - Space between the parts.
 * @cssprop --user-trace-color-call - Calls (and every other `--user-trace-color-<type>` of the timeline).
 * @cssprop --user-trace-status-ready - Status lane: ready (also `-paused-paid`, `-paused-unpaid`, `-logged-out`).
 * @cssprop --user-trace-lane-background - Background of the activity lanes.
 * @cssprop --user-trace-grid-color - Hour gridlines.
 * @cssprop --user-trace-now-color - The now-line.
 */
export class UserTraceTeamElement extends UserTraceElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    timeWindow: { attribute: 'window', reflect: true },
    refresh: { type: Number },
    pdfFonts: { attribute: false },
    filter: { state: true, attribute: false },
    sortKey: { state: true, attribute: false },
    sortDescending: { state: true, attribute: false },
    hover: { state: true, attribute: false },
  };

  static override styles = [tokenStyles, visuallyHiddenStyles, stateStyles, timelineStyles, interactionStyles, textStyles, teamStyles];

  /** The part of the day shown at first, wall-clock `HH:MM-HH:MM` in the zone (e.g. `08:00-18:00`); empty: the whole day. */
  declare timeWindow: string;

  /** Reload the team every this many seconds (0: never). While the day is today, running intervals tick anyway. */
  declare refresh: number;

  /** TTF files for the PDF export (default: DejaVu Sans shipped next to the PDF chunk). */
  declare pdfFonts: PdfFonts | undefined;

  private declare filter: string;
  private declare sortKey: TeamSortKey;
  private declare sortDescending: boolean;
  /** The grid's scrollTop; rows render again only when the range of rows to render changes. */
  private gridScroll = 0;
  /** The rows rendered, `[first, last)` of the view. */
  #renderedRange: [number, number] = [0, 0];
  /** The task that moves the rendered range after a frame whose visible rows were rendered. */
  #ahead: ReturnType<typeof setTimeout> | null = null;
  private declare hover: { userId: string; hit: TeamHit; x: number; y: number } | null;

  readonly #loader = new TeamLoader();
  /** Each agent's data by user id, for the current key. */
  #rows = new Map<string, TeamRowData>();
  #loadKey = '';
  /** What `#loadKey` was last worked out from. */
  #loadInputs: [unknown, readonly TraceUser[], ResolvedPeriod | null] = [null, [], null];
  #teamError: { error: Error; denied: boolean } | null = null;
  #period: ResolvedPeriod | null = null;
  #day: TimelineRow | null = null;
  #plotWidth = 0;
  #viewportHeight = 480;
  /** The sorted, filtered rows; rebuilt when an input changes. */
  #view: TeamRowView[] = [];
  #viewKey: unknown[] = [];
  #rowsVersion = 0;
  /** Keyboard: the current row (user id) and item in it (-1: the row as a whole). */
  #currentUser: string | null = null;
  #currentItem = -1;
  #items: RowItem[] = [];
  #appliedWindow: string | null = null;
  #refreshTimer: ReturnType<typeof setInterval> | null = null;

  readonly #clock = new ClockController(this, {
    read: () => this.store.now(),
    running: (now) => this.#day !== null && now >= this.#day.startMs && now < this.#day.endMs,
    intervalMs: LIVE_REFRESH_MS,
  });
  readonly #viewport = new ViewportController(this, {
    plot: () => this.renderRoot?.querySelector('.axis') ?? null,
    width: () => this.#plotWidth,
    minSpan: () => (this.#day ? Math.min(1, MIN_VISIBLE_MS / (this.#day.axisEnd - this.#day.axisStart)) : null),
    hover: (x, y) => this.#hoverAt(x, y),
    endHover: () => (this.hover = null),
    tap: () => {
      if (this.#pointerUser) this.openUser(this.#pointerUser);
    },
  });
  readonly #export = new ExportController<TeamExportReport>(this, {
    formats: TEAM_EXPORT_FORMATS,
    report: (format) => this.#report(format),
    shown: () => (this.#rows.size ? this.#rows : null),
    writerOptions: () => ({ pdfFonts: this.pdfFonts }),
  });
  readonly #canvas = new TeamCanvasController(this, () => this.renderRoot?.querySelector('.probes') ?? null);
  /** The row the pointer is over (set before the viewport handles the event). */
  #pointerUser: string | null = null;
  #pointerTop = 0;

  constructor() {
    super();
    this.timeWindow = '';
    this.refresh = 0;
    this.pdfFonts = undefined;
    this.filter = '';
    this.sortKey = 'name';
    this.sortDescending = false;
    this.hover = null;
  }

  /** The agents' rows as shown now (sorted and filtered), with their data. */
  get rows(): readonly TeamRowView[] {
    return this.#view;
  }

  /** How many agents have answered (ready, no access or error) of all. */
  get progress(): { done: number; total: number } {
    const users = this.#usersShown();
    const counted = this.#answered;
    if (counted.users !== users || counted.version !== this.#rowsVersion) {
      let done = 0;
      for (const user of users) if ((this.#rows.get(user.id)?.status ?? 'loading') !== 'loading') done++;
      this.#answered = { users, version: this.#rowsVersion, done };
    }
    return { done: this.#answered.done, total: users.length };
  }

  /** The agents answered, counted once per list of agents and version of their rows (every render reads it). */
  #answered: { users: readonly TraceUser[] | null; version: number; done: number } = { users: null, version: -1, done: 0 };

  /** Sorts by a column (`name` or a figure key of `TEAM_FIGURES`), ascending unless `descending`. */
  sortBy(key: TeamSortKey, descending = false): void {
    this.sortKey = key;
    this.sortDescending = descending;
  }

  /** Shows only agents whose name contains `text` (case and accents ignored). */
  filterBy(text: string): void {
    this.filter = text;
  }

  /**
   * Exports the rows as shown (sorted and filtered), one row per agent: to Excel (the figures) or to
   * PDF (the team's timeline in the part of the day shown, with the figures). Fires the cancelable
   * `user-trace-export`, then `user-trace-export-done` with the file (cancelable: the default downloads it).
   */
  exportTeam(format: 'xlsx' | 'pdf' = 'xlsx'): Promise<Blob | null> {
    return this.#export.run(format);
  }

  #report(format: ExportFormat): TeamExportReport | null {
    const period = this.#period;
    const day = this.#day;
    if (!period || !day || !this.#view.length) return null;
    const l = this.localize;
    const t = this.#t;
    const report = buildTeamReport({
      fileFormat: format,
      rows: this.#view.map((r) => ({
        name: r.name,
        stats: r.stats,
        state: r.data.status === 'denied' ? t.team.noAccess : r.data.status === 'error' ? t.team.rowError : r.data.status === 'loading' ? t.team.rowLoading : '',
      })),
      date: period.days[0]!.date,
      dayLabel: l.date(period.days[0]!.date, 'full'),
      timeZone: this.effectiveTimeZone,
      t,
      format: { duration: l.duration, number: (n) => l.number(n), percent: (r) => l.percent(r) },
    });
    if (format === 'pdf') {
      const rows = this.#view.map((r) => r.data);
      const count = t.team.count(this.#view.length, this.#usersShown().length);
      report.timeline = teamTimeline({ l, rows, day, zoom: this.#viewport.zoom, now: this.#clock.now, timeZone: this.effectiveTimeZone, count });
    }
    return report;
  }

  /** Loads the team's day again (what `refresh` does on its timer). */
  reload(): void {
    this.#loadKey = '';
    this.requestUpdate();
  }

  /** Shows the whole day again. */
  resetZoom(): void {
    this.#viewport.reset();
  }

  /** Zooms to the span from the first login to the last logout of the agents shown. */
  fitToShift(): void {
    if (!this.#day) return;
    const rows = this.#view.map((r) => r.data);
    this.#viewport.set(shiftWindow(rows, this.#day, this.#clock.now, MIN_VISIBLE_MS / (this.#day.axisEnd - this.#day.axisStart)));
  }

  /**
   * Opens an agent's day: fires the cancelable `user-trace-user-open`; unless a listener cancels
   * it, inside `<user-trace>` the container's query shows that agent (the single-agent elements).
   */
  openUser(userId: string): void {
    const date = this.#period?.days[0]?.date ?? this.snapshot.query.date;
    const proceed = emit(this, 'user-trace-user-open', { userId, date }, { cancelable: true });
    // A row without access has nothing to show: opening it would only deny the whole page.
    if (!proceed || this.ownsStore || this.#rows.get(userId)?.status === 'denied') return;
    this.changeQuery({ userId, date, period: 'day' });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#restartRefresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loader.cancel();
    this.#loadKey = '';
    if (this.#refreshTimer !== null) clearInterval(this.#refreshTimer);
    this.#refreshTimer = null;
    this.#sizes?.disconnect();
    this.#observed = [null, null];
    this.#preparing = null;
    if (this.#ahead !== null) clearTimeout(this.#ahead);
    this.#ahead = null;
  }

  #restartRefresh(): void {
    if (this.#refreshTimer !== null) clearInterval(this.#refreshTimer);
    this.#refreshTimer = null;
    const seconds = Number(this.refresh);
    if (this.isConnected && Number.isFinite(seconds) && seconds > 0) this.#refreshTimer = setInterval(() => this.reload(), Math.max(5, seconds) * 1000);
  }

  /** The users the store lists (deactivated only when asked), or none while access is denied. */
  #usersShown(): readonly TraceUser[] {
    return this.snapshot.usersStatus === 'ready' ? this.snapshot.users : [];
  }

  #resolveDay(): void {
    const q = this.snapshot.query;
    const tz = this.effectiveTimeZone;
    const date = q.date || todayIn(isValidTimeZone(tz) ? tz : 'UTC', this.store.now());
    const key = `${date}\u0000${tz}`;
    if (this.#period && `${this.#period.days[0]?.date}\u0000${this.#periodZone}` === key) return;
    this.#period = isValidDate(date) && isValidTimeZone(tz) ? resolvePeriod({ date, period: 'day', timeZone: tz, locale: q.locale }) : null;
    this.#periodZone = tz;
    this.#day = this.#period?.days[0] ? dayRow(this.#period.days[0]) : null;
  }

  #periodZone = '';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('refresh')) this.#restartRefresh();
    if (changed.has('theme')) this.#canvas.invalidate();
    this.#resolveDay();
    this.#syncLoad();
    this.#applyWindow();
    this.#buildView();
    if (!this.#plotWidth) this.#plotWidth = 400;
  }

  /** Starts the team's load when the provider, the agents or the day changed. */
  #syncLoad(): void {
    const provider = this.store.provider;
    const users = this.#usersShown();
    const period = this.#period;
    if (!provider || !period || this.snapshot.usersStatus === 'denied') {
      this.#loader.cancel();
      this.#loadKey = '';
      if (this.#rows.size) {
        // The view and the progress count are kept per version of the rows.
        this.#rows = new Map();
        this.#rowsVersion++;
      }
      this.#teamError = null;
      return;
    }
    // Every update comes here (each scroll step): the same inputs as the last time need no key.
    const inputs = this.#loadInputs;
    if (this.#loadKey && inputs[0] === provider && inputs[1] === users && inputs[2] === period) return;
    this.#loadInputs = [provider, users, period];
    const ids = users.map((u) => u.id);
    const key = `${period.range.start}\u0000${period.range.end}\u0000${ids.join('\u0001')}`;
    if (key === this.#loadKey && this.#provider === provider) return;
    const sameDay = this.#rows.size > 0 && this.#loadedRange === `${period.range.start}\u0000${period.range.end}` && this.#provider === provider;
    this.#loadKey = key;
    this.#provider = provider;
    this.#loadedRange = `${period.range.start}\u0000${period.range.end}`;
    this.#teamError = null;
    // A reload of the same day keeps what is shown until the new answers replace it.
    const rows = new Map<string, TeamRowData>();
    const now = this.store.now();
    for (const id of ids) rows.set(id, sameDay ? (this.#rows.get(id) ?? pendingRow(id, now)) : pendingRow(id, now));
    this.#rows = rows;
    this.#rowsVersion++;
    if (!ids.length) return;
    this.#loader.load(
      { provider, userIds: ids, start: period.range.start, end: period.range.end, startMs: period.startMs, endMs: period.endMs, now: () => this.store.now() },
      (row) => {
        this.#rows.set(row.userId, row);
        this.#rowsVersion++;
        this.#clock.set(Math.max(this.#clock.now, row.now));
        this.requestUpdate();
      },
      (error, denied) => {
        if (error) {
          this.#teamError = { error, denied };
          emit(this, 'user-trace-error', { error, operation: 'trace' });
        }
        this.requestUpdate();
      },
    );
  }

  #provider: unknown = undefined;
  #loadedRange = '';

  #applyWindow(): void {
    const day = this.#day;
    if (!day || this.timeWindow === this.#appliedWindow) return;
    this.#appliedWindow = this.timeWindow;
    const window = parseTimeWindow(this.timeWindow ?? '', day, this.effectiveTimeZone, MIN_VISIBLE_MS / (day.axisEnd - day.axisStart));
    this.#viewport.set(window ?? FULL_WINDOW);
  }

  #buildView(): void {
    const users = this.#usersShown();
    const key = [users, this.#rowsVersion, this.filter, this.sortKey, this.sortDescending, this.localize.locale];
    if (key.every((v, i) => Object.is(v, this.#viewKey[i]))) return;
    this.#viewKey = key;
    const needle = foldForSearch(this.filter.trim());
    const now = this.#clock.now;
    const rows: TeamRowView[] = [];
    for (const user of users) {
      if (needle && !foldForSearch(user.name).includes(needle)) continue;
      const data = this.#rows.get(user.id) ?? pendingRow(user.id, now);
      rows.push({ user, name: user.name, data, stats: data.stats });
    }
    this.#view = sortTeamRows(rows, this.sortKey, this.sortDescending, this.localize.locale);
    this.#refreshItems();
  }

  /** A live tick: running intervals grow, figures are counted again. */
  #tickLive(): void {
    const day = this.#day;
    if (!day) return;
    const now = this.#clock.now;
    let changed = false;
    // Values, not entries: this runs on every update (each scroll step), over every agent.
    for (const row of this.#rows.values()) {
      if (row.live && row.now !== now) {
        this.#rows.set(row.userId, recountRow(row, day.startMs, day.endMs, now));
        changed = true;
      }
    }
    if (changed) this.#rowsVersion++;
  }

  protected override update(changed: PropertyValues): void {
    this.#tickLive();
    this.#buildView();
    super.update(changed);
  }

  /**
   * Reads the plot's width and the grid's height. Not on every update — a layout read after the
   * rows changed forces a layout in the middle of scrolling — but when the axis or the grid is a
   * new element, and then from a `ResizeObserver` on both (its callback runs with layout done).
   */
  #measure(): boolean {
    const width = this.#observed[0]?.clientWidth ?? 0;
    const height = this.#observed[1]?.clientHeight ?? 0;
    let relayout = false;
    if (width > 0 && width !== this.#plotWidth) {
      this.#plotWidth = width;
      relayout = true;
    }
    if (height > 0 && height !== this.#viewportHeight) {
      this.#viewportHeight = height;
      relayout = true;
    }
    return relayout;
  }

  readonly #sizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.#measure() && this.requestUpdate());
  #observed: [HTMLElement | null, HTMLElement | null] = [null, null];

  /** The view's data by user id (for the canvases of the rendered rows), made once per view. */
  #byUser: { view: readonly TeamRowView[]; rows: Map<string, TeamRowData> } = { view: [], rows: new Map() };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const axis = this.renderRoot.querySelector<HTMLElement>('.axis');
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    let relayout = false;
    if (axis !== this.#observed[0] || scroller !== this.#observed[1]) {
      this.#sizes?.disconnect();
      this.#observed = [axis, scroller];
      for (const target of this.#observed) if (target) this.#sizes?.observe(target);
      relayout = this.#measure();
    }
    const day = this.#day;
    if (day && this.#plotWidth > 0) {
      if (this.#byUser.view !== this.#view) this.#byUser = { view: this.#view, rows: new Map(this.#view.map((r) => [r.user.id, r.data])) };
      const byUser = this.#byUser.rows;
      const cells: [HTMLElement, TeamRowData | null][] = [];
      for (const row of this.renderRoot.querySelectorAll<HTMLElement>('.body > [role="row"]')) {
        const data = byUser.get(row.dataset.user!);
        cells.push([row.querySelector<HTMLElement>('.cell.plot')!, data?.status === 'ready' ? data : null]);
      }
      this.#canvas.paint(cells, { day, zoom: this.#viewport.zoom, width: this.#plotWidth, now: this.#clock.now, timeZone: this.effectiveTimeZone, scheme: this.theme });
    }
    if (relayout) queueMicrotask(() => this.requestUpdate());
    this.#prepareAhead();
  }

  /** The view whose rows `#prepareAhead` works through. */
  #preparing: readonly TeamRowView[] | null = null;

  /**
   * Makes every row's drawn parts (lane index, status, idle) and texts in idle time once the view
   * changed, so that a row scrolled into view only renders and paints (they are memoised per row
   * data, which is what a scroll step would otherwise compute for each row that comes in).
   */
  #prepareAhead(): void {
    const view = this.#view;
    const day = this.#day;
    if (!day || this.#preparing === view) return;
    this.#preparing = view;
    const idle = (work: (deadline: { timeRemaining(): number }) => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(work) : setTimeout(() => work({ timeRemaining: () => 4 }), 50);
    let next = 0;
    const work = (deadline: { timeRemaining(): number }): void => {
      if (this.#preparing !== view || !this.isConnected || day !== this.#day) return;
      while (next < view.length && deadline.timeRemaining() > 2) {
        const row = view[next++]!;
        if (row.data.status !== 'ready') continue;
        agentPlot(row.data, day);
        this.#texts(row);
      }
      if (next < view.length) idle(work);
    };
    idle(work);
  }

  // -------------------------------------------------------------------------
  // Pointer and keyboard
  // -------------------------------------------------------------------------

  #hoverAt(x: number, y: number): void {
    const userId = this.#pointerUser;
    const day = this.#day;
    const row = userId ? this.#rows.get(userId) : undefined;
    const plot = row && day ? agentPlot(row, day) : null;
    const hit = row && plot && day ? hitRow(row, plot, day, this.#viewport.zoom, this.#plotWidth, x, y - this.#pointerTop) : null;
    this.hover = hit && userId ? { userId, hit, x, y: y - this.#pointerTop } : null;
  }

  #onRowPointer(userId: string, e: PointerEvent, handler: (e: PointerEvent) => void): void {
    this.#pointerUser = userId;
    const axis = this.renderRoot.querySelector('.axis');
    const cell = (e.currentTarget as HTMLElement).getBoundingClientRect();
    // The viewport measures from the axis (same left and width as every row's plot): y from the row.
    this.#pointerTop = cell.top - (axis?.getBoundingClientRect().top ?? 0);
    handler(e);
  }

  #currentIndex(): number {
    return this.#currentUser === null ? -1 : this.#view.findIndex((r) => r.user.id === this.#currentUser);
  }

  #refreshItems(): void {
    const day = this.#day;
    const row = this.#currentUser ? this.#rows.get(this.#currentUser) : undefined;
    const plot = row && day ? agentPlot(row, day) : null;
    const previous = this.#items[this.#currentItem];
    this.#items = row?.prepared && plot && day ? rowItems(row.prepared, plot.status, day, row.now) : [];
    if (this.#currentItem >= this.#items.length) this.#currentItem = this.#items.length - 1;
    if (previous && this.#items[this.#currentItem]?.start !== previous.start) {
      const same = this.#items.findIndex((i) => i.start === previous.start && i.kind === previous.kind);
      this.#currentItem = same;
    }
  }

  #moveRow(index: number): void {
    if (!this.#view.length) return;
    const i = Math.max(0, Math.min(this.#view.length - 1, index));
    const userId = this.#view[i]!.user.id;
    if (userId !== this.#currentUser) {
      this.#currentUser = userId;
      this.#currentItem = -1;
      this.#refreshItems();
    }
    this.#scrollIntoView(i);
    this.requestUpdate();
  }

  #moveItem(delta: number | 'first' | 'last'): void {
    if (!this.#items.length) return;
    const n = this.#items.length;
    const next = delta === 'first' ? 0 : delta === 'last' ? n - 1 : this.#currentItem < 0 ? (delta > 0 ? 0 : n - 1) : this.#currentItem + delta;
    this.#currentItem = Math.max(0, Math.min(n - 1, next));
    const day = this.#day;
    const item = this.#items[this.#currentItem];
    if (day && item) {
      const box = itemBox(item, day, this.#viewport.zoom);
      this.#viewport.reveal(box.from, Math.max(box.from, box.to));
    }
    this.requestUpdate();
  }

  #scrollIntoView(index: number): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const top = index * TEAM_ROW_HEIGHT;
    const header = this.renderRoot.querySelector<HTMLElement>('.header')?.offsetHeight ?? 0;
    const visible = scroller.clientHeight - header;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + TEAM_ROW_HEIGHT > scroller.scrollTop + visible) scroller.scrollTop = top + TEAM_ROW_HEIGHT - visible;
    this.#onScroll(scroller.scrollTop);
  }

  #onKeyDown = (e: KeyboardEvent): void => {
    if (e.target !== e.currentTarget) return;
    const index = this.#currentIndex();
    const page = Math.max(1, Math.floor(this.#viewportHeight / TEAM_ROW_HEIGHT) - 1);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        this.#moveRow(index < 0 ? 0 : index + 1);
        break;
      case 'ArrowUp':
        this.#moveRow(index < 0 ? 0 : index - 1);
        break;
      case 'PageDown':
        this.#moveRow(index + page);
        break;
      case 'PageUp':
        this.#moveRow(index - page);
        break;
      case 'Home':
        if (e.ctrlKey || index < 0) this.#moveRow(0);
        else this.#moveItem('first');
        break;
      case 'End':
        if (e.ctrlKey || index < 0) this.#moveRow(this.#view.length - 1);
        else this.#moveItem('last');
        break;
      case 'ArrowRight':
        if (e.shiftKey) this.#viewport.pan(0.25);
        else if (index < 0) this.#moveRow(0);
        else this.#moveItem(1);
        break;
      case 'ArrowLeft':
        if (e.shiftKey) this.#viewport.pan(-0.25);
        else if (index < 0) this.#moveRow(0);
        else this.#moveItem(-1);
        break;
      case 'Enter':
        if (this.#currentUser) this.openUser(this.#currentUser);
        else this.#moveRow(0);
        break;
      case '+':
      case '=':
        this.#viewport.zoomBy(2);
        break;
      case '-':
      case '_':
        this.#viewport.zoomBy(0.5);
        break;
      case '0':
        this.#viewport.reset();
        break;
      case 'Escape':
        handled = this.#currentItem >= 0 || this.hover !== null;
        this.#currentItem = -1;
        this.hover = null;
        this.requestUpdate();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  #onFocus = (): void => {
    if (this.#currentIndex() < 0 && this.#view.length) {
      const first = Math.min(this.#view.length - 1, this.#rowsInView()[0]);
      this.#currentUser = this.#view[first]!.user.id;
      this.#currentItem = -1;
      this.#refreshItems();
      this.requestUpdate();
    }
  };

  // -------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------

  #figureText(kind: 'duration' | 'count' | 'percent', value: number | null): string {
    const l = this.localize;
    if (value === null) return l.t.stats.occupancyNone;
    return kind === 'duration' ? l.duration(value) : kind === 'percent' ? l.percent(value) : l.number(value);
  }

  /** The row's figures as shown and its summary in words, kept per row data and language (scrolling re-renders rows). */
  #texts(row: TeamRowView): { figures: string[]; summary: string } {
    const locale = this.localize.locale;
    const cached = this.#textCache.get(row.data);
    if (cached && cached.locale === locale && cached.name === row.name) return cached;
    const stats = row.data.stats;
    const texts = {
      locale,
      name: row.name,
      figures: TEAM_FIGURES.map((f) => (stats ? this.#figureText(f.kind, f.value(stats)) : '')),
      summary: this.#summary(row),
    };
    this.#textCache.set(row.data, texts);
    return texts;
  }

  #textCache = new WeakMap<TeamRowData, { locale: string; name: string; figures: string[]; summary: string }>();

  /** The messages, the team's completed from English where the language lacks them. */
  get #t(): TeamTranslation {
    return withTeam(this.localize.t);
  }

  /** The row's summary in words: name and every figure, or why there are none. */
  #summary(row: TeamRowView): string {
    const t = this.#t;
    const data = row.data;
    if (data.status !== 'ready' || !data.stats) {
      return t.team.rowSummary(row.name, data.status === 'denied' ? t.team.noAccess : data.status === 'error' ? t.team.rowError : t.team.rowLoading);
    }
    const stats = data.stats;
    const figures = TEAM_FIGURES.map((f) => `${f.label(t)} ${f.kind === 'duration' ? this.localize.durationWords(f.value(stats) ?? 0) : this.#figureText(f.kind, f.value(stats))}`).join(', ');
    return t.team.rowSummary(row.name, data.prepared && data.prepared.activities.length + data.prepared.sessions.length === 0 ? `${t.team.nothingInRow} ${figures}` : figures);
  }

  /** The keyboard's current item in words, or the row's summary. */
  #currentLabel(row: TeamRowView): string {
    const item = this.#items[this.#currentItem];
    if (!item || row.user.id !== this.#currentUser) return this.#texts(row).summary;
    const l = this.localize;
    const text = item.kind === 'status' ? describeStatus(l, item.segment) : describeActivity(l, 'day', item.activity, this.#clock.now);
    return this.#t.team.itemOf(this.#currentItem + 1, this.#items.length, `${row.name}: ${text}`);
  }

  /** The axis's ticks and labels, made again only when the day, zoom, width, zone or language changed. */
  #ticks(day: TimelineRow): TemplateResult[] {
    const key = [day, this.#viewport.zoom, this.#plotWidth, this.effectiveTimeZone, this.localize.locale];
    if (!this.#tickCache || !key.every((v, i) => Object.is(v, this.#tickCache!.key[i]))) {
      // Labels are spaced for the width of this language's longest time ("11:00 PM" is wider than
      // "23:00"); the axis places them so that no two touch and none is cut at an edge.
      const label = Math.ceil(this.localize.time(day.startMs + 23 * 3_600_000).length * LABEL_EM * AXIS_FONT_PX);
      this.#tickCache = { key, ticks: renderTicks(this.localize, { mode: 'day', timeZone: this.effectiveTimeZone }, day, this.#viewport.zoom, this.#plotWidth, label) };
    }
    return this.#tickCache.ticks;
  }

  #tickCache: { key: unknown[]; ticks: TemplateResult[] } | null = null;

  #renderHeader(day: TimelineRow): TemplateResult {
    const t = this.#t;
    const sortButton = (key: TeamSortKey, label: string) => {
      const active = this.sortKey === key;
      return html`<div role="columnheader" class=${`cell head${key === 'name' ? ' name' : ' figure'}${active ? ' sorted' : ''}`}
        aria-sort=${active ? (this.sortDescending ? 'descending' : 'ascending') : 'none'}>
        <button part="button sort-button" type="button" class="sort" title=${t.team.sortBy(label)}
          @click=${() => this.sortBy(key, active ? !this.sortDescending : key !== 'name')}>${label}<span class="arrow" aria-hidden="true">${active ? (this.sortDescending ? '▼' : '▲') : ''}</span></button>
      </div>`;
    };
    return html`<div part="header" class="row header" role="row" aria-rowindex="1">
      ${sortButton('name', t.team.agent)}
      <div role="columnheader" class="cell head plot-head">
        <span class="visually-hidden">${t.team.day}</span>
        <div part="axis" class="axis" aria-hidden="true" @wheel=${(e: WheelEvent) => this.#viewport.onWheel(e, true)}>${this.#ticks(day)}</div>
      </div>
      ${TEAM_FIGURES.map((f) => sortButton(f.key, f.label(t)))}
    </div>`;
  }

  #renderRow(row: TeamRowView, index: number, day: TimelineRow): TemplateResult {
    const t = this.#t;
    const data = row.data;
    const current = row.user.id === this.#currentUser;
    const top = cssomStyles({ top: `${index * TEAM_ROW_HEIGHT}px`, height: `${TEAM_ROW_HEIGHT}px` });
    const cellId = `cell-${index}`;
    const warnings = data.warnings.length;
    const texts = this.#texts(row);
    // A ready row's canvas comes from the canvas controller (one that a row scrolled out left).
    let plot: TemplateResult | typeof nothing;
    if (data.status === 'ready') {
      plot = current ? this.#renderCurrent(day) : nothing;
    } else {
      const text = data.status === 'denied' ? t.team.noAccess : data.status === 'error' ? t.team.rowError : t.team.rowLoading;
      plot = html`<span class=${`row-state ${data.status}`} data-state=${data.status}>${text}</span>`;
    }
    const onPointer = (handler: (e: PointerEvent) => void) => (e: PointerEvent) => this.#onRowPointer(row.user.id, e, handler);
    return html`<div part=${`row row-${data.status}`} class=${`row${current ? ' current-row' : ''}`} role="row" aria-rowindex=${index + 2}
        data-user=${row.user.id} data-status=${data.status} style=${top}>
      <div role="gridcell" class="cell name">
        <button part="name" type="button" tabindex="-1" @click=${() => this.openUser(row.user.id)}>${row.name}</button>
        ${row.user.deactivated ? html`<span class="sub">${t.timeline.deactivated}</span>` : nothing}
        ${warnings ? html`<span class="row-warning" data-warnings=${warnings}>${t.team.badRecords(warnings)}</span>` : nothing}
      </div>
      <div part="plot" id=${cellId} role="gridcell" class="cell plot" aria-label=${current ? this.#currentLabel(row) : texts.summary}
        @pointerdown=${onPointer(this.#viewport.onPointerDown)} @pointermove=${onPointer(this.#viewport.onPointerMove)}
        @pointerup=${onPointer(this.#viewport.onPointerUp)} @pointercancel=${onPointer(this.#viewport.onPointerUp)}
        @pointerleave=${() => this.#viewport.idle && (this.hover = null)} @wheel=${(e: WheelEvent) => this.#viewport.onWheel(e, false)}>
        ${plot}
      </div>
      ${TEAM_FIGURES.map((f, i) => html`<div part="figure" role="gridcell" class="cell figure" data-figure=${f.key}>${texts.figures[i]}</div>`)}
    </div>`;
  }

  #renderCurrent(day: TimelineRow): TemplateResult | typeof nothing {
    const item = this.#items[this.#currentItem];
    if (!item) return nothing;
    const box = itemBox(item, day, this.#viewport.zoom);
    const from = Math.max(0, Math.min(1, box.from));
    const to = Math.max(from, Math.min(1, box.to));
    const style = cssomStyles({ left: `${(from * 100).toFixed(4)}%`, width: `${((to - from) * 100).toFixed(4)}%`, top: `${box.top - 2}px`, height: `${box.height + 4}px` });
    return html`<div part="current" class="current" aria-hidden="true" style=${style}></div>`;
  }

  #renderTooltip(): TemplateResult | typeof nothing {
    const hover = this.hover;
    const index = hover ? this.#view.findIndex((r) => r.user.id === hover.userId) : -1;
    if (!hover || index < 0) return nothing;
    const l = this.localize;
    const content = hover.hit.kind === 'activity' ? renderActivityTip(l, 'day', hover.hit.activity, hover.hit.count, this.#clock.now) : renderStatusTip(l, hover.hit.segment, hover.hit.idle);
    const top = index * TEAM_ROW_HEIGHT + hover.y + 16;
    const left = Math.max(0, Math.min(hover.x + 12, this.#plotWidth - 240));
    return html`<div part="tooltip" class="tooltip team-tooltip" role="tooltip" style=${cssomStyles({ top: `${top}px`, left: `calc(var(--_name-w) + ${left}px)` })}>${content}</div>`;
  }

  /** The rows to render, `[first, last)` of the view: the visible ones, `AHEAD` more in the direction of the last scroll and `BEHIND` in the other. */
  #rowRange(): [number, number] {
    const up = this.#scrolledUp;
    const count = this.#view.length;
    const [inView, inViewEnd] = this.#rowsInView();
    let first = inView - (up ? AHEAD : BEHIND);
    let last = inViewEnd + (up ? BEHIND : AHEAD);
    // At the end the scroll went to, the rows that cannot be ahead wait behind, for the way back.
    if (up && first < 0) last -= first;
    if (!up && last > count) first -= last - count;
    return [Math.max(0, first), Math.min(count, last)];
  }

  /** The rows the grid shows at its scroll position, `[first, end)` of the view (`end` may pass its length). */
  #rowsInView(): [number, number] {
    return [Math.floor(this.gridScroll / TEAM_ROW_HEIGHT), Math.ceil((this.gridScroll + this.#viewportHeight) / TEAM_ROW_HEIGHT)];
  }

  /** The last scroll went up: the rows rendered ahead are above the view. */
  #scrolledUp = false;

  /**
   * A scroll event runs in the frame that shows it. When the rows now in view are all rendered, the
   * frame needs nothing else: the rendered range moves (new rows rendered and painted, those far out
   * removed) in a task after the frame, in the time before the next one. Otherwise (a jump, a
   * step longer than `AHEAD`, the first step back) the rows in view render at once.
   */
  #onScroll(top: number): void {
    if (top !== this.gridScroll) this.#scrolledUp = top < this.gridScroll;
    this.gridScroll = top;
    const [first, last] = this.#rowRange();
    const [renderedFirst, renderedLast] = this.#renderedRange;
    if (first === renderedFirst && last === renderedLast) return;
    const [inView, inViewEnd] = this.#rowsInView();
    if (inView < renderedFirst || Math.min(this.#view.length, inViewEnd) > renderedLast) {
      this.requestUpdate();
    } else {
      this.#ahead ??= setTimeout(() => {
        this.#ahead = null;
        const [from, to] = this.#rowRange();
        if (from !== this.#renderedRange[0] || to !== this.#renderedRange[1]) this.requestUpdate();
      });
    }
  }

  #renderGrid(day: TimelineRow): TemplateResult {
    const t = this.#t;
    const rows = this.#view;
    const [first, last] = this.#rowRange();
    this.#renderedRange = [first, last];
    const currentIndex = this.#currentIndex();
    const active = currentIndex >= first && currentIndex < last ? `cell-${currentIndex}` : nothing;
    const dayName = this.localize.date(this.#period!.days[0]!.date, 'full');
    return html`<div part="grid" class=${`scroller${isFullWindow(this.#viewport.zoom) ? '' : ' zoomed'}${this.#viewport.dragging ? ' dragging' : ''}`}
        role="grid" tabindex="0" aria-label=${t.team.gridLabel(dayName)} aria-rowcount=${rows.length + 1} aria-colcount=${TEAM_FIGURES.length + 2}
        aria-describedby="team-hint" aria-activedescendant=${active} aria-busy=${this.progress.done < this.progress.total ? 'true' : 'false'}
        @keydown=${this.#onKeyDown} @focus=${this.#onFocus} @scroll=${(e: Event) => this.#onScroll((e.target as HTMLElement).scrollTop)}>
      ${this.#renderHeader(day)}
      <div class="body" role="rowgroup" style=${cssomStyles({ height: `${rows.length * TEAM_ROW_HEIGHT}px` })}>
        ${repeat(rows.slice(first, last), (row) => row.user.id, (row, k) => this.#renderRow(row, first + k, day))}
        ${this.#renderTooltip()}
      </div>
    </div>
    ${rows.length === 0 ? html`<p class="no-rows" role="status">${this.filter ? t.team.noMatches : t.team.noAgents}</p>` : nothing}
    <span id="team-hint" class="visually-hidden">${t.team.hint}</span>`;
  }

  #renderControls(): TemplateResult {
    const t = this.#t;
    const tl = t.timeline;
    const q = this.snapshot.query;
    const date = this.#period?.days[0]?.date ?? q.date;
    const denied = this.snapshot.usersStatus === 'denied';
    const go = (delta: number) => this.changeQuery({ date: shiftDate(date, 'day', delta) });
    const onDate = (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      if (isValidDate(value)) this.changeQuery({ date: value });
    };
    const day = this.#day;
    return html`<div part="controls" class="controls">
      <div class="field">
        <span class="caption" id="date-caption">${tl.dateNavigation}</span>
        <div class="group" role="group" aria-labelledby="date-caption">
          <button part="button" class="icon" type="button" aria-label=${tl.previousDay} title=${tl.previousDay} @click=${() => go(-1)}><span aria-hidden="true">‹</span></button>
          <button part="button" type="button" @click=${() => this.changeQuery({ date: todayIn(this.effectiveTimeZone, this.store.now()) })}>${tl.today}</button>
          <button part="button" class="icon" type="button" aria-label=${tl.nextDay} title=${tl.nextDay} @click=${() => go(1)}><span aria-hidden="true">›</span></button>
          <input part="date-input" type="date" aria-label=${tl.date} .value=${date} @change=${onDate} />
        </div>
      </div>
      <label class="field">
        <span class="caption">${t.team.filter}</span>
        <input part="filter-input" class="filter" type="search" placeholder=${t.team.filterPlaceholder} .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      </label>
      <label class="check">
        <input type="checkbox" .checked=${q.includeDeactivated} ?disabled=${denied} @change=${(e: Event) => this.changeQuery({ includeDeactivated: (e.target as HTMLInputElement).checked })} />
        ${tl.showDeactivated}
      </label>
      ${day
        ? html`<div class="group">
            <button part="button" type="button" class="fit" @click=${() => this.fitToShift()}>${t.team.fitShift}</button>
            ${renderZoomControls(t, this.#viewport, MIN_VISIBLE_MS / (day.axisEnd - day.axisStart), () => 0.5)}
          </div>`
        : nothing}
      <div class="group">
        ${TEAM_EXPORT_FORMATS.map(
          (f) => html`<button part="button export-button" type="button" ?disabled=${this.#export.exporting !== null || !this.#view.length} aria-busy=${this.#export.exporting === f.format ? 'true' : 'false'}
            @click=${() => void this.#export.run(f.format)}>${f.label(t)}</button>`,
        )}
      </div>
    </div>`;
  }

  #renderState(): TemplateResult | typeof nothing {
    const s = this.localize.t.states;
    const snapshot = this.snapshot;
    if (!this.store.provider) return html`<div class="state" part="state" data-state="no-provider" role="status">${s.noProvider}</div>`;
    const denied = snapshot.usersStatus === 'denied' || this.#teamError?.denied;
    if (denied) {
      return html`<div class="state denied" part="state state-denied" data-state="denied" role="alert">
        <strong class="state-title">${s.accessDeniedTitle}</strong><span class="state-text">${s.accessDeniedText}</span>
      </div>`;
    }
    const error = snapshot.usersStatus === 'error' ? snapshot.usersError : this.#teamError?.error;
    if (error) {
      const retry = () => (snapshot.usersStatus === 'error' ? this.retry() : this.reload());
      return html`<div class="state error" part="state state-error" data-state="error" role="alert">
        <strong class="state-title">${s.error}</strong>${error.message ? html`<span class="state-text">${s.errorDetail(error.message)}</span>` : nothing}
        <button type="button" part="retry-button" class="retry" @click=${retry}>${s.retry}</button>
      </div>`;
    }
    if (!this.#period) {
      return html`<div class="state error" part="state state-error" data-state="error" role="alert"><strong class="state-title">${s.error}</strong></div>`;
    }
    if (snapshot.usersStatus !== 'ready') {
      return html`<div class="state loading" part="state state-loading" data-state="loading" role="status" aria-busy="true"><span class="spinner" aria-hidden="true"></span>${s.loading}</div>`;
    }
    return nothing;
  }

  protected override render() {
    const t = this.#t;
    const state = this.#renderState();
    const day = this.#day;
    const { done, total } = this.progress;
    const now = this.#clock.now;
    return html`<div part="base" class="base team">
      ${this.#renderControls()}
      ${this.#period ? html`<h2 part="heading" class="heading"><span>${t.team.title}</span><span class="sub">${this.localize.date(this.#period.days[0]!.date, 'full')}</span>
        <span class="sub count">${t.team.count(this.#view.length, total)}</span></h2>` : nothing}
      ${state === nothing && done < total
        ? html`<div class="progress-line" role="status"><progress part="progress" max=${total} .value=${done} aria-label=${t.team.progress(done, total)}></progress>${t.team.progress(done, total)}</div>`
        : nothing}
      ${state !== nothing ? state : day ? this.#renderGrid(day) : nothing}
      ${renderLegend(this.localize, false, day !== null && now >= day.startMs && now < day.endMs)}
      ${renderProbes(this.#canvas.recoloured)}
    </div>`;
  }
}
