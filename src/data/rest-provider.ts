import type { TraceActivity, TraceData, TracePause, TraceSession, TraceUser } from '../model/types.js';
import { errorText, isRecord } from '../model/values.js';
import {
  AccessDeniedError,
  abortError,
  sleep,
  isAbortError,
  type ListUsersQuery,
  type LoadActivityDetailQuery,
  type LoadTraceQuery,
  type ProviderErrorKind,
  type UserTraceProvider,
} from './provider.js';

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
}

/** Every {@link ProviderErrorKind}, once: the compiler checks that none is missing. */
export const PROVIDER_ERROR_KINDS = [
  'http',
  'network',
  'retries-exhausted',
  'invalid-json',
  'invalid-shape',
  'paging',
  'timeout',
  'too-large',
  'redirect',
] as const satisfies readonly ProviderErrorKind[];
// Fails to compile when the union has a kind the list lacks.
const everyKindListed: Exclude<ProviderErrorKind, (typeof PROVIDER_ERROR_KINDS)[number]> extends never ? true : never = true;
void everyKindListed;

/** Defaults of the {@link RestProviderOptions} bounds. */
export const REST_DEFAULTS = {
  maxRetries: 3,
  maxRetryAfterMs: 30_000,
  maxPages: 500,
  timeoutMs: 30_000,
  loadTimeoutMs: 120_000,
  maxResponseBytes: 64 * 1024 * 1024,
} as const;

/** How much of an error answer's body is read to quote the server's explanation. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * What kind of failure a {@link RestProviderError} is (one of `PROVIDER_ERROR_KINDS`):
 * - `http`: the server answered with an error status (4xx other than 401/403, 5xx);
 * - `network`: the request never got an answer (server down, DNS, CORS, offline): `fetch` rejected;
 * - `retries-exhausted`: 429 / 503 answered more times than `maxRetries` allows;
 * - `invalid-json`: the body is not valid JSON;
 * - `invalid-shape`: the JSON is not the documented shape (e.g. `users` is not an array);
 * - `paging`: paging did not end: a cursor came back twice or `maxPages` was reached;
 * - `timeout`: no complete answer within `timeoutMs`, or the call took longer than `loadTimeoutMs`;
 * - `too-large`: the body is larger than `maxResponseBytes`;
 * - `redirect`: the answer came, through a redirect, from another origin than `baseUrl`'s.
 */
export type RestProviderErrorKind = ProviderErrorKind;

/**
 * Every failure of {@link RestProvider} other than denial (→ {@link AccessDeniedError}) and abort
 * (→ `AbortError`). The message names the method, the URL path and the status; never headers,
 * tokens or user info.
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
   * `nextCursor` is `null`; the pages' arrays are concatenated in order.
   */
  async loadTrace(q: LoadTraceQuery): Promise<TraceData> {
    const path = `/users/${encodePathSegment(q.userId)}/trace`;
    const call = this.#call(q.signal);
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
      const { body, ctx } = await this.#getJson(url, call, { notFound: `user "${q.userId}" not found` });
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
      `/users/${encodePathSegment(q.userId)}/activities/${encodePathSegment(String(q.activity.id))}`,
      {},
    );
    const { body, ctx } = await this.#getJson(url, this.#call(q.signal), {
      notFound: `activity "${String(q.activity.id)}" of user "${q.userId}" not found`,
    });
    if (!isRecord(body)) throw shapeError(ctx, `expected an object, got ${describeJson(body)}`);
    return body;
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

  async #requestHeaders(): Promise<Headers> {
    const extra = typeof this.#headers === 'function' ? await this.#headers() : this.#headers;
    const headers = new Headers(extra);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    return headers;
  }

  /** One GET with retries on 429/503; resolves with the parsed JSON of a 2xx answer. */
  async #getJson(url: string, call: Call, messages: { notFound?: string } = {}): Promise<{ body: unknown; ctx: AnswerContext }> {
    const shownUrl = redact(url);
    const label = `GET ${pathOf(url)}`;
    const { signal } = call;
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const answer = await this.#request(url, call, label, shownUrl);
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
      const what = status === 404 && messages.notFound ? `${messages.notFound} (${statusText})` : statusText;
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
  async #request(url: string, call: Call, label: string, shownUrl: string): Promise<Attempt> {
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
        headers = await untilAborted(this.#requestHeaders(), stop);
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

/** One public call of the provider: its signal and the instant (epoch ms) it must end by. */
interface Call {
  signal: AbortSignal;
  deadline: number;
}

type Attempt =
  | { kind: 'ok'; value: { body: unknown; ctx: AnswerContext } }
  | { kind: 'error'; response: Response; ctx: AnswerContext; bounded: string };

interface AnswerContext {
  /** `GET /path`, the start of every message. */
  label: string;
  url: string;
  status: number;
}

/**
 * An id as one path segment: `encodeURIComponent`, plus `!` as `%21`; an id that would still be
 * a dot segment or empty (`.`, `..`, `""`), which URL parsers remove or merge, is sent with a
 * leading `!` (`!.`, `!..`, `!`). Servers decode with {@link decodePathSegment}
 * (`docs/rest-api.md`, "Path parameters").
 */
export function encodePathSegment(id: string): string {
  const encoded = encodeURIComponent(id).replace(/!/g, '%21');
  return encoded === '' || encoded === '.' || encoded === '..' ? `!${encoded}` : encoded;
}

/** The id in a path segment written by {@link encodePathSegment}: drop a leading `!`, then percent-decode. */
export function decodePathSegment(segment: string): string {
  return decodeURIComponent(segment.startsWith('!') ? segment.slice(1) : segment);
}

/** Throws when `baseUrl` holds user info: it would travel in every request and every error message. */
function rejectUserInfo(baseUrl: string): void {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl, 'http://relative.invalid/');
  } catch {
    return; // not a URL at all: fetch will say so
  }
  if (parsed.username || parsed.password) {
    throw new TypeError(
      `RestProvider: \`baseUrl\` must not contain a user name or password (${redact(parsed.href)}); ` +
        'send credentials in `headers`, e.g. an Authorization header.',
    );
  }
}

/** Refuses an answer whose final URL (after redirects) is on another origin than the request's. */
function checkOrigin(response: Response, requestUrl: string, ctx: AnswerContext): void {
  // A Response made by a custom fetch may have no URL: nothing to check.
  if (!response.url) return;
  const from = originOf(requestUrl);
  const to = originOf(response.url);
  if (from === null || to === from) return;
  response.body?.cancel().catch(() => {});
  throw new RestProviderError(`${ctx.label}: refused an answer redirected to another origin (${to ?? 'unknown'})`, {
    status: ctx.status,
    url: ctx.url,
    kind: 'redirect',
  });
}

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? url : origin;
  } catch {
    return null;
  }
}

function accessDenied(status: 401 | 403, message: string, url: string): AccessDeniedError {
  // Keep the real status so hosts can tell "sign in again" (401) from "no right" (403).
  const error = new AccessDeniedError(message, status);
  Object.defineProperty(error, 'url', { value: url, enumerable: true, configurable: true });
  return error;
}

/** Thrown by {@link readBody} past its limit. */
class TooLarge extends Error {}

function tooLarge(ctx: AnswerContext, maxBytes: number): RestProviderError {
  return new RestProviderError(`${ctx.label} failed: the answer is larger than ${maxBytes} bytes (maxResponseBytes)`, {
    status: ctx.status,
    url: ctx.url,
    kind: 'too-large',
  });
}

/**
 * The body as text, counted while it streams: past `maxBytes` (or a `Content-Length` above it)
 * the stream is cancelled and {@link TooLarge} thrown — or, with `cut`, the text read so far is
 * returned. The bytes pass through a counting stream into the browser's own `text()`, so memory
 * and time stay those of `response.text()`. Every wait also ends when `stop` aborts.
 */
async function readBody(response: Response, maxBytes: number, cut: boolean, stop: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const stream = response.body;
  if (!cut && declared > maxBytes) {
    stream?.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (stream === null) {
    const text = await untilAborted(response.text(), stop);
    if (text.length > maxBytes && !cut) throw new TooLarge();
    return cut ? text.slice(0, maxBytes) : text;
  }
  let bytes = 0;
  let exceeded = false;
  const counted = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes <= maxBytes) {
          controller.enqueue(chunk);
        } else if (cut) {
          // The start of an error answer is enough; the rest is cancelled.
          controller.enqueue(chunk.subarray(0, chunk.byteLength - (bytes - maxBytes)));
          controller.terminate();
        } else {
          exceeded = true;
          controller.error(new TooLarge());
        }
      },
    }),
  );
  try {
    return await untilAborted(new Response(counted).text(), stop);
  } catch (error) {
    throw exceeded ? new TooLarge() : error;
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (for waits that do not take a signal themselves). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function parseJson(text: string, response: Response, ctx: AnswerContext): unknown {
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
function readErrorDetail(response: Response, text: string): string {
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

/** Rejects with an `AbortError` when `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
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
