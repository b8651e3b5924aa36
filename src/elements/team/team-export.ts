/**
 * What `<user-trace-team>` hands its PDF writer besides the figures: the axis of the part of the
 * day shown and each agent's status segments and activities as plain spans, with the texts of the
 * legend and the title lines in the viewer's language. Pure: no DOM.
 */
import { COLOUR_KEYS } from '../../model/catalog.js';
import { endAt } from '../../model/interval.js';
import type { TeamRowData } from '../../data/team-loader.js';
import type { TeamTimeline, TeamTimelineRow } from '../../report/team-figures.js';
import { activityTypeLabel } from '../../i18n/index.js';
import { withTeam } from '../../i18n/en-team.js';
import { withExport } from '../../i18n/en-export.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { axisTicks } from '../timeline/axis.js';
import { visibleRange, type TimelineRow, type ZoomWindow } from '../timeline/layout.js';
import { agentPlot } from './team-model.js';

/** The width the PDF's axis labels are spaced for: about a label every two hours of a whole day. */
const PDF_AXIS_PX = 1000;

/** One agent's day as spans (null without data: loading, no access, error). */
export function timelineRow(row: TeamRowData, day: TimelineRow): TeamTimelineRow | null {
  const plot = agentPlot(row, day);
  if (row.status !== 'ready' || !row.prepared || !plot) return null;
  return {
    status: plot.status.map((s) => ({ start: s.start, end: s.end, kind: s.kind })),
    idle: plot.idle.map((s) => ({ start: s.start, end: s.end })),
    activities: row.prepared.activities.map((a) => ({ start: a.start, end: endAt(a.start, a.end, row.now), lane: a.lane, type: a.type })),
  };
}

export interface TeamTimelineInput {
  l: Pick<LocalizeController, 't' | 'locale' | 'time' | 'dateTime' | 'number'>;
  rows: readonly TeamRowData[];
  day: TimelineRow;
  zoom: ZoomWindow;
  now: number;
  timeZone: string;
  /** How many agents the view lists (shown / all). */
  count: string;
}

/** The team's timeline for the PDF, rows in the order given (the view's). */
export function teamTimeline({ l, rows, day, zoom, now, timeZone, count }: TeamTimelineInput): TeamTimeline {
  const t = withExport(withTeam(l.t));
  const { start, end } = visibleRange(day, zoom);
  const drawn = rows.map((row) => timelineRow(row, day));
  const hasOther = drawn.some((r) => r?.activities.some((a) => a.lane === 'other'));
  const status = t.common.status;
  return {
    locale: l.locale,
    startMs: start,
    endMs: end,
    dayStartMs: day.startMs,
    dayEndMs: day.endMs,
    now: now >= day.startMs && now < day.endMs ? now : null,
    ticks: axisTicks('day', day, start, end, timeZone, PDF_AXIS_PX)
      .filter((tick) => tick.major)
      .map((tick) => ({ at: tick.at, label: l.time(tick.at) })),
    rows: drawn,
    meta: [
      { label: t.export.meta.timeZone, value: timeZone },
      { label: t.team.title, value: count },
      { label: t.export.meta.generated, value: l.dateTime(now) },
    ],
    legend: {
      loggedOut: status.loggedOut,
      ready: status.ready,
      idle: t.timeline.idle,
      paid: status.pausedPaid,
      unpaid: status.pausedUnpaid,
      types: COLOUR_KEYS.filter((k) => k !== 'other' || hasOther).map((type) => ({ type, label: activityTypeLabel(t, type) })),
      now: t.timeline.now,
    },
    pageOf: t.export.pageOf,
  };
}
