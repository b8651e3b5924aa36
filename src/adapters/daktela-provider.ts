/**
 * A {@link UserTraceProvider} for a Daktela v6 instance: users and activities over its REST API,
 * login and pause history from the host (Daktela's public API documents no endpoint for it).
 */
import type { TraceData, TraceUser } from '../model/types.js';
import {
  AccessDeniedError,
  abortError,
  isAbortError,
  isAccessDenied,
  type ListUsersQuery,
  type LoadActivityDetailQuery,
  type LoadTeamTraceQuery,
  type LoadTraceQuery,
  type UserTraceProvider,
} from '../data/provider.js';
import type { RestProviderErrorKind } from '../data/rest-provider.js';
import { retryDelay, throwIfAborted } from '../data/rest-provider.js';
import { sleep } from '../data/provider.js';
import { isValidTimeZone } from '../time/zone.js';
import { formatDaktelaTime, keyOf, traceFromDaktelaActivities } from './daktela.js';
import { errorText, isRecord, textOf } from './shared.js';
import { traceFromStatusEvents, type StatusEvent, type StatusMeaning } from './status-events.js';
import { teamTraceFromStatusEvents } from './team.js';

/** Daktela's largest page (`take`). */
const MAX_TAKE = 1000;
const HOUR_MS = 3_600_000;
/** Most `statusHistory` calls in flight at once in `loadTeamTrace` (the team view's bound for `loadTrace`). */
const HISTORY_CONCURRENCY = 6;

/** What the host's status history callback may answer. */
export type DaktelaStatusHistory = StatusEvent[] | { events: StatusEvent[]; statuses?: Record<string, StatusMeaning> };

/** Options of {@link DaktelaProvider}. */
export interface DaktelaProviderOptions {
  /** The instance, e.g. `https://example.daktela.com` (`/api/v6` is appended unless already there). */
  baseUrl: string;
  /** The API access token, sent as `X-AUTH-TOKEN`; a function is called before every request. Never logged. */
  accessToken: string | (() => string | Promise<string>);
  /** The instance's IANA zone (Daktela times carry no offset). Default: the user's `timezone`, else `Europe/Prague`. */
  timeZone?: string;
  /**
   * Login and pause history of a user for `[start, end)`, from the host's own store (Daktela's
   * realtime sessions or webhooks recorded over time). Include the last event before `start`, so a
   * status held from before counts. Without it the trace has activities only.
   */
  statusHistory?: (q: LoadTraceQuery) => Promise<DaktelaStatusHistory>;
  /**
   * The whole team's login and pause history for `[start, end)` in one call, for `loadTeamTrace`:
   * status events with their `userId` (or `{ events, statuses }`). Without it, `loadTeamTrace` calls
   * `statusHistory` per agent, six at a time.
   */
  teamStatusHistory?: (q: LoadTeamTraceQuery) => Promise<DaktelaStatusHistory>;
  /** What each status of the history means (see `traceFromStatusEvents`); merged under the callback's own. */
  statuses?: Record<string, StatusMeaning>;
  /** Records per page, at most 1000 (Daktela's limit). Default 1000. */
  pageSize?: number;
  /** How long before the period an activity may have started and still overlap it. Default 24 h. */
  lookBackHours?: number;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Retries after 429 / 503 before giving up. Default 3. */
  maxRetries?: number;
  /** Longest single wait for `Retry-After`, in ms. Default 30 000. */
  maxRetryAfterMs?: number;
  /** Safety bound on pages per list. Default 1000. */
  maxPages?: number;
}

/** What kind of failure a {@link DaktelaProviderError} is: those of `RestProviderError`, or `api` (the envelope's `error`). */
export type DaktelaProviderErrorKind = RestProviderErrorKind | 'api';

/** Every failure of {@link DaktelaProvider} other than denial and abort. Messages never carry the token. */
export class DaktelaProviderError extends Error {
  readonly status: number | null;
  /** The request URL without its query (which may hold the filter's values). */
  readonly url: string;
  readonly kind: DaktelaProviderErrorKind;
  /** The envelope's `error` entries, for `api`. */
  readonly errors: string[];

  constructor(message: string, init: { status: number | null; url: string; kind: DaktelaProviderErrorKind; errors?: string[] }) {
    super(message);
    this.name = 'DaktelaProviderError';
    this.status = init.status;
    this.url = init.url;
    this.kind = init.kind;
    this.errors = init.errors ?? [];
  }
}

/**
 * A {@link UserTraceProvider} for a Daktela API v6 instance (fetch-based; runs in the browser and in Node):
 *
 * - `listUsers` → `GET users.json` (login `name` → id, `title` → name, `deactivated`, `timezone`);
 * - `loadTrace` → `GET activities.json` with `filter[...]` on `user` and `time`, read with
 *   {@link traceFromDaktelaActivities}, plus sessions and pauses from `statusHistory` through
 *   `traceFromStatusEvents`;
 * - `loadTeamTrace` → `GET activities.json` filtered on `time` only, grouped by `user`, plus the
 *   status history of every agent (`teamStatusHistory`, else `statusHistory` per agent);
 * - `loadActivityDetail` → `GET activities/{name}.json`.
 *
 * Lists are paged with `skip` / `take` (≤ 1000) until `total`. Every answer is Daktela's envelope
 * `{ error, result: { data, total } }`; a non-empty `error` rejects with a {@link DaktelaProviderError}
 * (kind `api`) even in a 2xx answer. 401 / 403 reject with `AccessDeniedError`; 429 / 503 are
 * retried after `Retry-After`. The token goes in the `X-AUTH-TOKEN` header, never in the URL.
 *
 * @example
 * ```ts
 * el.provider = new DaktelaProvider({
 *   baseUrl: 'https://example.daktela.com',
 *   accessToken: () => session.daktelaToken,
 *   timeZone: 'Europe/Prague',
 *   statusHistory: ({ userId, start, end }) => fetch(`/my/status-log?user=${userId}&start=${start}&end=${end}`).then((r) => r.json()),
 * });
 * ```
 */
export class DaktelaProvider implements UserTraceProvider {
  readonly #base: string;
  readonly #token: DaktelaProviderOptions['accessToken'];
  readonly #timeZone: string | undefined;
  readonly #statusHistory: DaktelaProviderOptions['statusHistory'];
  readonly #teamStatusHistory: DaktelaProviderOptions['teamStatusHistory'];
  readonly #statuses: Record<string, StatusMeaning>;
  readonly #take: number;
  readonly #lookBackMs: number;
  readonly #fetch: typeof fetch;
  readonly #maxRetries: number;
  readonly #maxRetryAfterMs: number;
  readonly #maxPages: number;
  /** Zones of the users seen in `listUsers`, by login name. */
  readonly #userZones = new Map<string, string>();

  constructor(options: DaktelaProviderOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('DaktelaProvider needs a `baseUrl`, e.g. "https://example.daktela.com".');
    }
    if (typeof options.accessToken !== 'string' && typeof options.accessToken !== 'function') {
      throw new TypeError('DaktelaProvider needs an `accessToken` (a string or a function returning one).');
    }
    if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone)) {
      throw new RangeError(`DaktelaProvider: \`timeZone\` must be an IANA zone, got ${String(options.timeZone)}.`);
    }
    const base = options.baseUrl.replace(/\/+$/, '');
    this.#base = /\/api\/v6$/.test(base) ? base : `${base}/api/v6`;
    this.#token = options.accessToken;
    this.#timeZone = options.timeZone;
    this.#statusHistory = options.statusHistory;
    this.#teamStatusHistory = options.teamStatusHistory;
    this.#statuses = isRecord(options.statuses) ? options.statuses : {};
    this.#take = Math.min(MAX_TAKE, whole(options.pageSize, 'pageSize', 1) ?? MAX_TAKE);
    this.#lookBackMs = (positive(options.lookBackHours, 'lookBackHours') ?? 24) * HOUR_MS;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('DaktelaProvider needs `fetch`.');
    this.#fetch = options.fetch ? options.fetch : fetchImpl.bind(globalThis);
    this.#maxRetries = whole(options.maxRetries, 'maxRetries', 0) ?? 3;
    this.#maxRetryAfterMs = positive(options.maxRetryAfterMs, 'maxRetryAfterMs') ?? 30_000;
    this.#maxPages = whole(options.maxPages, 'maxPages', 1) ?? 1000;
  }

  /** `GET users.json`, every page; deactivated users only when asked for. */
  async listUsers(q: ListUsersQuery): Promise<TraceUser[]> {
    const records = await this.#list('users.json', [], q.signal);
    const users: TraceUser[] = [];
    for (const record of records) {
      if (!isRecord(record)) continue;
      const id = textOf(record.name);
      if (id === undefined) continue;
      const user: TraceUser = { id, name: textOf(record.title) ?? id };
      if (record.deactivated === true) user.deactivated = true;
      const zone = textOf(record.timezone);
      if (zone !== undefined && isValidTimeZone(zone)) {
        user.timeZone = zone;
        this.#userZones.set(id, zone);
      }
      if (q.includeDeactivated || !user.deactivated) users.push(user);
    }
    return users;
  }

  /**
   * `GET activities.json` filtered on the user and on `time` (from `lookBackHours` before the
   * period to its end, both widened by an hour for the wall-clock ambiguity of fall-back days),
   * every page, plus the status history of `statusHistory`. The library clips to the period.
   */
  async loadTrace(q: LoadTraceQuery): Promise<TraceData> {
    const timeZone = this.#zoneOf(q.userId);
    const filters: [string, string, string][] = [['user', 'eq', q.userId], ...this.#timeFilters(q, timeZone)];
    const history = this.#statusHistory ? this.#history(q) : Promise.resolve(null);
    // Both requests run at once; a rejection of either rejects the load.
    const [records, status] = await Promise.all([this.#list('activities.json', filters, q.signal), history]);
    const activities = traceFromDaktelaActivities(records, { timeZone, userId: q.userId }).data.activities;
    return { sessions: status?.sessions ?? [], pauses: status?.pauses ?? [], activities };
  }

  /**
   * The whole team's day for `<user-trace-team>`: `GET activities.json` filtered on `time` only (one
   * paged list per time zone of the agents, usually one), grouped by each record's `user`, plus the
   * status history — from `teamStatusHistory` in one call, else `statusHistory` per agent, six at a
   * time. Every agent asked for is in the answer (without records: an empty day) except one whose
   * `statusHistory` was denied (its row shows "no access"); records of other users are dropped. A
   * denial of the list denies the team.
   */
  async loadTeamTrace(q: LoadTeamTraceQuery): Promise<Record<string, TraceData>> {
    const denied = new Set<string>();
    const byZone = new Map<string, string[]>();
    for (const userId of q.userIds) {
      const zone = this.#zoneOf(userId);
      byZone.set(zone, [...(byZone.get(zone) ?? []), userId]);
    }
    const history = this.#teamHistory(q, denied);
    const lists = Promise.all(
      [...byZone].map(async ([timeZone, userIds]) => ({ timeZone, userIds, records: await this.#list('activities.json', this.#timeFilters(q, timeZone), q.signal) })),
    );
    const [zones, status] = await Promise.all([lists, history]);
    const out: Record<string, TraceData> = {};
    for (const { timeZone, userIds, records } of zones) {
      const byUser = new Map<string, unknown[]>(userIds.map((id) => [id, []]));
      for (const record of records) {
        const user = isRecord(record) ? keyOf(record.user) : undefined;
        if (user !== undefined) byUser.get(user)?.push(record);
      }
      for (const [userId, own] of byUser) {
        // Left out of the answer: the team view shows that agent's row as "no access".
        if (denied.has(userId)) continue;
        const { activities } = traceFromDaktelaActivities(own, { timeZone, userId }).data;
        const day = status?.[userId];
        out[userId] = { sessions: day?.sessions ?? [], pauses: day?.pauses ?? [], activities };
      }
    }
    return out;
  }

  /** Sessions and pauses of the team by user id, or null without a status history. */
  async #teamHistory(q: LoadTeamTraceQuery, denied: Set<string>): Promise<Record<string, TraceData> | null> {
    if (this.#teamStatusHistory) {
      const answer: unknown = await this.#teamStatusHistory(q);
      throwIfAborted(q.signal);
      const events = isRecord(answer) ? answer.events : answer;
      const own = (isRecord(answer) && isRecord(answer.statuses) ? answer.statuses : {}) as Record<string, StatusMeaning>;
      return teamTraceFromStatusEvents(events, { statuses: { ...this.#statuses, ...own }, userIds: q.userIds }).data;
    }
    if (!this.#statusHistory) return null;
    const out: Record<string, TraceData> = {};
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < q.userIds.length) {
        const userId = q.userIds[next++]!;
        try {
          out[userId] = await this.#history({ userId, start: q.start, end: q.end, signal: q.signal });
        } catch (error) {
          // The host may not show this agent: that agent's row says so, the team stays.
          if (!isAccessDenied(error)) throw error;
          denied.add(userId);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(HISTORY_CONCURRENCY, q.userIds.length) }, worker));
    return out;
  }

  /** The instance's zone, else the user's (from `listUsers`), else Prague. */
  #zoneOf(userId: string): string {
    return this.#timeZone ?? this.#userZones.get(userId) ?? 'Europe/Prague';
  }

  /**
   * `time` from `lookBackHours` before the period to its end, in the wall clock of `timeZone`, both
   * widened by an hour for the wall-clock ambiguity of fall-back days (the library clips).
   */
  #timeFilters(q: { start: string; end: string }, timeZone: string): [string, string, string][] {
    const startMs = Date.parse(q.start);
    const endMs = Date.parse(q.end);
    const filters: [string, string, string][] = [];
    if (Number.isFinite(startMs)) filters.push(['time', 'gte', formatDaktelaTime(startMs - this.#lookBackMs - HOUR_MS, timeZone)]);
    if (Number.isFinite(endMs)) filters.push(['time', 'lt', formatDaktelaTime(endMs + HOUR_MS, timeZone)]);
    return filters;
  }

  /** `GET activities/{name}.json` → the record as Daktela has it, shown as text in the detail. */
  async loadActivityDetail(q: LoadActivityDetailQuery): Promise<Record<string, unknown>> {
    const { result } = await this.#get(`activities/${encodeURIComponent(String(q.activity.id))}.json`, [], q.signal);
    const record = isRecord(result) && isRecord(result.data) ? result.data : result;
    if (!isRecord(record)) return {};
    const detail: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      // Foreign keys come as objects: their title is what a person reads.
      detail[key] = isRecord(value) ? (textOf(value.title) ?? keyOf(value) ?? JSON.stringify(value)) : value;
    }
    return detail;
  }

  async #history(q: LoadTraceQuery): Promise<TraceData> {
    const answer: unknown = await this.#statusHistory!(q);
    throwIfAborted(q.signal);
    const events = isRecord(answer) ? answer.events : answer;
    const own = (isRecord(answer) && isRecord(answer.statuses) ? answer.statuses : {}) as Record<string, StatusMeaning>;
    const { data } = traceFromStatusEvents(events, { statuses: { ...this.#statuses, ...own }, userId: q.userId });
    return data;
  }

  /** Every record of a list endpoint: `skip` / `take` pages until `total`. */
  async #list(endpoint: string, filters: [string, string, string][], signal: AbortSignal): Promise<unknown[]> {
    const records: unknown[] = [];
    for (let page = 0; ; page++) {
      if (page >= this.#maxPages) {
        throw new DaktelaProviderError(`GET ${endpoint}: paging does not end, gave up after ${this.#maxPages} pages`, {
          status: null,
          url: this.#url(endpoint),
          kind: 'paging',
        });
      }
      const params: [string, string][] = [
        ['skip', String(records.length)],
        ['take', String(this.#take)],
      ];
      filters.forEach(([field, operator, value], i) => {
        params.push([`filter[${i}][field]`, field], [`filter[${i}][operator]`, operator], [`filter[${i}][value]`, value]);
      });
      if (endpoint === 'activities.json') params.push(['sort[0][field]', 'time'], ['sort[0][dir]', 'asc']);
      const { result, status } = await this.#get(endpoint, params, signal);
      const data = isRecord(result) ? result.data : undefined;
      const total = isRecord(result) ? Number(result.total) : Number.NaN;
      if (!Array.isArray(data)) {
        throw new DaktelaProviderError(`GET ${endpoint}: unexpected answer (HTTP ${status}): no result.data array`, {
          status,
          url: this.#url(endpoint),
          kind: 'invalid-shape',
        });
      }
      for (const record of data) records.push(record);
      if (data.length === 0) return records;
      if (Number.isFinite(total) ? records.length >= total : data.length < this.#take) return records;
    }
  }

  #url(endpoint: string): string {
    return `${this.#base}/${endpoint}`;
  }

  /** One GET with retries on 429 / 503; resolves with the envelope's `result` of a 2xx answer. */
  async #get(endpoint: string, params: [string, string][], signal: AbortSignal): Promise<{ result: unknown; status: number }> {
    const url = this.#url(endpoint);
    const full = params.length ? `${url}?${new URLSearchParams(params).toString()}` : url;
    const label = `GET ${endpoint}`;
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const token = typeof this.#token === 'function' ? await this.#token() : this.#token;
      throwIfAborted(signal);
      let response: Response;
      try {
        response = await this.#fetch(full, { method: 'GET', headers: { accept: 'application/json', 'x-auth-token': token }, signal });
      } catch (error) {
        if (signal.aborted || isAbortError(error)) throw abortError();
        throw new DaktelaProviderError(`${label} failed: no answer from the server (${errorText(error)})`, {
          status: null,
          url,
          kind: 'network',
        });
      }
      const { status } = response;
      const body = await readBody(response, signal);
      const errors = envelopeErrors(body);
      const detail = errors.length ? `: ${errors.join('; ')}` : '';
      if (status === 401 || status === 403) {
        throw new AccessDeniedError(`${label}: access denied (HTTP ${status})${detail}`, status);
      }
      if (status === 429 || status === 503) {
        if (attempt >= this.#maxRetries) {
          throw new DaktelaProviderError(`${label} failed: HTTP ${status}, still after ${this.#maxRetries} retries; try again later`, {
            status,
            url,
            kind: 'retries-exhausted',
          });
        }
        await sleep(retryDelay(response.headers.get('retry-after'), attempt, this.#maxRetryAfterMs), signal);
        continue;
      }
      if (status < 200 || status >= 300) {
        throw new DaktelaProviderError(`${label} failed: HTTP ${status}${detail}`, { status, url, kind: 'http', errors });
      }
      if (body === undefined) {
        throw new DaktelaProviderError(`${label}: the answer is not valid JSON (HTTP ${status})`, { status, url, kind: 'invalid-json' });
      }
      // Daktela reports some errors in a 2xx answer.
      if (errors.length) throw new DaktelaProviderError(`${label} failed${detail}`, { status, url, kind: 'api', errors });
      if (!isRecord(body) || !('result' in body)) {
        throw new DaktelaProviderError(`${label}: unexpected answer (HTTP ${status}): no envelope`, { status, url, kind: 'invalid-shape' });
      }
      return { result: body.result, status };
    }
  }
}

/** The parsed JSON body, `undefined` when it is not JSON. */
async function readBody(response: Response, signal: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted || isAbortError(error)) throw abortError();
    return undefined;
  }
  throwIfAborted(signal);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The envelope's `error` as sentences: Daktela sends a string, a list, or an object of field → messages. */
function envelopeErrors(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const out: string[] = [];
  const walk = (value: unknown, field?: string): void => {
    if (typeof value === 'string' && value !== '') out.push(field ? `${field}: ${value}` : value);
    else if (Array.isArray(value)) for (const item of value) walk(item, field);
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) walk(item, key);
  };
  walk(body.error);
  return out.map((text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text)).slice(0, 5);
}

function whole(value: number | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`DaktelaProvider: \`${name}\` must be an integer ≥ ${min}, got ${value}.`);
  return value;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`DaktelaProvider: \`${name}\` must be a number ≥ 0, got ${value}.`);
  return value;
}

