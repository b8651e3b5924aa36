import { html, nothing } from 'lit';
import { isKnownType } from '../../model/catalog.js';
import type { ResolvedPeriod } from '../../time/index.js';
import type { LocalizeController, Messages } from '../../i18n/index.js';
import type { PreparedActivity } from '../../model/types.js';
import { durationInPeriod, type ListRow, type RowLabels, type SortDirection } from '../../report/activity-rows.js';
import { endAt } from '../../model/interval.js';
import type { ActivityColumn } from '../../report/report.js';
import { eyeIcon, sortIcons, typeIcon } from './icons.js';

/** Scissors in text presentation: the duration was cut to the period or window. */
const CLIP_MARK = '\u2702\ufe0e';

/** What every row of one render shares. */
export interface RowContext {
  t: Messages;
  labels: RowLabels;
  localize: LocalizeController;
  period: ResolvedPeriod;
  /** The span durations are counted in: the window, else the period. */
  range: { startMs: number; endMs: number };
  /** The view's clock: running activities count up to it. */
  now: number;
  /** Week view: a date column, and times without their date. */
  week: boolean;
  activeIndex: number;
  open: (a: PreparedActivity, index: number, trigger: HTMLElement) => void;
}

/**
 * An instant as the Start / End column shows it: in a day, the time alone when it lies in that day,
 * else with its date; in week view the time (the date column says the day), with the date only for
 * an end on another day than its start.
 */
function instant(c: RowContext, ms: number, startMs: number): string {
  const l = c.localize;
  const p = c.period;
  const timeOnly = c.week ? ms === startMs || l.date(ms, 'short') === l.date(startMs, 'short') : ms >= p.startMs && ms < p.endMs;
  // The year goes without saying beside the period (and the detail has it): a narrower column.
  return timeOnly ? l.time(ms, true) : l.dateTime(ms, true, false);
}

/** A text cell (title, queue, contact, direction): cut with an ellipsis, the full text on hover and when its row has focus. */
export const textCell = (column: string, text: string) =>
  html`<div class="cell col-${column}" part="cell cell-${column}" role="cell"><span class="text">${text}</span></div>`;

/** Start, end and the part of the duration inside the period (marked, with the whole in its tooltip, when cut). */
export function timeCells(c: RowContext, a: ListRow) {
  const t = c.t;
  const l = c.localize;
  const running = a.end === null;
  const startText = instant(c, a.start, a.start);
  const endText = running ? t.common.running : instant(c, a.end as number, a.start);
  const seconds = durationInPeriod(a, c.range.startMs, c.range.endMs, c.now);
  const whole = (endAt(a.start, a.end, c.now) - a.start) / 1000;
  const duration = l.duration(seconds);
  const clipped = Math.floor(whole) > Math.floor(seconds) ? t.activities.durationClipped(duration, l.duration(whole)) : '';
  return {
    range: `${startText} – ${endText}`,
    cells: html`${c.week ? html`<div class="cell col-date" part="cell cell-date" role="cell">${l.weekday(a.start, 'short')} ${l.date(a.start, 'short')}</div>` : nothing}
      <div class="cell col-start" part="cell cell-start" role="cell"><span class="text">${startText}</span></div>
      <div class="cell col-end" part="cell cell-end" role="cell">
        ${running ? html`<span class="running-badge">${endText}</span>` : html`<span class="text">${endText}</span>`}
      </div>
      <div class="cell col-duration ${clipped ? 'clipped' : ''}" part="cell cell-duration" role="cell" title=${clipped || nothing}>
        ${clipped ? html`<span class="clip-mark" aria-hidden="true">${CLIP_MARK}</span><span class="visually-hidden">${clipped}</span>` : nothing}<span
          aria-hidden=${clipped ? 'true' : nothing}>${duration}</span>
      </div>`,
  };
}

/** The row element's classes and parts (a status row adds its own). */
export const rowClass = (c: RowContext, a: ListRow, index: number, extra = '') =>
  `row ${index % 2 ? 'odd' : 'even'} ${a.end === null ? 'running' : ''} ${index === c.activeIndex ? 'active' : ''} ${extra}`;

/** One row of the list: every column as text, and the eye button that opens the detail. */
export function renderActivityRow(c: RowContext, a: PreparedActivity, index: number, tabStop: boolean) {
  const t = c.t;
  const r = a.record;
  const typeLabel = c.labels.type(a.type);
  const times = timeCells(c, a);
  const description = [typeLabel, times.range, r.title].filter(Boolean).join(', ');
  const kind = isKnownType(a.type) ? a.type : 'other';
  return html`<div class=${rowClass(c, a, index)} part="row ${a.end === null ? 'row-running' : ''}" role="row" aria-rowindex=${index + 2} data-index=${index} data-id=${a.id}>
    <div class="cell col-type" part="cell cell-type" role="cell" data-type=${kind} data-kind=${kind}>
      <span class="type-icon-wrap" part="type-icon">${typeIcon(a.type)}</span><span class="text">${typeLabel}</span>
    </div>
    ${times.cells} ${textCell('title', r.title ?? '')} ${textCell('queue', r.queue ?? '')} ${textCell('contact', r.contact ?? '')}
    ${textCell('direction', c.labels.direction(r.direction))}
    <div class="cell col-closed" part="cell cell-closed" role="cell">${a.closed ? t.common.yes : t.common.no}</div>
    <div class="cell actions" part="cell cell-actions" role="cell">
      <button
        type="button"
        class="detail-button"
        part="detail-button"
        tabindex=${tabStop ? '0' : '-1'}
        aria-label=${t.activities.showDetailOf(description)}
        @click=${(e: Event) => c.open(a, index, e.currentTarget as HTMLElement)}
      >
        ${eyeIcon}
      </button>
    </div>
  </div>`;
}

/** A column header: a button that sorts by the column, with `aria-sort`; its label's full text on hover. */
export function renderColumnHeader(column: ActivityColumn, label: string, direction: SortDirection | null, sort: () => void) {
  return html`<div class="cell column-header col-${column}" part="column-header" role="columnheader" aria-sort=${direction ?? 'none'}>
    <button
      type="button"
      class="sort-button"
      part="sort-button"
      data-column=${column}
      title=${label}
      aria-describedby=${column === 'duration' ? 'duration-hint' : nothing}
      @click=${sort}
    >
      <span>${label}</span>${sortIcons[direction ?? 'none']}
    </button>
  </div>`;
}
