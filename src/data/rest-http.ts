/**
 * The HTTP details of `RestProvider`: path segments, origins, bounded bodies, JSON and the shapes
 * of its answers, retries. Pure helpers; the provider composes them (src/data/rest-provider.ts).
 */
import type { TraceActivity, TracePause, TraceSession } from '../model/types.js';
import { isRecord } from '../model/values.js';
import {
  AccessDeniedError,
  abortError,
} from './provider.js';

import { RestProviderError } from './rest-errors.js';
import { yieldToMain } from '../model/yield.js';

/** One page of `GET {base}/users/{id}/trace`. */
export interface TracePage {
  sessions: TraceSession[];
  pauses: TracePause[];
  activities: TraceActivity[];
  /** `activityColumns` of a columnar page (src/data/rest-columns.ts), not yet checked; `undefined` when absent. */
  columns: unknown;
  nextCursor: string | null;
}

/** Longest error text of the server quoted in an error message. */
export const MAX_QUOTED = 200;
/** Wait before a retry when 429 / 503 carries no usable `Retry-After`: 1 s, 2 s, 4 s, … */
export const BACKOFF_BASE_MS = 1000;

/** One public call of the provider: its signal and the instant (epoch ms) it must end by. */
export interface Call {
  signal: AbortSignal;
  deadline: number;
}

export type Attempt =
  | { kind: 'ok'; value: { body: unknown; ctx: AnswerContext } }
  | { kind: 'error'; response: Response; ctx: AnswerContext; bounded: string };

export interface AnswerContext {
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
export function rejectUserInfo(baseUrl: string): void {
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
export function checkOrigin(response: Response, requestUrl: string, ctx: AnswerContext): void {
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

export function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? url : origin;
  } catch {
    return null;
  }
}

export function accessDenied(status: 401 | 403, message: string, url: string): AccessDeniedError {
  // Keep the real status so hosts can tell "sign in again" (401) from "no right" (403).
  const error = new AccessDeniedError(message, status);
  Object.defineProperty(error, 'url', { value: url, enumerable: true, configurable: true });
  return error;
}

/** Bytes of a body {@link readBody} decodes before it gives the event loop a turn. */
const BYTES_PER_TURN = 2 * 1024 * 1024;

/** Thrown by {@link readBody} past its limit. */
export class TooLarge extends Error {}

export function tooLarge(ctx: AnswerContext, maxBytes: number): RestProviderError {
  return new RestProviderError(`${ctx.label} failed: the answer is larger than ${maxBytes} bytes (maxResponseBytes)`, {
    status: ctx.status,
    url: ctx.url,
    kind: 'too-large',
  });
}

/**
 * The body as text, counted while it streams: past `maxBytes` (or a `Content-Length` above it)
 * the stream is cancelled and {@link TooLarge} thrown — or, with `cut`, the text read so far is
 * returned. Each chunk is decoded (UTF-8, as `response.text()` does, a byte-order mark dropped)
 * as it arrives, so decoding overlaps the transfer of the rest instead of following it. Every wait
 * also ends when `stop` aborts.
 */
export async function readBody(response: Response, maxBytes: number, cut: boolean, stop: AbortSignal): Promise<string> {
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
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let decodedAtTurn = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), stop);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => {});
        if (!cut) throw new TooLarge();
        // The start of an error answer is enough; the rest is cancelled.
        parts.push(decoder.decode(value.subarray(0, value.byteLength - (bytes - maxBytes)), { stream: true }));
        break;
      }
      parts.push(decoder.decode(value, { stream: true }));
      // A body that is already in arrives chunk after chunk in microtasks, all in one task: give the
      // event loop a turn every few megabytes (decoding 18 MB took 450 ms in one task).
      if (bytes - decodedAtTurn >= BYTES_PER_TURN) {
        decodedAtTurn = bytes;
        await untilAborted(yieldToMain(), stop);
      }
    }
  } catch (error) {
    if (!(error instanceof TooLarge)) reader.cancel().catch(() => {});
    throw error;
  }
  parts.push(decoder.decode());
  // The caller parses a large body next: in a task of its own, not after the last chunk's decoding.
  if (bytes >= BYTES_PER_TURN) await untilAborted(yieldToMain(), stop);
  return parts.join('');
}

/** `promise`, or a rejection as soon as `signal` aborts (for waits that do not take a signal themselves). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
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

export function parseJson(text: string, response: Response, ctx: AnswerContext): unknown {
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
export function readErrorDetail(response: Response, text: string): string {
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

export function readTracePage(body: unknown, ctx: AnswerContext): TracePage {
  if (!isRecord(body)) throw shapeError(ctx, `expected an object with "sessions", "pauses" and "activities", got ${describeJson(body)}`);
  const keys = ['sessions', 'pauses', 'activities'] as const;
  if (!keys.some((key) => key in body) && !('activityColumns' in body)) {
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
    columns: body.activityColumns,
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}

export function shapeError(ctx: AnswerContext, what: string): RestProviderError {
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

export function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
}


/** A short description of a JSON value for messages: its type and, for objects, its keys. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).slice(0, 5);
    return keys.length ? `an object with ${keys.map((k) => `"${k}"`).join(', ')}` : 'an empty object';
  }
  if (typeof value === 'string') return `a string`;
  return `${typeof value} ${String(value)}`;
}

export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}


export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

/** The URL without `user:password@`, for messages and `RestProviderError.url`. */
export function redact(url: string): string {
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

export function nonNegative(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`RestProvider: \`${name}\` must be a number ≥ 0, got ${value}.`);
  return value;
}

export function nonNegativeInt(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`RestProvider: \`${name}\` must be an integer ≥ 0, got ${value}.`);
  return value;
}

export function positiveInt(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`RestProvider: \`${name}\` must be an integer ≥ 1, got ${value}.`);
  return value;
}
