import type { ReactiveControllerHost } from 'lit';
import { visibleRange, type ZoomWindow } from './layout.js';
import type { TimelineModel } from './timeline-model.js';

const MIN_DRAG_PX = 4;

export interface WindowSelectOptions {
  model: () => TimelineModel | null;
  zoom: () => ZoomWindow;
  /** The axis element the drag runs across. */
  axis: () => HTMLElement | null;
  /** A window was selected: `[startMs, endMs)`. */
  select: (startMs: number, endMs: number) => void;
}

/**
 * Selecting a time window by dragging across the timeline's axis (day and minutes views use the
 * first row's axis). While dragging, `pending` holds the span for the band; a click without a drag
 * selects nothing. The keyboard way is in the activity walk (`[` and `]`).
 */
export class WindowSelectController {
  readonly #host: ReactiveControllerHost;
  readonly #options: WindowSelectOptions;
  #drag: { pointerId: number; x: number; startMs: number } | null = null;
  /** The span being dragged, for the band. */
  pending: { startMs: number; endMs: number } | null = null;

  constructor(host: ReactiveControllerHost, options: WindowSelectOptions) {
    this.#host = host;
    this.#options = options;
  }

  #timeAt(clientX: number): number | null {
    const model = this.#options.model();
    const axis = this.#options.axis();
    const row = model?.rows[0];
    if (!axis || !row) return null;
    const rect = axis.getBoundingClientRect();
    const f = Math.max(0, Math.min(1, (clientX - rect.left) / (rect.width || 1)));
    const { start, end } = visibleRange(row, this.#options.zoom());
    return Math.round(Math.max(row.startMs, Math.min(row.endMs, start + f * (end - start))) / 1000) * 1000;
  }

  onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const t = this.#timeAt(e.clientX);
    if (t === null) return;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    this.#drag = { pointerId: e.pointerId, x: e.clientX, startMs: t };
  };

  onPointerMove = (e: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== e.pointerId || Math.abs(e.clientX - drag.x) < MIN_DRAG_PX) return;
    const t = this.#timeAt(e.clientX);
    if (t === null) return;
    this.pending = { startMs: Math.min(drag.startMs, t), endMs: Math.max(drag.startMs, t) };
    this.#host.requestUpdate();
  };

  onPointerUp = (e: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== e.pointerId) return;
    this.#drag = null;
    const span = this.pending;
    this.pending = null;
    this.#host.requestUpdate();
    if (e.type === 'pointerup' && span && span.endMs > span.startMs) this.#options.select(span.startMs, span.endMs);
  };
}
