/**
 * The generic status-event reducer: login, logout and status changes in any order, with
 * duplicates, → logged-in sessions and pauses. The platform adapters reduce through it too, so
 * "what a status means" and "what a held status counts" live in this one file.
 */
import type { Instant } from '../model/types.js';
import type { Span } from '../stats/intervals.js';
import {
  assembleTrace,
  endAt,
  instantMs,
  isRecord,
  neverThrows,
  RUNNING,
  textOf,
  Warnings,
  type AdapterResult,
  type PauseSpan,
} from './shared.js';

/** What a platform status means for the trace. */
export type StatusMeaning = 'ready' | 'offline' | { pause: string; paid: boolean };

/** One status event as a host stores it (from a webhook, a realtime feed or its own log). */
export interface StatusEvent {
  /** When it happened: ISO 8601 with an offset or `Z`, epoch ms, or a `Date`. */
  at: Instant;
  /** `login` and `logout` of the agent; `status` when the agent's status changed. */
  kind: 'login' | 'logout' | 'status';
  /** The platform's status name; required for `status`, optional for `login` (default: ready). */
  status?: string;
  /** Whose event it is; with `options.userId`, events of other users are skipped. */
  userId?: string;
}

/** Options of {@link traceFromStatusEvents}. */
export interface StatusEventsOptions {
  /**
   * What each status means. Statuses not listed here: `Ready` and `Available` are ready and
   * `Offline` is offline (any letter case); any other becomes an unpaid pause named after the
   * status, with one `status-unknown` warning per status.
   */
  statuses?: Record<string, StatusMeaning>;
  /**
   * Where open intervals end: what is still logged in or paused then ends there, and events from
   * then on are ignored. Default: open intervals stay running (`end: null`).
   */
  until?: Instant | null;
  /** Only events of this user (events without `userId` are kept). */
  userId?: string;
}

/** A validated event: epoch ms, its position in the input as the tie-break. */
export interface ParsedStatusEvent {
  at: number;
  kind: 'login' | 'logout' | 'status';
  status?: string;
  seq: number;
}

/** How the reducer asks what a status means. */
export type StatusResolver = (status: string) => StatusMeaning;

const DEFAULT_MEANINGS: Readonly<Record<string, StatusMeaning>> = {
  ready: 'ready',
  available: 'ready',
  offline: 'offline',
};

/**
 * Sessions and pauses of one agent from status events (docs/spec.md#data-contract, #adapters). Never throws.
 *
 * - Events may come in any order and more than once: they are sorted by time (events of the same
 *   instant keep their input order) and exact duplicates count once.
 * - `login` opens a session (ready, or in `status` when given); `logout` and an `offline` status
 *   close it and any pause. A `status` event while logged out opens a session too, so a status
 *   held from before the period still counts inside it: pass the last event before the period.
 * - Each pause status opens a pause that lasts until the next status change; a repeated status
 *   does not split it.
 * - What is still open at the end runs on (`end: null`), or ends at `options.until`.
 *
 * Sessions' length is always ready time plus paused time: pauses lie inside sessions and never
 * overlap. Warning kinds: `events-not-an-array`, `event-not-an-object`, `event-unreadable`,
 * `event-invalid-at`, `event-invalid-kind`, `event-missing-status`, `status-unknown`,
 * `invalid-until`, `invalid-statuses`.
 *
 * @example
 * ```ts
 * const { data, warnings } = traceFromStatusEvents(
 *   [{ at: '2026-03-02T08:00:00+01:00', kind: 'login' },
 *    { at: '2026-03-02T12:00:00+01:00', kind: 'status', status: 'Lunch' },
 *    { at: '2026-03-02T12:30:00+01:00', kind: 'status', status: 'Ready' }],
 *   { statuses: { Lunch: { pause: 'Lunch', paid: false } } },
 * );
 * ```
 */
export function traceFromStatusEvents(events: unknown, options: StatusEventsOptions = {}): AdapterResult {
  return neverThrows((warnings) => {
    const opts = isRecord(options) ? (options as StatusEventsOptions) : {};
    const until = untilOf(opts.until, warnings);
    const resolve = statusResolver(opts.statuses, warnings);
    const parsed = parseStatusEvents(events, typeof opts.userId === 'string' ? opts.userId : undefined, warnings);
    const { sessions, pauses } = reduceStatusEvents(parsed, resolve, until);
    return assembleTrace(sessions, pauses, [], []);
  });
}

/** `options.until` as epoch ms, {@link RUNNING} when not set (or invalid, with a warning). */
export function untilOf(until: unknown, warnings: Warnings): number {
  if (until === undefined || until === null) return RUNNING;
  const ms = instantMs(until);
  if (ms === null) {
    warnings.add('invalid-until', '`until` is not an instant with an offset; open intervals stay running.');
    return RUNNING;
  }
  return ms;
}

/**
 * The resolver for a host's status map: its entries first, then the defaults (`Ready`, `Available`,
 * `Offline`); anything else is an unpaid pause named after the status, warned about once.
 */
export function statusResolver(statuses: unknown, warnings: Warnings): StatusResolver {
  let map: Record<string, unknown> = {};
  if (isRecord(statuses)) map = statuses;
  else if (statuses !== undefined && statuses !== null) {
    warnings.add('invalid-statuses', '`statuses` is not an object; only the default statuses are known.');
  }
  const unknown = new Set<string>();
  return (status) => {
    const own = Object.prototype.hasOwnProperty.call(map, status) ? meaningOf(map[status]) : undefined;
    if (own) return own;
    const fallback = DEFAULT_MEANINGS[status.toLowerCase()];
    if (fallback) return fallback;
    if (!unknown.has(status)) {
      unknown.add(status);
      warnings.add('status-unknown', `Status "${status}" is not in \`statuses\`; it is counted as an unpaid pause.`);
    }
    return { pause: status, paid: false };
  };
}

/** A valid {@link StatusMeaning}, else `undefined`. */
export function meaningOf(value: unknown): StatusMeaning | undefined {
  if (value === 'ready' || value === 'offline') return value;
  if (isRecord(value) && typeof value.pause === 'string' && typeof value.paid === 'boolean') {
    return { pause: value.pause, paid: value.paid };
  }
  return undefined;
}

function parseStatusEvents(events: unknown, userId: string | undefined, warnings: Warnings): ParsedStatusEvent[] {
  if (!Array.isArray(events)) {
    warnings.add('events-not-an-array', 'The status events are not an array; there are no sessions.');
    return [];
  }
  const out: ParsedStatusEvent[] = [];
  for (let index = 0; index < events.length; index++) {
    try {
      const event: unknown = events[index];
      if (!isRecord(event)) {
        warnings.add('event-not-an-object', `Status event ${index} is not an object; it is left out.`, index);
        continue;
      }
      if (userId !== undefined && event.userId !== undefined && textOf(event.userId) !== userId) continue;
      const at = instantMs(event.at);
      if (at === null) {
        warnings.add('event-invalid-at', `Status event ${index} has no valid \`at\`; it is left out.`, index);
        continue;
      }
      const { kind } = event;
      if (kind !== 'login' && kind !== 'logout' && kind !== 'status') {
        warnings.add('event-invalid-kind', `Status event ${index} has kind ${String(kind)}; it is left out.`, index);
        continue;
      }
      const status = typeof event.status === 'string' && event.status !== '' ? event.status : undefined;
      if (kind === 'status' && status === undefined) {
        warnings.add('event-missing-status', `Status event ${index} has no \`status\`; it is left out.`, index);
        continue;
      }
      out.push(status === undefined ? { at, kind, seq: index } : { at, kind, status, seq: index });
    } catch {
      warnings.add('event-unreadable', `Status event ${index} could not be read; it is left out.`, index);
    }
  }
  return out;
}

/**
 * The state machine behind every adapter: sorted, de-duplicated events → session and pause spans
 * (ends may be {@link RUNNING}). Events at or after `until` are ignored; what is open ends there.
 */
export function reduceStatusEvents(
  events: readonly ParsedStatusEvent[],
  resolve: StatusResolver,
  until: number,
): { sessions: Span[]; pauses: PauseSpan[] } {
  const sorted = [...events].sort((a, b) => a.at - b.at || a.seq - b.seq);
  const seen = new Set<string>();
  const sessions: Span[] = [];
  const pauses: PauseSpan[] = [];
  let sessionStart: number | null = null;
  let pause: { start: number; name: string; paid: boolean } | null = null;
  const closePause = (at: number): void => {
    if (pause && at > pause.start) pauses.push({ start: pause.start, end: at, name: pause.name, paid: pause.paid });
    pause = null;
  };
  const closeSession = (at: number): void => {
    closePause(at);
    if (sessionStart !== null && at > sessionStart) sessions.push({ start: sessionStart, end: at });
    sessionStart = null;
  };
  for (const event of sorted) {
    if (event.at >= until) break;
    const key = `${event.at}|${event.kind}|${event.status ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const meaning: StatusMeaning =
      event.kind === 'logout' ? 'offline' : event.status !== undefined ? resolve(event.status) : 'ready';
    if (meaning === 'offline') {
      closeSession(event.at);
      continue;
    }
    // A login without a status while logged in changes nothing.
    if (event.kind === 'login' && event.status === undefined && sessionStart !== null) continue;
    sessionStart ??= event.at;
    if (meaning === 'ready') {
      closePause(event.at);
      continue;
    }
    const current = pause as { name: string; paid: boolean } | null;
    if (current && current.name === meaning.pause && current.paid === meaning.paid) continue;
    closePause(event.at);
    pause = { start: event.at, name: meaning.pause, paid: meaning.paid };
  }
  closeSession(endAt(null, until));
  return { sessions, pauses };
}
