import { css } from 'lit';
import { colourTokens, kindRules, statusTokens } from './kind-styles.js';

/**
 * The public theming contract shared by every element: public `--user-trace-*` tokens are read
 * once into private `--_*` ones here; element sheets use only the private ones. Defaults use
 * `light-dark()`, so the look follows `color-scheme`: the OS setting, `theme="dark"|"light"` on
 * the element, or `--user-trace-color-scheme` on any ancestor. Also `[hidden]`, the theme
 * attribute and `.visually-hidden`.
 */
/** Text only screen readers get (hints, live status). */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

export const tokenStyles = css`
  :host {
    color-scheme: var(--user-trace-color-scheme, light dark);
    --_font: var(--user-trace-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--user-trace-font-size, 0.875rem);
    --_surface: var(--user-trace-surface, light-dark(#ffffff, #1b1d22));
    --_surface-alt: var(--user-trace-surface-alt, light-dark(#f6f8fa, #22252b));
    --_text: var(--user-trace-text, light-dark(#1b1f27, #e8eaee));
    --_muted: var(--user-trace-muted, light-dark(#586172, #a9b0bc));
    --_border: var(--user-trace-border-color, light-dark(#d4d8e0, #3b404a));
    /* Borders of inputs and buttons: at least 3:1 against the surface. */
    --_control-border: var(--user-trace-control-border-color, light-dark(#868e9c, #8b93a1));
    --_accent: var(--user-trace-accent, light-dark(#1d5fd1, #7fb0ff));
    --_focus: var(--user-trace-focus-color, light-dark(#1f6feb, #7fb0ff));
    --_danger: var(--user-trace-danger, light-dark(#b42318, #ff8a80));
    --_radius: var(--user-trace-radius, 6px);
    --_gap: var(--user-trace-spacing, 0.75rem);
    --_warning-bg: var(--user-trace-warning-background, light-dark(#fff8e1, #3a3014));
    --_warning-text: var(--user-trace-warning-text, light-dark(#5c4400, #f5d77a));
    --_warning-border: var(--user-trace-warning-border, light-dark(#f2c94c, #8a6d1f));

    ${colourTokens}
    ${statusTokens}

    display: block;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  ${kindRules}
`;

/**
 * The statistics' and the activity list's text size (`--user-trace-font-size`), buttons and focus
 * rings; the timeline sizes its controls itself.
 */
export const textStyles = css`
  :host {
    font-size: var(--_font-size);
  }
  button {
    font: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The panel both draw in. */
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
`;
