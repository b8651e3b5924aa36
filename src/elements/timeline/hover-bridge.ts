import type { Hit } from './timeline-model.js';

/** How long the pointer may rest on the way to the tooltip before what is under it takes over. */
const GRACE_MS = 400;

function same(a: Hit | null, b: Hit | null): boolean {
  if (!a || !b || a.kind !== b.kind) return a === b;
  return a.kind === 'activity' ? a.index === (b as typeof a).index : a.segment?.start === (b as typeof a).segment?.start;
}

/**
 * The way from what the pointer is over to its tooltip (WCAG 1.4.13, hoverable): while the pointer
 * crosses the gap towards the tooltip — between the point the tooltip belongs to and the tooltip's
 * box, moving away from that point's row — the tooltip stays as it is instead of switching to
 * whatever lies in between. Resting there for a moment, or leaving that way, shows what is under the
 * pointer again.
 */
export class HoverBridge {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #tooltip: () => HTMLElement | null;
  readonly #apply: (hit: Hit | null) => void;

  /** `tooltip`: a child of the plot (its offsets are plot coordinates); `apply` shows the hover of a hit (null: none). */
  constructor(tooltip: () => HTMLElement | null, apply: (hit: Hit | null) => void) {
    this.#tooltip = tooltip;
    this.#apply = apply;
  }

  /** The pointer is at (`x`, `y`) of the plot, over `hit`; `shown` is the hover the tooltip shows. */
  move(x: number, y: number, hit: Hit | null, shown: Hit | null): void {
    this.cancel();
    const tip = this.#tooltip();
    if (shown && !same(hit, shown) && tip && !tip.hidden) {
      const top = tip.offsetTop;
      const bottom = top + tip.offsetHeight;
      const below = top > shown.y;
      const inX = x >= Math.min(shown.x, tip.offsetLeft) - 2 && x <= Math.max(shown.x, tip.offsetLeft + tip.offsetWidth);
      const inY = below ? y > shown.y + 2 && y <= top : y < shown.y - 2 && y >= bottom;
      if (inX && inY) {
        this.#timer = setTimeout(() => this.#apply(hit), GRACE_MS);
        return;
      }
    }
    this.#apply(hit);
  }

  /** The pointer reached the tooltip: nothing pending. */
  cancel(): void {
    clearTimeout(this.#timer);
  }

  /** The pointer left, a drag began, or the data changed: no hover, nothing pending (true, for chaining). */
  clear(): true {
    this.cancel();
    this.#apply(null);
    return true;
  }
}
