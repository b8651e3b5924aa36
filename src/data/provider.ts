import type { NormalizeResult, PreparedTrace, TraceActivity, TraceData, TraceUser } from '../model/types.js';

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
  /**
   * Optional for the provider: hand over a first part of the answer while the rest loads (e.g. the
   * first page), same shape as the answer. The library shows it as still loading until `loadTrace`
   * resolves with the whole; later calls are ignored.
   */
  partial?: (first: TraceData) => void;
}

/** Query of {@link UserTraceProvider.loadActivityDetail}. */
export interface LoadActivityDetailQuery {
  userId: string;
  /** The validated activity record as the provider returned it in `loadTrace`. */
  activity: TraceActivity;
  signal: AbortSignal;
}

/** Query of {@link UserTraceProvider.loadTeamTrace}: several users, one half-open period `[start, end)`. */
export interface LoadTeamTraceQuery {
  userIds: string[];
  /** ISO 8601 instant with an offset or `Z`. */
  start: string;
  /** ISO 8601 instant with an offset or `Z` (exclusive). */
  end: string;
  /** Aborted when a newer query replaces this one. */
  signal: AbortSignal;
}

/**
 * What a host plugs into the elements (docs/spec.md#the-provider-interface).
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
  /**
   * Optional: the traces of several users in one call, for `<user-trace-team>` (else it calls
   * `loadTrace` per user). Each value is what `loadTrace` would return for that user; a user
   * left out of the answer is one the viewer may not see (the row says "no access").
   */
  loadTeamTrace?(q: LoadTeamTraceQuery): Promise<Record<string, TraceData>>;
}

/**
 * A provider's answer for the elements' own store, to be validated and prepared by `steps` (in
 * slices: `runInSlices`): `RestProvider` answers so when its pages came in columns, validated from
 * the columns themselves (src/data/column-trace.ts). `length`: the number of activities.
 */
export interface OwnTrace {
  readonly length: number;
  steps(): Generator<void, NormalizeResult & { prepared: PreparedTrace }, void>;
}

/**
 * The method under which a provider of this copy of the library loads an {@link OwnTrace} (same
 * query as `loadTrace`, its first part to `partial` as an `OwnTrace` too). The store calls it
 * instead of `loadTrace` when the provider has it; a host's wrapper of the provider does not, so
 * its `loadTrace` is called and what it returns is validated as always. Not `Symbol.for`: another
 * copy's store must not take this copy's answers.
 */
export const loadOwnTrace = Symbol();

/** The provider's {@link loadOwnTrace} method, when it has one. */
export type OwnTraceLoader = (q: Omit<LoadTraceQuery, 'partial'> & { partial?: (first: OwnTrace) => void }) => Promise<OwnTrace>;

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
  const status = readField(err, 'status');
  return status === 401 || status === 403 || readField(err, 'name') === 'AccessDeniedError';
}

/** Whether `err` is the rejection of an aborted operation (`AbortError`, as `fetch` and providers throw). */
export function isAbortError(err: unknown): boolean {
  return readField(err, 'name') === 'AbortError';
}

/**
 * A field of a value a provider threw, or `undefined` when it has none or its getter throws:
 * provider rejections are untrusted like provider data.
 */
function readField(value: unknown, key: 'name' | 'message' | 'status'): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * Any rejection as an `Error` that is safe to read and render: the original when its `name` and
 * `message` are plain strings, else a new `Error` (the original as its `cause`).
 */
export function toError(value: unknown): Error {
  const name = readField(value, 'name');
  const message = readField(value, 'message');
  if (value instanceof Error && typeof name === 'string' && typeof message === 'string') return value;
  const text = typeof value === 'string' ? value : typeof message === 'string' ? message : '';
  return new Error(text || 'The data source failed without saying why.', { cause: value });
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

/** Resolves after `ms`; rejects with an `AbortError` as soon as `signal` aborts (latency, retries). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
