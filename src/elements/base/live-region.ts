import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { TraceSnapshot } from '../../data/store.js';
import { countInPeriod } from '../../report/activity-rows.js';
import type { ResolvedPeriod } from '../../time/index.js';
import type { LocalizeController } from '../../i18n/index.js';

/** The period in words: the full date of a day, or the first and last day of a week. */
export function periodLabel(l: LocalizeController, period: ResolvedPeriod): string {
  const first = period.days[0]?.date ?? '';
  const last = period.days[period.days.length - 1]?.date ?? '';
  return period.days.length === 1 ? l.date(first, 'full') : `${l.date(first, 'medium')} – ${l.date(last, 'medium')}`;
}

/**
 * What the snapshot has to say, with a key that changes only when there is something new to say;
 * the text is made only when asked (it counts the activities, and the key is asked on every update).
 */
export function announcementOf(l: LocalizeController, snapshot: TraceSnapshot): { key: string; text: () => string } | null {
  const s = l.t.states;
  const { status, period, view, query } = snapshot;
  switch (status) {
    case 'loading':
      return { key: `loading ${query.userId} ${period?.range.start} ${period?.range.end}`, text: () => s.loading };
    case 'ready':
    case 'empty': {
      if (!view) return null;
      const count = () => countInPeriod(view.prepared, view.period.startMs, view.period.endMs, view.now);
      const who = snapshot.user ? `, ${snapshot.user.name}` : '';
      return { key: `view ${view.id}`, text: () => `${periodLabel(l, view.period)}${who}: ${l.t.timeline.activityCluster(count())}` };
    }
    case 'error':
      return { key: `error ${snapshot.error?.message}`, text: () => s.error };
    case 'denied':
      return { key: 'denied', text: () => `${s.accessDeniedTitle}. ${s.accessDeniedText}` };
    default:
      return null;
  }
}

/**
 * The one polite live region of a stand-alone element or a container (only the owner of a store
 * announces): the loading of a new period, the period and user then shown with the number of
 * activities, an error, a denial — each once, however often the element re-renders.
 */
export class LiveRegionController implements ReactiveController {
  readonly #l: LocalizeController;
  readonly #snapshot: () => TraceSnapshot;
  #key = '';
  #text = '';

  constructor(host: ReactiveControllerHost, l: LocalizeController, snapshot: () => TraceSnapshot) {
    this.#l = l;
    this.#snapshot = snapshot;
    host.addController(this);
  }

  hostUpdate(): void {
    const next = announcementOf(this.#l, this.#snapshot());
    if (next && next.key !== this.#key) {
      this.#key = next.key;
      this.#text = next.text();
    }
  }

  /** The region; rendered from the first update on, so that later text in it is announced. */
  render(owns: boolean): TemplateResult | typeof nothing {
    return owns ? html`<div class="visually-hidden" part="live" role="status" aria-live="polite">${this.#text}</div>` : nothing;
  }
}
