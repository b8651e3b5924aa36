import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import type { TraceSnapshot } from '../../data/store.js';
import { periodLabel } from './live-region.js';

/**
 * While a new query loads, the previous view stays (dimmed and busy): this line says which period
 * it is, since the heading already names the new one — or, for a first part of the new one, that
 * the rest is coming.
 */
export function renderStale(l: LocalizeController, snapshot: TraceSnapshot): TemplateResult | typeof nothing {
  const { status, view } = snapshot;
  return status === 'loading' && view
    ? html`<p class="stale" part="stale" data-state=${view.partial ? 'partial' : 'stale'}>${view.partial ? l.t.states.loadingRest : l.t.states.stillShowing(periodLabel(l, view.period))}</p>`
    : nothing;
}
