/**
 * What each week row says in words: the day's label as a button that opens the day, its
 * logged-in, ready and idle time and its number of activities (PRODUCT §6, week rows), and the
 * lanes' compact labels. The figures are the statistics' own (`loginFigures`, the definitions of
 * `computePreparedStats`) for the day. Loaded with `import()` when the timeline first shows a week, with
 * the rows' wall-clock alignment on DST weeks (`weekGaps`) and the styles of all this.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import { adoptStyles } from '../base/adopt-styles.js';
import { columnEndAt, overlaps } from '../../model/interval.js';
import { loginFigures } from '../../stats/compute-stats.js';
import { cssomStyles } from '../base/cssom-styles.js';
import { fractionOf, visibleRange, type RowGap, type ZoomWindow } from './layout.js';
import type { TimelineModel } from './timeline-model.js';
import { oddHours } from './timeline-text.js';

const weekStyles = css`
  .chart.week {
    --_gutter: var(--user-trace-timeline-gutter, 12rem);
  }
  .day-summary {
    position: absolute;
    left: 0;
    right: 3.6rem;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1rem;
    overflow: hidden;
    font-size: 0.6875rem;
    line-height: 1.15;
  }
  .day-button {
    padding: 0.05rem 0.3rem;
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.2;
    white-space: nowrap;
  }
  .day-figures .hours {
    margin-left: 0.4rem;
    color: var(--_muted);
  }
  .day-figures {
    display: grid;
    grid-template-columns: auto auto;
    column-gap: 0.4rem;
    margin: 0;
    padding-left: 0.3rem;
    color: var(--_muted);
  }
  .day-figures dd {
    margin: 0;
    color: var(--_text);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .day-figures dd.count {
    grid-column: 1 / -1;
  }
  .week-lane-label {
    position: absolute;
    right: 0;
    width: 3.4rem;
    transform: translateY(-50%);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    text-align: right;
    font-size: 0.625rem;
    line-height: 1;
    color: var(--_muted);
  }
  .no-such-time {
    position: absolute;
    z-index: 1;
  }
`;

/** Adds the week rows' styles to the timeline's shadow root (once). */
export function adoptWeekStyles(root: HTMLElement | DocumentFragment): void {
  adoptStyles(root, weekStyles);
}

/**
 * The gaps of each day of a week so that wall-clock times line up: the week's wall-clock hours are
 * the union of its days' hours (`02:00` twice on a fall-back day); an hour a day does not have (the
 * skipped hour of a spring-forward day, the repeated hour on the other days) is a gap of that row.
 */
export function weekGaps(hoursPerDay: readonly (readonly { startMs: number; endMs: number; label: string }[])[]): RowGap[][] {
  const keysOf = (hours: readonly { label: string }[]): string[] => {
    const seen = new Map<string, number>();
    return hours.map((h) => {
      const base = h.label.slice(0, 5);
      const k = seen.get(base) ?? 0;
      seen.set(base, k + 1);
      return `${base}#${k}`;
    });
  };
  const keys = hoursPerDay.map(keysOf);
  const length = new Map<string, number>();
  hoursPerDay.forEach((hours, d) => hours.forEach((h, i) => length.set(keys[d]![i]!, Math.max(length.get(keys[d]![i]!) ?? 0, h.endMs - h.startMs))));
  const slots = [...length.keys()].sort();
  return hoursPerDay.map((hours, d) => {
    const own = new Set(keys[d]);
    const gaps: RowGap[] = [];
    let next = 0;
    for (const slot of slots) {
      if (own.has(slot)) {
        next = keys[d]!.indexOf(slot) + 1;
        continue;
      }
      const at = hours[next]?.startMs ?? hours[hours.length - 1]?.endMs ?? 0;
      const last = gaps[gaps.length - 1];
      if (last?.at === at) last.ms += length.get(slot)!;
      else gaps.push({ at, ms: length.get(slot)! });
    }
    return gaps;
  });
}

/** One day of a week row in figures (seconds; activities overlapping the day). */
export interface DaySummary {
  date: string;
  /** The day starts after the view's now: its figures are not zero, they are not there yet. */
  future: boolean;
  logged: number;
  ready: number;
  idle: number;
  activities: number;
}

const cache = new WeakMap<TimelineModel, { now: number; days: DaySummary[] }>();

/**
 * How many activities of the period overlap each row (a running one up to `now`): one pass over
 * the period's activities in time order (their columns), each tried against the rows from the one
 * its start is in.
 */
function countPerRow(model: TimelineModel, now: number): number[] {
  const { rows, order } = model;
  // The lane index's flat arrays (the prepared columns), not the activity objects.
  const { starts, ends } = model.index;
  const counts = rows.map(() => 0);
  let first = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const start = starts[i]!;
    const end = columnEndAt(start, ends[i]!, now);
    while (first < rows.length - 1 && rows[first]!.endMs <= start) first++;
    for (let r = first; r < rows.length && rows[r]!.startMs < Math.max(end, start + 1); r++) {
      if (overlaps(start, end, rows[r]!.startMs, rows[r]!.endMs)) counts[r]!++;
    }
  }
  return counts;
}

/** The figures of each row of a week model, as of the view's `now` (computed once per model and clock). */
export function daySummaries(model: TimelineModel): DaySummary[] {
  const now = model.view.now;
  const cached = cache.get(model);
  if (cached?.now === now) return cached.days;
  const { prepared } = model.view;
  const counts = countPerRow(model, now);
  const days = model.rows.map((row, r) => ({
    date: row.date ?? '',
    future: row.startMs > now,
    ...loginFigures(prepared, row.startMs, row.endMs, now),
    activities: counts[r]!,
  }));
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
    // A day still to come says so rather than 0:00:00: dashes ("not yet" to screen readers), and "not yet" for its activities.
    const dash = s.future ? html`<span aria-hidden="true">–</span><span class="visually-hidden">${f.notYet}</span>` : null;
    const figure = (name: string, seconds: number) => html`<dt>${name}</dt><dd>${dash ?? l.duration(seconds)}</dd>`;
    const hours = oddHours(row.startMs, row.endMs);
    return html`<div class="day-summary" data-date=${row.date ?? nothing} style=${cssomStyles({ top: `${top + 1}px`, height: `${layout.rowHeight - 2}px` })}>
        <button part="button day-button" class="day-button" type="button" aria-label=${t.timeline.openDay(label)} @click=${() => row.date && openDay(row.date)}>${label}</button>
        <dl class="day-figures">
          ${figure(f.logged, s.logged)} ${figure(f.ready, s.ready)} ${figure(f.idle, s.idle)}
          <dt class="visually-hidden">${t.timeline.activities}</dt>
          <dd class="count">${s.future ? f.notYet : t.timeline.activityCluster(s.activities)}${hours !== null ? html`<span class="hours">${t.timeline.hours(hours)}</span>` : nothing}</dd>
        </dl>
      </div>
      ${layout.lanes.map(
        (band) =>
          html`<span class="week-lane-label" aria-hidden="true" style=${cssomStyles({ top: `${top + band.top + band.height / 2}px` })}>${t.common.lanes[band.lane]}</span>`,
      )}`;
  });
}

/** Over the wall-clock time a week row's day does not have (DST): a hatched band that says so on hover. */
export function renderNoSuchTime(model: TimelineModel, zoom: ZoomWindow, title: string): TemplateResult[] {
  return model.rows.flatMap((row, r) => {
    const { start, end } = visibleRange(row, zoom);
    let shift = 0;
    return (row.gaps ?? []).map((gap) => {
      const from = fractionOf(gap.at + shift, start, end);
      shift += gap.ms;
      const to = fractionOf(gap.at + shift, start, end);
      const style = cssomStyles({ left: `${(from * 100).toFixed(3)}%`, width: `${((to - from) * 100).toFixed(3)}%`, top: `${r * model.layout.rowHeight + model.layout.lanes[0]!.top}px`, height: `${model.layout.rowHeight - model.layout.lanes[0]!.top - 2}px` });
      return html`<div class="no-such-time" title=${title} style=${style}></div>`;
    });
  });
}
