/**
 * What the timeline needs only once a person acts on it: the keyboard walk (activities and the
 * Status lane's stops), selecting a window on the axis, the current item's highlight and the
 * tooltip with the pointer's way to it. The element loads this module with `import()` when it connects, beside the data, so
 * the first paint does not wait for it (and the main bundle does not carry it).
 */
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { interactionStyles } from './interaction.styles.js';
import { adoptStyles } from '../base/adopt-styles.js';
import type { LocalizeController } from '../../i18n/index.js';
import type { PreparedActivity } from '../../model/types.js';
import { ActivityWalkController } from './activity-walk-controller.js';
import type { StatusStep } from './status.js';
import { optionId, renderCurrent } from './timeline-current.js';
import { hoverBridge, renderTimelineTooltip, type HoverBridge } from './timeline-tooltip.js';
import { boxOf, spanBox, type Hit, type TimelineModel } from './timeline-model.js';
import type { ViewportController } from './viewport-controller.js';
import { hitTest } from './hit-test.js';
import { stepsOf, windowWithEdge } from './walk-model.js';
import { WindowSelectController } from './window-select-controller.js';
import { useDenseBinning } from './bins.js';
import { binDense } from './dense-coverage.js';

// Redraws at hundreds of thousands of activities a lane (a zoom, a pan) bin from coverage made once.
useDenseBinning(binDense);

/** What the interaction reads from and does to its element. */
export interface InteractionContext {
  model: () => TimelineModel | null;
  viewport: ViewportController;
  /** The plot's width in CSS px as last laid out, and the element's clock. */
  width: () => number;
  now: () => number;
  lanes: () => HTMLElement | null;
  axis: () => HTMLElement | null;
  open: (a: PreparedActivity) => void;
  /** A window selected in the UI (`endMs <= startMs`: none). */
  setWindow: (startMs: number, endMs: number) => void;
  /** Hides the pointer's tooltip; returns whether one was shown. */
  dismissHover: () => boolean;
  /** Shows the tooltip of what the pointer is over (null: none). */
  setHover: (hit: Hit | null) => void;
  /** The element's shadow root (the status stop's dialog is in it). */
  root: () => HTMLElement | DocumentFragment;
}

/** The status stop whose detail is open (Enter on a stop); the dialog's code loads on the first one. */
export class StepDetail {
  step: StatusStep | null = null;
  #code: typeof import('./status-detail.js') | null = null;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly c: InteractionContext,
  ) {}

  open(s: StatusStep): void {
    this.step = s;
    this.host.requestUpdate();
    void import('./status-detail.js').then((m) => {
      this.#code = m;
      m.adoptStepDetailStyles(this.c.root());
      this.host.requestUpdate();
    });
  }

  close = (): void => {
    if (!this.step) return;
    // At once, not on the dialog's `close` event: that is a later task, late in a background tab.
    this.#dialog()?.close();
    this.step = null;
    this.host.requestUpdate();
    this.c.lanes()?.focus({ preventScroll: true });
  };

  render(l: LocalizeController, model: TimelineModel | null, now: number): TemplateResult | typeof nothing {
    return model && this.step && this.#code ? this.#code.renderStepDetail(l, model, this.step, now, this.close) : nothing;
  }

  /** After the element's update: the dialog opens modally (opening moves focus, and the lanes' blur updates the element). */
  updated(): void {
    const dialog = this.#dialog();
    if (dialog && !dialog.open) queueMicrotask(() => dialog.isConnected && !dialog.open && dialog.showModal());
  }

  #dialog(): HTMLDialogElement | null {
    return this.c.root().querySelector<HTMLDialogElement>('.segment-detail');
  }
}

/** The interaction of one timeline element, with the templates that show it. */
export interface TimelineInteraction {
  walk: ActivityWalkController;
  windowSelect: WindowSelectController;
  stepDetail: StepDetail;
  optionId: typeof optionId;
  renderCurrent: typeof renderCurrent;
  renderTimelineTooltip: typeof renderTimelineTooltip;
  hitTest: typeof hitTest;
  /** The pointer's way from what it is over to the tooltip. */
  bridge: HoverBridge;
}

export function attachInteraction(host: ReactiveControllerHost, c: InteractionContext): TimelineInteraction {
  adoptStyles(c.root(), interactionStyles);
  const stepDetail = new StepDetail(host, c);
  const walk = new ActivityWalkController(host, {
    model: c.model,
    viewport: c.viewport,
    span: (a) => {
      const model = c.model();
      return model ? boxOf(model, a, c.width(), c.viewport.zoom, c.now()) : null;
    },
    open: c.open,
    focusVisible: () => c.lanes()?.matches(':focus-visible') ?? false,
    windowEdge: (edge, a) => c.setWindow(...windowWithEdge(c.model()!, edge, a, c.now())),
    dismissHover: c.dismissHover,
    steps: () => {
      const model = c.model();
      return model ? stepsOf(model, c.now()) : [];
    },
    stepSpan: (s) => {
      const model = c.model();
      return model ? spanBox(model, 'status', s.start, s.end, c.width(), c.viewport.zoom) : null;
    },
    openStep: (s) => stepDetail.open(s),
  });
  const windowSelect = new WindowSelectController(host, { model: c.model, zoom: () => c.viewport.zoom, axis: c.axis, select: c.setWindow });
  const bridge = hoverBridge(() => c.root().querySelector<HTMLElement>('.tooltip'), c.setHover);
  return { walk, windowSelect, stepDetail, optionId, renderCurrent, renderTimelineTooltip, hitTest, bridge };
}
