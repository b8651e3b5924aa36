import { css } from 'lit';

export const containerStyles = css`
  :host {
    --_gap: var(--user-trace-gap, 1.25rem);
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
`;
