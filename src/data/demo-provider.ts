import type { TraceActivity, TraceData, TracePause, TraceSession, TraceUser } from '../model/types.js';
import { demoActivityDetail } from './demo-detail.js';
import { HEAVY_SPILL_MS, generateAgentDay, generateHeavyDay, type GenDay, type GenInterval } from './demo-day.js';
import { localDayNumber, localToUtc, toPragueIso } from './demo-time.js';
import { demoAgents, heavyAgent, toTraceUser, type DemoAgent } from './demo-users.js';
import {
  AccessDeniedError,
  abortError,
  type ListUsersQuery,
  type LoadActivityDetailQuery,
  type LoadTraceQuery,
  type UserTraceProvider,
} from './provider.js';

export { DEMO_USERS } from './demo-users.js';
export { DEMO_TIME_ZONE } from './demo-time.js';

/** Options of {@link DemoProvider}. */
export interface DemoProviderOptions {
  /** Seed of all generated data; the same seed and query always give the same data. Default `1`. */
  seed?: number;
  /** Simulated network latency of every call, in ms. Default `0` (still asynchronous). */
  latencyMs?: number;
  /**
   * Id of an extra, synthetic load-test user with `heavyActivitiesPerWeek` short, overlapping
   * activities per week (listed as "Zátěžový test (load test)"). Default `null`: no such user.
   */
  heavyUserId?: string | null;
  /** Activities per week of the heavy user. Default `100_000`. */
  heavyActivitiesPerWeek?: number;
  /** The clock: what started before it and has not ended is "running" (`end: null`); nothing starts after it. Default `Date.now`. */
  now?: () => number;
  /** Users whose trace the viewer may not see: `loadTrace` and `loadActivityDetail` reject with {@link AccessDeniedError}. */
  deniedUserIds?: string[];
}

/** A day of the heavy user holds `perWeek / 7` activities. */
const DAYS_PER_WEEK = 7;

/** Resolves after `ms`, or rejects with an `AbortError` as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseQueryInstant(value: string, name: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`DemoProvider: "${name}" must be an ISO 8601 instant, got ${JSON.stringify(value)}.`);
  }
  return ms;
}

/**
 * Deterministic demo data for a contact centre in Prague: 28 agents (3 deactivated) on
 * morning, day, afternoon and night shifts, with sessions, paid and unpaid pauses, calls,
 * emails, all five chat channels, tickets edited over several days and an unknown
 * `callback` type. Each Prague calendar day is generated from `seed + user + day` alone,
 * so a week is exactly the union of its days. Instants carry the Prague offset.
 *
 * @example
 * const provider = new DemoProvider({ seed: 7, latencyMs: 300, heavyUserId: 'heavy' });
 * timeline.provider = provider;
 */
export class DemoProvider implements UserTraceProvider {
  /** The seed all data derives from. */
  readonly seed: number;
  /** Simulated latency in ms. */
  latencyMs: number;
  private readonly heavyUserId: string | null;
  private readonly heavyPerWeek: number;
  private readonly now: () => number;
  private readonly denied: ReadonlySet<string>;
  private readonly agents: readonly DemoAgent[];

  constructor(options: DemoProviderOptions = {}) {
    this.seed = options.seed ?? 1;
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    this.heavyUserId = options.heavyUserId ?? null;
    this.heavyPerWeek = Math.max(0, Math.round(options.heavyActivitiesPerWeek ?? 100_000));
    this.now = options.now ?? Date.now;
    this.denied = new Set(options.deniedUserIds ?? []);
    this.agents = this.heavyUserId ? [...demoAgents(), heavyAgent(this.heavyUserId)] : demoAgents();
  }

  /** Every user this provider knows (synchronously; deactivated ones only when asked). */
  users(includeDeactivated = true): TraceUser[] {
    return this.agents.filter((a) => includeDeactivated || !a.deactivated).map(toTraceUser);
  }

  /** Lists the users, leaving deactivated ones out unless `includeDeactivated`. */
  async listUsers({ includeDeactivated, signal }: ListUsersQuery): Promise<TraceUser[]> {
    await wait(this.latencyMs, signal);
    return this.users(includeDeactivated);
  }

  /**
   * Everything of the user that overlaps `[start, end)`: sessions, pauses and activities,
   * with whatever runs at `now` still open (`end: null`) and nothing that starts after `now`.
   * Rejects with an `AbortError` when `signal` aborts (also during the latency),
   * with {@link AccessDeniedError} for a denied user, and with an `Error` for an unknown one.
   */
  async loadTrace({ userId, start, end, signal }: LoadTraceQuery): Promise<TraceData> {
    await wait(this.latencyMs, signal);
    this.checkAccess(userId);
    const data = this.generate(userId, parseQueryInstant(start, 'start'), parseQueryInstant(end, 'end'));
    if (signal?.aborted) throw abortError();
    return data;
  }

  /** Extra fields of one activity (call numbers, recording, e-mail headers, ticket status…). */
  async loadActivityDetail({ userId, activity, signal }: LoadActivityDetailQuery): Promise<Record<string, unknown>> {
    await wait(this.latencyMs, signal);
    this.checkAccess(userId);
    return demoActivityDetail(this.seed, activity);
  }

  /**
   * The trace of `[startMs, endMs)` synchronously, without latency or access checks
   * (except an unknown user): for benchmarks and tests.
   */
  generate(userId: string, startMs: number, endMs: number): TraceData {
    const index = this.agents.findIndex((a) => a.id === userId);
    const agent = this.agents[index];
    if (!agent) throw new Error(`DemoProvider: unknown user "${userId}".`);
    const out: TraceData = { sessions: [], pauses: [], activities: [] };
    if (!(endMs > startMs)) return out;

    const nowMs = this.now();
    const heavy = userId === this.heavyUserId;
    // The previous day too: night shifts (and long work) run past midnight. The load-test
    // user's work spills at most HEAVY_SPILL_MS into the next day, so its previous day is
    // skipped when the range starts later than that.
    let firstDay = localDayNumber(startMs) - 1;
    if (heavy && startMs >= localToUtc(firstDay + 1, 0) + HEAVY_SPILL_MS) firstDay++;
    const lastDay = localDayNumber(endMs - 1);
    const perDay = Math.round(this.heavyPerWeek / DAYS_PER_WEEK);
    for (let day = firstDay; day <= lastDay; day++) {
      const generated: GenDay = heavy
        ? generateHeavyDay(this.seed, userId, day, perDay)
        : generateAgentDay(this.seed, agent, index, day);
      collect(generated, startMs, endMs, nowMs, out);
    }
    return out;
  }

  private checkAccess(userId: string): void {
    if (this.denied.has(userId)) throw new AccessDeniedError();
    if (!this.agents.some((a) => a.id === userId)) throw new Error(`DemoProvider: unknown user "${userId}".`);
  }
}

/**
 * `end` of an interval as seen at `nowMs` (`null` = running), or `undefined` when it is not
 * part of the answer: it starts after now, or does not overlap `[startMs, endMs)`.
 */
function visibleEnd(span: GenInterval, startMs: number, endMs: number, nowMs: number): number | null | undefined {
  if (span.start >= endMs || span.start > nowMs) return undefined;
  if (span.end > nowMs) return null; // still running: overlaps every range from its start on
  return span.end > startMs ? span.end : undefined;
}

function collect(day: GenDay, startMs: number, endMs: number, nowMs: number, out: TraceData): void {
  for (const session of day.sessions) {
    const end = visibleEnd(session, startMs, endMs, nowMs);
    if (end === undefined) continue;
    const wire: TraceSession = { start: toPragueIso(session.start), end: end === null ? null : toPragueIso(end) };
    out.sessions.push(wire);
  }
  for (const pause of day.pauses) {
    const end = visibleEnd(pause, startMs, endMs, nowMs);
    if (end === undefined) continue;
    const wire: TracePause = {
      start: toPragueIso(pause.start),
      end: end === null ? null : toPragueIso(end),
      name: pause.name,
      paid: pause.paid,
    };
    out.pauses.push(wire);
  }
  const activities = out.activities;
  for (const activity of day.activities) {
    const end = visibleEnd(activity, startMs, endMs, nowMs);
    if (end === undefined) continue;
    // Generated objects are fresh for every call: rewriting their instants in place
    // avoids copying 100 000 objects for the load-test week.
    const wire = activity as unknown as TraceActivity;
    wire.start = toPragueIso(activity.start);
    wire.end = end === null ? null : toPragueIso(end);
    if (end === null) {
      // Not finished yet: not closed, talk time not known.
      wire.closed = false;
      delete wire.talkSeconds;
    }
    activities.push(wire);
  }
}
