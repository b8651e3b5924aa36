import type { TraceActivity, TraceData, TracePause, TraceSession, TraceUser } from '../model/types.js';
import { errorText, isRecord } from '../model/values.js';
import { handOver } from '../model/hand-over.js';
import {
  AccessDeniedError,
  abortError,
  sleep,
  isAbortError,
  type ListUsersQuery,
  type LoadActivityDetailQuery,
  type LoadTeamTraceQuery,
  type LoadTraceQuery,
  type UserTraceProvider,
  loadOwnTrace,
  type OwnTrace,
  type OwnTraceLoader,
} from './provider.js';

import { type AnswerContext, type Attempt, type Call, TooLarge, accessDenied, append, checkOrigin, describeJson, encodePathSegment, nonNegative, nonNegativeInt, parseJson, pathOf, positiveInt, quote, readErrorDetail, readTracePage, redact, rejectUserInfo, retryDelay, shapeError, throwIfAborted, tooLarge, untilAborted, readBody } from './rest-http.js';
import { COLUMNS_TYPE, ColumnsError, checkColumns, recordSteps, type ColumnPage } from './rest-columns.js';
import { ColumnTrace } from './column-trace.js';
import { prepareSteps } from '../model/prepared.js';
import { runInSlices, yieldToMain } from './slices.js';
import { RestProviderError, REST_DEFAULTS, PROVIDER_ERROR_KINDS, MAX_ERROR_BODY_BYTES, type RestProviderErrorKind } from './rest-errors.js';
export { RestProviderError, REST_DEFAULTS, PROVIDER_ERROR_KINDS, type RestProviderErrorKind };
export { encodePathSegment, decodePathSegment, retryDelay, throwIfAborted } from './rest-http.js';

/** Options of {@link RestProvider}. The wire format is described in `docs/rest-api.md`. */
export interface RestProviderOptions {
  /**
   * Where the API lives, e.g. `https://pbx.example.com/api/user-trace` or `/api` (resolved
   * against the page). The endpoints are appended: `{baseUrl}/users`, `{baseUrl}/users/{id}/trace`, ….
   * It must not hold a user name or password (`https://user:pass@…`): the constructor throws;
   * send credentials in `headers`.
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
  /** Safety bound on trace pages per load. Default 500. */
  maxPages?: number;
  /**
   * Longest time one request may take, in ms, from sending it until the last byte of the body
   * (the header function included); then the load fails with `kind: 'timeout'`. Default 30 000.
   */
  timeoutMs?: number;
  /**
   * Longest time one call (`listUsers`, `loadTrace` with all its pages and retries,
   * `loadActivityDetail`) may take, in ms; then it fails with `kind: 'timeout'`. Default 120 000.
   */
  loadTimeoutMs?: number;
  /**
   * Largest body of one answer, in bytes, counted while it streams in; a larger one (or one whose
   * `Content-Length` says so) is cut off and fails with `kind: 'too-large'`. Default 64 MiB.
   */
  maxResponseBytes?: number;
  /**
   * Ask for trace pages with their activities in columns (`Accept:
   * application/vnd.user-trace.columns+json, application/json;q=0.9`, docs/rest-api.md "Columnar
   * pages"): about 2.5 times fewer bytes to read and a fifth of the `JSON.parse` of records. A server that does not
   * know the encoding answers records as before. Not sent when `headers` sets `Accept`. Default `true`.
   */
  columns?: boolean;
}

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
 * Hostile or broken servers are bounded: every request has `timeoutMs` (headers and body), every
 * call `loadTimeoutMs`, every body `maxResponseBytes`, a trace `maxPages`; ids are encoded with
 * {@link encodePathSegment}, so none leaves its path segment; an answer that a redirect brought
 * from another origin is refused.
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
  readonly #timeoutMs: number;
  readonly #loadTimeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #columns: boolean;

  constructor(options: RestProviderOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('RestProvider needs a `baseUrl`, e.g. "/api/user-trace".');
    }
    rejectUserInfo(options.baseUrl);
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('RestProvider needs `fetch` (none was given and there is no global one).');
    // Called unbound, a native fetch throws "Illegal invocation".
    this.#fetch = options.fetch ? options.fetch : fetchImpl.bind(globalThis);
    this.#credentials = options.credentials;
    this.#pageSize = positiveInt(options.pageSize, 'pageSize');
    this.#maxRetries = nonNegativeInt(options.maxRetries, 'maxRetries') ?? REST_DEFAULTS.maxRetries;
    this.#maxRetryAfterMs = nonNegative(options.maxRetryAfterMs, 'maxRetryAfterMs') ?? REST_DEFAULTS.maxRetryAfterMs;
    this.#maxPages = positiveInt(options.maxPages, 'maxPages') ?? REST_DEFAULTS.maxPages;
    this.#timeoutMs = positiveInt(options.timeoutMs, 'timeoutMs') ?? REST_DEFAULTS.timeoutMs;
    this.#loadTimeoutMs = positiveInt(options.loadTimeoutMs, 'loadTimeoutMs') ?? REST_DEFAULTS.loadTimeoutMs;
    this.#maxResponseBytes = positiveInt(options.maxResponseBytes, 'maxResponseBytes') ?? REST_DEFAULTS.maxResponseBytes;
    this.#columns = options.columns !== false;
  }

  /** `GET {baseUrl}/users?includeDeactivated=…` */
  async listUsers(q: ListUsersQuery): Promise<TraceUser[]> {
    const url = this.#url('/users', { includeDeactivated: String(q.includeDeactivated) });
    const { body, ctx } = await this.#getJson(url, this.#call(q.signal));
    if (!isRecord(body) || !Array.isArray(body.users)) {
      throw shapeError(ctx, `expected an object with a "users" array, got ${describeJson(body)}`);
    }
    // Records are validated by the library (normalizeUsers); only the envelope is checked here.
    return body.users as TraceUser[];
  }

  /**
   * `GET {baseUrl}/users/{id}/trace?start=…&end=…[&limit=…][&cursor=…]`, page after page until
   * `nextCursor` is `null`; the pages' arrays are concatenated in order. The first page of several
   * goes to `q.partial`, to be shown while the rest loads. When the activities came in columns,
   * the arrays and records are handed over: built here from the answers, nobody else holds them,
   * so the elements validate them in place instead of copying each (`normalizeTrace` still copies).
   * A provider of the host that wraps this one and keeps them sees them validated (instants as UTC
   * strings).
   */
  async loadTrace(q: LoadTraceQuery): Promise<TraceData> {
    const { partial, ...query } = q;
    const first = partial && ((pages: Pages) => void this.#records(pages, q.signal).then(partial, () => {}));
    return this.#records(await this.#pages(query, first), q.signal);
  }

  /**
   * What the elements' own store loads instead of {@link loadTrace} (src/data/provider.ts): the
   * same pages, and when every page carried its activities in columns, a trace validated from the
   * columns (src/data/column-trace.ts), no record built while loading. Not public API.
   */
  async [loadOwnTrace](q: Parameters<OwnTraceLoader>[0]): Promise<OwnTrace> {
    const { partial, ...query } = q;
    const first = partial && ((pages: Pages) => void this.#own(pages, q.signal).then(partial, () => {}));
    return this.#own(await this.#pages(query, first), q.signal);
  }

  /** The pages of one trace load, in order; `first` gets the first of several while the rest loads. */
  async #pages(q: Omit<LoadTraceQuery, 'partial'>, first?: (pages: Pages) => void): Promise<Pages> {
    const path = `/users/${encodePathSegment(q.userId)}/trace`;
    const call = this.#call(q.signal);
    const pages: Pages = { sessions: [], pauses: [], parts: [] };
    const seen = new Set<string>();
    let cursor: string | null = null;
    const accept = this.#columns ? TRACE_ACCEPT : undefined;
    for (let page = 1; ; page++) {
      const params: Record<string, string> = { start: q.start, end: q.end };
      if (this.#pageSize !== undefined) params.limit = String(this.#pageSize);
      if (cursor !== null) params.cursor = cursor;
      const url = this.#url(path, params);
      const { body, ctx } = await this.#getJson(url, call, { notFound: `user "${q.userId}" not found`, accept });
      const next = readTracePage(body, ctx);
      // push(...big) can overflow the stack for 100 000 items: append in a loop.
      append(pages.sessions, next.sessions);
      append(pages.pauses, next.pauses);
      if (next.activities.length > 0) pages.parts.push(next.activities);
      if (next.columns !== undefined) {
        // Checking a page's columns (tens of ms at 100 000 activities) in a task after its `JSON.parse`.
        await yieldToMain();
        throwIfAborted(q.signal);
        pages.parts.push(checkedColumns(next.columns, ctx));
      }
      if (next.nextCursor === null) break;
      // The first page is shown while the others load.
      if (page === 1) first?.({ sessions: pages.sessions.slice(), pauses: pages.pauses.slice(), parts: pages.parts.slice() });
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
    return pages;
  }

  /**
   * The pages as one trace of records, the columns decoded. Activities decoded from columns are
   * handed over (validated in place). Records as JSON are copied as before: validated in place, a
   * million of them left a fragmented old generation whose compaction took one task of up to 0.9 s.
   */
  async #records(pages: Pages, signal: AbortSignal): Promise<TraceData> {
    const activities: TraceActivity[] = [];
    let fromRecords = false;
    for (const part of pages.parts) {
      if (Array.isArray(part)) fromRecords = true;
      append(activities, Array.isArray(part) ? part : await runInSlices(recordSteps(part), () => signal.aborted));
    }
    const data = { sessions: pages.sessions, pauses: pages.pauses, activities };
    return fromRecords ? data : handOver(data);
  }

  /** The pages for the store: validated from the columns when all activities came so, else as records. */
  async #own(pages: Pages, signal: AbortSignal): Promise<OwnTrace> {
    const columns = pages.parts.filter((part): part is ColumnPage => !Array.isArray(part));
    if (columns.length === pages.parts.length) return new ColumnTrace(pages.sessions, pages.pauses, columns);
    const data = await this.#records(pages, signal);
    return { length: data.activities.length, steps: () => prepareSteps(data, true) };
  }

  /** `GET {baseUrl}/users/{id}/activities/{activityId}` → the detail object, shown as text. */
  async loadActivityDetail(q: LoadActivityDetailQuery): Promise<Record<string, unknown>> {
    const url = this.#url(
      `/users/${encodePathSegment(q.userId)}/activities/${encodePathSegment(String(q.activity.id))}`,
      {},
    );
    const { body, ctx } = await this.#getJson(url, this.#call(q.signal), {
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
      const { body, ctx } = await this.#getJson(url, this.#call(q.signal));
      if (!isRecord(body) || !isRecord(body.traces)) {
        throw shapeError(ctx, `expected an object with a "traces" object, got ${describeJson(body)}`);
      }
      // Records are validated per user by the library (prepareTrace); only the envelope is checked here.
      for (const userId of userIds) if (Object.hasOwn(body.traces, userId)) out[userId] = body.traces[userId] as TraceData;
    }
    return out;
  }

  /** One public call: the caller's signal and the call's deadline. */
  #call(signal: AbortSignal): Call {
    return { signal, deadline: Date.now() + this.#loadTimeoutMs };
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

  async #requestHeaders(accept = 'application/json'): Promise<Headers> {
    const extra = typeof this.#headers === 'function' ? await this.#headers() : this.#headers;
    const headers = new Headers(extra);
    if (!headers.has('accept')) headers.set('accept', accept);
    return headers;
  }

  /** One GET with retries on 429/503; resolves with the parsed JSON of a 2xx answer. `accept`: the `Accept` to send, unless `headers` sets one. */
  async #getJson(url: string, call: Call, options: { notFound?: string; accept?: string | undefined } = {}): Promise<{ body: unknown; ctx: AnswerContext }> {
    const shownUrl = redact(url);
    const label = `GET ${pathOf(url)}`;
    const { signal } = call;
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const answer = await this.#request(url, call, label, shownUrl, options.accept);
      if (answer.kind === 'ok') return answer.value;
      const { response, ctx } = answer;
      const { status } = response;
      const detail = readErrorDetail(response, answer.bounded);
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
        if (Date.now() + wait >= call.deadline) throw this.#loadTimeout(ctx);
        await sleep(wait, signal);
        continue;
      }
      const what = status === 404 && options.notFound ? `${options.notFound} (${statusText})` : statusText;
      throw new RestProviderError(`${label} failed: ${what}${detail ? `: ${detail}` : ''}`, {
        status,
        url: shownUrl,
        kind: 'http',
      });
    }
  }

  /**
   * One request under its time limit (the shorter of `timeoutMs` and what is left of the call):
   * a 2xx answer is read (bounded) and parsed; any other is returned with a bounded reader for
   * its explanation, which must be used before this request's timer ends.
   */
  async #request(url: string, call: Call, label: string, shownUrl: string, accept: string | undefined): Promise<Attempt> {
    const { signal } = call;
    const left = call.deadline - Date.now();
    const limitMs = Math.min(this.#timeoutMs, left);
    const wholeLoad = left <= this.#timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), Math.max(0, limitMs));
    const onAbort = (): void => timeout.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const stop = timeout.signal;
    const timedOut = (ctx: { label: string; url: string; status: number | null }): RestProviderError =>
      wholeLoad
        ? this.#loadTimeout(ctx)
        : new RestProviderError(`${label} failed: no complete answer within ${this.#timeoutMs} ms (timeoutMs)`, {
            status: ctx.status,
            url: shownUrl,
            kind: 'timeout',
          });
    // Every wait below also ends when `stop` aborts: a server (or a header function, or a custom
    // fetch) that never answers cannot hold the call longer than its limit.
    const failed = (error: unknown, ctx: { label: string; url: string; status: number | null }): never => {
      if (signal.aborted) throw abortError();
      if (stop.aborted) throw timedOut(ctx);
      throw error;
    };
    const noAnswer = { label, url: shownUrl, status: null };
    try {
      let headers: Headers;
      try {
        headers = await untilAborted(this.#requestHeaders(accept), stop);
      } catch (error) {
        return failed(error, noAnswer);
      }
      let response: Response;
      try {
        response = await untilAborted(
          this.#fetch(url, {
            method: 'GET',
            headers,
            signal: stop,
            ...(this.#credentials ? { credentials: this.#credentials } : {}),
          }),
          stop,
        );
      } catch (error) {
        if (signal.aborted || stop.aborted || isAbortError(error)) return failed(abortError(), noAnswer);
        throw new RestProviderError(`${label} failed: no answer from the server (${errorText(error)})`, {
          status: null,
          url: shownUrl,
          kind: 'network',
          cause: error,
        });
      }
      const ctx: AnswerContext = { label, url: shownUrl, status: response.status };
      checkOrigin(response, url, ctx);
      const { status } = response;
      const read = (maxBytes: number, cut: boolean): Promise<string> =>
        readBody(response, maxBytes, cut, stop).catch((error: unknown) => {
          if (error instanceof TooLarge) throw tooLarge(ctx, maxBytes);
          return failed(
            new RestProviderError(`${ctx.label} failed: the answer broke off (HTTP ${ctx.status}, ${errorText(error)})`, {
              status: ctx.status,
              url: ctx.url,
              kind: 'network',
              cause: error,
            }),
            ctx,
          );
        });
      if (status >= 200 && status < 300) {
        const text = await read(this.#maxResponseBytes, false);
        return { kind: 'ok', value: { body: parseJson(text, response, ctx), ctx } };
      }
      // The explanation of an error answer: its start only, under the same timer.
      const explanation = await read(MAX_ERROR_BODY_BYTES, true).catch(() => {
        throwIfAborted(signal);
        return '';
      });
      return { kind: 'error', response, ctx, bounded: explanation };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  #loadTimeout(ctx: { label: string; url: string; status: number | null }): RestProviderError {
    return new RestProviderError(`${ctx.label} failed: the load did not finish within ${this.#loadTimeoutMs} ms (loadTimeoutMs)`, {
      status: ctx.status,
      url: ctx.url,
      kind: 'timeout',
    });
  }
}

/** `Accept` of a trace request: the columnar encoding, else records. */
const TRACE_ACCEPT = `${COLUMNS_TYPE}, application/json;q=0.9`;

/** The page's `activityColumns`, their structure checked; what is wrong fails the page with `invalid-shape`. */
function checkedColumns(columns: unknown, ctx: AnswerContext): ColumnPage {
  try {
    return checkColumns(columns);
  } catch (error) {
    if (error instanceof ColumnsError) throw shapeError(ctx, error.message);
    throw error;
  }
}

/** What the pages of one trace load carried: the activities of each page as records or as columns, in order. */
interface Pages {
  sessions: TraceSession[];
  pauses: TracePause[];
  parts: (TraceActivity[] | ColumnPage)[];
}

/** Users per `GET /team/trace` request: keeps URLs short whatever the team's size. */
const TEAM_BATCH = 100;
