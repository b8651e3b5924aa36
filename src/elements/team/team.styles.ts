import { css } from 'lit';

/**
 * `<user-trace-team>` on top of the timeline's sheet (controls, axis, ticks, tooltip, legend,
 * colour probes): the scrolling grid with a sticky header and a sticky name column. Row and canvas
 * heights come from the layout (`TEAM_ROW_HEIGHT`, `TEAM_LAYOUT`) as inline CSSOM styles.
 */
export const teamStyles = css`
  :host {
    --_team-height: var(--user-trace-team-height, 32rem);
    --_name-w: var(--user-trace-team-name-width, 11rem);
    --_figure-w: var(--user-trace-team-figure-width, 4.75rem);
  }
  .heading {
    margin: 0;
    font-size: 1.05rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .heading .sub {
    color: var(--_muted);
    font-weight: normal;
    font-size: 0.9em;
  }
  .filter {
    box-sizing: border-box;
    font: inherit;
    font-size: 0.9rem;
    height: 2rem;
    padding: 0 0.5rem;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .progress-line {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .scroller {
    position: relative;
    overflow: auto;
    max-height: var(--_team-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    outline: none;
    touch-action: pan-y;
    background: var(--_surface);
  }
  .scroller:focus-visible {
    box-shadow: 0 0 0 2px var(--_focus);
  }
  .scroller.zoomed .plot {
    cursor: grab;
  }
  .scroller.dragging .plot {
    cursor: grabbing;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_name-w) minmax(22rem, 1fr) repeat(10, var(--_figure-w));
    min-width: calc(var(--_name-w) + 22rem + 10 * var(--_figure-w));
    box-sizing: border-box;
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 3;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .body {
    position: relative;
  }
  .body > .row {
    position: absolute;
    left: 0;
    right: 0;
    border-bottom: 1px solid var(--_grid);
  }
  .body > .row.current-row {
    background: var(--_surface-alt);
  }
  .cell {
    box-sizing: border-box;
    min-width: 0;
    display: flex;
    align-items: center;
    padding: 0 0.4rem;
  }
  .cell.name {
    position: sticky;
    left: 0;
    z-index: 2;
    background: inherit;
    background-color: var(--_surface);
    flex-direction: column;
    align-items: flex-start;
    justify-content: center;
    gap: 0.1rem;
    overflow: hidden;
  }
  .current-row .cell.name {
    background-color: var(--_surface-alt);
  }
  .cell.name button {
    all: unset;
    cursor: pointer;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_accent);
  }
  .cell.name button:hover {
    text-decoration: underline;
  }
  .cell.name .sub,
  .row-warning {
    font-size: 0.72em;
    color: var(--_muted);
  }
  .row-warning {
    color: var(--_warning-text);
  }
  .cell.figure {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
    font-size: 0.85em;
  }
  /* A row's figures are blocks centred by the row's grid, not flex boxes: ten per row, and a
     scroll step lays out every row that comes in (a third less layout per step). */
  .body .cell.figure {
    display: block;
    align-self: center;
    text-align: right;
    white-space: nowrap;
  }
  .cell.head {
    font-size: 0.78em;
    color: var(--_muted);
    align-items: flex-end;
    padding-bottom: 0.25rem;
  }
  .cell.head.name {
    align-items: flex-start;
    justify-content: flex-end;
  }
  .sort {
    height: auto;
    min-height: 2rem;
    padding: 0.1rem 0.2rem;
    border: none;
    background: transparent;
    text-align: inherit;
    font-size: inherit;
    color: inherit;
    width: 100%;
    white-space: normal;
    line-height: 1.15;
  }
  .figure .sort {
    text-align: right;
  }
  .sorted .sort {
    color: var(--_accent);
    font-weight: 600;
  }
  .arrow {
    font-size: 0.8em;
    margin-left: 0.15rem;
  }
  /* As specific as .cell.head, whose align-items: flex-end would shrink the axis to no width. */
  .cell.head.plot-head {
    padding: 0;
    flex-direction: column;
    align-items: stretch;
    justify-content: flex-end;
  }
  /* The axis is as wide as the plots below it: its labels never spill into the figures' headings. */
  .plot-head .axis {
    min-width: 0;
    overflow: hidden;
  }
  .cell.plot {
    position: relative;
    padding: 0;
    align-items: flex-start;
    padding-top: 2px;
  }
  .cell.plot canvas {
    display: block;
    width: 100%;
  }
  .row-state {
    align-self: center;
    padding: 0 0.5rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .row-state.denied,
  .row-state.error {
    color: var(--_danger);
  }
  .current {
    top: 0;
  }
  .team-tooltip {
    position: absolute;
  }
  .no-rows {
    margin: 0;
    padding: 1rem;
    color: var(--_muted);
  }

  /* Forced colours (Windows High Contrast): the canvases draw with system colours (the timeline's
     palette); here what would vanish there — shadows, backgrounds, the accent — in system colours. */
  @media (forced-colors: active) {
    .scroller:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: 1px;
    }
    .body > .row {
      border-bottom-color: GrayText;
    }
    .body > .row.current-row {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .body .cell.name button {
      color: LinkText;
    }
    /* (.cell.sorted: the name heading's button is also a .cell.name button, reset with all: unset.) */
    .current-row .cell.name,
    .cell.sorted .sort {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .current-row .cell.name button {
      color: HighlightText;
    }
    .axis .tick {
      background: CanvasText;
    }
  }
`;
