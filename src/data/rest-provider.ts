import type { TraceActivity, TraceData, TracePause, TraceSession, TraceUser } from '../model/types.js';
import {
  AccessDeniedError,
  abortError,
  isAbortError,
  type ListUsersQuery,
  type LoadActivityDetailQuery,
  type LoadTeamTraceQuery,
  type LoadTraceQuery,
  type UserTraceProvider,
} from './provider.js';

/** Options of {@link RestProvider}. The wire format is described in `docs/rest-api.md`. */
export interface RestProviderOptions {
  /**
   * Where the API lives, e.g. `https://pbx.example.com/api/user-trace` or `/api` (resolved
   * against the page). The endpoints are appended: `{baseUrl}/users`, `{baseUrl}/users/{id}/trace`, ….
   */
  baseUrl: string;
  /**
   * Extra request headers, typically `{ Authorization: 'Bearer …' }`. A function is called before
   * **every** request, so a token that is refreshed meanwhile is picked up. Never logged.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** The `fetch` to use (tests, instrumented clients). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** `credentials` mode of every request. Default `same-origin` (the `fetch` default). */
  credentials?: RequestCredentials;
  /** Items per trace page, sent as `limit`. Default: not sent, the server decides. */
  pageSize?: number;
  /** Retries after 429 / 503 before giving up. Default 3. */
  maxRetries?: number;
  /** Longest single wait for `Retry-After`, in ms (longer requests are shortened to this). Default 30 000. */
  maxRetryAfterMs?: number;
  /** Safety bound on trace pages per load. Default 10 000. */
  maxPages?: number;
}

/** What kind of failure a {@link RestProviderError} is. */
export type RestProviderErrorKind =
  /** The server answered with an error status (4xx other than 401/403, 5xx). */
  | 'http'
  /** The request never got an answer (server down, DNS, CORS, offline): `fetch` rejected. */
  | 'network'
  /** 429 / 503 answered more times than `maxRetries` allows. */
  | 'retries-exhausted'
  /** The body is not valid JSON. */
  | 'invalid-json'
  /** The JSON is not the documented shape (e.g. `users` is not an array). */
  | 'invalid-shape'
  /** Paging did not end: a cursor came back twice or `maxPages` was reached. */
  | 'paging';

/**
 * Every failure of {@link RestProvider} other than denial (→ {@link AccessDeniedError}) and abort
 * (→ `AbortError`). The message names the method, the URL path and the status; never headers or tokens.
 */
export class RestProviderError extends Error {
  /** HTTP status of the answer, or `null` when there was none (network failure). */
  readonly status: number | null;
  /** The request URL (without user info). */
  readonly url: string;
  readonly kind: RestProviderErrorKind;

  constructor(
    message: string,
    init: { status: number | null; url: string; kind: RestProviderErrorKind; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'RestProviderError';
    this.status = init.status;
    this.url = init.url;
    this.kind = init.kind;
  }
}

/** One page of `GET {base}/users/{id}/trace`. */
interface TracePage {
  sessions: TraceSession[];
  pauses: TracePause[];
  activities: TraceActivity[];
  nextCursor: string | null;
}

/** Longest error text of the server quoted in an error message. */
const MAX_QUOTED = 200;
/** Wait before a retry when 429 / 503 carries no usable `Retry-After`: 1 s, 2 s, 4 s, … */
const BACKOFF_BASE_MS = 1000;

/**
 * A {@link UserTraceProvider} that reads the documented REST API (`docs/rest-api.md`,
 * `docs/openapi.yaml`):
 *
 * - `GET {baseUrl}/users?includeDeactivated=true|false` → `{ users }`
 * - `GET {baseUrl}/users/{id}/trace?start=&end=&cursor=&limit=` → `{ sessions, pauses, activities, nextCursor }`,
 *   followed page by page until `nextCursor` is `null`
 * - `GET {baseUrl}/users/{id}/activities/{activityId}` → detail object
 *
 * 401 and 403 reject with {@link AccessDeniedError} (its `status` is the HTTP status); 429 and 503
 * are retried after `Retry-After`; every other failure rejects with a {@link RestProviderError}.
 * Aborting the query's signal rejects with an `AbortError` at once, also during a retry wait.
 *
 * @example
 * ```ts
 * el.provider = new RestProvider({
 *   baseUrl: '/api/user-trace',
 *   headers: async () => ({ Authorization: `Bearer ${await auth.token()}` }),
 * });
 * ```
 */
export class RestProvider implements UserTraceProvider {
  readonly #base: string;
  readonly #headers: RestProviderOptions['headers'];
  readonly #fetch: typeof fetch;
  readonly #credentials: RequestCredentials | undefined;
  readonly #pageSize: number | undefined;
  readonly #maxRetries: number;
  readonly #maxRetryAfterMs: number;
  readonly #maxPages: number;

  constructor(options: RestProviderOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('RestProvider needs a `baseUrl`, e.g. "/api/user-trace".');
    }
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('RestProvider needs `fetch` (none was given and there is no global one).');
    // Called unbound, a native fetch throws "Illegal invocation".
    this.#fetch = options.fetch ? options.fetch : fetchImpl.bind(globalThis);
    this.#credentials = options.credentials;
    this.#pageSize = positiveInt(options.pageSize, 'pageSize');
    this.#maxRetries = nonNegativeInt(options.maxRetries, 'maxRetries') ?? 3;
    this.#maxRetryAfterMs = nonNegative(options.maxRetryAfterMs, 'maxRetryAfterMs') ?? 30_000;
    this.#maxPages = positiveInt(options.maxPages, 'maxPages') ?? 10_000;
  }

  /** `GET {baseUrl}/users?includeDeactivated=…` */
  async listUsers(q: ListUsersQuery): Promise<TraceUser[]> {
    const url = this.#url('/users', { includeDeactivated: String(q.includeDeactivated) });
    const { body, ctx } = await this.#getJson(url, q.signal);
    if (!isRecord(body) || !Array.isArray(body.users)) {
      throw shapeError(ctx, `expected an object with a "users" array, got ${describeJson(body)}`);
    }
    // Records are validated by the library (normalizeUsers); only the envelope is checked here.
    return body.users as TraceUser[];
  }

  /**
   * `GET {baseUrl}/users/{id}/trace?start=…&end=…[&limit=…][&cursor=…]`, page after page until
   * `nextCursor` is `null`; the pages' arrays are concatenated in order.
   */
  async loadTrace(q: LoadTraceQuery): Promise<TraceData> {
    const path = `/users/${encodeURIComponent(q.userId)}/trace`;
    const sessions: TraceSession[] = [];
    const pauses: TracePause[] = [];
    const activities: TraceActivity[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let page = 1; ; page++) {
      const params: Record<string, string> = { start: q.start, end: q.end };
      if (this.#pageSize !== undefined) params.limit = String(this.#pageSize);
      if (cursor !== null) params.cursor = cursor;
      const url = this.#url(path, params);
      const { body, ctx } = await this.#getJson(url, q.signal, { notFound: `user "${q.userId}" not found` });
      const next = readTracePage(body, ctx);
      // push(...big) can overflow the stack for 100 000 items: append in a loop.
      append(sessions, next.sessions);
      append(pauses, next.pauses);
      append(activities, next.activities);
      if (next.nextCursor === null) break;
      if (seen.has(next.nextCursor)) {
        throw new RestProviderError(`${ctx.label}: paging does not end, cursor ${quote(next.nextCursor)} came back twice`, {
          status: ctx.status,
          url: ctx.url,
          kind: 'paging',
        });
      }
      if (page >= this.#maxPages) {
        throw new RestProviderError(`${ctx.label}: paging does not end, gave up after ${this.#maxPages} pages`, {
          status: ctx.status,
          url: ctx.url,
          kind: 'paging',
        });
      }
      seen.add(next.nextCursor);
      cursor = next.nextCursor;
    }
    return { sessions, pauses, activities };
  }

  /** `GET {baseUrl}/users/{id}/activities/{activityId}` → the detail object, shown as text. */
  async loadActivityDetail(q: LoadActivityDetailQuery): Promise<Record<string, unknown>> {
    const url = this.#url(
      `/users/${encodeURIComponent(q.userId)}/activities/${encodeURIComponent(String(q.activity.id))}`,
      {},
    );
    const { body, ctx } = await this.#getJson(url, q.signal, {
      notFound: `activity "${String(q.activity.id)}" of user "${q.userId}" not found`,
    });
    if (!isRecord(body)) throw shapeError(ctx, `expected an object, got ${describeJson(body)}`);
    return body;
  }

  /**
   * `GET {baseUrl}/team/trace?userIds=a,b,…&start=…&end=…`, at most {@link TEAM_BATCH} users per
   * request → `{ "traces": { "<userId>": { sessions, pauses, activities } } }`; a user the viewer
   * may not see is left out of `traces`. The batches' answers are merged.
   */
  async loadTeamTrace(q: LoadTeamTraceQuery): Promise<Record<string, TraceData>> {
    const out: Record<string, TraceData> = {};
    for (let i = 0; i < q.userIds.length; i += TEAM_BATCH) {
      const userIds = q.userIds.slice(i, i + TEAM_BATCH);
      const url = this.#url('/team/trace', { userIds: userIds.join(','), start: q.start, end: q.end });
      const { body, ctx } = await this.#getJson(url, q.signal);
      if (!isRecord(body) || !isRecord(body.traces)) {
        throw shapeError(ctx, `expected an object with a "traces" object, got ${describeJson(body)}`);
      }
      // Records are validated per user by the library (prepareTrace); only the envelope is checked here.
      for (const userId of userIds) if (Object.hasOwn(body.traces, userId)) out[userId] = body.traces[userId] as TraceData;
    }
    return out;
  }

  #url(path: string, params: Record<string, string>): string {
    const query = new URLSearchParams(params).toString();
    const url = `${this.#base}${path}${query ? `?${query}` : ''}`;
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    try {
      return new URL(url, page).href;
    } catch {
      return url; // relative base outside a page: let fetch decide
    }
  }

  async #requestHeaders(): Promise<Headers> {
    const extra = typeof this.#headers === 'function' ? await this.#headers() : this.#headers;
    const headers = new Headers(extra);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    return headers;
  }

  /** One GET with retries on 429/503; resolves with the parsed JSON of a 2xx answer. */
  async #getJson(
    url: string,
    signal: AbortSignal,
    messages: { notFound?: string } = {},
  ): Promise<{ body: unknown; ctx: AnswerContext }> {
    const shownUrl = redact(url);
    const label = `GET ${pathOf(url)}`;
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const headers = await this.#requestHeaders();
      throwIfAborted(signal);
      let response: Response;
      try {
        response = await this.#fetch(url, {
          method: 'GET',
          headers,
          signal,
          ...(this.#credentials ? { credentials: this.#credentials } : {}),
        });
      } catch (error) {
        if (signal.aborted || isAbortError(error)) throw abortError();
        throw new RestProviderError(`${label} failed: no answer from the server (${errorText(error)})`, {
          status: null,
          url: shownUrl,
          kind: 'network',
          cause: error,
        });
      }
      const ctx: AnswerContext = { label, url: shownUrl, status: response.status };
      const { status } = response;
      if (status >= 200 && status < 300) return { body: await readJson(response, ctx, signal), ctx };

      const detail = await readErrorDetail(response, signal);
      const statusText = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (status === 401 || status === 403) {
        throw accessDenied(status, `${label}: access denied (${statusText})${detail ? `: ${detail}` : ''}`, shownUrl);
      }
      if (status === 429 || status === 503) {
        if (attempt >= this.#maxRetries) {
          throw new RestProviderError(
            `${label} failed: ${statusText}, still after ${this.#maxRetries} ${this.#maxRetries === 1 ? 'retry' : 'retries'}; try again later`,
            { status, url: shownUrl, kind: 'retries-exhausted' },
          );
        }
        const wait = retryDelay(response.headers.get('retry-after'), attempt, this.#maxRetryAfterMs);
        await sleep(wait, signal);
        continue;
      }
      const what = status === 404 && messages.notFound ? `${messages.notFound} (${statusText})` : statusText;
      throw new RestProviderError(`${label} failed: ${what}${detail ? `: ${detail}` : ''}`, {
        status,
        url: shownUrl,
        kind: 'http',
      });
    }
  }
}

/** Users per `GET /team/trace` request: keeps URLs short whatever the team's size. */
const TEAM_BATCH = 100;

interface AnswerContext {
  /** `GET /path`, the start of every message. */
  label: string;
  url: string;
  status: number;
}

function accessDenied(status: 401 | 403, message: string, url: string): AccessDeniedError {
  // Keep the real status so hosts can tell "sign in again" (401) from "no right" (403).
  const error = new AccessDeniedError(message, status);
  Object.defineProperty(error, 'url', { value: url, enumerable: true, configurable: true });
  return error;
}

async function readJson(response: Response, ctx: AnswerContext, signal: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted || isAbortError(error)) throw abortError();
    throw new RestProviderError(`${ctx.label} failed: the answer broke off (HTTP ${ctx.status}, ${errorText(error)})`, {
      status: ctx.status,
      url: ctx.url,
      kind: 'network',
      cause: error,
    });
  }
  throwIfAborted(signal);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const type = response.headers.get('content-type') || 'no content type';
    throw new RestProviderError(`${ctx.label}: the answer is not valid JSON (HTTP ${ctx.status}, ${type})`, {
      status: ctx.status,
      url: ctx.url,
      kind: 'invalid-json',
      cause: error,
    });
  }
}

/** The server's own explanation of an error answer, if it sent one (`{ error: { message } }`, `{ message }` or text). */
async function readErrorDetail(response: Response, signal: AbortSignal): Promise<string> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throwIfAborted(signal);
    return '';
  }
  throwIfAborted(signal);
  let message: unknown = text;
  const type = response.headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    try {
      const body = JSON.parse(text) as unknown;
      message = isRecord(body)
        ? isRecord(body.error)
          ? body.error.message
          : typeof body.error === 'string'
            ? body.error
            : body.message
        : undefined;
    } catch {
      message = undefined;
    }
  } else if (!/^text\/plain/i.test(type)) {
    message = undefined; // HTML error pages are not worth quoting
  }
  if (typeof message !== 'string') return '';
  const clean = message.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED)}…` : clean;
}

function readTracePage(body: unknown, ctx: AnswerContext): TracePage {
  if (!isRecord(body)) throw shapeError(ctx, `expected an object with "sessions", "pauses" and "activities", got ${describeJson(body)}`);
  const keys = ['sessions', 'pauses', 'activities'] as const;
  if (!keys.some((key) => key in body)) {
    throw shapeError(ctx, `expected an object with "sessions", "pauses" and "activities", got ${describeJson(body)}`);
  }
  for (const key of keys) {
    const value = body[key];
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      throw shapeError(ctx, `"${key}" must be an array, got ${describeJson(value)}`);
    }
  }
  const cursor = body.nextCursor;
  if (cursor !== undefined && cursor !== null && typeof cursor !== 'string') {
    throw shapeError(ctx, `"nextCursor" must be a string or null, got ${describeJson(cursor)}`);
  }
  return {
    sessions: (body.sessions as TraceSession[] | undefined | null) ?? [],
    pauses: (body.pauses as TracePause[] | undefined | null) ?? [],
    activities: (body.activities as TraceActivity[] | undefined | null) ?? [],
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}

function shapeError(ctx: AnswerContext, what: string): RestProviderError {
  return new RestProviderError(`${ctx.label}: unexpected answer (HTTP ${ctx.status}): ${what}`, {
    status: ctx.status,
    url: ctx.url,
    kind: 'invalid-shape',
  });
}

/**
 * How long to wait before retrying a 429 / 503: `Retry-After` in seconds or as an HTTP date,
 * else exponential backoff; never more than `cap` ms.
 */
export function retryDelay(header: string | null, attempt: number, cap: number, nowMs = Date.now()): number {
  let ms: number | null = null;
  const value = header?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else if (value) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) ms = Math.max(0, at - nowMs);
  }
  if (ms === null) ms = BACKOFF_BASE_MS * 2 ** attempt;
  return Math.min(ms, cap);
}

/** Resolves after `ms`; rejects with an `AbortError` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Rejects with an `AbortError` when `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value for messages: its type and, for objects, its keys. */
function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).slice(0, 5);
    return keys.length ? `an object with ${keys.map((k) => `"${k}"`).join(', ')}` : 'an empty object';
  }
  if (typeof value === 'string') return `a string`;
  return `${typeof value} ${String(value)}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/** The URL without `user:password@`, for messages and `RestProviderError.url`. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function nonNegative(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`RestProvider: \`${name}\` must be a number ≥ 0, got ${value}.`);
  return value;
}

function nonNegativeInt(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`RestProvider: \`${name}\` must be an integer ≥ 0, got ${value}.`);
  return value;
}

function positiveInt(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`RestProvider: \`${name}\` must be an integer ≥ 1, got ${value}.`);
  return value;
}
