/**
 * Amazon Connect's agent event stream (the Kinesis records a host stores) → trace data.
 * Field names as in Amazon's "Agent event streams data model"; see docs/adapters.md.
 */
import type { Instant, TraceActivity } from '../model/types.js';
import type { Span } from '../stats/intervals.js';
import {
  assembleTrace,
  endAt,
  instantMs,
  isoOrNull,
  isRecord,
  listOf,
  neverThrows,
  textOf,
  Warnings,
  type AdapterResult,
  type PauseSpan,
} from './shared.js';
import { reduceStatusEvents, untilOf, type ParsedStatusEvent, type StatusMeaning } from './status-events.js';

/** Options of {@link traceFromConnectAgentEvents}. */
export interface ConnectAgentEventsOptions {
  /** Agent statuses in which the agent is ready. Default `['Available']`. */
  readyStatuses?: string[];
  /** Statuses that are paid pauses; every other status (not ready, not `Offline`) is an unpaid pause. Default none. */
  paidStatuses?: string[];
  /** Name and pay of the after-contact-work pause. Default `After contact work`, paid. */
  afterContactWork?: { name?: string; paid?: boolean };
  /** Only records of this agent (`AgentARN`). Default: all records. */
  agentArn?: string;
  /** Where open intervals end; default they stay running (`end: null`). */
  until?: Instant | null;
  /**
   * A gap between two records inside a session longer than this is warned about
   * (`connect-event-gap`). Amazon publishes a `HEART_BEAT` every 120 s when nothing else happens;
   * the default, 180 s, allows for delivery delay.
   */
  maxEventGapSeconds?: number;
}

/** Channel → activity type. */
const CHANNEL_TYPES: Readonly<Record<string, string>> = { VOICE: 'call', CHAT: 'web', TASK: 'ticket', EMAIL: 'email' };
/** `InitiationMethod` → direction; methods not listed get none. */
const DIRECTIONS: Readonly<Record<string, 'in' | 'out'>> = {
  INBOUND: 'in',
  TRANSFER: 'in',
  QUEUE_TRANSFER: 'in',
  OUTBOUND: 'out',
  CALLBACK: 'out',
  EXTERNAL_OUTBOUND: 'out',
  AGENT_REPLY: 'out',
};
const CONNECTED_STATES = new Set(['CONNECTED', 'CONNECTED_ONHOLD', 'PAUSED']);

/** One record, validated. */
interface ConnectRecord {
  at: number;
  type: string;
  index: number;
  current: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
}

/** What is known of one contact across the records that show it. */
interface ContactTrack {
  id: string;
  channel?: string;
  initiation?: string;
  queue?: string;
  initialId?: string;
  connected: number | null;
  ended: number | null;
  cleared: number | null;
  lastSeen: number;
}

/**
 * Sessions, pauses and activities of one agent from Amazon Connect agent event stream records
 * (`EventType` `LOGIN`, `LOGOUT`, `STATE_CHANGE`, `HEART_BEAT`), in any order and whatever their
 * `Version`. Never throws.
 *
 * - Sessions from `LOGIN` / `LOGOUT` and the agent status `Offline` (type `OFFLINE`); each status is
 *   placed at its `AgentStatus.StartTimestamp`, so a status held since before the first record
 *   (also from `PreviousAgentSnapshot`) counts from when it began — heartbeats alone are enough.
 * - Pauses from statuses that are not ready (`readyStatuses`); paid when in `paidStatuses`.
 * - One activity per contact in `Contacts`, from connected to `ENDED`: `VOICE` → call, `CHAT` → web,
 *   `TASK` → ticket, `EMAIL` → email; direction from `InitiationMethod`; queue from `Queue.Name`.
 *   Contacts never connected (missed, rejected) are left out.
 * - After-contact work — the contact in state `ENDED` until the agent clears it (it leaves
 *   `Contacts`) — is a paid pause "After contact work"; it takes precedence over a status pause.
 * - Records with the same `EventId` count once.
 *
 * Warning kinds: `records-not-an-array`, `record-not-an-object`, `record-unreadable`,
 * `record-invalid-timestamp`, `connect-event-gap`, `invalid-until`.
 */
export function traceFromConnectAgentEvents(records: unknown, options: ConnectAgentEventsOptions = {}): AdapterResult {
  return neverThrows((warnings) => {
    const opts = isRecord(options) ? (options as ConnectAgentEventsOptions) : {};
    const until = untilOf(opts.until, warnings);
    const ready = new Set(stringList(opts.readyStatuses) ?? ['Available']);
    const paid = new Set(stringList(opts.paidStatuses) ?? []);
    const acw = {
      name: typeof opts.afterContactWork?.name === 'string' ? opts.afterContactWork.name : 'After contact work',
      paid: typeof opts.afterContactWork?.paid === 'boolean' ? opts.afterContactWork.paid : true,
    };
    const parsed = parseRecords(records, typeof opts.agentArn === 'string' ? opts.agentArn : undefined, warnings);

    const offline = new Set<string>();
    const events: ParsedStatusEvent[] = [];
    const statusEvent = (snapshot: Record<string, unknown> | null, fallbackAt: number | null, seq: number): void => {
      const status = isRecord(snapshot?.AgentStatus) ? snapshot.AgentStatus : null;
      const name = textOf(status?.Name);
      if (!status || name === undefined) return;
      if (status.Type === 'OFFLINE' || name === 'Offline') offline.add(name);
      const at = instantMs(status.StartTimestamp) ?? fallbackAt;
      if (at !== null) events.push({ at, kind: 'status', status: name, seq });
    };
    for (const record of parsed) {
      const seq = record.index * 3;
      if (record.type === 'LOGOUT') {
        events.push({ at: record.at, kind: 'logout', seq });
        continue;
      }
      if (record.type === 'LOGIN') {
        // Logged in to the CCP in status Offline is not yet a session.
        const status = isRecord(record.current?.AgentStatus) ? textOf(record.current.AgentStatus.Name) : undefined;
        events.push(status === undefined ? { at: record.at, kind: 'login', seq } : { at: record.at, kind: 'login', status, seq });
      }
      // Only a STATE_CHANGE happens at its own timestamp; a heartbeat merely repeats a status.
      // What came before a LOGIN was while logged out.
      if (record.type !== 'LOGIN') statusEvent(record.previous, null, seq + 1);
      statusEvent(record.current, record.type === 'STATE_CHANGE' ? record.at : null, seq + 2);
    }
    const meaning = (status: string): StatusMeaning =>
      offline.has(status) ? 'offline' : ready.has(status) ? 'ready' : { pause: status, paid: paid.has(status) };
    const { sessions, pauses } = reduceStatusEvents(events, meaning, until);

    const { activities, afterContactWork } = contactsOf(parsed, until, acw);
    warnGaps(parsed, sessions, opts.maxEventGapSeconds, warnings);
    return assembleTrace(sessions, pauses, afterContactWork, activities);
  });
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function parseRecords(records: unknown, agentArn: string | undefined, warnings: Warnings): ConnectRecord[] {
  const list = listOf(records, 'Records');
  if (list === null) {
    warnings.add('records-not-an-array', 'The agent event records are not an array; there is no trace.');
    return [];
  }
  const out: ConnectRecord[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    try {
      const record: unknown = list[index];
      if (!isRecord(record)) {
        warnings.add('record-not-an-object', `Record ${index} is not an object; it is left out.`, index);
        continue;
      }
      if (agentArn !== undefined && record.AgentARN !== undefined && record.AgentARN !== agentArn) continue;
      const at = instantMs(record.EventTimestamp);
      const id = textOf(record.EventId);
      if (at === null) {
        warnings.add('record-invalid-timestamp', `Record ${index} has no valid EventTimestamp; it is left out.`, index, id);
        continue;
      }
      // Kinesis delivers at least once: the same event may come twice.
      if (id !== undefined) {
        if (ids.has(id)) continue;
        ids.add(id);
      }
      out.push({
        at,
        type: typeof record.EventType === 'string' ? record.EventType : '',
        index,
        current: isRecord(record.CurrentAgentSnapshot) ? record.CurrentAgentSnapshot : null,
        previous: isRecord(record.PreviousAgentSnapshot) ? record.PreviousAgentSnapshot : null,
      });
    } catch {
      warnings.add('record-unreadable', `Record ${index} could not be read; it is left out.`, index);
    }
  }
  // Amazon's own examples list records newest first.
  return out.sort((a, b) => a.at - b.at || a.index - b.index);
}

function contactsOf(
  records: readonly ConnectRecord[],
  until: number,
  acw: { name: string; paid: boolean },
): { activities: TraceActivity[]; afterContactWork: PauseSpan[] } {
  const tracks = new Map<string, ContactTrack>();
  for (const record of records) {
    if (record.at >= until) break;
    const contacts = record.type === 'LOGOUT' ? [] : record.current ? record.current.Contacts : undefined;
    // A record without a snapshot says nothing about the contacts.
    if (!Array.isArray(contacts)) continue;
    const present = new Set<string>();
    for (const contact of contacts) {
      if (!isRecord(contact)) continue;
      const id = textOf(contact.ContactId);
      if (id === undefined) continue;
      present.add(id);
      let track = tracks.get(id);
      if (!track) tracks.set(id, (track = { id, connected: null, ended: null, cleared: null, lastSeen: record.at }));
      track.lastSeen = record.at;
      track.channel = textOf(contact.Channel) ?? track.channel;
      track.initiation = textOf(contact.InitiationMethod) ?? track.initiation;
      track.initialId = textOf(contact.InitialContactId) ?? track.initialId;
      if (isRecord(contact.Queue)) track.queue = textOf(contact.Queue.Name) ?? track.queue;
      const state = contact.State;
      const stateStart = instantMs(contact.StateStartTimestamp);
      const connectedAt = instantMs(contact.ConnectedToAgentTimestamp);
      if (typeof state === 'string' && CONNECTED_STATES.has(state)) {
        track.connected ??= connectedAt ?? stateStart ?? record.at;
        track.cleared = null;
      } else if (state === 'ENDED') {
        if (connectedAt !== null) track.connected ??= connectedAt;
        track.ended ??= stateStart ?? record.at;
      }
    }
    for (const track of tracks.values()) {
      if (track.cleared === null && !present.has(track.id) && track.lastSeen < record.at) track.cleared = record.at;
    }
  }
  const activities: TraceActivity[] = [];
  const afterContactWork: PauseSpan[] = [];
  for (const track of tracks.values()) {
    if (track.connected === null || track.connected >= until) continue;
    const ended = track.ended ?? track.cleared;
    const end = endAt(ended !== null && ended < track.connected ? track.connected : ended, until);
    activities.push(activityOf(track, track.connected, end));
    if (track.ended !== null && track.ended >= track.connected) {
      const acwEnd = endAt(track.cleared, until);
      if (acwEnd > track.ended) afterContactWork.push({ start: track.ended, end: acwEnd, ...acw });
    }
  }
  return { activities, afterContactWork };
}

function activityOf(track: ContactTrack, start: number, end: number): TraceActivity {
  const type = CHANNEL_TYPES[track.channel ?? ''] ?? (track.channel ?? 'other').toLowerCase();
  const activity: TraceActivity = { id: track.id, type, start: isoOrNull(start)!, end: isoOrNull(end) };
  if (track.ended !== null) activity.closed = true;
  const direction = DIRECTIONS[track.initiation ?? ''];
  if (direction) activity.direction = direction;
  if (track.queue !== undefined) activity.queue = track.queue;
  if (type === 'ticket') activity.ticketId = track.initialId ?? track.id;
  if (track.initiation !== undefined) activity.initiationMethod = track.initiation;
  if (track.initialId !== undefined) activity.initialContactId = track.initialId;
  return activity;
}

function warnGaps(records: readonly ConnectRecord[], sessions: readonly Span[], limitSeconds: unknown, warnings: Warnings): void {
  const limit =
    typeof limitSeconds === 'number' && Number.isFinite(limitSeconds) && limitSeconds > 0 ? limitSeconds * 1000 : 180_000;
  for (let i = 1; i < records.length; i++) {
    const from = records[i - 1]!.at;
    const to = records[i]!.at;
    if (to - from <= limit) continue;
    const middle = from + (to - from) / 2;
    if (!sessions.some((s) => s.start <= middle && middle < s.end)) continue;
    warnings.add(
      'connect-event-gap',
      `No record between ${isoOrNull(from)} and ${isoOrNull(to)} (${Math.round((to - from) / 1000)} s) while the agent was logged in; ` +
        'Amazon Connect publishes a heartbeat every 120 s, so records may be missing there.',
      records[i]!.index,
    );
  }
}
