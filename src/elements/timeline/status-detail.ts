/**
 * The detail of a status stop opened with Enter on the Status lane: what it was, when, how long,
 * and the idle part of ready time. Its code loads on the first Enter on a stop.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import { fieldLabel } from '../../i18n/en-fields.js';
import { adoptStyles } from '../base/adopt-styles.js';
import type { StatusStep } from './status.js';
import type { TimelineModel } from './timeline-model.js';
import { idleIn, statusLabel } from './timeline-text.js';

const stepDetailStyles = css`
  /* The detail of a status stop (Enter on the Status lane). */
  .segment-detail {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: 1rem 1.25rem;
    min-width: min(18rem, 90vw);
  }
  .segment-detail h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .segment-detail dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 0.75rem;
  }
  .segment-detail dd {
    margin: 0;
  }

`;

/** Adds the dialog's styles to the timeline's shadow root (once). */
export function adoptStepDetailStyles(root: HTMLElement | DocumentFragment): void {
  adoptStyles(root, stepDetailStyles);
}

export function renderStepDetail(l: LocalizeController, model: TimelineModel, s: StatusStep, now: number, close: () => void): TemplateResult | typeof nothing {
  const row = (key: string, value: string) => html`<dt>${fieldLabel(l.t, key)}</dt><dd>${value}</dd>`;
  return html`<dialog part="segment-dialog" class="segment-detail" aria-labelledby="segment-title" @close=${close}
    @cancel=${(e: Event) => {
      e.preventDefault();
      close();
    }}>
    <h3 id="segment-title">${statusLabel(l, s)}</h3>
    <dl>
      ${row('start', l.dateTime(s.start))} ${row('end', s.running ? l.t.common.running : l.dateTime(s.end))} ${row('duration', l.duration((s.end - s.start) / 1000))}
      ${s.kind === 'ready' ? row(l.t.stats.figures.loginIdle.label, l.duration(idleIn(model, s, now) / 1000)) : nothing}
    </dl>
    <button part="button" type="button" class="close" @click=${close}>${l.t.detail.close}</button>
  </dialog>`;
}
