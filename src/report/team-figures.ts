/**
 * The columns of `<user-trace-team>`: which figures of each agent's day it shows, in what order,
 * with which label and how they sort. One list for the element's columns and its Excel export.
 * Pure: messages come in as an argument.
 */
import { CHAT_CHANNELS, type TraceStats } from '../model/types.js';
import type { Messages } from '../i18n/index.js';
import type { StatKind } from './report.js';

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
