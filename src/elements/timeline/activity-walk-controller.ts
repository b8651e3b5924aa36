import type { ReactiveControllerHost } from 'lit';
import type { PreparedActivity } from '../../model/types.js';
import { activityAtRank, carryRank, firstRankFrom, rowJump, type TimelineModel } from './timeline-model.js';
import { visibleRange } from './layout.js';
import type { ViewportController } from './viewport-controller.js';

export const ZOOM_STEP = 2;

export interface ActivityWalkOptions {
  model: () => TimelineModel | null;
  viewport: ViewportController;
  /** Where an activity is drawn, as fractions of the visible window (null when not drawn). */
  span: (a: PreparedActivity) => { from: number; to: number } | null;
  open: (a: PreparedActivity) => void;
  /** Whether the lanes have keyboard focus (`:focus-visible`). */
  focusVisible: () => boolean;
  /** `[` / `]`: the time window starts at the current activity's start or ends at its end. */
  windowEdge: (edge: 'start' | 'end', a: PreparedActivity) => void;
  /** Escape: the pointer's tooltip, if one is shown, is dismissed; returns whether there was one. */
  dismissHover: () => boolean;
}

/**
 * The keyboard walk through the activities of the period in time order (docs/architecture.md):
 * ←/→ (or ↑/↓) step, Home/End, PageUp/PageDown move a row, Enter opens, + / − zoom around the
 * current activity, 0 resets, Shift+←/→ pan, Escape hides the tooltip. Keeps its place across a
 * reload when the same activity is still there.
 */
export class ActivityWalkController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ActivityWalkOptions;
  /** Rank of the current activity, or -1 before the lanes were focused. */
  #current = -1;
  /** The tooltip follows the current activity (keyboard focus) rather than the pointer. */
  #focusTooltip = false;

  constructor(host: ReactiveControllerHost, options: ActivityWalkOptions) {
    this.#host = host;
    this.#options = options;
  }

  get current(): number {
    return this.#current;
  }

  get focusTooltip(): boolean {
    return this.#focusTooltip;
  }

  set focusTooltip(on: boolean) {
    if (on === this.#focusTooltip) return;
    this.#focusTooltip = on;
    this.#host.requestUpdate();
  }

  get activity(): PreparedActivity | null {
    return activityAtRank(this.#options.model(), this.#current);
  }

  /** A new model: the same activity stays current when it is still there. */
  carry(previous: TimelineModel | null, next: TimelineModel | null): void {
    this.#current = this.#current < 0 ? -1 : carryRank(previous, next, this.#current);
  }

  /** Makes the activity at `rank` (clamped) current and brings it into view. */
  moveTo(rank: number): void {
    const model = this.#options.model();
    if (!model || !model.order.length) return;
    this.#current = Math.max(0, Math.min(model.order.length - 1, rank));
    this.#focusTooltip = true;
    this.#options.dismissHover();
    const span = this.#options.span(this.activity!);
    if (span) this.#options.viewport.reveal(span.from, span.to);
    this.#host.requestUpdate();
  }

  /** The current activity was picked with the pointer. */
  select(rank: number): void {
    this.#current = rank;
    this.#host.requestUpdate();
  }

  onKeyDown = (e: KeyboardEvent): void => {
    const model = this.#options.model();
    if (!model) return;
    const { viewport } = this.#options;
    const cur = this.#current < 0 ? 0 : this.#current;
    const step = (delta: number): void => this.moveTo(this.#current < 0 ? 0 : cur + delta);
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
        if (e.shiftKey) viewport.pan(0.25);
        else step(1);
        break;
      case 'ArrowDown':
        step(1);
        break;
      case 'ArrowLeft':
        if (e.shiftKey) viewport.pan(-0.25);
        else step(-1);
        break;
      case 'ArrowUp':
        step(-1);
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(model.order.length - 1);
        break;
      case 'PageDown':
        this.moveTo(rowJump(model, this.#current, 1));
        break;
      case 'PageUp':
        this.moveTo(rowJump(model, this.#current, -1));
        break;
      case 'Enter':
      case ' ': {
        const a = this.activity;
        if (a) this.#options.open(a);
        else this.moveTo(0);
        break;
      }
      case '+':
      case '=':
        viewport.zoomBy(ZOOM_STEP, this.#anchor());
        break;
      case '-':
      case '_':
        viewport.zoomBy(1 / ZOOM_STEP, this.#anchor());
        break;
      case '0':
        viewport.reset();
        break;
      case '[':
      case ']': {
        const a = this.activity;
        if (a) this.#options.windowEdge(e.key === '[' ? 'start' : 'end', a);
        break;
      }
      case 'Escape':
        handled = this.#options.dismissHover() || this.#focusTooltip;
        this.focusTooltip = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  /** Zooming from the keyboard keeps the current activity where it is. */
  #anchor(): number {
    const a = this.activity;
    const span = a ? this.#options.span(a) : null;
    const mid = span ? (span.from + span.to) / 2 : 0.5;
    return mid >= 0 && mid <= 1 ? mid : 0.5;
  }

  onFocus = (): void => {
    const model = this.#options.model();
    if (!model || !model.order.length) return;
    // Start at the first activity in view, not at the first of the period.
    if (this.#current < 0) this.#current = firstRankFrom(model, visibleRange(model.rows[0]!, this.#options.viewport.zoom).start);
    this.#focusTooltip = this.#options.focusVisible();
    this.#host.requestUpdate();
  };

  onBlur = (): void => {
    this.focusTooltip = false;
  };
}


