/**
 * The query controls — date navigation (the native date field shows the browser's format, so the
 * day or week it holds is written beside it in the element's language), Day / Week, Minutes, the
 * user picker, show deactivated —
 * as one template over a snapshot, for any element that lets a person change the query (the
 * timeline; a team view reuses it). Changes go through `change`, the element's `changeQuery`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TraceQuery, TraceSnapshot } from '../../data/store.js';
import type { LocalizeController, Messages } from '../../i18n/index.js';
import { periodLabel } from '../base/live-region.js';
import { isValidDate, shiftDate, todayIn } from '../../time/index.js';
import type { UserPickerTexts, UserTracePickerElement } from '../user-picker/user-picker.js';
import { isFullWindow } from './layout.js';
import { ZOOM_STEP, type ViewportController } from './viewport-controller.js';

export interface QueryControlsContext {
  snapshot: TraceSnapshot;
  l: LocalizeController;
  change: (patch: Partial<TraceQuery>) => void;
  retry: () => void;
  /** Now, by the store's clock, and the zone "today" is in. */
  now: () => number;
  timeZone: string;
  /** Offer the Minutes toggle (day view only). */
  minutes: boolean;
}

function pickerTexts(t: Messages['timeline']): UserPickerTexts {
  return {
    label: t.user,
    placeholder: t.userPlaceholder,
    deactivated: t.deactivated.replace(/^\((.*)\)$/, '$1'),
    toggle: t.showUsers,
    noMatches: t.noUserMatches,
    loading: t.loadingUsers,
    more: t.moreUsers,
    count: t.userCount,
  };
}

let pickerLoading: Promise<unknown> | null = null;

/**
 * The user picker's code loads with the first controls rendered, beside the data: it is not
 * needed to paint the overview. Until it has, the element waits, undefined, with its properties
 * set (Lit takes them over on upgrade).
 */
function loadPicker(): void {
  pickerLoading ??= import('../user-picker/define.js');
}

export function renderQueryControls(c: QueryControlsContext): TemplateResult {
  loadPicker();
  const { snapshot, change } = c;
  const t = c.l.t.timeline;
  const q = snapshot.query;
  const week = q.period === 'week';
  const denied = snapshot.status === 'denied';
  const go = (delta: number) => change({ date: shiftDate(q.date, q.period, delta) });
  const onDate = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    if (isValidDate(value)) change({ date: value });
  };
  const checked = (e: Event) => (e.target as HTMLInputElement).checked;
  return html`<div class="field">
      <span class="caption" id="date-caption">${t.dateNavigation}</span>
      <div class="group" role="group" aria-labelledby="date-caption">
        <button part="button" class="icon" type="button" aria-label=${week ? t.previousWeek : t.previousDay} title=${week ? t.previousWeek : t.previousDay} @click=${() => go(-1)}>
          <span aria-hidden="true">‹</span>
        </button>
        <button part="button" type="button" @click=${() => change({ date: todayIn(c.timeZone, c.now()) })}>${t.today}</button>
        <button part="button" class="icon" type="button" aria-label=${week ? t.nextWeek : t.nextDay} title=${week ? t.nextWeek : t.nextDay} @click=${() => go(1)}>
          <span aria-hidden="true">›</span>
        </button>
        <input part="date-input" type="date" aria-label=${t.date} aria-describedby="date-label" .value=${q.date} @change=${onDate} />
        <span part="date-label" id="date-label" aria-hidden="true">${snapshot.period ? periodLabel(c.l, snapshot.period) : ''}</span>
      </div>
    </div>
    <div class="field">
      <span class="caption" id="period-caption">${t.period}</span>
      <div class="group">
        <div class="segmented" role="group" aria-labelledby="period-caption">
          <button part="button" type="button" aria-pressed=${week ? 'false' : 'true'} @click=${() => change({ period: 'day' })}>${t.day}</button>
          <button part="button" type="button" aria-pressed=${week ? 'true' : 'false'} @click=${() => change({ period: 'week' })}>${t.week}</button>
        </div>
        ${c.minutes
          ? html`<label class="check">
              <input type="checkbox" .checked=${q.minutes && !week} ?disabled=${week} @change=${(e: Event) => change({ minutes: checked(e) })} />
              ${t.minutes}
            </label>`
          : nothing}
      </div>
    </div>
    <user-trace-user-picker
      part="user-picker"
      exportparts="input: user-picker-input, listbox: user-picker-listbox, option: user-picker-option"
      .users=${snapshot.users}
      .value=${q.userId}
      .texts=${pickerTexts(t)}
      ?loading=${snapshot.usersStatus === 'loading'}
      ?disabled=${denied}
      @change=${(e: Event) => change({ userId: (e.target as UserTracePickerElement).value })}
    ></user-trace-user-picker>
    ${snapshot.usersStatus === 'error'
      ? html`<p class="users-error" part="users-error" data-state="users-error" role="alert">
          ${t.usersError}
          <button part="button retry-button" type="button" @click=${c.retry}>${c.l.t.states.retry}</button>
        </p>`
      : nothing}
    <label class="check">
      <input type="checkbox" .checked=${q.includeDeactivated} ?disabled=${denied} @change=${(e: Event) => change({ includeDeactivated: checked(e) })} />
      ${t.showDeactivated}
    </label>`;
}

/**
 * Zoom out, zoom in, the whole day and, while zoomed, earlier / later: the single-pointer
 * alternative to the wheel, the pinch and dragging. Zooming keeps `anchor()` (the current
 * activity, else the middle of the window) where it is.
 */
export function renderZoomControls(m: Messages, viewport: ViewportController, minSpan: number, anchor: () => number): TemplateResult {
  const t = m.timeline;
  const zoom = viewport.zoom;
  const full = isFullWindow(zoom);
  const pan = (delta: number, label: string, glyph: string, disabled: boolean) =>
    html`<button part="button" class="icon" type="button" aria-label=${label} title=${label} ?disabled=${disabled} @click=${() => viewport.pan(delta)}>
      <span aria-hidden="true">${glyph}</span>
    </button>`;
  return html`<div class="group zoom" role="group" aria-label=${t.zoom}>
    ${full ? nothing : pan(-0.5, t.panEarlier, '‹', zoom.from <= 0)}
    <button part="button" class="icon" type="button" aria-label=${t.zoomOut} title=${t.zoomOut} ?disabled=${full} @click=${() => viewport.zoomBy(1 / ZOOM_STEP, anchor())}>
      <span aria-hidden="true">−</span>
    </button>
    <button part="button" class="icon" type="button" aria-label=${t.zoomIn} title=${t.zoomIn} ?disabled=${zoom.to - zoom.from <= minSpan + 1e-9} @click=${() => viewport.zoomBy(ZOOM_STEP, anchor())}>
      <span aria-hidden="true">+</span>
    </button>
    <button part="button" type="button" ?disabled=${full} @click=${() => viewport.reset()}>${t.zoomReset}</button>
    ${full ? nothing : pan(0.5, t.panLater, '›', zoom.to >= 1)}
  </div>`;
}
