import { css } from 'lit';

export const userPickerStyles = css`
  :host {
    --_border: var(--user-trace-border-color, light-dark(#c4c9d4, #4a4f5a));
    --_surface: var(--user-trace-surface, light-dark(#ffffff, #1f2125));
    --_text: var(--user-trace-text, light-dark(#1b1f27, #e8eaee));
    --_muted: var(--user-trace-muted, light-dark(#5b6472, #a9b0bc));
    --_accent: var(--user-trace-accent, light-dark(#1d5fd1, #7fb0ff));
    --_active: var(--user-trace-option-active, light-dark(#e6efff, #2c3b57));
    --_radius: var(--user-trace-radius, 6px);
    display: inline-block;
    position: relative;
    min-width: 14rem;
    font: inherit;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  label {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .field {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_control-border, #868e9c);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .field:focus-within {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  input {
    flex: 1;
    min-width: 0;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.9rem;
    box-sizing: border-box;
    height: calc(2rem - 2px);
    padding: 0 0.5rem;
    outline: none;
  }
  input::placeholder {
    color: var(--_muted);
  }
  .toggle {
    border: 0;
    background: transparent;
    color: var(--_muted);
    padding: 0 0.5rem;
    cursor: pointer;
  }
  .toggle svg {
    width: 0.7rem;
    height: 0.7rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }
  .popup {
    position: absolute;
    z-index: 10;
    top: 100%;
    left: 0;
    right: 0;
    margin-top: 2px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
    overflow: hidden;
  }
  .popup[hidden],
  ul[hidden] {
    display: none;
  }
  ul {
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    max-height: 18rem;
    overflow-y: auto;
  }
  .note {
    padding: 0.35rem 0.6rem;
    font-size: 0.75em;
    color: var(--_muted);
    border-top: 1px solid var(--_border);
  }
  .option {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.3rem 0.6rem;
    cursor: pointer;
  }
  .option:hover,
  .option.active {
    background: var(--_active);
  }
  .option.active {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .option[aria-selected='true'] .name {
    font-weight: 600;
  }
  .badge {
    font-size: 0.75em;
    padding: 0 0.35rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    color: var(--_muted);
    white-space: nowrap;
    align-self: center;
  }
  @media (forced-colors: active) {
    .option.active {
      outline-color: Highlight;
    }
  }
`;
