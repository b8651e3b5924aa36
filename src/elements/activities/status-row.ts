/**
 * What the activity list needs once it is filtered or sorted: the refined rows (`refine-rows.ts`)
 * and the template of a login or pause row. Loaded on demand with the first filter or sort.
 */
import { css, html, svg } from 'lit';
import type { StatusRow } from '../../report/activity-rows.js';
import { rowClass, textCell, timeCells, type RowContext } from './activity-row.js';

export { mergeByStart, statusRowsOf } from '../../report/refine-rows.js';
export { listMemo } from './list-memo.js';

/** The rows' look, added to the list's shadow root when this module loads. */
export const statusRowStyles = css`
  .status-row .col-title {
    font-style: italic;
  }
  .status-row:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [data-type='ready'] .type-icon-wrap {
    color: var(--_status-ready);
  }
  [data-type='paused-paid'] .type-icon-wrap {
    color: var(--_status-paused-paid);
  }
  [data-type='paused-unpaid'] .type-icon-wrap {
    color: var(--_status-paused-unpaid);
  }
`;

const door = svg`<path d="M5 3h10a1 1 0 0 1 1 1v3h-2V5H7v14h7v-2h2v3a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm12.6 5.4L21.2 12l-3.6 3.6-1.4-1.4 1.2-1.2H10v-2h7.4l-1.2-1.2z"/>`;
const bars = svg`<path d="M7 5h3v14H7zm7 0h3v14h-3z"/>`;

/**
 * A login or a pause as a row: its kind (logged in, paid or unpaid pause), start, end, duration
 * and the pause's name. It has no detail: the row itself takes the keyboard's stop and is named
 * by its text.
 */
export function renderStatusRow(c: RowContext, a: StatusRow, index: number, tabStop: boolean) {
  const label = c.labels.status(a);
  const times = timeCells(c, a);
  const kind = a.paid === null ? 'ready' : a.paid ? 'paused-paid' : 'paused-unpaid';
  return html`<div
    class=${rowClass(c, a, index, 'status-row')}
    part="row row-status row-${a.status}"
    role="row"
    aria-rowindex=${index + 2}
    aria-label=${[label, times.range, a.record.title].filter(Boolean).join(', ')}
    tabindex=${tabStop ? '0' : '-1'}
    data-index=${index}
    data-id=${a.id}
  >
    <div class="cell col-type" part="cell cell-type" role="cell" data-type=${kind}>
      <span class="type-icon-wrap" part="type-icon"
        ><svg class="type-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${a.status === 'login' ? door : bars}</svg></span
      ><span class="text">${label}</span>
    </div>
    ${times.cells} ${textCell('title', a.record.title ?? '')} ${textCell('queue', '')} ${textCell('contact', '')} ${textCell('direction', '')}
    <div class="cell col-closed" part="cell cell-closed" role="cell"></div>
    <div class="cell actions" part="cell cell-actions" role="cell"></div>
  </div>`;
}
