/**
 * What the timeline says in words: the heading, row labels, the activities' accessible names,
 * the tooltips and the legend. Templates and strings only; the element decides when.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyles } from '../base/cssom-styles.js';
import type { PreparedActivity, TraceUser } from '../../model/types.js';
import { COLOUR_KEYS } from '../../model/catalog.js';
import { endAt } from '../../model/interval.js';
import type { ResolvedPeriod } from '../../time/index.js';
import { activityTypeLabel, type LocalizeController } from '../../i18n/index.js';
import { axisTicks } from './axis.js';
import { fractionOf, visibleRange, type TimelineMode, type TimelineRow, type ZoomWindow } from './layout.js';
import type { ActivityBox, Hit, TimelineModel } from './timeline-model.js';
import type { StatusSegment } from './status.js';
import { PROBES } from './plot-canvas-controller.js';

type Localize = LocalizeController;

/** Hours of a day that is not 24 h long (DST), rounded to a half hour; null on ordinary days. */
function oddHours(startMs: number, endMs: number): number | null {
  const h = Math.round(((endMs - startMs) / 3_600_000) * 2) / 2;
  return h === 24 ? null : h;
}

/** The period (and user) shown. */
export function renderHeading(l: Localize, period: ResolvedPeriod | null, user: TraceUser | null): TemplateResult | typeof nothing {
  const first = period?.days[0];
  const last = period?.days[period.days.length - 1];
  if (!period || !first || !last) return nothing;
  const single = period.days.length === 1;
  const label = single ? l.date(first.date, 'full') : `${l.date(first.date, 'medium')} – ${l.date(last.date, 'medium')}`;
  const hours = single ? oddHours(first.startMs, first.endMs) : null;
  return html`<h2 part="heading" class="heading">
    <span>${label}</span>${hours !== null ? html`<span class="sub">(${l.t.timeline.hours(hours)})</span>` : nothing}
    ${user ? html`<span class="sub">${user.name}${user.deactivated ? ` ${l.t.timeline.deactivated}` : ''}</span>` : nothing}
  </h2>`;
}

/** The name of the period for the lanes' label: "Overview of Tuesday…" or a date range. */
export function periodName(l: Localize, period: ResolvedPeriod): string {
  const first = period.days[0]?.date ?? '';
  const last = period.days[period.days.length - 1]?.date ?? '';
  return period.days.length === 1 ? l.t.timeline.dayOverview(l.date(first, 'full')) : `${l.date(first, 'medium')} – ${l.date(last, 'medium')}`;
}

/** The gutter label of a week or minutes row, with its length on DST days. */
export function renderRowLabel(l: Localize, mode: TimelineMode, row: TimelineRow): TemplateResult {
  const label = mode === 'minutes' ? (row.label ?? '') : `${l.weekday(row.date ?? row.startMs, 'short')} ${l.date(row.date ?? row.startMs, 'medium')}`;
  const hours = mode === 'week' ? oddHours(row.startMs, row.endMs) : null;
  return html`${label}${hours !== null ? html`<span class="hours">${l.t.timeline.hours(hours)}</span>` : nothing}`;
}

/** An activity's accessible name: type, time, duration, title and queue. */
export function describeActivity(l: Localize, mode: TimelineMode, a: PreparedActivity, now: number): string {
  const t = l.t;
  const range = `${mode === 'week' ? `${l.weekday(a.start, 'short')} ` : ''}${l.timeRange(a.start, a.end)}`;
  const duration = l.durationWords((endAt(a.start, a.end, now) - a.start) / 1000) + (a.end === null ? `, ${t.common.running}` : '');
  const rec = a.record;
  const extra = [rec.title, rec.queue ? `${t.activities.columns.queue} ${rec.queue}` : undefined].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
  return t.timeline.activityLabel(activityTypeLabel(t, a.type), range, duration, extra.length ? extra.join(', ') : undefined);
}

/** The tooltip of an activity (`count` > 1: more activities share the pixel). */
export function renderActivityTip(l: Localize, mode: TimelineMode, a: PreparedActivity, count: number, now: number): TemplateResult {
  const t = l.t;
  return html`<div class="t-type">${activityTypeLabel(t, a.type)}${a.end === null ? ` (${t.common.running})` : ''}</div>
    <div>${mode === 'week' ? `${l.weekday(a.start, 'short')} ` : ''}${l.timeRange(a.start, a.end)}</div>
    <div>${l.duration((endAt(a.start, a.end, now) - a.start) / 1000)}</div>
    ${a.record.title ? html`<div>${a.record.title}</div>` : nothing}
    ${a.record.queue ? html`<div>${t.activities.columns.queue}: ${a.record.queue}</div>` : nothing}
    ${count > 1 ? html`<div class="t-more">${t.timeline.activityCluster(count)}</div>` : nothing}`;
}

/** What a status segment is: logged out (null), ready, or which pause. */
export function statusLabel(l: Localize, s: StatusSegment | null): string {
  const status = l.t.common.status;
  return !s ? status.loggedOut : s.kind === 'ready' ? status.ready : `${s.kind === 'paid' ? status.pausedPaid : status.pausedUnpaid}${s.name ? ` – ${s.name}` : ''}`;
}

/** A status segment's accessible name: what, when, how long. */
export function describeStatus(l: Localize, s: StatusSegment): string {
  return `${statusLabel(l, s)}, ${l.timeRange(s.start, s.running ? null : s.end)}, ${l.durationWords((s.end - s.start) / 1000)}`;
}

/** The tooltip of the status lane at a point: logged out, ready, or which pause. */
export function renderStatusTip(l: Localize, s: StatusSegment | null): TemplateResult {
  return html`<div class="t-type">${statusLabel(l, s)}</div>${s
      ? html`<div>${l.timeRange(s.start, s.running ? null : s.end)}</div><div>${l.duration((s.end - s.start) / 1000)}</div>`
      : nothing}`;
}

/** The colour legend: the status kinds, then every activity type of the catalogue (`other` when shown), the now-line. */
export function renderLegend(l: Localize, hasOther: boolean, showNow: boolean): TemplateResult {
  const t = l.t;
  const status = t.common.status;
  const item = (cls: string, label: string) => html`<li><span class="swatch sw-${cls}" aria-hidden="true"></span>${label}</li>`;
  return html`<ul part="legend" class="legend" aria-label=${t.timeline.legend}>
    ${item('logged-out', status.loggedOut)} ${item('ready', status.ready)} ${item('paid', status.pausedPaid)} ${item('unpaid', status.pausedUnpaid)}
    ${COLOUR_KEYS.filter((k) => k !== 'other' || hasOther).map(
      (k) => html`<li><span class="swatch" data-kind=${k} aria-hidden="true"></span>${activityTypeLabel(t, k)}</li>`,
    )}
    ${showNow ? html`<li><span class="swatch now sw-now" aria-hidden="true"></span>${t.timeline.now}</li>` : nothing}
  </ul>`;
}

/** The colour probes the canvas palette is read from. */
export function renderProbes(): TemplateResult {
  return html`<div class="probes" aria-hidden="true">
    ${COLOUR_KEYS.map((k) => html`<span class="probe" data-kind=${k}></span>`)}${PROBES.map((name) => html`<span class="probe-${name}"></span>`)}
  </div>`;
}

/** The ticks and labels of one row's visible axis (HTML over the canvas, so labels are text). */
export function renderTicks(l: Localize, model: Pick<TimelineModel, 'mode' | 'timeZone'>, row: TimelineRow, zoom: ZoomWindow, width: number): TemplateResult[] {
  const { start, end } = visibleRange(row, zoom);
  return axisTicks(model.mode, row, start, end, model.timeZone, width).map((tick) => {
    const f = fractionOf(tick.at, start, end);
    const pos = cssomStyles({ left: `${(f * 100).toFixed(3)}%` });
    const edge = f < 0.02 ? ' first' : f > 0.98 ? ' last' : '';
    const label = model.mode === 'minutes' ? `:${String(tick.minute ?? 0).padStart(2, '0')}` : l.time(tick.at);
    return html`<span class=${`tick${tick.major ? ' major' : ''}${tick.hour ? ' hour' : ''}`} data-at=${tick.at} style=${pos}></span>${tick.major
        ? html`<span class="tick-label${edge}" style=${pos}>${label}</span>`
        : nothing}`;
  });
}

/** The tooltip: of what the pointer is over, else of the keyboard's current activity when it is in view. */
export function renderTooltip(
  l: Localize,
  model: TimelineModel,
  width: number,
  now: number,
  hover: Hit | null,
  focused: { activity: PreparedActivity; box: ActivityBox } | null,
): TemplateResult {
  let content: TemplateResult | typeof nothing = nothing;
  let x = 0;
  let y = 0;
  let below = 0;
  if (hover) {
    ({ x, y } = hover);
    below = 18;
    content =
      hover.kind === 'activity'
        ? renderActivityTip(l, model.mode, model.view.prepared.activities[hover.index]!, hover.count, now)
        : renderStatusTip(l, hover.segment);
  } else if (focused) {
    const { box } = focused;
    x = box.left + Math.max(0, box.width) / 2;
    y = box.top + box.height;
    below = 8;
    content = renderActivityTip(l, model.mode, focused.activity, 1, now);
  }
  const left = Math.max(0, Math.min(x + 12, width - 260));
  const height = model.layout.height;
  const pos = y + below + 90 > height && y > 100 ? { left: `${left}px`, bottom: `${height - y + 12}px` } : { left: `${left}px`, top: `${y + below}px` };
  return html`<div part="tooltip" class="tooltip" id="tooltip" role="tooltip" ?hidden=${content === nothing} style=${cssomStyles(pos)}>${content}</div>`;
}
