/**
 * Loads a team's day for `<user-trace-team>`: one `loadTeamTrace` when the provider has it,
 * else `loadTrace` per agent with at most {@link TEAM_CONCURRENCY} in flight. Every agent's data
 * is validated and counted on its own (`prepareTrace`, `computePreparedStats`), so one agent's
 * denial or bad records mark only that agent's row. No DOM, no Lit.
 */
import type { DataWarning, PreparedTrace, TraceStats } from '../model/types.js';
import { prepareTrace } from '../model/normalize.js';
import { computePreparedStats } from '../stats/compute-stats.js';
import { AccessDeniedError, isAccessDenied, toError, type UserTraceProvider } from './provider.js';

/** Most `loadTrace` calls in flight at once when the provider has no `loadTeamTrace`. */
export const TEAM_CONCURRENCY = 6;

export type TeamRowStatus = 'loading' | 'ready' | 'denied' | 'error';

/** One agent's part of the team's day. */
export interface TeamRowData {
  userId: string;
  status: TeamRowStatus;
  /** Validated data (ready rows only). */
  prepared: PreparedTrace | null;
  stats: TraceStats | null;
  /** Records of this agent that were left out. */
  warnings: DataWarning[];
  error: Error | null;
  /** The statistics were computed at this instant (running intervals end here). */
  now: number;
  /** The period contains `now` and something of this agent still runs. */
  live: boolean;
}

/** What to load: the agents and the period, `[startMs, endMs)` the same instants as `start`/`end`. */
export interface TeamRequest {
  provider: UserTraceProvider;
  userIds: readonly string[];
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  now: () => number;
}

/** A row that has not answered yet. */
export function pendingRow(userId: string, now: number): TeamRowData {
  return { userId, status: 'loading', prepared: null, stats: null, warnings: [], error: null, now, live: false };
}

function hasRunning(prepared: PreparedTrace): boolean {
  return prepared.sessions.some((s) => s.end === null) || prepared.pauses.some((p) => p.end === null) || prepared.activities.some((a) => a.end === null);
}

/** A ready row from one agent's raw provider data: validated, prepared and counted. */
export function readyRow(userId: string, raw: unknown, startMs: number, endMs: number, now: number): TeamRowData {
  const { warnings, prepared } = prepareTrace(raw);
  return {
    userId,
    status: 'ready',
    prepared,
    stats: computePreparedStats(prepared, startMs, endMs, now),
    warnings,
    error: null,
    now,
    live: now >= startMs && now < endMs && hasRunning(prepared),
  };
}

/** The same row counted again at `now` (running intervals grow with the clock). */
export function recountRow(row: TeamRowData, startMs: number, endMs: number, now: number): TeamRowData {
  if (!row.prepared) return row;
  return { ...row, now, stats: computePreparedStats(row.prepared, startMs, endMs, now), live: now >= startMs && now < endMs && hasRunning(row.prepared) };
}

/** A row whose load was rejected: "no access" for a denial, else an error. */
export function failedRow(userId: string, error: unknown, now: number): TeamRowData {
  const denied = isAccessDenied(error);
  return { ...pendingRow(userId, now), status: denied ? 'denied' : 'error', error: toError(error) };
}

/**
 * Loads every agent of `request`, calling `onRow` as each answers (in any order). Resolves when
 * all have answered; rejects only when a `loadTeamTrace` call as a whole fails (then the team's
 * state is the error or the denial). Stops calling `onRow` once `signal` aborts.
 */
export async function loadTeam(request: TeamRequest, signal: AbortSignal, onRow: (row: TeamRowData) => void): Promise<void> {
  const { provider, userIds, start, end, startMs, endMs, now } = request;
  const emit = (row: TeamRowData): void => {
    if (!signal.aborted) onRow(row);
  };
  if (typeof provider.loadTeamTrace === 'function') {
    const answer: unknown = await provider.loadTeamTrace({ userIds: [...userIds], start, end, signal });
    if (signal.aborted) return;
    const traces = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
    const at = now();
    for (const userId of userIds) {
      // A user left out of the answer is one the viewer may not see.
      if (Object.hasOwn(traces, userId)) emit(readyRow(userId, traces[userId], startMs, endMs, at));
      else emit(failedRow(userId, new AccessDeniedError('The provider did not return this user (no access).'), at));
    }
    return;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < userIds.length && !signal.aborted) {
      const userId = userIds[next++]!;
      try {
        const raw: unknown = await provider.loadTrace({ userId, start, end, signal });
        emit(readyRow(userId, raw, startMs, endMs, now()));
      } catch (error) {
        emit(failedRow(userId, error, now()));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TEAM_CONCURRENCY, userIds.length) }, worker));
}

/**
 * One team load at a time: a new `load` aborts the previous one, and nothing of an aborted or
 * replaced load reaches its callbacks (a stale answer is dropped).
 */
export class TeamLoader {
  #abort: AbortController | null = null;

  /** Starts loading `request`; `onRow` per agent, then `onDone` (with the error of a failed `loadTeamTrace`). */
  load(request: TeamRequest, onRow: (row: TeamRowData) => void, onDone: (error: Error | null, denied: boolean) => void): void {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    const current = () => this.#abort === abort && !abort.signal.aborted;
    loadTeam(request, abort.signal, (row) => current() && onRow(row)).then(
      () => current() && onDone(null, false),
      (error: unknown) => current() && onDone(toError(error), isAccessDenied(error)),
    );
  }

  /** Aborts the load in flight, if any. */
  cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
  }
}
