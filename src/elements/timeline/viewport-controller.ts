import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FULL_WINDOW, isFullWindow, panWindow, revealInWindow, zoomWindow, type ZoomWindow } from './layout.js';

const DRAG_THRESHOLD_PX = 4;
/** How much one zoom step (key or button) zooms in or out. */
export const ZOOM_STEP = 2;

export interface ViewportOptions {
  /** The plot element pointer coordinates are relative to. */
  plot: () => HTMLElement | null;
  /** Its width in CSS px as last laid out. */
  width: () => number;
  /** The smallest visible span (fraction of a row), or null while nothing is shown. */
  minSpan: () => number | null;
  /** The pointer moved over the plot without dragging (plot coordinates). */
  hover: (x: number, y: number) => void;
  /** A drag started panning: whatever the pointer hovered is left behind. */
  endHover: () => void;
  /** A tap or click that was no drag (plot coordinates). */
  tap: (x: number, y: number) => void;
}

/**
 * The visible window of the timeline's rows (`zoom`, fractions of a row) and every way a person
 * moves it: zoom around a point, pan, pinch, drag, the wheel (Ctrl/⌘ + wheel, or the wheel over the
 * axis), and bringing a part into view. Changes re-render the host.
 */
export class ViewportController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ViewportOptions;
  #zoom: ZoomWindow = FULL_WINDOW;
  #pointers = new Map<number, { x: number; y: number }>();
  #drag: { x: number; zoom: ZoomWindow; moved: boolean } | null = null;
  #pinch: { distance: number; zoom: ZoomWindow; anchor: number } | null = null;

  constructor(host: ReactiveControllerHost, options: ViewportOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get zoom(): ZoomWindow {
    return this.#zoom;
  }

  /** True while a drag is panning (the plot shows a grabbing cursor). */
  get dragging(): boolean {
    return this.#drag?.moved ?? false;
  }

  hostDisconnected(): void {
    this.#pointers.clear();
    this.#drag = null;
    this.#pinch = null;
  }

  /** Sets the window; re-renders only when it changed. */
  set(next: ZoomWindow): void {
    if (next.from === this.#zoom.from && next.to === this.#zoom.to) return;
    this.#zoom = next;
    this.#host.requestUpdate();
  }

  reset(): void {
    this.set(FULL_WINDOW);
  }

  /** Zooms by `factor` around `anchor` (fraction of the visible window). */
  zoomBy(factor: number, anchor = 0.5): void {
    const min = this.#options.minSpan();
    if (min !== null) this.set(zoomWindow(this.#zoom, factor, anchor, min));
  }

  /** Pans by `delta` visible widths. */
  pan(delta: number): void {
    const min = this.#options.minSpan();
    if (min !== null) this.set(panWindow(this.#zoom, delta, min));
  }

  /** Moves the window (never the zoom level) so that `[from, to)` (fractions of the visible window) is in view. */
  reveal(from: number, to: number): void {
    const min = this.#options.minSpan();
    if (min === null || (from >= 0 && to <= 1)) return;
    const span = this.#zoom.to - this.#zoom.from;
    this.set(revealInWindow(this.#zoom, this.#zoom.from + from * span, this.#zoom.from + to * span, min));
  }

  #local(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const rect = this.#options.plot()!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const plot = this.#options.plot();
    if (!plot || this.#options.minSpan() === null) return;
    plot.setPointerCapture?.(e.pointerId);
    this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.#pointers.size === 1) {
      this.#drag = { x: e.clientX, zoom: this.#zoom, moved: false };
    } else if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const rect = plot.getBoundingClientRect();
      this.#pinch = { distance: Math.max(1, Math.abs(a.x - b.x)), zoom: this.#zoom, anchor: ((a.x + b.x) / 2 - rect.left) / rect.width };
      this.#drag = null;
    }
  };

  onPointerMove = (e: PointerEvent): void => {
    const min = this.#options.minSpan();
    if (min === null) return;
    if (this.#pointers.has(e.pointerId)) {
      this.#pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.#pinch && this.#pointers.size >= 2) {
        const [a, b] = [...this.#pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        this.set(zoomWindow(this.#pinch.zoom, Math.max(1, Math.abs(a.x - b.x)) / this.#pinch.distance, this.#pinch.anchor, min));
        return;
      }
      const drag = this.#drag;
      if (drag) {
        const dx = e.clientX - drag.x;
        if (Math.abs(dx) > DRAG_THRESHOLD_PX) drag.moved = true;
        if (drag.moved && !isFullWindow(drag.zoom)) {
          this.#options.endHover();
          this.set(panWindow(drag.zoom, -dx / (this.#options.width() || 1), min));
        }
        return;
      }
    }
    const { x, y } = this.#local(e);
    this.#options.hover(x, y);
  };

  onPointerUp = (e: PointerEvent): void => {
    const wasDrag = this.#drag;
    const wasPinch = this.#pinch !== null;
    this.#pointers.delete(e.pointerId);
    if (this.#pointers.size < 2) this.#pinch = null;
    if (this.#pointers.size === 0) this.#drag = null;
    if (wasDrag?.moved) this.#host.requestUpdate();
    if (e.type !== 'pointerup' || wasPinch || !wasDrag || wasDrag.moved) return;
    const { x, y } = this.#local(e);
    this.#options.tap(x, y);
  };

  /** True while no pointer is down (a leave then ends the hover). */
  get idle(): boolean {
    return this.#pointers.size === 0;
  }

  /** The wheel: with Ctrl/⌘ or over the axis it zooms; sideways (or Shift) it pans a zoomed view; else the page scrolls. */
  onWheel(e: WheelEvent, overAxis: boolean): void {
    const plot = this.#options.plot();
    if (!plot || this.#options.minSpan() === null) return;
    const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? plot.clientWidth : 1;
    const dx = e.deltaX * scale;
    const dy = e.deltaY * scale;
    const rect = plot.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey || overAxis) {
      e.preventDefault();
      this.zoomBy(Math.exp(-dy * 0.002), (e.clientX - rect.left) / rect.width);
    } else if (!isFullWindow(this.#zoom) && (e.shiftKey || Math.abs(dx) > Math.abs(dy))) {
      e.preventDefault();
      this.pan((e.shiftKey && !dx ? dy : dx) / rect.width);
    }
  }
}
