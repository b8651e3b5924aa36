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
    .cell.measure.bold {
      font-weight: 600;
    }
    .cell.measure {
      position: absolute;
      visibility: hidden;
      font-variant-numeric: tabular-nums;
      /* The cell's padding, and room for a focus ring. */
      padding-inline: 0.5rem 0.6rem;
    }
    .row-probe {
      position: absolute;
      visibility: hidden;
      block-size: var(--_row-height);
      inline-size: 1px;
      pointer-events: none;
    }
    .table {
      /* --_time-col and, in week view, the date column's --_date-col are set from the locale's longest texts. */
      --_cols: minmax(5.5rem, 0.9fr) var(--_date,) var(--_time-col, 7.5rem) var(--_time-col, 7.5rem) 5.5rem minmax(5rem, 2.2fr)
        minmax(4.5rem, 1fr) minmax(5rem, 1.2fr) minmax(4rem, 6.5rem) minmax(4rem, 5.5rem) 3.25rem;
      /* The sum of the minimum widths: narrower hosts scroll sideways (the eye column stays in view). */
      min-inline-size: calc(36.75rem + var(--_date-w, 0rem) + 2 * var(--_time-col, 7.5rem));
      inline-size: 100%;
    }
    .table.week {
      --_date: var(--_date-col, 7rem);
      --_date-w: var(--_date-col, 7rem);
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
      padding-inline: 0.5rem;
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
    .col-date {
      font-variant-numeric: tabular-nums;
    }
    .column-header {
      padding-inline: 0.25rem;
      font-weight: 600;
    }
    .column-header.actions {
      padding-inline: 0.5rem;
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
    .col-start,
    .col-end,
    .col-duration {
      font-variant-numeric: tabular-nums;
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
