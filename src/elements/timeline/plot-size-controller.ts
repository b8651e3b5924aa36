import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LABEL_GAP_PX, LABEL_SPACE_PX } from './axis.js';

/**
 * The plot's width and the widest axis label's (the label probe), as the browser laid them out,
 * reported by a ResizeObserver: zooming, panning and redrawing read no layout. An element seen
 * for the first time is measured once at once (the observer's first report comes with the next
 * frame, and a background tab gets none); any later change of size — the element resized, a
 * font loaded, text spacing applied, another language — re-renders the host.
 */
export class PlotSizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #plot: () => Element | null;
  readonly #probe: () => Element | null;
  readonly #observer: ResizeObserver | null;
  readonly #sizes = new Map<Element, number>();
  #estimate = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, plot: () => Element | null, probe: () => Element | null) {
    this.#host = host;
    this.#plot = plot;
    this.#probe = probe;
    this.#observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const e of entries) {
              const size = e.borderBoxSize?.[0]?.inlineSize ?? e.contentRect.width;
              if (this.#sizes.has(e.target) && this.#sizes.get(e.target) !== size) {
                this.#sizes.set(e.target, size);
                changed = true;
              }
            }
            if (changed) host.requestUpdate();
          });
    host.addController(this);
  }

  /** The plot's width in CSS px (before it is first laid out: an estimate from the host's). */
  get width(): number {
    const plot = this.#plot();
    return (plot && this.#sizes.get(plot)) || (this.#estimate ||= Math.max(200, this.#host.clientWidth - 170));
  }

  /** The widest axis label's width in CSS px (before it is first laid out: a guess). */
  get labelWidth(): number {
    const probe = this.#probe();
    return (probe && this.#sizes.get(probe)) || LABEL_GAP_PX - LABEL_SPACE_PX;
  }

  hostUpdated(): void {
    const fresh = [this.#plot(), this.#probe()].filter((el): el is Element => el !== null && !this.#sizes.has(el));
    if (!fresh.length) return;
    // Elements no longer rendered.
    for (const el of this.#sizes.keys()) {
      if (!el.isConnected) {
        this.#sizes.delete(el);
        this.#observer?.unobserve(el);
      }
    }
    const before = `${this.width}/${this.labelWidth}`;
    for (const el of fresh) {
      this.#sizes.set(el, el.getBoundingClientRect().width);
      this.#observer?.observe(el);
    }
    // Rendered with an estimate: again with what was measured.
    if (`${this.width}/${this.labelWidth}` !== before) queueMicrotask(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#sizes.clear();
  }
}
