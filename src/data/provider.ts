import type { TraceActivity, TraceData, TraceUser } from '../model/types.js';

/** Query of {@link UserTraceProvider.listUsers}. */
export interface ListUsersQuery {
  /** When `false` the provider may (and the library always does) leave deactivated users out. */
  includeDeactivated: boolean;
  /** Aborted when the answer is no longer wanted. */
  signal: AbortSignal;
}

/** Query of {@link UserTraceProvider.loadTrace}: one user, the half-open period `[start, end)`. */
export interface LoadTraceQuery {
  userId: string;
  /** ISO 8601 instant with an offset or `Z`. */
  start: string;
  /** ISO 8601 instant with an offset or `Z` (exclusive). */
  end: string;
  /** Aborted when a newer query replaces this one. */
  signal: AbortSignal;
}

/** Query of {@link UserTraceProvider.loadActivityDetail}. */
export interface LoadActivityDetailQuery {
  userId: string;
  /** The validated activity record as the provider returned it in `loadTrace`. */
  activity: TraceActivity;
  signal: AbortSignal;
}

/**
 * What a host plugs into the elements (PRODUCT.md §3).
 *
 * `loadTrace` returns everything that **overlaps** `[start, end)`; the library clips.
 * Denial is signalled by rejecting with {@link AccessDeniedError} (or any error whose
 * `status` is 401 or 403). Everything returned is validated by the library before use.
 */
export interface UserTraceProvider {
  listUsers(q: ListUsersQuery): Promise<TraceUser[]>;
  loadTrace(q: LoadTraceQuery): Promise<TraceData>;
  /** Optional: extra fields for the detail dialog, shown as text. */
  loadActivityDetail?(q: LoadActivityDetailQuery): Promise<Record<string, unknown>>;
}

/**
 * Rejection a provider uses when the viewer lacks the "User tracing" right.
 * The elements then show the "no access" state and drop any data they held.
 */
export class AccessDeniedError extends Error {
  /** HTTP-like status: 403 (no right) by default, 401 when the viewer must sign in again. */
  readonly status: 401 | 403;

  constructor(message = 'Access to User tracing was denied.', status: 401 | 403 = 403) {
    super(message);
    this.name = 'AccessDeniedError';
    this.status = status;
  }
}

/**
 * Whether `err` means "the viewer may not see this": an {@link AccessDeniedError}
 * (also one from another copy of the library, recognised by its name) or any object
 * whose `status` is 401 or 403 (e.g. a host's HTTP error).
 */
export function isAccessDenied(err: unknown): boolean {
  if (err instanceof AccessDeniedError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { status, name } = err as { status?: unknown; name?: unknown };
  return status === 401 || status === 403 || name === 'AccessDeniedError';
}

/** Whether `err` is the rejection of an aborted operation (`AbortError`, as `fetch` and providers throw). */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError'
  );
}

/** A new `AbortError` `DOMException`, the rejection for an aborted provider call. */
export function abortError(message = 'The operation was aborted.'): DOMException {
  return new DOMException(message, 'AbortError');
}

/**
 * Machine-readable kinds of a failed load, in `error.kind` (see `RestProviderError` and
 * `docs/rest-api.md`). The error state says each in the viewer's language (i18n
 * `states.errorKinds`, which the compiler holds to this list); a host's own provider may reject
 * with an error carrying one of these kinds to get the same words. Adding a kind: this union plus
 * its messages in `cs` and `en`. The runtime list is `PROVIDER_ERROR_KINDS` of `user-trace/rest.js`.
 */
export type ProviderErrorKind =
  | 'http'
  | 'network'
  | 'retries-exhausted'
  | 'invalid-json'
  | 'invalid-shape'
  | 'paging'
  | 'timeout'
  | 'too-large'
  | 'redirect';
