/**
 * The report both exports are written from (docs/spec.md#export). The activity list builds it from
 * exactly the rows it holds (period, filter and sort applied), already localised, so the PDF and
 * Excel writers only lay it out: they format nothing themselves except through the functions given
 * here, and they never load translations. Type-only besides `exportFileName`: importing this module
 * pulls in neither jspdf nor write-excel-file.
 */
import type { DayTotals, Overview } from './overview.js';

/** The file formats the list exports to (src/export/formats.ts has their writers). */
export type ExportFormat = 'pdf' | 'xlsx';

/** The activity columns, in list order (the Actions column is not exported). */
export const ACTIVITY_COLUMNS = [
  'type',
  'start',
  'end',
  'duration',
  'title',
  'queue',
  'contact',
  'direction',
  'closed',
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

/** One activity as exported: the same values the list shows. */
export interface ExportActivityRow {
  /** Localised type label ("Hovor", "Call", "Other: fax"). */
  type: string;
  /** Real start, epoch ms (not clipped to the period). */
  start: number;
  /** Real end, epoch ms; `null` while running. */
  end: number | null;
  /** Seconds of the activity inside the period; a running one counts up to `report.now`. */
  duration: number;
  title: string;
  queue: string;
  contact: string;
  /** Localised direction, empty when unknown. */
  direction: string;
  /** Localised yes / no. */
  closed: string;
}

/** A login or a pause as exported: its own sheet (Excel) or section (PDF). */
export interface ExportStatusRow {
  /** Localised kind, which says paid or unpaid: "Logged in", "Paid pause", "Unpaid pause". */
  kind: string;
  /** The pause's name; empty for a login. */
  name: string;
  start: number;
  end: number | null;
  /** Seconds inside the period (or window). */
  duration: number;
}

/** How a statistic's value is written: seconds, a count, or a ratio 0…1. */
export type StatKind = 'duration' | 'count' | 'percent';

export interface ExportStat {
  label: string;
  /** `null` when the figure is unknown (talk time without data, occupancy with no ready time). */
  value: number | null;
  kind: StatKind;
  /** The value as the viewer sees it ("1:02:03", "12", "85 %", "—"). */
  text: string;
  /** One-sentence definition, as the statistics element shows it. */
  description: string;
}

export interface ExportStatGroup {
  heading: string;
  stats: ExportStat[];
}

export interface ExportReport {
  format: ExportFormat;
  /** `user-trace_<user>_<yyyy-mm-dd>_<day|week>.<ext>` */
  fileName: string;
  /** BCP 47 locale of the viewer; everything below is already in it. */
  locale: string;
  /** IANA zone every time is shown in. */
  timeZone: string;
  /** Running activities were measured up to this instant (epoch ms). */
  now: number;
  /** Document title, e.g. "User tracing — Jana Nováková". */
  title: string;
  /** Lines under the title: period, time zone, filter, row count, export time. */
  /** Header lines; `number` when the value is a count (a spreadsheet stores it as a number). */
  meta: { label: string; value: string; number?: number }[];
  /** Column headers, localised, in `ACTIVITY_COLUMNS` order. */
  columns: Record<ActivityColumn, string>;
  rows: ExportActivityRow[];
  /** The logins and pauses the list holds (its filter lists them), in list order; empty otherwise. */
  statusRows: ExportStatusRow[];
  stats: ExportStatGroup[];
  /** The period pictured (the PDF's first page); empty (no rows) in the report of a workbook. */
  overview: Overview;
  /** A week's per-day totals (the PDF's table under the picture); empty for a day and in a workbook's report. */
  days: DayTotals[];
  text: {
    /** Shown in the end column of a running activity. */
    running: string;
    /** Beside a week's day that has not begun yet, whose figures are dashes. */
    notYet: string;
    /** Sheet and section names. */
    activities: string;
    statistics: string;
    /** Column headers of the statistics sheet. */
    section: string;
    figure: string;
    value: string;
    definition: string;
    /** Shown instead of the table when no row matches. */
    noRows: string;
    /** Sheet / section of the logins and pauses, and its column headers. */
    status: string;
    statusColumns: { kind: string; name: string; start: string; end: string; duration: string };
    /** Headings of the picture and of the per-day table, and the table's column headers. */
    overview: string;
    days: string;
    dayColumns: { day: string; logged: string; ready: string; idle: string; paused: string; activities: string; closed: string };
    /** "Page {page} of {pages}", filled in by the writer. */
    pageOf: (page: number, pages: number) => string;
  };
  /** Date and time of an instant in the zone and locale ("12. 3. 2025 9:15:02"). */
  formatDateTime: (ms: number) => string;
  /** Time of day only, used when the whole period is one day. */
  formatTime: (ms: number) => string;
  /** `h:mm:ss`. */
  formatDuration: (seconds: number) => string;
  /** True for a one-day period: the PDF shows times, not dates, for instants inside it. */
  singleDay: { startMs: number; endMs: number } | null;
}

/**
 * A file-system-safe slug: diacritics dropped (Nováková → Novakova), anything but letters, digits,
 * dot, dash and underscore turned into `-`, at most 60 characters. Empty when nothing usable is left.
 */
export function fileSafe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/g, '');
}

/**
 * `user-trace_<user>_<yyyy-mm-dd>_<day|week>.<ext>`; the user part is the name made file-safe,
 * else the id, else `user`; the date is the period's first day.
 */
export function exportFileName(q: {
  userName?: string | null;
  userId?: string | null;
  firstDay: string;
  period: 'day' | 'week';
  format: ExportFormat;
}): string {
  const user = fileSafe(q.userName ?? '') || fileSafe(q.userId ?? '') || 'user';
  return `user-trace_${user}_${q.firstDay}_${q.period}.${q.format}`;
}
