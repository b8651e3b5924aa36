import { css } from 'lit';

/**
 * The keyboard's current-item box, the tooltip and the lanes' focus ring in forced colours: loaded
 * with the interaction code (the keyboard's), which adopts
 * them into the timeline's shadow root (`<user-trace-team>` has them in its own sheet).
 */
export const interactionStyles = css`
  .current {
    position: absolute;
    box-sizing: border-box;
    /* Wide enough to see for the many activities narrower than a few pixels. */
    min-width: 10px;
    border: 2px solid var(--_text);
    border-radius: 3px;
    pointer-events: none;
    box-shadow: 0 0 0 1px var(--_surface);
  }
  .lanes:not(:focus) .current {
    border-style: dashed;
    opacity: 0.7;
  }
  .tooltip {
    position: absolute;
    z-index: 5;
    max-width: 22rem;
    padding: 0.4rem 0.55rem;
    border-radius: var(--_radius);
    background: var(--user-trace-tooltip-background, light-dark(#1b1f27, #f1f3f6));
    color: var(--user-trace-tooltip-text, light-dark(#ffffff, #15171b));
    font-size: 0.8rem;
    line-height: 1.35;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  }
  .tooltip[hidden] {
    display: none;
  }
  .tooltip .t-type {
    font-weight: 600;
  }
  .tooltip .t-more {
    opacity: 0.8;
    font-style: italic;
  }
  @media (forced-colors: active) {
    .current {
      border-color: Highlight;
    }
    /* The lanes' focus ring is a box shadow, which forced colours drop: an outline instead. */
    .lanes:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;
