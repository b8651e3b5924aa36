import { css } from 'lit';
import { stateStyles } from '../base/states.js';
import { textStyles, tokenStyles, visuallyHiddenStyles } from '../base/tokens.styles.js';

export const activitiesStyles = [
  tokenStyles,
  visuallyHiddenStyles,
  textStyles,
  stateStyles,
  css`
    :host {
      --_height: var(--user-trace-activities-height, 28rem);
      --_row-height: var(--user-trace-row-height, 2.25rem);
      container-type: inline-size;
      container-name: user-trace-activities;
    }
    .base {
      position: relative;
      min-width: 0;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem var(--_gap);
    }
    h2 {
      margin: 0;
      font-size: 1.1em;
      font-weight: 600;
      align-self: center;
    }
    .count {
      color: var(--_muted);
      align-self: center;
      font-variant-numeric: tabular-nums;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem var(--_gap);
      margin-inline-start: auto;
    }
    @container user-trace-activities (max-width: 40rem) {
      .toolbar {
        margin-inline-start: 0;
        inline-size: 100%;
      }
      .field {
        flex: 1 1 10rem;
      }
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .field-label {
      font-size: 0.85em;
      color: var(--_muted);
    }
    select,
    input {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      padding: 0.3rem 0.5rem;
      min-block-size: 2rem;
      box-sizing: border-box;
    }
    input {
      min-inline-size: 12rem;
    }
    .export {
      display: flex;
      gap: 0.4rem;
    }
    .export-button {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-block-size: 2rem;
      padding: 0.3rem 0.8rem;
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
      white-space: nowrap;
    }
    .export-button:hover:not(:disabled) {
      background: var(--_surface-alt);
    }
    .export-button:disabled {
      cursor: default;
      border-color: var(--_border);
      color: var(--_muted);
    }
    .export-button[aria-busy='true'] {
      color: var(--_text);
    }
    .export-error {
      color: var(--_danger);
    }

    /* Table ----------------------------------------------------------- */
    .scroller {
      position: relative;
      max-block-size: var(--_height);
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overscroll-behavior: contain;
      /* Scroll anchoring would answer every padding change with a scroll: a feedback loop. */
      overflow-anchor: none;
    }
    .cell.measure {
      position: absolute;
      visibility: hidden;
      /* The text alone (the columns add the cells' padding), and a little room for rounding. */
      padding-inline: 0 0.1rem;
    }
    .row-probe {
      position: absolute;
      visibility: hidden;
      block-size: var(--_row-height);
      inline-size: 1px;
      pointer-events: none;
    }
    .table {
      /* Cell padding, smaller in a narrow host (at 1024 px beside a side menu) so every column fits. */
      --_p: 0.5rem;
      /* --_time-col and, in week view, --_date-col are the widths of the locale's longest texts. */
      --_t:calc(var(--_time-col,5.5rem) + 2*var(--_p));
      /* (Written compactly: a custom property's value reaches the bundle as it is written.) */
      --_cols:minmax(calc(4.1rem + 2*var(--_p)),.9fr) var(--_date,) var(--_t) var(--_t) calc(4.5rem + 2*var(--_p)) minmax(3.5rem,2fr) minmax(2.5rem,1fr)
        minmax(3rem,1.2fr) minmax(2.25rem,1.3fr) minmax(2.25rem,1.3fr) calc(2rem + 2*var(--_p));
      /* The sum of the minimum widths: narrower hosts scroll sideways (the eye column stays in view).
         (Not min-content: that measures every rendered row again on each scroll.) */
      min-inline-size: calc(24.1rem + 6 * var(--_p) + 2 * var(--_t) + var(--_date, 0px));
      inline-size: 100%;
    }
    @container user-trace-activities (max-width: 50rem) {
      .table {
        --_p: 0.25rem;
      }
      /* The labels get the room: the arrow of a column not sorted by shows on hover and focus. */
      .sort-button:not(:hover, :focus-visible) .idle {
        display: none;
      }
    }
    .table.week {
      --_date:calc(var(--_date-col,6rem) + 2*var(--_p));
    }
    .thead {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
    }
    .row {
      display: grid;
      grid-template-columns: var(--_cols);
      align-items: center;
      block-size: var(--_row-height);
      box-sizing: border-box;
    }
    .header-row {
      background: var(--_surface-alt);
      border-block-end: 1px solid var(--_border);
      block-size: auto;
      min-block-size: var(--_row-height);
    }
    .tbody .row.odd {
      background: var(--_surface-alt);
    }
    .tbody .row:hover,
    .tbody .row:focus-within {
      background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    }
    .cell {
      min-inline-size: 0;
      padding-inline: var(--_p);
      /* Times, dates and durations line up (and the probe measures them so). */
      font-variant-numeric: tabular-nums;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .cell .text {
      display: block;
      min-inline-size: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    /* With the sort button's own padding, a header's label starts where its cells' texts do. */
    .column-header {
      padding-inline: calc(var(--_p) - 0.25rem);
      font-weight: 600;
    }
    .sort-button {
      display: inline-flex;
      align-items: center;
      gap: 0.2rem;
      max-inline-size: 100%;
      padding: 0.3rem 0.25rem;
      border: 0;
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .sort-button span {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .sort-button:hover {
      background: color-mix(in srgb, var(--_accent) 12%, transparent);
    }
    .sort-icon {
      inline-size: 0.9rem;
      block-size: 0.9rem;
      fill: currentColor;
      flex: none;
    }
    .sort-icon.idle {
      opacity: 0.35;
    }
    .col-type {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .type-icon-wrap {
      display: inline-flex;
      color: var(--_kind, var(--_c-other));
      flex: none;
    }
    .type-icon {
      inline-size: 1rem;
      block-size: 1rem;
      fill: currentColor;
    }
    .base[aria-busy='true'] .scroller {
      opacity: 0.55;
      transition: opacity 0.15s;
    }
    .col-duration {
      text-align: end;
    }
    .column-header.col-duration {
      display: flex;
      justify-content: flex-end;
    }
    .running-badge {
      display: inline-block;
      padding: 0 0.4rem;
      border-radius: 999px;
      border: 1px solid var(--_accent);
      color: var(--_accent);
      font-size: 0.85em;
    }
    .row.running .col-duration {
      color: var(--_accent);
      font-weight: 600;
    }
    .actions {
      display: flex;
      justify-content: center;
      /* The eye stays in view when a narrow host scrolls the table sideways. */
      position: sticky;
      inset-inline-end: 0;
      align-self: stretch;
      align-items: center;
      background: inherit;
    }
    .tbody .row {
      background: var(--_surface);
    }
    .clipped {
      text-decoration: underline dotted;
      cursor: help;
    }
    .clip-mark {
      color: var(--_muted);
      margin-inline-end: 0.25rem;
    }
    /* A focused row shows every text whole: it grows instead of cutting. */
    .tbody .row:focus-within {
      block-size: auto;
      min-block-size: var(--_row-height);
    }
    .tbody .row:focus-within .cell {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    .detail-button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      inline-size: 1.9rem;
      block-size: 1.75rem;
      padding: 0;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_accent);
      cursor: pointer;
    }
    .detail-button:hover {
      border-color: var(--_accent);
    }
    /* Inside the rows' scroller a ring outside the button would be clipped: draw it inside. */
    .sort-button:focus-visible,
    .detail-button:focus-visible {
      outline-offset: -2px;
    }
    .eye-icon {
      inline-size: 1.15rem;
      block-size: 1.15rem;
      fill: currentColor;
    }
    .no-rows {
      padding: 1rem;
      text-align: center;
      color: var(--_muted);
    }
  `,
];
