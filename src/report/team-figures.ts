/**
 * The columns of `<user-trace-team>`: which figures of each agent's day it shows, in what order,
 * with which label and how they sort. One list for the element's columns and its Excel export.
 * Pure: messages come in as an argument.
 */
import { CHAT_CHANNELS, type ActivityLane, type TraceStats } from '../model/types.js';
import type { Messages } from '../i18n/index.js';
import type { TeamTranslation } from '../i18n/en-team.js';
import type { ExportStat, StatKind } from './report.js';

export type TeamFigureKey =
  | 'logged'
  | 'ready'
  | 'idle'
  | 'occupancy'
  | 'pausedPaid'
  | 'pausedUnpaid'
  | 'callsClosed'
  | 'emailsClosed'
  | 'chatsClosed'
  | 'ticketsClosed';

export interface TeamFigure {
  key: TeamFigureKey;
  kind: StatKind;
  /** The column's heading. */
  label: (t: Messages) => string;
  /** The value in seconds, a count or a ratio; `null` when unknown (occupancy without ready time). */
  value: (stats: TraceStats) => number | null;
}

/** The figure columns, in the order shown (docs/spec.md#statistics defines every one). */
export const TEAM_FIGURES: readonly TeamFigure[] = [
  { key: 'logged', kind: 'duration', label: (t) => t.stats.figures.loginLogged.label, value: (s) => s.login.logged },
  { key: 'ready', kind: 'duration', label: (t) => t.stats.figures.loginReady.label, value: (s) => s.login.ready },
  { key: 'idle', kind: 'duration', label: (t) => t.stats.figures.loginIdle.label, value: (s) => s.login.idle },
  { key: 'occupancy', kind: 'percent', label: (t) => t.stats.figures.loginOccupancy.label, value: (s) => s.login.occupancy },
  { key: 'pausedPaid', kind: 'duration', label: (t) => t.stats.figures.pausesPaid.label, value: (s) => s.pauses.paid },
  { key: 'pausedUnpaid', kind: 'duration', label: (t) => t.stats.figures.pausesUnpaid.label, value: (s) => s.pauses.unpaid },
  { key: 'callsClosed', kind: 'count', label: (t) => t.stats.figures.callsClosed.label, value: (s) => s.calls.closed },
  { key: 'emailsClosed', kind: 'count', label: (t) => t.stats.figures.emailsClosed.label, value: (s) => s.emails.closed },
  {
    key: 'chatsClosed',
    kind: 'count',
    label: (t) => t.stats.figures.chatsClosed.label,
    value: (s) => CHAT_CHANNELS.reduce((sum, channel) => sum + s.chats[channel].closed, 0),
  },
  { key: 'ticketsClosed', kind: 'count', label: (t) => t.stats.figures.ticketsClosed.label, value: (s) => s.tickets.closed },
];

/** What a team list sorts by: the name or one figure. */
export type TeamSortKey = 'name' | TeamFigureKey;

export interface TeamSortable {
  name: string;
  /** `null` while the agent's data is not there (loading, no access, error). */
  stats: TraceStats | null;
}

/**
 * Sorts `rows` (a new array) by `key`. Rows without figures go last in both directions; equal
 * values keep the order by name, so the list is stable whatever the order answers came in.
 */
export function sortTeamRows<T extends TeamSortable>(rows: readonly T[], key: TeamSortKey, descending: boolean, locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const figure = key === 'name' ? null : TEAM_FIGURES.find((f) => f.key === key)!;
  const byName = (a: T, b: T) => collator.compare(a.name, b.name);
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (!figure) return sign * byName(a, b);
    const va = a.stats ? figure.value(a.stats) : null;
    const vb = b.stats ? figure.value(b.stats) : null;
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}

/** The team's export (Excel, PDF): one row per agent, the columns of {@link TEAM_FIGURES}, already localised. */
export interface TeamExportReport {
  fileName: string;
  /** Sheet name and title, e.g. "Team – Tuesday, March 3, 2026". */
  title: string;
  timeZone: string;
  /** Column headings: the agent, the row's state, then every figure. */
  headers: string[];
  rows: { name: string; state: string; figures: ExportStat[] }[];
  /** What the PDF draws besides the figures (set for the PDF only). */
  timeline?: TeamTimeline;
}

/** One agent's day as the team PDF draws it: epoch ms, running ends already at the export's `now`. */
export interface TeamTimelineRow {
  status: readonly { start: number; end: number; kind: 'ready' | 'paid' | 'unpaid' }[];
  /** Idle time (ready, no activity in progress), striped over the ready colour. */
  idle: readonly { start: number; end: number }[];
  activities: readonly { start: number; end: number; lane: ActivityLane; type: string }[];
}

/** The team's timeline for the PDF: one shared axis, one row per agent (parallel to the report's rows). */
export interface TeamTimeline {
  /** BCP 47 locale of the viewer; every text here is already in it. */
  locale: string;
  /** The axis drawn, `[startMs, endMs)`: the part of the day the view shows. */
  startMs: number;
  endMs: number;
  /** The day's bounds: nothing is drawn outside them. */
  dayStartMs: number;
  dayEndMs: number;
  /** The now-line, when the day is today. */
  now: number | null;
  /** Labelled instants of the axis (wall-clock hours of the zone). */
  ticks: readonly { at: number; label: string }[];
  /** Parallel to `rows`; `null` where the agent has no data (loading, no access, error). */
  rows: readonly (TeamTimelineRow | null)[];
  /** Lines under the title: time zone, agents, export time. */
  meta: readonly { label: string; value: string }[];
  /** Names of what the colours mean. */
  legend: { loggedOut: string; ready: string; idle: string; paid: string; unpaid: string; types: readonly { type: string; label: string }[]; now: string };
  /** "Page {page} of {pages}". */
  pageOf: (page: number, pages: number) => string;
}

export interface TeamReportInput {
  rows: readonly { name: string; stats: TraceStats | null; state: string }[];
  date: string;
  dayLabel: string;
  timeZone: string;
  t: TeamTranslation;
  format: { duration: (s: number) => string; number: (n: number) => string; percent: (r: number) => string };
  /** The file's format (its extension); default `xlsx`. */
  fileFormat?: 'xlsx' | 'pdf';
}

/** The team's export report from the rows as shown (sorted and filtered). */
export function buildTeamReport({ rows, date, dayLabel, timeZone, t, format, fileFormat = 'xlsx' }: TeamReportInput): TeamExportReport {
  const figure = (f: TeamFigure, stats: TraceStats | null): ExportStat => {
    const value = stats ? f.value(stats) : null;
    const text = value === null ? (stats ? t.stats.occupancyNone : '') : f.kind === 'duration' ? format.duration(value) : f.kind === 'percent' ? format.percent(value) : format.number(value);
    return { label: f.label(t), value, kind: f.kind, text, description: '' };
  };
  return {
    fileName: `team-${date}.${fileFormat}`,
    title: `${t.team.title} – ${dayLabel}`,
    timeZone,
    headers: [t.team.agent, '', ...TEAM_FIGURES.map((f) => f.label(t))],
    rows: rows.map((r) => ({ name: r.name, state: r.state, figures: TEAM_FIGURES.map((f) => figure(f, r.stats)) })),
  };
}
