import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PreparedActivity } from '../../model/types.js';
import { KNOWN_ACTIVITY_TYPES } from '../../model/types.js';
import { UserTraceElement } from '../base/user-trace-element.js';
import { emit, type ExportFormat } from '../base/events.js';

import type { TraceView } from '../../data/store.js';
import { ACTIVITY_COLUMNS, type ActivityColumn, type ExportReport } from '../../export/report.js';
import type { PdfFonts } from '../../export/pdf.js';
import {
  activitiesInPeriod,
  durationInPeriod,
  filterActivities,
  sortActivities,
  typesPresent,
  type ActivitySort,
  type RowLabels,
  type SortDirection,
} from './activity-rows.js';
import { buildExportReport } from './export-report.js';
import { eyeIcon, sortIcons, typeIcon } from './icons.js';
import { activitiesStyles } from './activities.styles.js';

/** At most this many rows are in the DOM, whatever the list's length (PRODUCT.md §10). */
export const MAX_RENDERED_ROWS = 200;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Row height until the first row has been measured. */
const DEFAULT_ROW_HEIGHT = 36;

const KNOWN = new Set<string>(KNOWN_ACTIVITY_TYPES);
const SORTABLE = new Set<string>(ACTIVITY_COLUMNS);

/**
 * Every activity of the chosen user and period (PRODUCT.md §2.3): type, start, end, duration,
 * title, queue, contact, direction and closed, with an eye button that opens the detail.
 * Sortable by any column, filterable by type and text, virtualised (at most
 * {@link MAX_RENDERED_ROWS} rows in the DOM, smooth with 100 000 activities), and exported to
 * PDF or Excel exactly as listed.
 *
 * Rows are the activities that overlap the period. Start and end are the real instants; the
 * duration is the part inside the period (the figure the statistics add up). Running activities
 * show "running" and a duration that grows every second.
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
 * @csspart row - A row (also `row-running` for running activities).
 * @csspart cell - A cell (also per column: `cell-type`, `cell-start`, `cell-end`, `cell-duration`, `cell-title`, `cell-queue`, `cell-contact`, `cell-direction`, `cell-closed`, `cell-actions`).
 * @csspart type-icon - The icon of the type column.
 * @csspart detail-button - The eye button.
 * @csspart no-rows - The message when no activity matches.
 * @csspart state - The loading / empty / error / denied / idle message (also `state-loading`, `state-empty`, `state-error`, `state-denied`).
 * @csspart retry-button - Retry after an error.
 * @csspart notice - The "records were left out" notice.
 *
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
    exporting: { state: true, attribute: false },
    exportFailed: { state: true, attribute: false },
    windowStart: { state: true, attribute: false },
    windowSize: { state: true, attribute: false },
    activeIndex: { state: true, attribute: false },
  };

  constructor() {
    super();
    this.filterType = '';
    this.filterText = '';
    this.sortColumn = 'start';
    this.sortDirection = 'ascending';
    this.pdfFonts = undefined;
    this.exporting = null;
    this.exportFailed = false;
    this.windowStart = 0;
    this.windowSize = 40;
    this.activeIndex = 0;
  }

  static override styles = activitiesStyles;

  /** Show only this type (`call`, `email`, `sms`, `web`, `messenger`, `whatsapp`, `viber`, `ticket`, `other`); empty for all. */
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

  /** The export in progress, if any. */
  private declare exporting: ExportFormat | null;
  private declare exportFailed: boolean;
  /** First rendered row and how many. */
  private declare windowStart: number;
  private declare windowSize: number;
  /** The row that holds the tab stop (index into `rows`). */
  private declare activeIndex: number;

  #rowHeight = DEFAULT_ROW_HEIGHT;
  #resizeObserver: ResizeObserver | null = null;
  #observed: HTMLElement[] = [];
  #focusAfterUpdate = false;

  // Memoised steps: period rows depend on the load; filtered and sorted rows on the controls too.
  #periodKey: unknown[] = [];
  #periodRows: PreparedActivity[] = [];
  #typeOptions: string[] = [];
  /** Some start or end is shown with its date (a week, or an activity crossing the day's edge). */
  #showsDates = false;
  #rowsKey: unknown[] = [];
  #rows: PreparedActivity[] = [];

  /** The rows as listed now: the period's activities, filtered and sorted. Empty without data. */
  get rows(): readonly PreparedActivity[] {
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
      type: (type) =>
        KNOWN.has(type)
          ? t.common.activityTypes[type as keyof typeof t.common.activityTypes]
          : type === 'other'
            ? t.common.activityTypes.other
            : `${t.common.activityTypes.other} (${type})`,
      direction: (direction) =>
        direction === 'in' || direction === 'out' || direction === 'internal' ? t.common.directions[direction] : '',
    };
  }

  #computePeriodRows(view: TraceView): PreparedActivity[] {
    const key = [view.prepared, view.period.startMs, view.period.endMs];
    if (!sameKey(key, this.#periodKey)) {
      this.#periodKey = key;
      this.#periodRows = activitiesInPeriod(view.prepared.activities, view.period.startMs, view.period.endMs, view.now);
      this.#typeOptions = typesPresent(this.#periodRows);
      const { startMs, endMs } = view.period;
      this.#showsDates =
        view.period.days.length > 1 || this.#periodRows.some((a) => a.start < startMs || (a.end !== null && a.end >= endMs));
    }
    return this.#periodRows;
  }

  #computeRows(view: TraceView): PreparedActivity[] {
    const periodRows = this.#computePeriodRows(view);
    const locale = this.localize.locale;
    const key = [periodRows, this.filterType, this.filterText, this.sortColumn, this.sortDirection, locale];
    if (!sameKey(key, this.#rowsKey)) {
      this.#rowsKey = key;
      const labels = this.#labels();
      const filtered = filterActivities(periodRows, { type: this.filterType, text: this.filterText }, labels);
      const sort: ActivitySort = {
        column: SORTABLE.has(this.sortColumn) ? this.sortColumn : 'start',
        direction: this.sortDirection === 'descending' ? 'descending' : 'ascending',
      };
      // The prepared order is already start ascending (ties by end, id): no need to sort.
      this.#rows =
        sort.column === 'start' && sort.direction === 'ascending'
          ? filtered
          : sortActivities(filtered, sort, labels, locale, {
              startMs: view.period.startMs,
              endMs: view.period.endMs,
              now: view.now,
            });
    }
    return this.#rows;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.snapshot.view) {
      // Data dropped (denied, error, other user): keep nothing of it, not even in the memo.
      this.#periodKey = [];
      this.#periodRows = [];
      this.#rowsKey = [];
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
    const rows = view ? this.#computeRows(view) : [];
    const total = view ? this.#periodRows.length : 0;
    const canExport = this.snapshot.status === 'ready' && view !== null;
    return html`<section part="base" class="base" aria-labelledby="title">
      <div class="header" part="header">
        <h2 id="title" part="title">${t.activities.title}</h2>
        ${view
          ? html`<span class="count" part="count" role="status"
              >${rows.length === total ? t.activities.rowCount(total) : t.activities.rowCountFiltered(rows.length, total)}</span
            >`
          : nothing}
        <div class="toolbar" part="toolbar">
          ${view ? this.#renderFilters() : nothing}
          <div class="export" part="export" role="group" aria-label=${t.activities.exportGroup}>
            ${this.#renderExportButton('pdf', t.export.pdf, canExport)}
            ${this.#renderExportButton('xlsx', t.export.excel, canExport)}
          </div>
        </div>
      </div>
      ${this.exportFailed
        ? html`<div class="export-error" part="export-error" role="alert">${t.export.failed}</div>`
        : nothing}
      ${status}
      ${this.renderWarnings()}
      ${view ? this.#renderTable(view, rows, total) : nothing}
    </section>`;
  }

  #renderFilters() {
    const t = this.localize.t;
    const labels = this.#labels();
    const options = [...this.#typeOptions];
    if (this.filterType && !options.includes(this.filterType)) options.push(this.filterType);
    return html`<label class="field">
        <span class="field-label">${t.activities.filterByType}</span>
        <select part="type-filter" .value=${this.filterType} @change=${this.#onTypeChange}>
          <option value="" ?selected=${this.filterType === ''}>${t.activities.allTypes}</option>
          ${options.map(
            (type) => html`<option value=${type} ?selected=${this.filterType === type}>${labels.type(type)}</option>`,
          )}
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
    const busy = this.exporting === format;
    return html`<button
      type="button"
      part="export-button export-${format}"
      class="export-button"
      data-format=${format}
      aria-busy=${busy ? 'true' : 'false'}
      ?disabled=${!enabled || this.exporting !== null}
      @click=${(e: Event) => void this.#onExportClick(format, e.currentTarget as HTMLButtonElement)}
    >
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.localize.t.export.exporting}` : label}
    </button>`;
  }

  #renderTable(view: TraceView, rows: readonly PreparedActivity[], total: number) {
    const t = this.localize.t;
    const columns = t.activities.columns;
    const start = Math.min(this.windowStart, Math.max(0, rows.length - 1));
    const end = Math.min(rows.length, start + Math.min(this.windowSize, MAX_RENDERED_ROWS));
    const slice = rows.slice(start, end);
    const active = Math.min(this.activeIndex, Math.max(0, rows.length - 1));
    // The tab stop: the active row, or the first rendered one when the active row is scrolled away.
    const tabStop = active >= start && active < end ? active : start;
    const labels = this.#labels();
    return html`<div class="row-probe" aria-hidden="true"></div>
      <div class="scroller" part="scroller" @scroll=${this.#onScroll}>
        <div
          class="table"
          part="table"
          role="table"
          aria-labelledby="title"
          aria-describedby="keyboard-hint"
          aria-rowcount=${rows.length + 1}
        >
          <div class="thead" role="rowgroup">
            <div class="row header-row" part="header-row" role="row" aria-rowindex="1">
              ${ACTIVITY_COLUMNS.map((column) => this.#renderColumnHeader(column, columns[column]))}
              <div class="cell column-header actions" part="column-header" role="columnheader">${columns.actions}</div>
            </div>
          </div>
          <div class="tbody" role="rowgroup" @keydown=${this.#onKeyDown} @focusin=${this.#onFocusIn}>
            ${repeat(
              slice,
              (a) => a.index,
              (a, i) => this.#renderRow(view, a, start + i, start + i === tabStop, labels),
            )}
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

  #renderColumnHeader(column: ActivityColumn, label: string) {
    const sorted = this.sortColumn === column;
    const direction = sorted ? this.sortDirection : null;
    return html`<div
      class="cell column-header col-${column}"
      part="column-header"
      role="columnheader"
      aria-sort=${direction ?? 'none'}
    >
      <button
        type="button"
        class="sort-button"
        part="sort-button"
        data-column=${column}
        aria-describedby=${column === 'duration' ? 'duration-hint' : nothing}
        @click=${() => this.#sortBy(column)}
      >
        <span>${label}</span>${sortIcons[direction ?? 'none']}
      </button>
    </div>`;
  }

  #renderRow(view: TraceView, a: PreparedActivity, index: number, tabStop: boolean, labels: RowLabels) {
    const t = this.localize.t;
    const r = a.record;
    const running = a.end === null;
    const typeLabel = labels.type(a.type);
    const startText = this.#instant(view, a.start);
    const endText = running ? t.common.running : this.#instant(view, a.end as number);
    const duration = this.localize.duration(durationInPeriod(a, view.period.startMs, view.period.endMs, view.now));
    const description = [typeLabel, `${startText} – ${endText}`, r.title].filter(Boolean).join(', ');
    const typeClass = KNOWN.has(a.type) ? a.type : 'other';
    return html`<div
      class="row ${index % 2 ? 'odd' : 'even'} ${running ? 'running' : ''} ${index === this.activeIndex ? 'active' : ''}"
      part="row ${running ? 'row-running' : ''}"
      role="row"
      aria-rowindex=${index + 2}
      data-index=${index}
      data-id=${a.id}
    >
      <div class="cell col-type" part="cell cell-type" role="cell" data-type=${typeClass}>
        <span class="type-icon-wrap" part="type-icon">${typeIcon(a.type)}</span><span class="text">${typeLabel}</span>
      </div>
      <div class="cell col-start" part="cell cell-start" role="cell">${startText}</div>
      <div class="cell col-end" part="cell cell-end" role="cell">
        ${running ? html`<span class="running-badge">${endText}</span>` : endText}
      </div>
      <div class="cell col-duration" part="cell cell-duration" role="cell">${duration}</div>
      <div class="cell col-title" part="cell cell-title" role="cell"><span class="text">${r.title ?? ''}</span></div>
      <div class="cell col-queue" part="cell cell-queue" role="cell"><span class="text">${r.queue ?? ''}</span></div>
      <div class="cell col-contact" part="cell cell-contact" role="cell"><span class="text">${r.contact ?? ''}</span></div>
      <div class="cell col-direction" part="cell cell-direction" role="cell">${labels.direction(r.direction)}</div>
      <div class="cell col-closed" part="cell cell-closed" role="cell">${a.closed ? t.common.yes : t.common.no}</div>
      <div class="cell actions" part="cell cell-actions" role="cell">
        <button
          type="button"
          class="detail-button"
          part="detail-button"
          tabindex=${tabStop ? '0' : '-1'}
          aria-label=${t.activities.showDetailOf(description)}
          @click=${(e: Event) => {
            this.activeIndex = index;
            this.openActivity(a.record, e.currentTarget as HTMLElement);
          }}
        >
          ${eyeIcon}
        </button>
      </div>
    </div>`;
  }

  /** Time only when the whole period is one day and the instant lies in it; else date and time. */
  #instant(view: TraceView, ms: number): string {
    const p = view.period;
    return p.days.length === 1 && ms >= p.startMs && ms < p.endMs
      ? this.localize.time(ms, true)
      : this.localize.dateTime(ms, true);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#observeSizes();
    this.#placeRows();
    if (this.#focusAfterUpdate) {
      this.#focusAfterUpdate = false;
      this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${this.activeIndex}"] .detail-button`)?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#observed = [];
  }

  /**
   * Watches the scroller (its height decides how many rows show) and a probe of one row's height
   * (fonts, `--user-trace-row-height`). The observer reports after layout, outside Lit's update,
   * so resizing never re-enters an update.
   */
  #observeSizes(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const probe = this.renderRoot.querySelector<HTMLElement>('.row-probe');
    const targets = [scroller, probe].filter((el): el is HTMLElement => el !== null);
    if (targets.length === this.#observed.length && targets.every((el, i) => el === this.#observed[i])) return;
    this.#resizeObserver ??= new ResizeObserver(() => this.#onResize());
    this.#resizeObserver.disconnect();
    for (const el of targets) this.#resizeObserver.observe(el);
    this.#observed = targets;
  }

  #onResize(): void {
    const probe = this.renderRoot.querySelector<HTMLElement>('.row-probe');
    const height = probe?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - this.#rowHeight) > 0.01) {
      this.#rowHeight = height;
      this.#placeRows();
    }
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller) this.#fitWindow(scroller);
  }

  /**
   * Pads the body so the scrollbar stands for every row. The paddings are set through the CSSOM,
   * which a strict Content-Security-Policy allows (a `style` attribute it would not).
   */
  #placeRows(): void {
    const body = this.renderRoot.querySelector<HTMLElement>('.tbody');
    if (!body) return;
    const count = this.#rows.length;
    const start = Math.min(this.windowStart, Math.max(0, count - 1));
    const rendered = Math.max(0, Math.min(count, start + Math.min(this.windowSize, MAX_RENDERED_ROWS)) - start);
    body.style.paddingTop = `${start * this.#rowHeight}px`;
    body.style.paddingBottom = `${Math.max(0, count - start - rendered) * this.#rowHeight}px`;
    const view = this.#view();
    const table = this.renderRoot.querySelector<HTMLElement>('.table');
    if (view && table) {
      // Start and end columns as wide as the locale's longest instant (every field two digits).
      const widest = Date.UTC(2026, 11, 28, 22, 58, 58);
      const text = this.#showsDates ? this.localize.dateTime(widest, true) : this.localize.time(widest, true);
      const chars = Math.max(text.length, this.localize.t.common.running.length + 2);
      table.style.setProperty('--_time-col', `calc(${chars}ch + 1.5rem)`);
    }
  }

  /** Chooses the rendered rows from the scroll position: visible ones plus {@link OVERSCAN} on each side. */
  #fitWindow(scroller: HTMLElement): void {
    const body = this.renderRoot.querySelector<HTMLElement>('.tbody');
    if (!body) return;
    const rowHeight = this.#rowHeight;
    const top = Math.max(0, scroller.scrollTop - body.offsetTop);
    const visible = Math.ceil((scroller.clientHeight || 480) / rowHeight) + 1;
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const size = Math.min(MAX_RENDERED_ROWS, visible + 2 * OVERSCAN);
    if (first !== this.windowStart) this.windowStart = first;
    if (size !== this.windowSize) this.windowSize = size;
  }

  #onScroll = (e: Event): void => {
    this.#fitWindow(e.currentTarget as HTMLElement);
  };

  #onFocusIn = (e: FocusEvent): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.row[data-index]');
    if (row) this.activeIndex = Number(row.dataset['index']);
  };

  #onKeyDown = (e: KeyboardEvent): void => {
    const count = this.#rows.length;
    if (!count) return;
    const page = Math.max(1, Math.floor((this.renderRoot.querySelector<HTMLElement>('.scroller')?.clientHeight ?? 400) / this.#rowHeight) - 1);
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
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const body = this.renderRoot.querySelector<HTMLElement>('.tbody');
    if (scroller && body) {
      const rowTop = body.offsetTop + index * this.#rowHeight;
      const header = this.renderRoot.querySelector<HTMLElement>('.thead')?.offsetHeight ?? 0;
      if (rowTop - header < scroller.scrollTop) scroller.scrollTop = rowTop - header;
      else if (rowTop + this.#rowHeight > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = rowTop + this.#rowHeight - scroller.clientHeight;
      this.#fitWindow(scroller);
    }
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
    this.#scrollToTop();
  }

  #onTypeChange = (e: Event): void => {
    this.filterType = (e.target as HTMLSelectElement).value;
    this.#scrollToTop();
  };

  #onTextInput = (e: Event): void => {
    this.filterText = (e.target as HTMLInputElement).value;
    this.#scrollToTop();
  };

  #scrollToTop(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller) scroller.scrollTop = 0;
    this.windowStart = 0;
  }

  /**
   * The report an export of `format` would contain now: the listed rows in their order, the
   * statistics, in the viewer's language and zone. `null` without data.
   */
  exportReport(format: ExportFormat): ExportReport | null {
    const view = this.#view();
    const snapshot = this.snapshot;
    if (!view || snapshot.status !== 'ready') return null;
    const now = this.store.now();
    return buildExportReport({
      format,
      t: this.localize.t,
      locale: this.localize.locale,
      timeZone: this.effectiveTimeZone,
      period: view.period,
      periodKind: view.period.days.length > 1 ? 'week' : 'day',
      userId: view.userId,
      user: snapshot.user?.id === view.userId ? snapshot.user : null,
      rows: this.#computeRows(view),
      stats: view.stats,
      filter: { type: this.filterType, text: this.filterText },
      // Running activities are measured as the list shows them, at most up to the period's end.
      now: Math.max(view.now, Math.min(now, view.period.endMs)),
      typeLabel: this.#labels().type,
      directionLabel: this.#labels().direction,
    });
  }

  /**
   * Exports the list as it is (rows, order, filter) to PDF or Excel: fires the cancelable
   * `user-trace-export`, builds the file (the writer loads on demand), fires
   * `user-trace-export-done` and, unless that is cancelled, downloads it.
   * Resolves with the file, or `null` when cancelled, impossible (no data, another export
   * running) or failed (then `user-trace-error` is fired).
   */
  async exportAs(format: ExportFormat): Promise<Blob | null> {
    if (this.exporting !== null) return null;
    const report = this.exportReport(format);
    if (!report) return null;
    const proceed = emit(
      this,
      'user-trace-export',
      { format, fileName: report.fileName, rows: report.rows.length },
      { cancelable: true },
    );
    if (!proceed) return null;
    const view = this.snapshot.view;
    this.exporting = format;
    this.exportFailed = false;
    try {
      const blob =
        format === 'pdf'
          ? await import('../../export/pdf.js').then((m) => m.writePdf(report, this.pdfFonts ?? m.DEFAULT_PDF_FONTS))
          : await import('../../export/xlsx.js').then((m) => m.writeXlsx(report));
      // Access denied or another user loaded meanwhile: the file must not leave the element.
      const current = this.snapshot.view;
      if (!current || current.userId !== view?.userId || this.snapshot.status === 'denied') return null;
      const download = emit(
        this,
        'user-trace-export-done',
        { format, fileName: report.fileName, blob },
        { cancelable: true },
      );
      if (download) this.#download(blob, report.fileName);
      return blob;
    } catch (error) {
      this.exportFailed = true;
      const err = error instanceof Error ? error : new Error(String(error));
      emit(this, 'user-trace-error', { error: err, operation: 'export' });
      return null;
    } finally {
      this.exporting = null;
    }
  }

  async #onExportClick(format: ExportFormat, button: HTMLButtonElement): Promise<void> {
    await this.exportAs(format);
    await this.updateComplete;
    // The button was disabled while exporting, which drops focus: give it back.
    const active = this.shadowRoot?.activeElement ?? null;
    if (!active || active === button) button.focus();
  }

  #download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // The download reads the URL asynchronously; free it once it surely has.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
