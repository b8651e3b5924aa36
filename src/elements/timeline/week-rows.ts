/**
 * What each week row says in words: the day's label as a button that opens the day, its
 * logged-in, ready and idle time and its number of activities (PRODUCT §6, week rows), and the
 * lanes' compact labels. The figures are `computePreparedStats` of the day, the same definitions
 * as the statistics element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import { endAt, overlaps } from '../../model/interval.js';
import { computePreparedStats } from '../../stats/compute-stats.js';
import { cssomStyles } from '../base/cssom-styles.js';
import type { TimelineModel } from './timeline-model.js';
import { oddHours } from './timeline-text.js';

/** One day of a week row in figures (seconds; activities overlapping the day). */
export interface DaySummary {
  date: string;
  logged: number;
  ready: number;
  idle: number;
  activities: number;
}

const cache = new WeakMap<TimelineModel, { now: number; days: DaySummary[] }>();

/** The figures of each row of a week model, as of the view's `now` (computed once per model and clock). */
export function daySummaries(model: TimelineModel): DaySummary[] {
  const now = model.view.now;
  const cached = cache.get(model);
  if (cached?.now === now) return cached.days;
  const { prepared } = model.view;
  const days = model.rows.map((row) => {
    const { login } = computePreparedStats(prepared, row.startMs, row.endMs, now);
    let activities = 0;
    for (const i of model.order) {
      const a = prepared.activities[i]!;
      if (overlaps(a.start, endAt(a.start, a.end, now), row.startMs, row.endMs)) activities++;
    }
    return { date: row.date ?? '', logged: login.logged, ready: login.ready, idle: login.idle, activities };
  });
  cache.set(model, { now, days });
  return days;
}

/** The gutter of the week view: per row the day button and its figures, and the lanes' labels. */
export function renderWeekGutter(l: LocalizeController, model: TimelineModel, openDay: (date: string) => void): TemplateResult[] {
  const t = l.t;
  const f = t.timeline.dayFigures;
  const { layout } = model;
  const summaries = daySummaries(model);
  return model.rows.map((row, r) => {
    const top = r * layout.rowHeight;
    const s = summaries[r]!;
    const label = `${l.weekday(row.date ?? row.startMs, 'short')} ${l.date(row.date ?? row.startMs, 'medium')}`;
    const figure = (name: string, seconds: number) => html`<dt>${name}</dt><dd>${l.duration(seconds)}</dd>`;
    const hours = oddHours(row.startMs, row.endMs);
    return html`<div class="day-summary" data-date=${row.date ?? nothing} style=${cssomStyles({ top: `${top + 1}px`, height: `${layout.rowHeight - 2}px` })}>
        <button part="button day-button" class="day-button" type="button" aria-label=${t.timeline.openDay(label)} @click=${() => row.date && openDay(row.date)}>${label}</button>
        <dl class="day-figures">
          ${figure(f.logged, s.logged)} ${figure(f.ready, s.ready)} ${figure(f.idle, s.idle)}
          <dt class="visually-hidden">${t.timeline.activities}</dt>
          <dd class="count">${t.timeline.activityCluster(s.activities)}${hours !== null ? html`<span class="hours">${t.timeline.hours(hours)}</span>` : nothing}</dd>
        </dl>
      </div>
      ${layout.lanes.map(
        (band) =>
          html`<span class="week-lane-label" aria-hidden="true" style=${cssomStyles({ top: `${top + band.top + band.height / 2}px` })}>${t.common.lanes[band.lane]}</span>`,
      )}`;
  });
}
