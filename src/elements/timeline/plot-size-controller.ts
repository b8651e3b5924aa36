import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LABEL_GAP_PX, LABEL_SPACE_PX } from './axis.js';

export interface PlotSize extends ReactiveController {
  /** The plot's width in CSS px (before it is first laid out: an estimate from the host's). */
  readonly width: number;
  /** The widest axis label's width in CSS px, from the label probe (before it is laid out: a guess). */
  readonly labelWidth: number;
  /**
   * Measure again after the next update: the host's own render changes the plot's width (the week
   * rows' gutter arriving), which the observer reports only with a frame, and a background tab gets none.
   */
  forget(): void;
}

/**
 * The plot's width and the widest axis label's, as the browser laid them out, reported by a
 * ResizeObserver: zooming, panning and redrawing read no layout. An element seen for the first
 * time is measured once at once (the observer's first report comes with the next frame, and a
 * background tab gets none); any later change of size — the element resized, a font loaded, text
 * spacing applied, another language — re-renders the host.
 */
export function plotSize(host: ReactiveControllerHost & HTMLElement, plot: () => Element | null, probe: () => Element | null): PlotSize {
  const sizes = new Map<Element, number>();
  let estimate = 0;
  const observer: ResizeObserver = new ResizeObserver((entries) => {
    let changed = false;
    for (const { target, contentRect } of entries) {
      // Gone from the shadow root (another view, or the host left the page): forgotten, measured again when back.
      if (!target.isConnected) {
        sizes.delete(target);
        observer.unobserve(target);
      } else if (sizes.get(target) !== contentRect.width) {
        sizes.set(target, contentRect.width);
        changed = true;
      }
    }
    if (changed) host.requestUpdate();
  });
  const measured = (el: Element | null) => (el && sizes.get(el)) || 0;
  const size: PlotSize = {
    get width() {
      return measured(plot()) || (estimate ||= Math.max(200, host.clientWidth - 170));
    },
    get labelWidth() {
      return measured(probe()) || LABEL_GAP_PX - LABEL_SPACE_PX;
    },
    forget: () => sizes.clear(),
    hostUpdated() {
      // The estimate is taken after the first update (mounting), so that the update bringing the
      // data — and the plot — does not force a layout of its own before rendering.
      if (!estimate && host.isConnected) estimate = Math.max(200, host.clientWidth - 170);
      const before = `${size.width} ${size.labelWidth}`;
      for (const el of [plot(), probe()]) {
        if (el && !sizes.has(el)) {
          sizes.set(el, el.getBoundingClientRect().width);
          observer.observe(el);
        }
      }
      // Rendered with an estimate: again with what was measured.
      if (`${size.width} ${size.labelWidth}` !== before) queueMicrotask(() => host.requestUpdate());
    },
  };
  host.addController(size);
  return size;
}
