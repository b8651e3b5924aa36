import type { ReactiveControllerHost } from 'lit';
import type { PreparedActivity } from '../../model/types.js';
import type { TimelineModel } from './timeline-model.js';
import { activityAtRank, carryRank, firstRankFrom, rowJump, stepAt } from './walk-model.js';
import { visibleRange } from './layout.js';
import type { StatusStep } from './status.js';
import { ZOOM_STEP, type ViewportController } from './viewport-controller.js';

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
  /** The Status lane's stops of the period, in time order. */
  steps: () => readonly StatusStep[];
  /** Where a status stop is drawn, as fractions of the visible window (null when not drawn). */
  stepSpan: (s: StatusStep) => { from: number; to: number } | null;
  openStep: (s: StatusStep) => void;
}

/**
 * The keyboard walk through the activities of the period in time order (docs/architecture.md):
 * ←/→ (or ↓) step, Home/End, PageUp/PageDown move a row, Enter opens, + / − zoom around the
 * current activity, 0 resets, Shift+←/→ pan, Escape hides the tooltip. ↑ moves to the Status
 * lane at the current activity's time, where ←/→ walk its stops (ready, each pause, logged out),
 * Enter opens one and ↓ returns to the activities. Keeps its place across a reload when the same
 * activity is still there.
 */
export class ActivityWalkController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ActivityWalkOptions;
  /** Rank of the current activity, or -1 before the lanes were focused. */
  #current = -1;
  /** The tooltip follows the current activity (keyboard focus) rather than the pointer. */
  #focusTooltip = false;
  /** Position in `steps()` of the current status stop, or -1 while the walk is on the activities. */
  #step = -1;

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
    return this.#step >= 0 ? null : activityAtRank(this.#options.model(), this.#current);
  }

  /** The current status stop and its position, when the walk is on the Status lane. */
  get step(): { step: StatusStep; index: number; count: number } | null {
    if (this.#step < 0) return null;
    const steps = this.#options.steps();
    const index = Math.min(this.#step, steps.length - 1);
    return index >= 0 ? { step: steps[index]!, index, count: steps.length } : null;
  }

  /** Makes status stop `k` (clamped) current and brings it into view. */
  moveToStep(k: number): void {
    const steps = this.#options.steps();
    if (!steps.length) return;
    this.#step = Math.max(0, Math.min(steps.length - 1, k));
    this.#focusTooltip = true;
    this.#options.dismissHover();
    const span = this.#options.stepSpan(steps[this.#step]!);
    if (span) this.#options.viewport.reveal(span.from, span.to);
    this.#host.requestUpdate();
  }

  /** A new model: the same activity stays current when it is still there. */
  carry(previous: TimelineModel | null, next: TimelineModel | null): void {
    this.#current = this.#current < 0 ? -1 : carryRank(previous, next, this.#current);
  }

  /** Makes the activity at `rank` (clamped) current and brings it into view. */
  moveTo(rank: number): void {
    const model = this.#options.model();
    if (!model || !model.order.length) return;
    this.#step = -1;
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
    this.#step = -1;
    this.#host.requestUpdate();
  }

  onKeyDown = (e: KeyboardEvent): void => {
    const model = this.#options.model();
    if (!model) return;
    const { viewport } = this.#options;
    if (this.#step >= 0 && this.#onStatusKey(e, model)) {
      e.preventDefault();
      return;
    }
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
      case 'ArrowUp': {
        const a = this.activity ?? activityAtRank(model, cur);
        this.moveToStep(stepAt(this.#options.steps(), Math.max(a?.start ?? model.periodStart, model.periodStart)));
        break;
      }
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
        viewport.zoomBy(ZOOM_STEP, this.anchor());
        break;
      case '-':
      case '_':
        viewport.zoomBy(1 / ZOOM_STEP, this.anchor());
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

  /** A key on the Status lane; false when it means the same as on the activities (zoom, Escape). */
  #onStatusKey(e: KeyboardEvent, model: TimelineModel): boolean {
    const k = this.#step;
    switch (e.shiftKey ? '' : e.key) {
      case 'ArrowRight':
        this.moveToStep(k + 1);
        return true;
      case 'ArrowLeft':
        this.moveToStep(k - 1);
        return true;
      case 'Home':
        this.moveToStep(0);
        return true;
      case 'End':
        this.moveToStep(this.#options.steps().length - 1);
        return true;
      case 'ArrowUp':
        return true;
      case 'ArrowDown': {
        const at = this.step?.step.start ?? model.periodStart;
        if (model.order.length) this.moveTo(firstRankFrom(model, at));
        return true;
      }
      case 'Enter':
      case ' ': {
        const current = this.step;
        if (current) this.#options.openStep(current.step);
        return true;
      }
      default:
        return false;
    }
  }

  /** Zooming (keys or buttons) keeps the current activity or status stop where it is, else the middle. */
  anchor(): number {
    const a = this.activity;
    const s = this.step;
    const span = s ? this.#options.stepSpan(s.step) : a ? this.#options.span(a) : null;
    const mid = span ? (span.from + span.to) / 2 : 0.5;
    return mid >= 0 && mid <= 1 ? mid : 0.5;
  }

  onFocus = (): void => {
    const model = this.#options.model();
    if (!model) return;
    if (!model.order.length) {
      // Nothing but the Status lane to walk.
      if (this.#step < 0) this.#step = Math.max(0, stepAt(this.#options.steps(), visibleRange(model.rows[0]!, this.#options.viewport.zoom).start));
    } else if (this.#current < 0 && this.#step < 0) this.#current = firstRankFrom(model, visibleRange(model.rows[0]!, this.#options.viewport.zoom).start);
    this.#focusTooltip = this.#options.focusVisible();
    this.#host.requestUpdate();
  };

  onBlur = (): void => {
    this.focusTooltip = false;
  };
}


