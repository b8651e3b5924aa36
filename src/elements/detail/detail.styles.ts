import { css } from 'lit';

export const detailStyles = css`
  :host {
    --_font: var(--user-trace-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_surface: var(--user-trace-surface, light-dark(#ffffff, #1b1d22));
    --_text: var(--user-trace-text, light-dark(#1b1f27, #e8eaee));
    --_muted: var(--user-trace-muted, light-dark(#586172, #a9b0bc));
    --_border: var(--user-trace-border-color, light-dark(#d4d8e0, #3b404a));
    --_accent: var(--user-trace-accent, light-dark(#1d5fd1, #7fb0ff));
    --_danger: var(--user-trace-danger, light-dark(#b42318, #ff8a80));
    --_radius: var(--user-trace-radius, 6px);
    display: contents;
  }
  dialog {
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    padding: 0;
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 4rem);
    box-shadow: 0 18px 50px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(10 12 16 / 0.45);
  }
  .base {
    padding: 1rem 1.25rem 1.25rem;
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1rem;
    margin-bottom: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.1rem;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 0.95rem;
  }
  .close {
    flex: none;
    width: 2rem;
    height: 2rem;
    display: grid;
    place-items: center;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .close svg {
    width: 0.75rem;
    height: 0.75rem;
    stroke: currentColor;
    stroke-width: 1.8;
  }
  .close:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .fields {
    display: grid;
    grid-template-columns: minmax(0, 11rem) minmax(0, 1fr);
    gap: 0.3rem 1rem;
    margin: 0;
  }
  .row {
    display: contents;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  pre {
    margin: 0;
    font-size: 0.8rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .error-text {
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
