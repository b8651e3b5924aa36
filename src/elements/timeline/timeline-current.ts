/**
 * The keyboard's current item in the timeline — its highlight and its listbox option: templates
 * over the model and the walk (its tooltip is in timeline-tooltip.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import { cssomStyles } from '../base/cssom-styles.js';
import type { ActivityWalkController } from './activity-walk-controller.js';
import type { ZoomWindow } from './layout.js';
import { boxOf, spanBox, type TimelineModel } from './timeline-model.js';
import { describeActivity, describeStep, idleIn } from './timeline-text.js';

/** The keyboard's current activity or status stop: its highlight, and the lanes' listbox option (one id per item). */
export function renderCurrent(l: LocalizeController, model: TimelineModel, walk: ActivityWalkController, width: number, zoom: ZoomWindow, now: number): TemplateResult | typeof nothing {
  const a = walk.activity;
  const step = walk.step;
  if (!a && !step) return nothing;
  const box = step
    ? spanBox(model, 'status', step.step.start, step.step.end, width, zoom)
    : boxOf(model, a!, width, zoom, now);
  const from = box ? Math.max(0, Math.min(1, box.from)) : 0;
  const to = box ? Math.max(from, Math.min(1, box.to)) : 0;
  const style = cssomStyles({
    left: `${(from * 100).toFixed(4)}%`,
    width: `${((to - from) * 100).toFixed(4)}%`,
    top: `${(box?.top ?? 0) - 2}px`,
    height: `${(box?.height ?? 0) + 4}px`,
  });
  const label = step ? describeStep(l, model.mode, step.step, step.step.kind === 'ready' ? idleIn(model, step.step, now) : undefined) : describeActivity(l, model.mode, a!, now);
  return html`<div id=${optionId(walk)} part="current" class=${box && box.to >= 0 && box.from <= 1 ? 'current' : 'current off'} role="option" aria-selected="true"
    aria-setsize=${step ? step.count : model.order.length} aria-posinset=${(step ? step.index : walk.current) + 1} aria-label=${label} style=${style}></div>`;
}

/** The current option's id: `item-<rank>` for an activity, `status-<k>` for a status stop. */
export function optionId(walk: ActivityWalkController): string {
  const step = walk.step;
  return step ? `status-${step.index}` : `item-${walk.current}`;
}

