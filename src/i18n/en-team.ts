/**
 * English messages of `<user-trace-team>`, loaded with the team element rather than with every page:
 * `en.team` is empty, and the team reads its messages through {@link withTeam}, which fills what
 * a language lacks from here (a host's language without team strings shows them in English).
 */
import { formatNumber, selectPlural } from './format.js';
import type { Messages, TeamMessages } from './messages.js';
import { completing } from './complete.js';

const n = (count: number): string => formatNumber(count, 'en');

export const EN_TEAM: TeamMessages = {
  title: 'Team',
  agent: 'Agent',
  day: 'Day',
  filter: 'Filter by name',
  filterPlaceholder: 'Name',
  fitShift: 'Fit to shift',
  progress: (done, total) => `Loaded ${n(done)} of ${n(total)} agents`,
  count: (shown, total) => (shown === total ? selectPlural(total, 'en', { one: '1 agent', other: `${n(total)} agents` }) : `${n(shown)} of ${n(total)} agents`),
  noAccess: 'No access',
  rowError: 'Could not be loaded',
  rowLoading: 'Loading…',
  noMatches: 'No agent matches the filter.',
  noAgents: 'There are no agents to show.',
  badRecords: (count) => selectPlural(count, 'en', { one: '1 invalid record left out', other: `${n(count)} invalid records left out` }),
  rowSummary: (name, figures) => `${name}: ${figures}`,
  gridLabel: (day) => `Team, ${day}`,
  hint: 'Up and down arrows move between agents, left and right through the agent’s day, Enter opens the agent.',
  itemOf: (position, count, item) => `${item} (${n(position)} of ${n(count)})`,
  nothingInRow: 'Nothing recorded this day.',
  sortBy: (column) => `Sort by ${column}`,
};

/** Messages whose `team` namespace is complete. */
export type TeamTranslation = Messages & { team: TeamMessages };

/** `t` with its team messages completed from English (kept per messages object). */
export const withTeam: (t: Messages) => TeamTranslation = completing('team', EN_TEAM);
