import { html, nothing } from 'lit';
import type { PreparedActivity } from '../../model/types.js';
import { isKnownType } from '../../model/catalog.js';
import type { ResolvedPeriod } from '../../time/index.js';
import type { LocalizeController, Messages } from '../../i18n/index.js';
import { durationInPeriod, type RowLabels, type SortDirection } from '../../report/activity-rows.js';
import type { ActivityColumn } from '../../report/report.js';
import { eyeIcon, sortIcons, typeIcon } from './icons.js';

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
  activeIndex: number;
  open: (a: PreparedActivity, index: number, trigger: HTMLElement) => void;
}

/** Time only when the whole period is one day and the instant lies in it; else date and time. */
function instant(c: RowContext, ms: number): string {
  const p = c.period;
  return p.days.length === 1 && ms >= p.startMs && ms < p.endMs ? c.localize.time(ms, true) : c.localize.dateTime(ms, true);
}

/** One row of the activity list: every column as text, and the eye button that opens the detail. */
export function renderActivityRow(c: RowContext, a: PreparedActivity, index: number, tabStop: boolean) {
  const t = c.t;
  const r = a.record;
  const running = a.end === null;
  const typeLabel = c.labels.type(a.type);
  const startText = instant(c, a.start);
  const endText = running ? t.common.running : instant(c, a.end as number);
  const duration = c.localize.duration(durationInPeriod(a, c.range.startMs, c.range.endMs, c.now));
  const description = [typeLabel, `${startText} – ${endText}`, r.title].filter(Boolean).join(', ');
  const typeClass = isKnownType(a.type) ? a.type : 'other';
  return html`<div
    class="row ${index % 2 ? 'odd' : 'even'} ${running ? 'running' : ''} ${index === c.activeIndex ? 'active' : ''}"
    part="row ${running ? 'row-running' : ''}"
    role="row"
    aria-rowindex=${index + 2}
    data-index=${index}
    data-id=${a.id}
  >
    <div class="cell col-type" part="cell cell-type" role="cell" data-type=${typeClass} data-kind=${typeClass}>
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
    <div class="cell col-direction" part="cell cell-direction" role="cell">${c.labels.direction(r.direction)}</div>
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

/** A column header: a button that sorts by the column, with `aria-sort`. */
export function renderColumnHeader(column: ActivityColumn, label: string, direction: SortDirection | null, sort: () => void) {
  return html`<div class="cell column-header col-${column}" part="column-header" role="columnheader" aria-sort=${direction ?? 'none'}>
    <button
      type="button"
      class="sort-button"
      part="sort-button"
      data-column=${column}
      aria-describedby=${column === 'duration' ? 'duration-hint' : nothing}
      @click=${sort}
    >
      <span>${label}</span>${sortIcons[direction ?? 'none']}
    </button>
  </div>`;
}
