/**
 * What the timeline says in words: the heading, row labels, the activities' accessible names,
 * the tooltips and the legend. Templates and strings only; the element decides when.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssomStyles } from '../base/cssom-styles.js';
import type { PreparedActivity, TraceUser } from '../../model/types.js';
import { ACTIVITY_LANES, COLOUR_KEYS, COLOUR_PATTERNS, type FillPattern } from '../../model/catalog.js';
import { endAt } from '../../model/interval.js';
import type { ResolvedPeriod } from '../../time/index.js';
import { activityTypeLabel, type LocalizeController } from '../../i18n/index.js';
import { axisTicks, LABEL_GAP_PX, LABEL_SPACE_PX, MARK_GAP_PX, placeLabels, type AxisTick } from './axis.js';
import { axisOf, fractionOf, visibleInstants, visibleRange, type TimelineMode, type TimelineRow, type ZoomWindow } from './layout.js';
import { statusOf, type TimelineModel } from './timeline-model.js';
import type { StatusSegment, StatusStep } from './status.js';
import { intersectSpans, totalMs, type Span } from '../../stats/intervals.js';
import { PROBES } from './plot-canvas-controller.js';
import { periodLabel } from '../base/live-region.js';

type Localize = LocalizeController;

/** Hours of a day that is not 24 h long (DST), rounded to a half hour; null on ordinary days. */
export function oddHours(startMs: number, endMs: number): number | null {
  const h = Math.round(((endMs - startMs) / 3_600_000) * 2) / 2;
  return h === 24 ? null : h;
}

/** The period (and user) shown. */
export function renderHeading(l: Localize, period: ResolvedPeriod | null, user: TraceUser | null): TemplateResult | typeof nothing {
  const first = period?.days[0];
  const last = period?.days[period.days.length - 1];
  if (!period || !first || !last) return nothing;
  const single = period.days.length === 1;
  const label = periodLabel(l, period);
  const hours = single ? oddHours(first.startMs, first.endMs) : null;
  return html`<h2 part="heading" class="heading">
    <span>${label}</span>${hours !== null ? html`<span class="sub">(${l.t.timeline.hours(hours)})</span>` : nothing}
    ${user ? html`<span class="sub">${user.name}${user.deactivated ? ` ${l.t.timeline.deactivated}` : ''}</span>` : nothing}
  </h2>`;
}

/** The name of the period for the lanes' label: "Overview of Tuesday…" or a date range. */
export function periodName(l: Localize, period: ResolvedPeriod): string {
  return period.days.length === 1 ? l.t.timeline.dayOverview(periodLabel(l, period)) : periodLabel(l, period);
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

/** What a status stop was: logged out, ready, or which pause (paid or unpaid). */
export function statusLabel(l: Localize, s: StatusSegment | StatusStep | null): string {
  const status = l.t.common.status;
  if (!s || s.kind === 'out') return status.loggedOut;
  if (s.kind === 'ready') return status.ready;
  return `${s.kind === 'paid' ? status.pausedPaid : status.pausedUnpaid}${s.name ? ` – ${s.name}` : ''}`;
}

/** A status stop's accessible name: what it was, when, how long (and, for ready time, how much of it was idle). */
export function describeStep(l: Localize, mode: TimelineMode, s: StatusStep, idleMs?: number): string {
  const range = `${mode === 'week' ? `${l.weekday(s.start, 'short')} ` : ''}${l.timeRange(s.start, s.running ? null : s.end)}`;
  const idle = idleMs !== undefined ? l.t.timeline.idlePart(l.durationWords(idleMs / 1000)) : undefined;
  return l.t.timeline.activityLabel(statusLabel(l, s), range, l.durationWords((s.end - s.start) / 1000) + (s.running ? `, ${l.t.common.running}` : ''), idle);
}

/** A status segment's accessible name: what, when, how long. */
export function describeStatus(l: Localize, s: StatusSegment): string {
  return `${statusLabel(l, s)}, ${l.timeRange(s.start, s.running ? null : s.end)}, ${l.durationWords((s.end - s.start) / 1000)}`;
}

/**
 * The tooltip of the status lane at a point (or of the keyboard's status stop): over idle time the
 * idle stretch, else the stop, with the idle part of ready time (`idleMs`).
 */
export function renderStatusTip(l: Localize, s: StatusSegment | StatusStep | null, idle: Span | null = null, idleMs?: number): TemplateResult {
  if (idle) {
    return html`<div class="t-type">${l.t.timeline.idle}</div><div>${l.timeRange(idle.start, idle.end)}</div><div>${l.duration((idle.end - idle.start) / 1000)}</div>`;
  }
  return html`<div class="t-type">${statusLabel(l, s)}</div>${s
      ? html`<div>${l.timeRange(s.start, s.running ? null : s.end)}</div><div>${l.duration((s.end - s.start) / 1000)}</div>`
      : nothing}${idleMs !== undefined ? html`<div>${l.t.timeline.idlePart(l.duration(idleMs / 1000))}</div>` : nothing}`;
}

/**
 * The colour legend, a list: the status kinds, then every activity type of the catalogue (`other`
 * when shown), the now-line. Each item says, to screen readers too, how it is filled.
 */
export function renderLegend(l: Localize, hasOther: boolean, showNow: boolean): TemplateResult {
  const t = l.t;
  const status = t.common.status;
  const fills = t.timeline.fills;
  const item = (cls: string, label: string, pattern?: FillPattern, kind?: string, fill: keyof typeof fills = pattern ?? 'solid') =>
    html`<li><span class="swatch ${cls}" data-kind=${kind ?? nothing} data-pattern=${pattern ?? nothing}></span>${label}<span class="visually-hidden"> – ${fills[fill]}</span></li>`;
  return html`<ul part="legend" class="legend" role="list" aria-label=${t.timeline.legend}>
    ${item('sw-logged-out', status.loggedOut)} ${item('sw-ready', status.ready)} ${item('sw-idle', t.timeline.idle, 'horizontal')} ${item('sw-paid', status.pausedPaid, 'diagonal')} ${item('sw-unpaid', status.pausedUnpaid, 'cross')}
    ${COLOUR_KEYS.map((k, i) => (k !== 'other' || hasOther ? item('', activityTypeLabel(t, k), COLOUR_PATTERNS[i] ?? undefined, k) : nothing))}
    ${showNow ? item('now sw-now', t.timeline.now, undefined, undefined, 'line') : nothing}
  </ul>`;
}

/**
 * The colour probes the canvas palette is read from, and a second set that watches them: its
 * colours change with a transition of 1 ms, so `changed` hears of any change — a host's theme
 * class or custom property, the color scheme — once the new colours are resolved
 * (`transitionend`), and the canvas is painted again. (The palette is read from the first set,
 * which has no transition: a read never sees a colour half-way.)
 */
export function renderProbes(changed: () => void): TemplateResult {
  const spans = html`${COLOUR_KEYS.map((k) => html`<span class="probe" data-kind=${k}></span>`)}${PROBES.map((name) => html`<span class="probe-${name}"></span>`)}`;
  return html`<div class="probes" aria-hidden="true">${spans}</div><div class="probes watch" aria-hidden="true" @transitionend=${changed}>${spans}</div>`;
}

/**
 * The ticks and labels of one row's visible axis (HTML over the canvas, so labels are text), for
 * labels at most `labelWidth` px wide (the label probe's width): a pool of spans sized by the
 * plot's width, placed with transforms, so that zooming and panning move and relabel the same
 * spans (no layout of their boxes) rather than create or remove them. Without `marks` only the
 * labels (the canvas draws the marks: the week's row axes).
 */
export function renderTicks(l: Localize, model: Pick<TimelineModel, 'mode' | 'timeZone'>, row: TimelineRow, zoom: ZoomWindow, width: number, labelWidth = LABEL_GAP_PX - LABEL_SPACE_PX, marks = true): TemplateResult[] {
  const { start, end } = visibleRange(row, zoom);
  const shown = visibleInstants(row, zoom);
  const ticks = axisTicks(model.mode, row, shown.start, shown.end, model.timeZone, width, labelWidth + LABEL_SPACE_PX);
  const x = (tick: AxisTick) => fractionOf(axisOf(row, tick.at), start, end) * width;
  const labelled = ticks.filter((tick) => tick.major);
  const places = placeLabels(labelled.map(x), width, labelWidth);
  const pool = (n: number, used: number) => Array.from({ length: Math.max(used, Math.floor(width / n) + 3) }, (_, i) => i);
  const markSpans = (marks ? pool(MARK_GAP_PX, ticks.length) : []).map((i) => {
    const tick = ticks[i];
    return html`<span class="tick ${tick?.major ? 'major' : ''} ${tick?.hour ? 'hour' : ''}" ?hidden=${!tick} style=${cssomStyles({ transform: `translateX(${tick ? x(tick).toFixed(1) : 0}px)` })}></span>`;
  });
  const labels = pool(labelWidth + LABEL_SPACE_PX, labelled.length).map((i) => {
    const tick = labelled[i];
    const place = places[i];
    const shift = !place ? '' : place.align < 0 ? 'translateX(0)' : place.align > 0 ? `translateX(${width}px) translateX(-100%)` : `translateX(${place.x.toFixed(1)}px) translateX(-50%)`;
    return html`<span class="tick-label" ?hidden=${!place} style=${cssomStyles({ transform: shift })}>${place ? tickLabel(l, model.mode, tick!) : ''}</span>`;
  });
  return [...markSpans, ...labels];
}

function tickLabel(l: Localize, mode: TimelineMode, tick: AxisTick): string {
  return mode === 'minutes' ? `:${String(tick.minute ?? 0).padStart(2, '0')}` : l.time(tick.at);
}

/**
 * The widest labels a row's axis can show, stacked, out of sight: its width (read from a
 * ResizeObserver) is how far apart labelled ticks must be, in this language, font and text spacing.
 * Digits are tabular, so midnight and 22:45 ("12:00 AM", "10:45 PM") are as wide as any.
 */
export function renderLabelProbe(l: Localize, mode: TimelineMode, row: TimelineRow): TemplateResult {
  const label = (d: number) => tickLabel(l, mode, { at: row.axisStart + d, major: true, minute: 45 });
  return html`<span class="axis-probe" aria-hidden="true">${label(0)}<br />${label(81_900_000)}</span>`;
}

/**
 * The period in words, for screen readers before any focus: logged-in, ready and idle time, the
 * pauses, then the activities per lane.
 */
export function periodSummary(l: Localize, model: TimelineModel): string {
  const f = l.t.stats.figures;
  const { login, pauses } = model.view.stats;
  const lanes = model.layout.lanes.flatMap((b) =>
    b.lane === 'status' ? [] : [`${l.t.common.lanes[b.lane]}: ${l.t.timeline.activityCluster(model.laneCount[ACTIVITY_LANES.indexOf(b.lane)]!)}`],
  );
  const time = (label: string, seconds: number) => `${label} ${l.durationWords(seconds)}`;
  return [
    time(f.loginLogged.label, login.logged),
    time(f.loginReady.label, login.ready),
    time(f.loginIdle.label, login.idle),
    time(f.pausesPaid.label, pauses.paid),
    time(f.pausesUnpaid.label, pauses.unpaid),
    ...lanes,
  ].join('; ');
}

/** The time window as a shaded band on each row it crosses (`startMs`–`endMs`, the selected or the one being dragged). */
export function renderWindowBand(model: TimelineModel, zoom: ZoomWindow, span: { startMs: number; endMs: number } | null): TemplateResult[] {
  if (!span) return [];
  return model.rows.flatMap((row, r) => {
    const from = Math.max(span.startMs, row.startMs);
    const to = Math.min(span.endMs, row.endMs);
    if (to <= from) return [];
    const { start, end } = visibleRange(row, zoom);
    const left = Math.max(0, fractionOf(axisOf(row, from), start, end));
    const right = Math.min(1, fractionOf(axisOf(row, to), start, end));
    if (right <= left) return [];
    const style = cssomStyles({ left: `${(left * 100).toFixed(3)}%`, width: `${((right - left) * 100).toFixed(3)}%`, top: `${r * model.layout.rowHeight}px`, height: `${model.layout.rowHeight}px` });
    return [html`<div class="window-band" part="window-band" aria-hidden="true" style=${style}></div>`];
  });
}

/** The selected window's times and the button that clears it. */
export function renderWindowChip(l: Localize, window: { startMs: number; endMs: number } | null, clear: () => void): TemplateResult | typeof nothing {
  if (!window) return nothing;
  const t = l.t.timeline;
  return html`<div class="window-chip" part="window">
    <span>${t.windowLabel(l.timeRange(window.startMs, window.endMs))}</span>
    <button part="button" type="button" @click=${clear}>${t.clearWindow}</button>
  </div>`;
}

/** The idle part of a stretch of the Status lane, in ms. */
export function idleIn(model: TimelineModel, span: Span, now: number): number {
  return totalMs(intersectSpans(statusOf(model, now).idle, [span]));
}
