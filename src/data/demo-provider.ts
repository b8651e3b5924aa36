import type { TraceData, TraceUser } from '../model/types.js';
import { demoAgents, heavyAgent, toTraceUser, type DemoAgent } from './demo-users.js';
import {
  AccessDeniedError,
  abortError,
  sleep,
  type ListUsersQuery,
  type LoadActivityDetailQuery,
  type LoadTeamTraceQuery,
  type LoadTraceQuery,
  type UserTraceProvider,
} from './provider.js';

export { DEMO_USERS } from './demo-users.js';
export { DEMO_TIME_ZONE } from './demo-users.js';

/** @internal what {@link generateDemoTrace} reads of a provider. */
export interface DemoGeneratorConfig {
  seed: number;
  agents: readonly DemoAgent[];
  heavyUserId: string | null;
  heavyPerWeek: number;
  now: () => number;
}

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

/**
 * The data generator and the detail records load on demand (`import()`): they are the bulk of
 * the demo and have no place in the main bundle of a host that never uses it.
 */
const loadGenerator = () => import('./demo-generate.js');

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
    await sleep(this.latencyMs, signal);
    return this.users(includeDeactivated);
  }

  /**
   * Everything of the user that overlaps `[start, end)`: sessions, pauses and activities,
   * with whatever runs at `now` still open (`end: null`) and nothing that starts after `now`.
   * Rejects with an `AbortError` when `signal` aborts (also during the latency),
   * with {@link AccessDeniedError} for a denied user, and with an `Error` for an unknown one.
   */
  async loadTrace({ userId, start, end, signal }: LoadTraceQuery): Promise<TraceData> {
    await sleep(this.latencyMs, signal);
    this.checkAccess(userId);
    const from = parseQueryInstant(start, 'start');
    const to = parseQueryInstant(end, 'end');
    const { generateDemoTrace } = await loadGenerator();
    if (signal?.aborted) throw abortError();
    const data = generateDemoTrace(this, userId, from, to);
    return data;
  }

  /**
   * The traces of several users in one call (what `<user-trace-team>` asks for): the same data
   * `loadTrace` gives each; denied and unknown users are left out of the answer.
   */
  async loadTeamTrace({ userIds, start, end, signal }: LoadTeamTraceQuery): Promise<Record<string, TraceData>> {
    await sleep(this.latencyMs, signal);
    const from = parseQueryInstant(start, 'start');
    const to = parseQueryInstant(end, 'end');
    const { generateDemoTrace } = await loadGenerator();
    if (signal?.aborted) throw abortError();
    const out: Record<string, TraceData> = {};
    for (const userId of userIds) {
      if (this.denied.has(userId) || !this.agents.some((a) => a.id === userId)) continue;
      out[userId] = generateDemoTrace(this, userId, from, to);
    }
    return out;
  }

  /** Extra fields of one activity (call numbers, recording, e-mail headers, ticket status…). */
  async loadActivityDetail({ userId, activity, signal }: LoadActivityDetailQuery): Promise<Record<string, unknown>> {
    await sleep(this.latencyMs, signal);
    this.checkAccess(userId);
    const { demoActivityDetail } = await loadGenerator();
    if (signal?.aborted) throw abortError();
    return demoActivityDetail(this.seed, activity);
  }

  /** What the generator needs: seed, agents, the heavy user and the clock. */
  get generatorConfig(): DemoGeneratorConfig {
    return {
      seed: this.seed,
      agents: this.agents,
      heavyUserId: this.heavyUserId,
      heavyPerWeek: this.heavyPerWeek,
      now: this.now,
    };
  }

  private checkAccess(userId: string): void {
    if (this.denied.has(userId)) throw new AccessDeniedError();
    if (!this.agents.some((a) => a.id === userId)) throw new Error(`DemoProvider: unknown user "${userId}".`);
  }
}
