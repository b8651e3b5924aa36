import { css } from 'lit';
import { stateStyles } from '../base/states.js';
import { textStyles, tokenStyles, visuallyHiddenStyles } from '../base/tokens.styles.js';

export const statsStyles = [
  tokenStyles,
  visuallyHiddenStyles,
  textStyles,
  stateStyles,
  css`
    :host {
      /* The layout follows the element's own width, not the viewport's. */
      container-type: inline-size;
      container-name: user-trace-stats;
    }
    /* While a new query loads, the figures still shown are the previous ones: dimmed. */
    .base[aria-busy='true'] .groups {
      opacity: 0.55;
      transition: opacity 0.15s;
    }
    .note {
      margin: 0.5rem 0 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .window {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    h2 {
      margin: 0;
      font-size: 1.1em;
      font-weight: 600;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.25rem 0.6rem;
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
    }
    .toggle[aria-pressed='true'] {
      background: var(--_surface-alt);
      border-color: var(--_accent);
    }
    /* Balanced columns: each group as tall as its content, none stretched to a neighbour's height. */
    .groups {
      column-gap: var(--_gap);
      /* Each column's last group keeps its margin (a block's was cut at the column's end). */
      margin-block-end: calc(-1 * var(--_gap));
    }
    @container user-trace-stats (min-width: 34rem) {
      .groups {
        columns: 2;
      }
    }
    @container user-trace-stats (min-width: 60rem) {
      .groups {
        columns: 3;
      }
    }
    /* An atomic inline, never split across columns: the balancing lays each out once (a block with
       break-inside: avoid was laid out again in each try, 6-9 ms of every update at 1400 px). */
    .group {
      display: inline-block;
      width: 100%;
      box-sizing: border-box;
      margin-block-end: var(--_gap);
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      margin: 0 0 0.4rem;
      font-size: 0.95em;
      font-weight: 600;
    }
    .swatch {
      inline-size: 0.7rem;
      block-size: 0.7rem;
      border-radius: 2px;
      background: var(--_kind, var(--_c-other));
      flex: none;
    }
    dl {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
    }
    .figure {
      position: relative;
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      column-gap: 0.75rem;
      align-items: baseline;
    }
    dt {
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    dd {
      margin: 0;
    }
    .value {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      text-align: end;
      white-space: nowrap;
    }
    .value.unknown {
      font-weight: 400;
      color: var(--_muted);
      font-style: italic;
    }
    .definition {
      grid-column: 1 / -1;
      color: var(--_muted);
      font-size: 0.85em;
      line-height: 1.35;
    }
    /* Definitions stay in the accessibility tree; sighted users get them on hover or all at once. */
    .base:not(.show-definitions) .definition,
    .base:not(.show-definitions) .table-definitions {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .base:not(.show-definitions, .quiet) .figure:hover > .definition,
    .base:not(.show-definitions, .quiet) tr:hover .definition {
      z-index: 1;
      inset-block-start: calc(100% + 2px);
      inset-inline-start: 0;
      width: max-content;
      max-width: min(22rem, 90cqi);
      height: auto;
      clip-path: none;
      white-space: normal;
      padding: 0.35rem 0.5rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    }
    .pause-names {
      margin-block-start: 0.35rem;
      padding-block-start: 0.35rem;
      border-block-start: 1px dashed var(--_border);
    }
    .none {
      color: var(--_muted);
      font-style: italic;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.2rem 0;
      text-align: end;
      font-weight: 400;
      white-space: nowrap;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: start;
      padding-inline-start: 0;
    }
    thead th {
      color: var(--_muted);
      vertical-align: bottom;
      font-size: 0.85em;
      padding-inline-start: 0.75rem;
      white-space: normal;
    }
    td {
      font-weight: 600;
      padding-inline-start: 0.75rem;
    }
    tbody tr + tr {
      border-block-start: 1px solid var(--_border);
    }
    .channel {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
    }
    .table-definitions p {
      margin: 0;
    }
    .table-definitions {
      margin: 0.4rem 0 0;
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
  `,
];
