import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { activityTypeLabel } from '../../i18n/index.js';
import type { PreparedInterval } from '../../model/types.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { renderStale } from '../base/stale.js';
import type { ExportFormat } from '../base/events.js';
import type { TraceView } from '../../data/store.js';
import { ACTIVITY_COLUMNS, type ActivityColumn, type ExportReport } from '../../report/report.js';
import type { PdfFonts } from '../../export/pdf.js';
import {
  listsStatus,
  memoOne,
  overlapsPeriod,
  periodRowsOf,
  type ListRow,
  type PeriodRows,
  type StatusRow,
  type RowLabels,
  type SortDirection,
} from '../../report/activity-rows.js';
import { EXPORT_FORMATS } from '../../export/formats.js';
import { ExportController } from './export-controller.js';
import { RowsWindowController } from './rows-window-controller.js';
import { renderActivityRow, renderColumnHeader, type RowContext } from './activity-row.js';
import { activitiesStyles } from './activities.styles.js';
import type { ListMemo } from './list-memo.js';

/**
 * Gives a cut (ellipsised) text its full text as a tooltip when the pointer reaches it, and takes
 * it away when it is not cut. A focused row shows its texts whole (CSS: the row wraps).
 */
function showCutText(e: Event): void {
  const el = (e.target as HTMLElement).closest<HTMLElement>('.text');
  if (!el) return;
  if (el.scrollWidth > el.clientWidth + 1) el.title = el.textContent ?? '';
  else el.removeAttribute('title');
}

/** At most this many rows are in the DOM, whatever the list's length (docs/spec.md#targets). */
export const MAX_RENDERED_ROWS = 200;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** The time and date columns' widths by language, view and font loading state: measured once per page. */
const columnWidths = new Map<string, Map<string, string>>();

/** Row height until the first row has been measured. */
const DEFAULT_ROW_HEIGHT = 36;

const SORTABLE = new Set<string>(ACTIVITY_COLUMNS);

type Refine = typeof import('./status-row.js');

/**
 * Every activity of the chosen user and period (docs/spec.md#activity-list): type, start, end, duration,
 * title, queue, contact, direction and closed, with an eye button that opens the detail.
 * Sortable by any column, filterable by type and text, virtualised (at most
 * {@link MAX_RENDERED_ROWS} rows in the DOM, smooth with 100 000 activities), and exported to
 * PDF or Excel exactly as listed.
 *
 * Rows are the activities that overlap the period. Start and end are the real instants; the
 * duration is the part inside the period (the figure the statistics add up) — a duration cut so is
 * marked, with the whole duration in its tooltip. Running activities show "running" and a duration
 * that grows every second. The type filter can also list the logins and pauses (`all`, `login`,
 * `pause`), sorted with the activities and exported with them. In week view a date column says the
 * day and Start / End hold times. A text cut to its column shows whole on hover (tooltip) and while
 * its row has focus; the eye column stays in view when a narrow host scrolls the table sideways.
 * A PDF of more than 200 pages is asked about first (continue, Excel instead, cancel).
 *
 * Keyboard: Tab reaches the current row's eye button; ↑/↓, Page Up/Down, Home/End move between
 * rows; Enter (or Space) opens the detail. The table has ARIA table semantics with
 * `aria-rowcount` / `aria-rowindex`, so screen readers know the full length.
 *
 * Set `theme="dark"` or `theme="light"` to force a look; by default it follows `color-scheme`.
 *
 * @summary The activity list with sorting, filtering, detail and PDF / Excel export.
 *
 * @fires user-trace-activity-open - An eye button was used (cancelable: cancel to show your own detail).
 * @fires user-trace-export - An export is about to start; detail `{ format, fileName, rows }` (cancelable).
 * @fires user-trace-export-done - The file is ready; detail `{ format, fileName, blob }`. Cancel it to skip the download.
 * @fires user-trace-error - Loading or an export failed, or access was denied (`detail.operation`).
 * @fires user-trace-load - A trace was loaded and validated (standalone elements only).
 * @fires user-trace-data-warning - The provider sent records that were left out (standalone elements only).
 *
 * @csspart base - The outer box.
 * @csspart live - The visually hidden polite live region (only while the element stands alone: inside `<user-trace>` the container announces).
 * @csspart header - Title, count and toolbar.
 * @csspart title - The heading.
 * @csspart count - "N activities" / "N of M activities".
 * @csspart toolbar - Filters and export buttons.
 * @csspart type-filter - The type `<select>`.
 * @csspart text-filter - The search `<input>`.
 * @csspart export - The group of export buttons.
 * @csspart export-button - Each export button (also `export-pdf`, `export-xlsx`).
 * @csspart export-error - The message shown when an export failed.
 * @csspart scroller - The scrolling box of the table.
 * @csspart table - The table.
 * @csspart header-row - The row of column headers.
 * @csspart column-header - A column header.
 * @csspart sort-button - A column header's sort button.
 * @csspart row - A row (also `row-running` for running activities, `row-status` with `row-login` or `row-pause` for the logins and pauses).
 * @csspart stale - While another period loads: which period the dimmed list still shows.
 * @csspart long-pdf-dialog - The question before a PDF of more than 200 pages.
 * @csspart cell - A cell (also per column: `cell-type`, `cell-date`, `cell-start`, `cell-end`, `cell-duration`, `cell-title`, `cell-queue`, `cell-contact`, `cell-direction`, `cell-closed`, `cell-actions`; `cell-date` in week view).
 * @csspart type-icon - The icon of the type column.
 * @csspart detail-button - The eye button.
 * @csspart no-rows - The message when no activity matches.
 * @csspart state - The loading / empty / error / denied / idle message (also `state-loading`, `state-empty`, `state-error`, `state-denied`).
 * @csspart retry-button - Retry after an error.
 * @csspart notice - The "records were left out" notice.
 *
 * @cssprop --user-trace-control-border-color - Borders of inputs and buttons (keep at least 3:1 against the surface).
 * @cssprop --user-trace-activities-height - Height of the scrolling table (28rem).
 * @cssprop --user-trace-row-height - Height of one row (2.25rem).
 * @cssprop --user-trace-font - Font family.
 * @cssprop --user-trace-font-size - Base font size (0.875rem).
 * @cssprop --user-trace-surface - Background.
 * @cssprop --user-trace-surface-alt - Header row and zebra stripes.
 * @cssprop --user-trace-text - Text colour.
 * @cssprop --user-trace-muted - Secondary text.
 * @cssprop --user-trace-border-color - Borders.
 * @cssprop --user-trace-accent - Buttons and the active row.
 * @cssprop --user-trace-focus-color - Focus ring.
 * @cssprop --user-trace-danger - Export error text.
 * @cssprop --user-trace-radius - Corner radius.
 * @cssprop --user-trace-spacing - Gaps and padding.
 * @cssprop --user-trace-warning-background - Background of the invalid-records notice.
 * @cssprop --user-trace-warning-text - Text of the invalid-records notice.
 * @cssprop --user-trace-warning-border - Border of the invalid-records notice.
 * @cssprop --user-trace-color-scheme - `light`, `dark` or `light dark` (default).
 * @cssprop --user-trace-color-call - Colour of the call icon (also `-email`, `-sms`, `-web`, `-messenger`, `-whatsapp`, `-viber`, `-ticket`, `-other`).
 */
export class UserTraceActivitiesElement extends UserTraceElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    filterType: { attribute: 'filter-type', reflect: true },
    filterText: { attribute: 'filter-text' },
    sortColumn: { attribute: 'sort-column', reflect: true },
    sortDirection: { attribute: 'sort-direction', reflect: true },
    pdfFonts: { attribute: false },
    activeIndex: { state: true, attribute: false },
  };

  constructor() {
    super();
    this.filterType = '';
    this.filterText = '';
    this.sortColumn = 'start';
    this.sortDirection = 'ascending';
    this.pdfFonts = undefined;
    this.activeIndex = 0;
  }

  static override styles = activitiesStyles;

  /**
   * Show only this type (`call`, `email`, `sms`, `web`, `messenger`, `whatsapp`, `viber`, `ticket`,
   * `other`); empty for all activities. `all` lists the activities with the logins and pauses,
   * `login` only the logins (sessions), `pause` only the pauses.
   */
  declare filterType: string;

  /** Show only rows containing every word of this text (case and diacritics ignored). */
  declare filterText: string;

  /** Column the list is sorted by. */
  declare sortColumn: ActivityColumn;

  /** `ascending` or `descending`. */
  declare sortDirection: SortDirection;

  /**
   * TTF files for the PDF export. Default: DejaVu Sans from the `dejavu-fonts-ttf` package,
   * shipped next to the PDF chunk. Hosts serving fonts elsewhere set `{ regular, bold }` URLs.
   */
  declare pdfFonts: PdfFonts | undefined;

  /** The row that holds the tab stop (index into `rows`). */
  private declare activeIndex: number;

  readonly #export = new ExportController(this, {
    report: (format) => this.exportReport(format),
    // The store's generation grows on a denial, another user or another provider.
    shown: () => (this.snapshot.view ? this.snapshot.generation : null),
    writerOptions: () => ({ pdfFonts: this.pdfFonts }),
    // A PDF of more than 200 pages: ask first, and offer Excel (its code loads only for a PDF).
    confirm: async (format, report) => (format === 'pdf' ? (await import('./long-pdf.js')).confirmLongPdf(this, this.localize.t, report) : format),
  });

  readonly #window = new RowsWindowController(this, {
    scroller: () => this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? null,
    body: () => this.renderRoot?.querySelector<HTMLElement>('.tbody') ?? null,
    probe: () => this.renderRoot?.querySelector<HTMLElement>('.row-probe') ?? null,
    count: () => this.#rows.length,
    max: MAX_RENDERED_ROWS,
    overscan: OVERSCAN,
    rowHeight: DEFAULT_ROW_HEIGHT,
  });
  #focusAfterUpdate = false;

  // Memoised steps: period rows depend on the load; filtered and sorted rows on the controls too.
  readonly #periodRows = memoOne(periodRowsOf, 3);
  /**
   * Filtering, sorting and the status rows (`refine-rows.ts`), loaded when the list is first
   * filtered or sorted otherwise than by start; with its memoised steps.
   */
  #refine: {
    status: ((...args: Parameters<Refine['statusRowsOf']>) => StatusRow[]) & { clear(): void };
    merged: ((...args: Parameters<Refine['mergeByStart']>) => ListRow[]) & { clear(): void };
    list: ListMemo;
  } | null = null;
  #refineLoading: Promise<void> | null = null;
  #renderStatusRow: Refine['renderStatusRow'] | null = null;
  #rows: ListRow[] = [];

  /**
   * The rows as listed now: the period's activities (with its logins and pauses when the type
   * filter asks for them), filtered and sorted. Empty without data.
   */
  get rows(): readonly ListRow[] {
    const view = this.#view();
    return view ? this.#computeRows(view) : [];
  }

  #view(): TraceView | null {
    const { status, view } = this.snapshot;
    return status === 'ready' || (status === 'loading' && view) ? view : null;
  }

  #labels(): RowLabels {
    const t = this.localize.t;
    return {
      type: (type) => activityTypeLabel(t, type),
      direction: (direction) =>
        direction === 'in' || direction === 'out' || direction === 'internal' ? t.common.directions[direction] : '',
      status: (row) => t.activities.statusRows[row.paid === null ? 'login' : row.paid ? 'paidPause' : 'unpaidPause'],
    };
  }

  #computePeriodRows(view: TraceView): PeriodRows {
    const { startMs, endMs, days } = view.period;
    return this.#periodRows(view.prepared, view.range.startMs, view.range.endMs, { startMs, endMs, days: days.length }, view.now);
  }

  /** Loads the code that filters and sorts once; the list renders again when it is there. */
  #loadRefine(): Promise<void> {
    this.#refineLoading ??= import('./status-row.js').then((m) => {
      this.#renderStatusRow = m.renderStatusRow;
      const root = this.shadowRoot;
      const sheet = m.statusRowStyles.styleSheet;
      if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.#refine = {
        status: memoOne(m.statusRowsOf, 4),
        merged: memoOne(m.mergeByStart, 2),
        list: m.listMemo(this),
      };
      this.requestUpdate();
    });
    return this.#refineLoading;
  }

  /**
   * Waits for the filtering and sorting code too, when the list needs it and it is still loading,
   * and for the rows of a long list being refined in slices (`list-memo.ts`) to be rendered.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const waiting = this.#refine ? this.#refine.list.pending : this.#refineLoading;
    if (!waiting) return done;
    await waiting;
    return this.getUpdateComplete();
  }

  /** Whether the list is filtered or sorted otherwise than by start (the refining code is needed). */
  #refines(): boolean {
    return !!this.filterType || !!this.filterText.trim() || (SORTABLE.has(this.sortColumn) && this.sortColumn !== 'start') || this.sortDirection === 'descending';
  }

  /** `render`: for the render (a long list's refining may then run in slices, `list-memo.ts`). */
  #computeRows(view: TraceView, render = false): ListRow[] {
    const column = SORTABLE.has(this.sortColumn) ? this.sortColumn : 'start';
    const direction = this.sortDirection === 'descending' ? 'descending' : 'ascending';
    const activities = this.#computePeriodRows(view).rows;
    // The first view (every activity, by start) is the prepared order itself.
    if (!this.#refines()) return (this.#rows = activities);
    const refine = this.#refine;
    if (!refine) {
      void this.#loadRefine();
      return (this.#rows = activities);
    }
    const { startMs, endMs } = view.range;
    const rows = listsStatus(this.filterType)
      ? refine.merged(activities, refine.status(view.prepared.sessions, view.prepared.pauses, startMs, endMs, view.now))
      : activities;
    this.#rows = refine.list(rows, this.filterType, this.filterText, column, direction, this.localize.locale, this.#labels(), { startMs, endMs, now: view.now }, render);
    return this.#rows;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.snapshot.view) {
      // Data dropped (denied, error, other user): keep nothing of it, not even in the memo.
      this.#periodRows.clear();
      this.#refine?.status.clear();
      this.#refine?.merged.clear();
      this.#refine?.list.clear();
      this.#rows = [];
    }
    if (changed.has('filterType') || changed.has('filterText') || changed.has('sortColumn') || changed.has('sortDirection')) {
      this.activeIndex = 0;
    }
  }

  protected override render() {
    const t = this.localize.t;
    const status = this.renderStatus();
    const view = status === nothing ? this.#view() : null;
    const rows = view ? this.#computeRows(view, true) : [];
    const total = view ? this.#computePeriodRows(view).rows.length : 0;
    const shown = listsStatus(this.filterType) ? rows.filter((r) => !('status' in r)).length : rows.length;
    const canExport = this.snapshot.status === 'ready' && view !== null;
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${this.snapshot.status === 'loading' ? 'true' : 'false'}>
      <div class="header" part="header">
        <h2 id="title" part="title">${t.activities.title}</h2>
        ${view
          ? html`<span class="count" part="count" role="status"
              >${shown === total ? t.activities.rowCount(total) : t.activities.rowCountFiltered(shown, total)}${shown < rows.length
                ? `, ${t.activities.statusCount(rows.length - shown)}`
                : ''}</span
            >`
          : nothing}
        <div class="toolbar" part="toolbar">
          ${view ? this.#renderFilters() : nothing}
          <div class="export" part="export" role="group" aria-label=${t.activities.exportGroup}>
            ${EXPORT_FORMATS.map((f) => this.#renderExportButton(f.format, f.label(t), canExport))}
          </div>
        </div>
      </div>
      ${this.#export.failed
        ? html`<div class="export-error" part="export-error" role="alert">${t.export.failed}</div>`
        : nothing}
      ${status} ${renderStale(this.localize, this.snapshot)}
      ${this.renderWarnings()}
      ${view ? this.#renderTable(view, rows, total) : nothing}
      ${this.renderLiveRegion()}
    </section>`;
  }

  #renderFilters() {
    const t = this.localize.t;
    const labels = this.#labels();
    const view = this.#view();
    const options = view ? [...this.#computePeriodRows(view).types] : [];
    if (this.filterType && !options.includes(this.filterType) && !listsStatus(this.filterType)) options.push(this.filterType);
    // Logins and pauses, offered when the period has any (or when chosen).
    const inRange = (list: readonly PreparedInterval[]) => !!view && list.some((s) => overlapsPeriod(s, view.range.startMs, view.range.endMs, view.now));
    const present = { login: inRange(view?.prepared.sessions ?? []), pause: inRange(view?.prepared.pauses ?? []) };
    const has = (value: 'all' | 'login' | 'pause') => this.filterType === value || (value === 'all' ? present.login || present.pause : present[value]);
    const option = (value: string, label: string) => html`<option value=${value} ?selected=${this.filterType === value}>${label}</option>`;
    const statusOption = (value: 'all' | 'login' | 'pause') => (has(value) ? option(value, t.activities.statusFilters[value]) : nothing);
    return html`<label class="field">
        <span class="field-label">${t.activities.filterByType}</span>
        <select part="type-filter" .value=${this.filterType} @change=${this.#onTypeChange}>
          ${option('', t.activities.allTypes)} ${statusOption('all')}
          ${options.map((type) => option(type, labels.type(type)))}
          ${statusOption('login')} ${statusOption('pause')}
        </select>
      </label>
      <label class="field">
        <span class="field-label">${t.activities.filterText}</span>
        <input
          part="text-filter"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder=${t.activities.filterTextPlaceholder}
          .value=${this.filterText}
          @input=${this.#onTextInput}
        />
      </label>`;
  }

  #renderExportButton(format: ExportFormat, label: string, enabled: boolean) {
    const exporting = this.#export.exporting;
    const busy = exporting === format;
    return html`<button
      type="button"
      part="export-button export-${format}"
      class="export-button"
      data-format=${format}
      aria-busy=${busy ? 'true' : 'false'}
      ?disabled=${!enabled || exporting !== null}
      @click=${(e: Event) => void this.#onExportClick(format, e.currentTarget as HTMLButtonElement)}
    >
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.localize.t.export.exporting}` : label}
    </button>`;
  }

  #renderTable(view: TraceView, rows: readonly ListRow[], total: number) {
    const t = this.localize.t;
    const columns = t.activities.columns;
    const { start, end } = this.#window.range(rows.length);
    const slice = rows.slice(start, end);
    const active = Math.min(this.activeIndex, Math.max(0, rows.length - 1));
    // The tab stop: the active row, or the first rendered one when the active row is scrolled away.
    const tabStop = active >= start && active < end ? active : start;
    const week = view.period.days.length > 1;
    // In week view the date column sorts as Start does (the start's day, then its time).
    const header = (column: ActivityColumn, label: string) => renderColumnHeader(column, label, this.sortColumn === column ? this.sortDirection : null, () => this.#sortBy(column));
    const row: RowContext = {
      t,
      labels: this.#labels(),
      localize: this.localize,
      period: view.period,
      range: view.range,
      now: view.now,
      week,
      activeIndex: this.activeIndex,
      open: (a, index, trigger) => {
        this.activeIndex = index;
        this.openActivity(a.record, trigger);
      },
    };
    return html`<div class="row-probe" aria-hidden="true"></div><span class="cell measure" aria-hidden="true"></span>
      <div class="scroller" part="scroller" @scroll=${this.#window.onScroll}>
        <div
          class="table ${week ? 'week' : ''}"
          part="table"
          role="table"
          aria-labelledby="title"
          aria-describedby="keyboard-hint"
          aria-rowcount=${rows.length + 1}
        >
          <div class="thead" role="rowgroup">
            <div class="row header-row" part="header-row" role="row" aria-rowindex="1">
              ${ACTIVITY_COLUMNS.map((column) => html`${column === 'start' && week ? header(column, columns.date) : nothing}${header(column, columns[column])}`)}
              <div class="cell column-header actions" part="column-header" role="columnheader" title=${columns.actions}><span class="text">${columns.actions}</span></div>
            </div>
          </div>
          <div class="tbody" role="rowgroup" @keydown=${this.#onKeyDown} @focusin=${this.#onFocusIn} @pointerover=${showCutText}>
            ${slice.map((a, i) => ('status' in a ? this.#renderStatusRow?.(row, a, start + i, start + i === tabStop) : renderActivityRow(row, a, start + i, start + i === tabStop)))}
          </div>
        </div>
      </div>
      <p id="keyboard-hint" class="visually-hidden">${t.activities.keyboardHint}</p>
      <p id="duration-hint" class="visually-hidden">${t.activities.durationHint}</p>
      ${rows.length === 0
        ? html`<div class="no-rows" part="no-rows" role="status">
            ${total === 0 ? this.localize.t.states.emptyPeriod : t.activities.noMatch}
          </div>`
        : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The list shows data: its sorting and filtering code loads now, not with the first click.
    if (this.#view()) void this.#loadRefine();
    this.#sizeTimeColumns();
    if (this.#focusAfterUpdate) {
      this.#focusAfterUpdate = false;
      this.#stopOf(this.activeIndex)?.focus();
    }
  }

  /**
   * Start and end columns as wide as the locale's longest instant (every field two digits), measured
   * in the table's font; in week view they hold times (the date column, as wide as its longest
   * date, says the day). The running badge fits too.
   */
  #sizeTimeColumns(): void {
    const table = this.renderRoot.querySelector<HTMLElement>('.table');
    const probe = this.renderRoot.querySelector<HTMLElement>('.measure');
    const view = this.#view();
    if (!view || !table || !probe) return;
    const l = this.localize;
    // 2026-12-28T22:58:58Z (Date.UTC(2026, 11, 28, 22, 58, 58), written out: fewer bytes).
    const widest = 1798498738e3;
    const week = view.period.days.length > 1;
    const showsDates = !week && this.#computePeriodRows(view).showsDates;
    // Measured again only when what is measured changes (not on every scroll: each measure is a
    // layout), and once per page for each language and view (the next list reuses the widths).
    // (Fonts still loading measure otherwise: measured again once they have.)
    const key = l.locale + week + showsDates + document.fonts?.status;
    if (table.dataset.cols === key) return;
    table.dataset.cols = key;
    const known = columnWidths.get(key);
    if (known) return known.forEach((width, name) => table.style.setProperty(name, width));
    const widths = new Map<string, string>();
    // All texts in probes of their own at once, then read: one layout, not one per text.
    const texts = [showsDates ? l.dateTime(widest, true, false) : l.time(widest, true)];
    // The widest of the seven short weekdays ("po" is wider than "st" in Czech), before the widest date.
    if (week) for (let d = 0; d < 7; d++) texts.push(`${l.weekday(widest + d * 86_400_000, 'short')} ${l.date(widest, 'short')}`);
    const probes = texts.map((text) => {
      const copy = probe.cloneNode() as HTMLElement;
      copy.textContent = text;
      probe.after(copy);
      return copy;
    });
    // Start / End read whole in their headers too (a label's scroll width is its whole width), with the sort button's padding and arrow (1.1rem).
    const header = Math.max(...[...table.querySelectorAll('[data-column=start] span,[data-column=end] span')].map((s) => s.scrollWidth)) + 20;
    const [times, ...dates] = probes.map((copy) => copy.getBoundingClientRect().width);
    for (const copy of probes) copy.remove();
    widths.set('--_time-col', `${Math.ceil(Math.max(times!, header))}px`);
    if (week) widths.set('--_date-col', `${Math.ceil(Math.max(...dates))}px`);
    widths.forEach((width, name) => table.style.setProperty(name, width));
    // Not laid out (hidden): nothing learnt for the other lists.
    if (times) columnWidths.set(key, widths);
  }

  /** The keyboard's stop in row `index`: its eye button, or a status row itself. */
  #stopOf(index: number): HTMLElement | null {
    const row = this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
    return row?.classList.contains('status-row') ? row : (row?.querySelector<HTMLElement>('.detail-button') ?? null);
  }

  #onFocusIn = (e: FocusEvent): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.row[data-index]');
    if (row) this.activeIndex = Number(row.dataset['index']);
  };

  #onKeyDown = (e: KeyboardEvent): void => {
    const count = this.#rows.length;
    if (!count) return;
    const page = this.#window.page();
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = this.activeIndex + 1;
        break;
      case 'ArrowUp':
        next = this.activeIndex - 1;
        break;
      case 'PageDown':
        next = this.activeIndex + page;
        break;
      case 'PageUp':
        next = this.activeIndex - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = count - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.#moveTo(Math.max(0, Math.min(count - 1, next)));
  };

  /** Makes row `index` the active one, scrolls it into view and focuses its eye button. */
  #moveTo(index: number): void {
    this.activeIndex = index;
    this.#window.reveal(index, this.renderRoot.querySelector<HTMLElement>('.thead')?.offsetHeight ?? 0);
    this.#focusAfterUpdate = true;
    this.requestUpdate();
  }

  #sortBy(column: ActivityColumn): void {
    if (this.sortColumn === column) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortColumn = column;
      this.sortDirection = 'ascending';
    }
    this.#window.toTop();
  }

  #onTypeChange = (e: Event): void => {
    this.filterType = (e.target as HTMLSelectElement).value;
    this.#window.toTop();
  };

  #onTextInput = (e: Event): void => {
    this.filterText = (e.target as HTMLInputElement).value;
    this.#window.toTop();
  };

  /**
   * The report an export of `format` would contain now: the listed rows in their order, the
   * statistics, in the viewer's language and zone. `null` without data. What it holds is taken
   * when called; the code that lays it out loads on demand, like the writers.
   */
  async exportReport(format: ExportFormat): Promise<ExportReport | null> {
    if (this.#refines()) await this.#loadRefine();
    const view = this.#view();
    const snapshot = this.snapshot;
    if (!view || snapshot.status !== 'ready') return null;
    const { t, locale } = this.localize;
    const filter = { type: this.filterType, text: this.filterText };
    const source = { format, t, locale, timeZone: this.effectiveTimeZone, view, user: snapshot.user, rows: this.#computeRows(view), filter, now: this.store.now(), labels: this.#labels() };
    return (await import('../../report/build-report.js')).listReport(source);
  }

  /**
   * Exports the list as it is (rows, order, filter) to PDF or Excel: fires the cancelable
   * `user-trace-export`, builds the file (the writer loads on demand), fires
   * `user-trace-export-done` and, unless that is cancelled, downloads it.
   * Resolves with the file, or `null` when cancelled, impossible (no data, another export
   * running) or failed (then `user-trace-error` is fired).
   */
  async exportAs(format: ExportFormat): Promise<Blob | null> {
    return this.#export.run(format);
  }

  async #onExportClick(format: ExportFormat, button: HTMLButtonElement): Promise<void> {
    await this.exportAs(format);
    await this.updateComplete;
    // The button was disabled while exporting, which drops focus: give it back.
    const active = this.shadowRoot?.activeElement ?? null;
    if (!active || active === button) button.focus();
  }

}
