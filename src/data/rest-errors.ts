/** The errors `RestProvider` rejects with, their kinds, and its default limits. */
import type { ProviderErrorKind } from './provider.js';

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
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

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
