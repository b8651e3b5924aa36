import { css } from 'lit';

/**
 * The timeline's own tokens on top of the shared ones (`../base/tokens.styles.ts`); the rest of
 * the sheet (and the canvas, through the colour probes) uses only the private `--_*` ones.
 */
export const timelineStyles = css`
  :host {
    --_lane-bg: var(--user-trace-lane-background, light-dark(#f4f6f9, #23262d));
    --_grid: var(--user-trace-grid-color, light-dark(#e3e6ec, #30343c));
    --_grid-major: var(--user-trace-grid-major-color, light-dark(#c9ced8, #454b57));
    --_now: var(--user-trace-now-color, light-dark(#d6336c, #ff6b9a));

    --_s-logged-out: var(--_status-logged-out);
    --_s-ready: var(--_status-ready);
    --_s-paid: var(--_status-paused-paid);
    --_s-unpaid: var(--_status-paused-unpaid);

    --_gutter: var(--user-trace-timeline-gutter, 7.5rem);
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    min-width: 0;
    /* The narrow layout below follows the element's width, not the viewport's. */
    container-type: inline-size;
  }

  /* Controls ------------------------------------------------------------ */
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_gap);
  }
  .group {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field > .caption {
    font-size: 0.8em;
    color: var(--_muted);
  }
  button,
  input[type='date'] {
    box-sizing: border-box;
    font: inherit;
    font-size: 0.9rem;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: 0 0.6rem;
    height: 2rem;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .icon {
    width: 2rem;
    padding: 0;
  }
  .segmented {
    display: inline-flex;
  }
  .segmented button {
    border-radius: 0;
  }
  .segmented button:first-child {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }
  .segmented button:last-child {
    border-radius: 0 var(--_radius) var(--_radius) 0;
    margin-left: -1px;
  }
  /* The focused button's ring above its neighbour, not under it. */
  .segmented button:focus-visible {
    position: relative;
    z-index: 1;
  }
  .segmented button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_surface);
  }
  #date-label {
    font-size: 0.9rem;
  }
  .users-error {
    margin: 0;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--_danger);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2rem;
    cursor: pointer;
  }
  .check input {
    accent-color: var(--_accent);
    width: 1rem;
    height: 1rem;
    margin: 0;
  }
  .zoom {
    margin-left: auto;
  }
  .heading {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .heading .sub {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Plot ---------------------------------------------------------------- */
  .chart-scroll {
    overflow-x: auto;
  }
  .chart {
    display: grid;
    grid-template-columns: var(--_gutter) minmax(0, 1fr);
    column-gap: 0.5rem;
  }
  .gutter {
    position: relative;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .gutter .row-label,
  .gutter .lane-label {
    position: absolute;
    left: 0;
    right: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    text-align: right;
    line-height: 1;
  }
  .gutter .row-label {
    color: var(--_text);
  }
  .gutter .row-label .hours {
    display: block;
    margin-top: 0.2rem;
    color: var(--_muted);
  }
  /* Minutes view: hours without anything in them are left out above this row. */
  .gutter .row-label.after-gap::before {
    content: '⋯ ';
    color: var(--_muted);
  }
  .axis {
    position: relative;
    height: 1.25rem;
    font-size: 0.72rem;
    color: var(--_muted);
    user-select: none;
    touch-action: none;
  }
  .row-axis {
    position: absolute;
    left: 0;
    right: 0;
    height: 0.9rem;
    font-size: 0.65rem;
    color: var(--_muted);
    pointer-events: none;
  }
  /* Placed by transforms from the left edge: moving them lays nothing out. */
  .tick,
  .tick-label,
  .axis-probe {
    position: absolute;
    left: 0;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .tick {
    bottom: 0;
    width: 1px;
    height: 4px;
    background: var(--_grid-major);
  }
  .tick.major {
    height: 7px;
  }
  .tick-label {
    bottom: 6px;
  }
  .row-axis .tick-label {
    bottom: 0;
  }
  .axis-probe {
    top: 0;
    visibility: hidden;
  }
  .plot {
    position: relative;
    min-width: 0;
    touch-action: pan-y;
    cursor: default;
  }
  .plot.zoomed {
    cursor: grab;
  }
  .plot.dragging {
    cursor: grabbing;
  }
  canvas {
    display: block;
    width: 100%;
  }
  .lanes {
    position: absolute;
    inset: 0;
    outline: none;
  }
  .lanes:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_focus);
    border-radius: 2px;
  }
  .window-band {
    position: absolute;
    box-sizing: border-box;
    pointer-events: none;
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
    border-inline: 2px solid var(--_accent);
  }
  .window-chip {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-variant-numeric: tabular-nums;
  }
  .axis {
    cursor: col-resize;
  }
  /* Legend -------------------------------------------------------------- */
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .swatch {
    width: 0.8rem;
    height: 0.8rem;
    border-radius: 2px;
    border: 1px solid var(--_border);
    background: var(--_swatch);
  }
  .swatch.now {
    width: 3px;
    border: 0;
  }

  /* Colour probes: the canvas reads the resolved colours from the first set. The second (watch)
     is rendered invisibly rather than display: none (which has no transitions): a colour change
     ends a 1 ms transition there, and the canvas is painted again. */
  .probes {
    display: none;
  }
  .probes.watch {
    display: block;
    position: absolute;
    inline-size: 0;
    overflow: hidden;
    visibility: hidden;
  }
  .watch > * {
    transition: color 1ms;
  }
  .probe[data-kind] { color: var(--_kind); }
  .probe-ready { color: var(--_s-ready); }
  .probe-paid { color: var(--_s-paid); }
  .probe-unpaid { color: var(--_s-unpaid); }
  .probe-logged-out { color: var(--_s-logged-out); }
  .probe-lane-bg { color: var(--_lane-bg); }
  .probe-grid { color: var(--_grid); }
  .probe-grid-major { color: var(--_grid-major); }
  .probe-now { color: var(--_now); }
  .probe-surface { color: var(--_surface); }
  /* The system colours the canvas draws with in forced colours (kept as they are, not forced to CanvasText). */
  .probe-canvas-text, .probe-canvas, .probe-highlight, .probe-gray-text { forced-color-adjust: none; }
  .probe-canvas-text { color: CanvasText; }
  .probe-canvas { color: Canvas; }
  .probe-highlight { color: Highlight; }
  .probe-gray-text { color: GrayText; }

  .swatch[data-kind] { --_swatch: var(--_kind); }
  .sw-ready,
  .sw-idle { --_swatch: var(--_s-ready); }
  .sw-paid { --_swatch: var(--_s-paid); }
  .sw-unpaid { --_swatch: var(--_s-unpaid); }
  .sw-logged-out { --_swatch: var(--_s-logged-out); }
  .sw-now { --_swatch: var(--_now); }
  /* The canvas's patterns (src/model/catalog.ts), so the legend tells the kinds apart without colour. */
  .swatch[data-pattern] { --_ink: var(--_surface); }
  .swatch[data-pattern='diagonal'] { background-image: repeating-linear-gradient(-45deg, var(--_ink) 0 1.5px, transparent 1.5px 5px); }
  .swatch[data-pattern='cross'] {
    background-image: repeating-linear-gradient(-45deg, var(--_ink) 0 1.5px, transparent 1.5px 5px), repeating-linear-gradient(45deg, var(--_ink) 0 1.5px, transparent 1.5px 5px);
  }
  .swatch[data-pattern='dots'] { background-image: radial-gradient(circle, var(--_ink) 1.5px, transparent 1.6px); background-size: 5px 5px; }
  .swatch[data-pattern='horizontal'] { background-image: repeating-linear-gradient(0deg, transparent 0 2px, var(--_ink) 2px 3.5px, transparent 3.5px 5px); }
  .swatch[data-pattern='vertical'] { background-image: repeating-linear-gradient(90deg, transparent 0 2px, var(--_ink) 2px 3.5px, transparent 3.5px 5px); }

  /* Narrow (320 CSS px and up): controls wrap, the plot keeps a usable width inside its own
     scroller and the lane labels stay in view beside it. */
  @container (max-width: 40rem) {
    .group {
      flex-wrap: wrap;
    }
    .field {
      max-width: 100%;
    }
    input[type='date'] {
      min-width: 0;
      flex: 1 1 9rem;
    }
    .zoom {
      margin-left: 0;
    }
    .chart {
      --_gutter: var(--user-trace-timeline-gutter, 4.5rem);
      min-width: 34rem;
    }
    .gutter {
      position: sticky;
      left: 0;
      z-index: 6;
      background: var(--_surface);
    }
  }

  @media (forced-colors: active) {
    /* Swatches show what the canvas draws in forced colours, not empty boxes. */
    .swatch,
    .swatch[data-kind],
    .swatch[data-pattern] {
      forced-color-adjust: none;
      border-color: CanvasText;
      --_swatch: CanvasText;
      --_ink: Canvas;
    }
    .sw-ready,
    .sw-idle,
    .sw-now {
      --_swatch: Highlight;
    }
    .sw-logged-out {
      --_swatch: Canvas;
    }
    .segmented button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
