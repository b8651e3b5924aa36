/**
 * Genesys Cloud analytics → trace data: the answers of `POST /api/v2/analytics/users/details/query`
 * (presence) and `POST /api/v2/analytics/conversations/details/query` (interactions).
 * Field names as Genesys documents them; see docs/adapters.md.
 */
import type { Instant, TraceActivity } from '../model/types.js';
import {
  assembleTrace,
  endAt,
  instantMs,
  isoOrNull,
  isRecord,
  listOf,
  neverThrows,
  RUNNING,
  textOf,
  Warnings,
  type AdapterResult,
  type PauseSpan,
} from './shared.js';
import {
  meaningOf,
  reduceStatusEvents,
  untilOf,
  type ParsedStatusEvent,
  type StatusMeaning,
} from './status-events.js';

/** Options of {@link traceFromGenesysDetails}. */
export interface GenesysDetailsOptions {
  /** The agent: `userId` in the user details and of the `agent` participants. */
  userId: string;
  /**
   * What each presence means, by `organizationPresenceId` (custom presences) or `systemPresence`.
   * Added to the defaults: `AVAILABLE`, `ON_QUEUE`, `IDLE` ready; `OFFLINE` offline; `BREAK`
   * (paid), `MEAL`, `AWAY`, `TRAINING` (paid), `MEETING` (paid), `BUSY` (paid) pauses.
   */
  presences?: Record<string, StatusMeaning>;
  /** Name and pay of the pause for `wrapup` segments. Default `Wrap-up`, paid. */
  wrapUp?: { name?: string; paid?: boolean };
  /** Queue names by `queueId` (the analytics answer carries ids only). */
  queueNames?: Record<string, string>;
  /** Where open intervals end; default they stay running (`end: null`). */
  until?: Instant | null;
}

const DEFAULT_PRESENCES: Readonly<Record<string, StatusMeaning>> = {
  AVAILABLE: 'ready',
  ON_QUEUE: 'ready',
  IDLE: 'ready',
  OFFLINE: 'offline',
  BREAK: { pause: 'Break', paid: true },
  MEAL: { pause: 'Meal', paid: false },
  AWAY: { pause: 'Away', paid: false },
  TRAINING: { pause: 'Training', paid: true },
  MEETING: { pause: 'Meeting', paid: true },
  BUSY: { pause: 'Busy', paid: true },
};

/** `mediaType` → activity type; `message` goes by its `messageType`. */
const MEDIA_TYPES: Readonly<Record<string, string>> = { voice: 'call', callback: 'call', chat: 'web', email: 'email' };
const MESSAGE_TYPES: Readonly<Record<string, string>> = {
  sms: 'sms',
  facebook: 'messenger',
  whatsapp: 'whatsapp',
  webmessaging: 'web',
  open: 'web',
};

/**
 * Sessions, pauses and activities of one agent from Genesys Cloud analytics detail queries.
 * `userDetails` and `conversations` may be the whole answers or their arrays. Never throws.
 *
 * - Sessions: where `primaryPresence` is not `OFFLINE`; pauses for the pause presences (see
 *   `presences`). An interval without `endTime` is still running. `routingStatus` is not needed:
 *   the library computes idle time (Genesys' routing status `IDLE`) from ready time minus activities.
 * - One activity per session of the agent's participant (`purpose: 'agent'`) with an `interact`
 *   segment, from its first `interact` / `hold` segment to its last; `voice` and `callback` → call
 *   (talk time = the `interact` segments, hold excluded, in `holdSeconds`), `chat` → web, `email` →
 *   email, `message` → its `messageType` (sms, messenger, whatsapp, web; others lower-case).
 * - `wrapup` segments are a paid pause "Wrap-up" (taking precedence over a presence pause there).
 *
 * Warning kinds: `user-details-not-found`, `conversations-not-an-array`, `presence-invalid`,
 * `conversation-not-an-object`, `invalid-until`, `invalid-user-id`.
 */
export function traceFromGenesysDetails(
  input: { userDetails?: unknown; conversations?: unknown },
  options: GenesysDetailsOptions,
): AdapterResult {
  return neverThrows((warnings) => {
    const opts = isRecord(options) ? (options as GenesysDetailsOptions) : ({} as GenesysDetailsOptions);
    const userId = textOf(opts.userId);
    if (userId === undefined) warnings.add('invalid-user-id', '`userId` is missing; nothing is attributed to an agent.');
    const until = untilOf(opts.until, warnings);
    const source = isRecord(input) ? input : {};
    const { sessions, pauses } = presenceOf(source.userDetails, userId, opts.presences, until, warnings);
    const wrapUp = {
      name: typeof opts.wrapUp?.name === 'string' ? opts.wrapUp.name : 'Wrap-up',
      paid: typeof opts.wrapUp?.paid === 'boolean' ? opts.wrapUp.paid : true,
    };
    const queueNames = isRecord(opts.queueNames) ? opts.queueNames : {};
    const { activities, wrapUps } = interactionsOf(source.conversations, userId, queueNames, wrapUp, until, warnings);
    return assembleTrace(sessions, pauses, wrapUps, activities);
  });
}

function presenceOf(
  userDetails: unknown,
  userId: string | undefined,
  presences: unknown,
  until: number,
  warnings: Warnings,
): ReturnType<typeof reduceStatusEvents> {
  const list = listOf(userDetails, 'userDetails') ?? [];
  const detail = list.find((d) => isRecord(d) && (userId === undefined || textOf(d.userId) === userId));
  if (!isRecord(detail)) {
    if (userDetails !== undefined) {
      warnings.add('user-details-not-found', `No user details of user "${userId ?? ''}"; there are no sessions.`);
    }
    return { sessions: [], pauses: [] };
  }
  const own = isRecord(presences) ? presences : {};
  const meaning = (key: string): StatusMeaning => {
    const [orgId, system] = key.split('\n') as [string, string];
    return meaningOf(own[orgId]) ?? meaningOf(own[system]) ?? DEFAULT_PRESENCES[system] ?? {
      pause: system.charAt(0) + system.slice(1).toLowerCase(),
      paid: false,
    };
  };
  const intervals: { start: number; end: number | null; key: string; index: number }[] = [];
  const raw = Array.isArray(detail.primaryPresence) ? (detail.primaryPresence as unknown[]) : [];
  raw.forEach((item, index) => {
    const start = isRecord(item) ? instantMs(item.startTime) : null;
    const system = isRecord(item) ? textOf(item.systemPresence)?.toUpperCase() : undefined;
    if (!isRecord(item) || start === null || system === undefined) {
      warnings.add('presence-invalid', `primaryPresence ${index} has no valid startTime or systemPresence; it is left out.`, index);
      return;
    }
    const end = item.endTime === undefined || item.endTime === null ? null : instantMs(item.endTime);
    intervals.push({ start, end: end !== null && end < start ? start : end, key: `${textOf(item.organizationPresenceId) ?? ''}\n${system}`, index });
  });
  intervals.sort((a, b) => a.start - b.start || a.index - b.index);
  const events: ParsedStatusEvent[] = [];
  intervals.forEach((interval, i) => {
    events.push({ at: interval.start, kind: 'status', status: interval.key, seq: 2 * i });
    const next = intervals[i + 1];
    // An interval ends where the next begins; a gap after it is time logged out.
    if (interval.end !== null && (!next || next.start > interval.end)) {
      events.push({ at: interval.end, kind: 'logout', seq: 2 * i + 1 });
    }
  });
  return reduceStatusEvents(events, meaning, until);
}

function interactionsOf(
  conversations: unknown,
  userId: string | undefined,
  queueNames: Record<string, unknown>,
  wrapUp: { name: string; paid: boolean },
  until: number,
  warnings: Warnings,
): { activities: TraceActivity[]; wrapUps: PauseSpan[] } {
  const activities: TraceActivity[] = [];
  const wrapUps: PauseSpan[] = [];
  if (conversations === undefined) return { activities, wrapUps };
  const list = listOf(conversations, 'conversations');
  if (list === null) {
    warnings.add('conversations-not-an-array', 'The conversations are not an array; there are no activities.');
    return { activities, wrapUps };
  }
  const ids = new Set<string>();
  list.forEach((conversation, index) => {
    if (!isRecord(conversation)) {
      warnings.add('conversation-not-an-object', `Conversation ${index} is not an object; it is left out.`, index);
      return;
    }
    const conversationId = textOf(conversation.conversationId) ?? `conversation-${index}`;
    const participants = Array.isArray(conversation.participants) ? (conversation.participants as unknown[]) : [];
    for (const participant of participants) {
      if (!isRecord(participant) || participant.purpose !== 'agent' || textOf(participant.userId) !== userId) continue;
      const sessions = Array.isArray(participant.sessions) ? (participant.sessions as unknown[]) : [];
      sessions.forEach((session, s) => {
        if (!isRecord(session)) return;
        const id = `${conversationId}/${textOf(session.sessionId) ?? s}`;
        if (ids.has(id)) return;
        ids.add(id);
        const activity = sessionActivity(id, conversationId, conversation, session, queueNames, until, wrapUps, wrapUp);
        if (activity) activities.push(activity);
      });
    }
  });
  return { activities, wrapUps };
}

/** One agent session → its activity (or `null` without an `interact` segment); wrap-ups go to `wrapUps`. */
function sessionActivity(
  id: string,
  conversationId: string,
  conversation: Record<string, unknown>,
  session: Record<string, unknown>,
  queueNames: Record<string, unknown>,
  until: number,
  wrapUps: PauseSpan[],
  wrapUp: { name: string; paid: boolean },
): TraceActivity | null {
  let start = RUNNING;
  let end = Number.NEGATIVE_INFINITY;
  let interactMs = 0;
  let holdMs = 0;
  let open = false;
  let interacted = false;
  let queueId: string | undefined;
  let wrapUpCode: string | undefined;
  const segments = Array.isArray(session.segments) ? (session.segments as unknown[]) : [];
  for (const segment of segments) {
    if (!isRecord(segment)) continue;
    const from = instantMs(segment.segmentStart);
    if (from === null || from >= until) continue;
    const rawEnd = segment.segmentEnd === undefined || segment.segmentEnd === null ? null : instantMs(segment.segmentEnd);
    const to = Math.max(from, endAt(rawEnd, until));
    queueId = textOf(segment.queueId) ?? queueId;
    wrapUpCode = textOf(segment.wrapUpCode) ?? wrapUpCode;
    const kind = segment.segmentType;
    if (kind === 'wrapup') {
      wrapUps.push({ start: from, end: to, ...wrapUp });
      continue;
    }
    if (kind !== 'interact' && kind !== 'hold') continue;
    if (kind === 'interact') {
      interacted = true;
      interactMs += to - from;
    } else holdMs += to - from;
    if (to === RUNNING) open = true;
    if (from < start) start = from;
    if (to > end) end = to;
  }
  if (!interacted) return null;
  const mediaType = textOf(session.mediaType)?.toLowerCase() ?? 'other';
  const messageType = textOf(session.messageType)?.toLowerCase();
  const type =
    mediaType === 'message' ? (MESSAGE_TYPES[messageType ?? ''] ?? messageType ?? 'web') : (MEDIA_TYPES[mediaType] ?? mediaType);
  const activity: TraceActivity = { id, type, start: isoOrNull(start)!, end: isoOrNull(end) };
  if (!open) activity.closed = true;
  const direction = textOf(session.direction) ?? textOf(conversation.originatingDirection);
  if (direction === 'inbound') activity.direction = 'in';
  else if (direction === 'outbound') activity.direction = 'out';
  if (queueId !== undefined) activity.queue = typeof queueNames[queueId] === 'string' ? (queueNames[queueId] as string) : queueId;
  const contact = textOf(session.remoteNameDisplayable) ?? textOf(activity.direction === 'out' ? session.dnis : session.ani);
  if (contact !== undefined) activity.contact = contact.replace(/^tel:/, '');
  if (type === 'call' && !open) activity.talkSeconds = Math.round(interactMs / 1000);
  if (holdMs > 0 && !open) activity.holdSeconds = Math.round(holdMs / 1000);
  if (wrapUpCode !== undefined) activity.wrapUpCode = wrapUpCode;
  activity.conversationId = conversationId;
  return activity;
}
