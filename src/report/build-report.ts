/**
 * Builds the {@link ExportReport} from exactly what the activity list holds: its rows (period,
 * filter and order applied), the statistics of the period, and the viewer's language, zone and
 * locale. Pure: the element passes everything in.
 */
import type { PreparedActivity, PreparedTrace, TraceStats, TraceUser } from '../model/types.js';
import type { Messages } from '../i18n/index.js';
import { withExport } from '../i18n/en-export.js';
import { formatDate, formatDateTime, formatDuration, formatNumber, formatPercent, formatTime, formatTimeRange, formatWeekday } from '../i18n/index.js';
import type { ResolvedPeriod } from '../time/index.js';
import { formatOffset } from '../time/index.js';
import {
  ACTIVITY_COLUMNS,
  exportFileName,
  type ActivityColumn,
  type ExportActivityRow,
  type ExportFormat,
  type ExportReport,
  type ExportStatusRow,
} from './report.js';
import { statGroups } from './stat-figures.js';
import { durationInPeriod, isStatusRow, rowFields, type ActivityFilter, type ListRow, type RowLabels, type StatusRow } from './activity-rows.js';
import { buildOverview, dayTotals, type Overview } from './overview.js';
import { yieldToMain } from '../model/yield.js';

export interface ReportInput {
  format: ExportFormat;
  t: Messages;
  locale: string;
  timeZone: string;
  period: ResolvedPeriod;
  /** A time window inside the period the report covers instead of the whole period (rows, durations, statistics). */
  window: { startMs: number; endMs: number } | null;
  periodKind: 'day' | 'week';
  userId: string;
  user: TraceUser | null;
  /** The list's rows in its order: activities, and the logins and pauses when its filter lists them. */
  rows: readonly ListRow[];
  /** The loaded trace: the PDF's picture and per-day totals are drawn from it. */
  trace: PreparedTrace;
  stats: TraceStats;
  filter: ActivityFilter;
  now: number;
  typeLabel: (type: string) => string;
  directionLabel: (direction: string | undefined) => string;
  /** The type column of a login or pause row. */
  statusLabel: (row: StatusRow) => string;
}

/** The filter as the header states it: "none (all activities)", "Calls · “reklamace”". */
export function describeFilter(filter: ActivityFilter, t: Messages, typeLabel: (type: string) => string): string {
  const parts: string[] = [];
  const status = t.activities.statusFilters;
  if (filter.type) parts.push(filter.type === 'all' || filter.type === 'login' || filter.type === 'pause' ? status[filter.type] : typeLabel(filter.type));
  const text = filter.text.trim();
  const words = withExport(t).export;
  if (text) parts.push(words.quoted(text));
  return parts.length ? parts.join(' · ') : words.filterNone;
}

/** The row values the list shows, for one activity. */
export function exportRow(a: PreparedActivity, input: Pick<ReportInput, 'period' | 'window' | 'now' | 't' | 'typeLabel' | 'directionLabel'>): ExportActivityRow {
  // The text fields only: an activity validated from columns reads them without building its record.
  const r = rowFields(a);
  const range = input.window ?? input.period;
  return {
    type: input.typeLabel(a.type),
    start: a.start,
    end: a.end,
    duration: durationInPeriod(a, range.startMs, range.endMs, input.now),
    title: r.title ?? '',
    queue: r.queue ?? '',
    contact: r.contact ?? '',
    direction: input.directionLabel(r.direction),
    closed: a.closed ? input.t.common.yes : input.t.common.no,
  };
}

/** The row values of a login or pause. */
export function exportStatusRow(row: StatusRow, input: Pick<ReportInput, 'period' | 'window' | 'now' | 'statusLabel'>): ExportStatusRow {
  const range = input.window ?? input.period;
  return {
    kind: input.statusLabel(row),
    name: row.record.title ?? '',
    start: row.start,
    end: row.end,
    duration: durationInPeriod(row, range.startMs, range.endMs, input.now),
  };
}

/** Rows made between two turns of the event loop (a few ms of work). */
const ROWS_PER_TURN = 2000;

/** What the activity list shows when it is exported: its view (a loaded trace), rows, filter and labels. */
export interface ListReportSource extends Pick<ReportInput, 'format' | 't' | 'locale' | 'timeZone' | 'rows' | 'filter'> {
  view: Pick<ReportInput, 'period' | 'window' | 'userId' | 'stats'> & { prepared: PreparedTrace; now: number; range: { endMs: number } };
  /** The user the list shows, if known (used only when it is the view's user). */
  user: TraceUser | null;
  /** The clock's now. */
  now: number;
  labels: RowLabels;
}

/** {@link buildExportReport} of what the activity list shows (`exportReport`). */
export function listReport({ view, user, now, labels, ...rest }: ListReportSource): Promise<ExportReport> {
  return buildExportReport({
    ...rest,
    period: view.period,
    window: view.window,
    periodKind: view.period.days.length > 1 ? 'week' : 'day',
    userId: view.userId,
    user: user?.id === view.userId ? user : null,
    trace: view.prepared,
    stats: view.stats,
    // Running activities are measured as the list shows them, at most up to the period's end.
    now: Math.max(view.now, Math.min(now, view.range.endMs)),
    typeLabel: labels.type,
    directionLabel: labels.direction,
    statusLabel: labels.status,
  });
}

/**
 * The report of `input`. Long lists are made a few thousand rows at a time with a turn of the
 * event loop between them, so that the export of 100 000 rows never holds the page for long.
 */
export async function buildExportReport(input: ReportInput): Promise<ExportReport> {
  const { locale, timeZone, period } = input;
  const t = withExport(input.t);
  const userName = input.user?.name || input.userId;
  const first = period.days[0]?.date ?? period.range.start.slice(0, 10);
  const last = period.days[period.days.length - 1]?.date ?? first;
  const periodText =
    input.periodKind === 'week'
      ? `${formatDate(first, locale, timeZone, 'medium')} – ${formatDate(last, locale, timeZone, 'medium')}`
      : formatDate(first, locale, timeZone, 'full');
  const offsetStart = formatOffset(period.startMs, timeZone);
  const offsetEnd = formatOffset(period.endMs - 1, timeZone);
  const zoneText = `${timeZone} (UTC${offsetStart}${offsetEnd !== offsetStart ? ` → UTC${offsetEnd}` : ''})`;
  const columns = {} as Record<ActivityColumn, string>;
  for (const column of ACTIVITY_COLUMNS) columns[column] = t.activities.columns[column];
  const rows: ExportActivityRow[] = [];
  const statusRows: ExportStatusRow[] = [];
  const list = input.rows;
  for (let i = 0; i < list.length; i++) {
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldToMain();
    const row = list[i]!;
    if (isStatusRow(row)) statusRows.push(exportStatusRow(row, input));
    else rows.push(exportRow(row, input));
  }
  const dayLabel = (ms: number) => `${formatWeekday(ms, locale, timeZone, 'short')} ${formatDate(ms, locale, timeZone, 'short')}`;
  const range = input.window ?? period;
  // The picture and the per-day table are the PDF's first page; a workbook has neither.
  const pdf = input.format === 'pdf';
  const overview: Overview = pdf
    ? buildOverview(input.trace, period, input.window, input.now, timeZone, {
        lanes: t.common.lanes,
        status: t.common.status,
        idle: t.timeline.idle,
        type: input.typeLabel,
        day: dayLabel,
      })
    : { lanes: [], statusLabel: '', rows: [], legend: [] };
  if (pdf) await yieldToMain();
  const days = pdf && input.periodKind === 'week' ? dayTotals(input.trace, period, range, input.now, dayLabel) : [];
  const c = t.activities.columns;
  const singleDay = period.days.length === 1 ? { startMs: period.startMs, endMs: period.endMs } : null;
  return {
    format: input.format,
    fileName: exportFileName({
      userName: input.user?.name ?? null,
      userId: input.userId,
      firstDay: first,
      period: input.periodKind,
      format: input.format,
    }),
    locale,
    timeZone,
    now: input.now,
    title: `${t.export.title} — ${userName}`,
    meta: [
      { label: t.export.meta.user, value: userName },
      { label: t.export.meta.period, value: periodText },
      ...(input.window ? [{ label: t.export.meta.window, value: formatTimeRange(input.window.startMs, input.window.endMs, locale, timeZone) }] : []),
      { label: t.export.meta.timeZone, value: zoneText },
      { label: t.export.meta.filter, value: describeFilter(input.filter, t, input.typeLabel) },
      { label: t.export.meta.rows, value: formatNumber(input.rows.length, locale), number: input.rows.length },
      { label: t.export.meta.generated, value: formatDateTime(input.now, locale, timeZone, true) },
    ],
    columns,
    rows,
    statusRows,
    overview,
    days,
    stats: statGroups(input.stats, t, {
      duration: formatDuration,
      number: (value) => formatNumber(value, locale),
      percent: (ratio) => formatPercent(ratio, locale),
    }),
    text: {
      running: t.common.running,
      notYet: t.timeline.dayFigures.notYet,
      activities: t.export.sheetActivities,
      statistics: t.export.sheetStatistics,
      section: t.export.section,
      figure: t.export.statistic,
      value: t.export.value,
      definition: t.export.definition,
      noRows: t.activities.noMatch,
      // Words the viewer knows from the screen: the Status lane, the overview, the statistics' figures.
      status: t.common.lanes.status,
      statusColumns: { kind: c.type, name: c.title, start: c.start, end: c.end, duration: c.duration },
      overview: t.timeline.title,
      days: t.timeline.week,
      dayColumns: {
        day: t.timeline.day,
        logged: t.stats.figures.loginLogged.label,
        ready: t.stats.figures.loginReady.label,
        idle: t.stats.figures.loginIdle.label,
        paused: t.stats.groups.pauses,
        activities: t.export.sheetActivities,
        closed: c.closed,
      },
      pageOf: t.export.pageOf,
    },
    formatDateTime: (ms) => formatDateTime(ms, locale, timeZone, true),
    formatTime: (ms) => formatTime(ms, locale, timeZone, true),
    formatDuration,
    singleDay,
  };
}
