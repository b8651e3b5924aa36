/**
 * The adapters for a whole team: one platform answer that holds many agents (a status log, a
 * batch of Amazon Connect agent events, Genesys Cloud's detail queries) → `Record<userId,
 * TraceData>`, what a provider's `loadTeamTrace` answers. Each agent's part goes through the
 * one-agent adapter, so every rule stays in that adapter's file. Pure, never throws.
 */
import type { DataWarning, TraceData } from '../model/types.js';
import { traceFromConnectAgentEvents, type ConnectAgentEventsOptions } from './connect.js';
import { traceFromGenesysDetails, type GenesysDetailsOptions } from './genesys.js';
import { isRecord, listOf, textOf, Warnings, errorText, type AdapterResult } from './shared.js';
import { traceFromStatusEvents, type StatusEventsOptions } from './status-events.js';

/** What a team adapter returns: what `loadTeamTrace` answers, and what was left out or guessed. */
export interface TeamAdapterResult {
  /** Each agent's trace data by user id; an agent asked for by `userIds` is there even without any record. */
  data: Record<string, TraceData>;
  /** By user id, what that agent's adapter left out or guessed (`index` is the record's position in the whole input). */
  agentWarnings: Record<string, DataWarning[]>;
  /** What belongs to no agent: input that is not a list, records without an agent. */
  warnings: DataWarning[];
}

/** The records of one agent, with their positions in the whole input. */
interface Group {
  items: unknown[];
  positions: number[];
}

/**
 * Groups `list` by `agentOf(item)`; items without an agent become one warning each. With `wanted`,
 * only those agents are kept, each with a group (empty when it has no record).
 */
function groupBy(list: readonly unknown[], agentOf: (item: Record<string, unknown>) => string | undefined, wanted: readonly string[] | null, warnings: Warnings, noun: string): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const id of wanted ?? []) groups.set(id, { items: [], positions: [] });
  list.forEach((item, index) => {
    if (!isRecord(item)) {
      warnings.add(`${noun}-not-an-object`, `${label(noun)} ${index} is not an object; it is left out.`, index);
      return;
    }
    let agent: string | undefined;
    try {
      agent = agentOf(item);
    } catch (error) {
      warnings.add(`${noun}-unreadable`, `${label(noun)} ${index} could not be read (${errorText(error)}); it is left out.`, index);
      return;
    }
    if (agent === undefined) {
      warnings.add(`${noun}-without-agent`, `${label(noun)} ${index} names no agent; it is left out.`, index);
      return;
    }
    let group = groups.get(agent);
    if (!group) {
      if (wanted) return;
      groups.set(agent, (group = { items: [], positions: [] }));
    }
    group.items.push(item);
    group.positions.push(index);
  });
  return groups;
}

function label(noun: string): string {
  return noun === 'event' ? 'Status event' : noun.charAt(0).toUpperCase() + noun.slice(1);
}

/**
 * Runs the one-agent adapter on each group. Its warnings about a record (`index`, and the
 * "Record 3 …" its message starts with, matched by `about`) are put back in the whole input's terms.
 */
function perAgent(groups: Map<string, Group>, run: (agent: string, items: unknown[]) => AdapterResult, warnings: Warnings, about: RegExp): TeamAdapterResult {
  const data: Record<string, TraceData> = {};
  const agentWarnings: Record<string, DataWarning[]> = {};
  for (const [agent, group] of groups) {
    const result = run(agent, group.items);
    data[agent] = result.data;
    if (!result.warnings.length) continue;
    agentWarnings[agent] = result.warnings.map((w) => {
      const match = w.index === undefined ? null : about.exec(w.message);
      if (!match || Number(match[2]) !== w.index) return w;
      const index = group.positions[w.index!] ?? w.index!;
      return { ...w, index, message: `${match[1]}${index}${w.message.slice(match[0].length)}` };
    });
  }
  return { data, agentWarnings, warnings: warnings.list };
}

/** How the one-agent adapters' warnings about one record begin. */
const STATUS_EVENT = /^(Status event )(\d+)\b/;
const RECORD = /^(Record )(\d+)\b/;
const CONVERSATION = /^(Conversation )(\d+)\b/;

/** A list of user ids, or null (every agent found). */
function wantedOf(userIds: unknown): string[] | null {
  return Array.isArray(userIds) ? userIds.filter((id): id is string => typeof id === 'string') : null;
}

/** Options of {@link teamTraceFromStatusEvents}: those of `traceFromStatusEvents` (without `userId`), plus `userIds`. */
export interface TeamStatusEventsOptions extends Omit<StatusEventsOptions, 'userId'> {
  /** The agents to return, each with an entry (empty without events); default every `userId` in the events. */
  userIds?: readonly string[];
}

/**
 * A team's sessions and pauses from one list of status events (`{ at, kind, status?, userId }`,
 * e.g. a host's status log of a day), grouped by `userId` and reduced per agent by
 * `traceFromStatusEvents`. Events without a `userId` are left out (`event-without-agent`). Never throws.
 *
 * @example
 * ```ts
 * provider.loadTeamTrace = async ({ userIds, start, end }) =>
 *   teamTraceFromStatusEvents(await myStatusLog(start, end), { userIds, statuses }).data;
 * ```
 */
export function teamTraceFromStatusEvents(events: unknown, options: TeamStatusEventsOptions = {}): TeamAdapterResult {
  const opts = isRecord(options) ? (options as TeamStatusEventsOptions) : {};
  const warnings = new Warnings();
  const wanted = wantedOf(opts.userIds);
  if (!Array.isArray(events)) {
    warnings.add('events-not-an-array', 'The status events are not an array; there are no sessions.');
    return perAgent(groupBy([], () => undefined, wanted, warnings, 'event'), () => traceFromStatusEvents([]), warnings, STATUS_EVENT);
  }
  const groups = groupBy(events, (event) => textOf(event.userId), wanted, warnings, 'event');
  return perAgent(groups, (_, items) => traceFromStatusEvents(items, { statuses: opts.statuses, until: opts.until }), warnings, STATUS_EVENT);
}

/** Options of {@link teamTraceFromConnectAgentEvents}: those of `traceFromConnectAgentEvents` (without `agentArn`), plus `agents`. */
export interface TeamConnectAgentEventsOptions extends Omit<ConnectAgentEventsOptions, 'agentArn'> {
  /**
   * User id → `AgentARN`: the agents to return, keyed by the ids the host's `listUsers` gives, each
   * with an entry. Default: every `AgentARN` in the records, keyed by the ARN itself.
   */
  agents?: Readonly<Record<string, string>>;
}

/**
 * A team's traces from one batch of Amazon Connect agent event stream records (`Records` of a
 * Kinesis batch or a plain array), grouped by `AgentARN` and read per agent by
 * `traceFromConnectAgentEvents`. Records without an `AgentARN` are left out (`record-without-agent`). Never throws.
 */
export function teamTraceFromConnectAgentEvents(records: unknown, options: TeamConnectAgentEventsOptions = {}): TeamAdapterResult {
  const opts = isRecord(options) ? (options as TeamConnectAgentEventsOptions) : {};
  const warnings = new Warnings();
  const agents = isRecord(opts.agents) ? Object.entries(opts.agents).filter((e): e is [string, string] => typeof e[1] === 'string') : null;
  const userOfArn = new Map(agents?.map(([userId, arn]) => [arn, userId]));
  const list = listOf(records, 'Records');
  if (list === null) warnings.add('records-not-an-array', 'The agent event records are not an array; there is no trace.');
  const groups = groupBy(
    list ?? [],
    (record) => {
      const arn = textOf(record.AgentARN);
      return arn === undefined || !agents ? arn : (userOfArn.get(arn) ?? `\u0000${arn}`);
    },
    agents ? agents.map(([userId]) => userId) : null,
    warnings,
    'record',
  );
  const { agents: _ignored, ...single } = opts;
  return perAgent(groups, (_, items) => traceFromConnectAgentEvents(items, single), warnings, RECORD);
}

/** Options of {@link teamTraceFromGenesysDetails}: those of `traceFromGenesysDetails` (without `userId`), plus `userIds`. */
export interface TeamGenesysDetailsOptions extends Omit<GenesysDetailsOptions, 'userId'> {
  /** The agents to return, each with an entry; default every `userId` of the user details and of the agent participants. */
  userIds?: readonly string[];
}

/**
 * A team's traces from one pair of Genesys Cloud detail queries (users' presence and the
 * conversations), each conversation given to every agent that took part in it, read per agent by
 * `traceFromGenesysDetails`. An agent without user details has no sessions (no warning: the query
 * returns nobody who was offline all along). Never throws.
 */
export function teamTraceFromGenesysDetails(input: { userDetails?: unknown; conversations?: unknown }, options: TeamGenesysDetailsOptions = {}): TeamAdapterResult {
  const opts = isRecord(options) ? (options as TeamGenesysDetailsOptions) : {};
  const warnings = new Warnings();
  const source = isRecord(input) ? input : {};
  const details = new Map<string, unknown>();
  const detailList = listOf(source.userDetails, 'userDetails') ?? [];
  for (const detail of detailList) {
    const id = isRecord(detail) ? textOf(detail.userId) : undefined;
    if (id !== undefined && !details.has(id)) details.set(id, detail);
  }
  const conversations = source.conversations === undefined ? [] : listOf(source.conversations, 'conversations');
  if (conversations === null) warnings.add('conversations-not-an-array', 'The conversations are not an array; there are no activities.');
  // A conversation belongs to every agent participant in it: group by each of them.
  const byAgent = new Map<string, Group>();
  (conversations ?? []).forEach((conversation, index) => {
    try {
      const participants = isRecord(conversation) && Array.isArray(conversation.participants) ? (conversation.participants as unknown[]) : [];
      const agents = new Set(participants.flatMap((p) => (isRecord(p) && p.purpose === 'agent' && textOf(p.userId) !== undefined ? [textOf(p.userId)!] : [])));
      for (const agent of agents) {
        let group = byAgent.get(agent);
        if (!group) byAgent.set(agent, (group = { items: [], positions: [] }));
        group.items.push(conversation);
        group.positions.push(index);
      }
    } catch (error) {
      warnings.add('conversation-unreadable', `Conversation ${index} could not be read (${errorText(error)}); it is left out.`, index);
    }
  });
  const wanted = wantedOf(opts.userIds) ?? [...new Set([...details.keys(), ...byAgent.keys()])];
  const groups = new Map(wanted.map((id) => [id, byAgent.get(id) ?? { items: [], positions: [] }]));
  const { userIds: _ignored, ...single } = opts;
  return perAgent(
    groups,
    (userId, items) => traceFromGenesysDetails({ userDetails: details.has(userId) ? [details.get(userId)] : undefined, conversations: items }, { ...single, userId }),
    warnings,
    CONVERSATION,
  );
}
