import type {
  DataWarning,
  Period,
  PreparedTrace,
  TraceData,
  TraceStats,
  TraceUser,
  Weekday,
} from '../model/types.js';
import { parseInstant } from '../model/instant.js';
import { runSteps, STEP_RECORDS } from '../model/steps.js';
import { computePreparedStats, preparedStatsSteps } from '../stats/compute-stats.js';
import { overlaps } from '../model/interval.js';
import {
  defaultTimeZone,
  isValidDate,
  isValidTimeZone,
  resolvePeriod,
  todayIn,
  type ResolvedPeriod,
} from '../time/index.js';
import { isAccessDenied, loadOwnTrace, toError, type LoadTraceQuery, type OwnTrace, type OwnTraceLoader, type UserTraceProvider } from './provider.js';

/** What is shown: the query state shared by every element of one `<user-trace>` (docs/spec.md#elements-state-and-events). */
export interface TraceQuery {
  userId: string | null;
  /** Local calendar date `YYYY-MM-DD` in `timeZone`. */
  date: string;
  period: Period;
  /** Day view split into one row per clock hour. Ignored in week view. */
  minutes: boolean;
  includeDeactivated: boolean;
  timeZone: string;
  /** BCP 47 locale; decides the first day of the week unless `firstDayOfWeek` is set. */
  locale: string;
  firstDayOfWeek: Weekday | null;
  /**
   * A time window inside the period (ISO instants; empty for none): statistics, the list and the
   * exports cover only `[windowStart, windowEnd)`; changing it loads nothing.
   */
  windowStart: string;
  windowEnd: string;
}

/** The span the figures, the list and the exports cover: the window, or the whole period. */
export interface TraceRange {
  startMs: number;
  endMs: number;
}

export type TraceStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'error' | 'denied';
export type UsersStatus = 'idle' | 'loading' | 'ready' | 'error' | 'denied';

/** One loaded trace: normalised, prepared and counted once per load. */
export interface TraceView {
  /** Identifies the load this view came from; a live recount keeps it. */
  id: number;
  userId: string;
  period: ResolvedPeriod;
  /** The query's window, when it lies inside the period; null for the whole period. */
  window: TraceRange | null;
  /** What `stats`, the list and the exports cover: `window`, else the period. */
  range: TraceRange;
  data: TraceData;
  prepared: PreparedTrace;
  /** The statistics of `range`. */
  stats: TraceStats;
  warnings: DataWarning[];
  /** The statistics were computed at this instant (running intervals end here). */
  now: number;
  /** True while at least one interval is still running and the period contains now. */
  live: boolean;
  /** A first part of the answer, shown while the rest loads (status `loading`): not the whole period. */
  partial?: true;
}

/** Immutable state; a new object on every change. */
export interface TraceSnapshot {
  query: TraceQuery;
  status: TraceStatus;
  /** The period of the query, or null when the query is invalid. */
  period: ResolvedPeriod | null;
  users: readonly TraceUser[];
  usersStatus: UsersStatus;
  /** The selected user when the user list knows it. */
  user: TraceUser | null;
  /** The loaded trace; kept while a newer load of the same user runs, dropped on denial. */
  view: TraceView | null;
  error: Error | null;
  usersError: Error | null;
  /**
   * Grows whenever what was shown must be forgotten: a new user, a new provider, a denial.
   * Anything an element shows beyond the snapshot (an open detail) belongs to one generation.
   */
  generation: number;
}

export interface TraceStoreEventMap {
  snapshot: CustomEvent<TraceSnapshot>;
  load: CustomEvent<{ query: TraceQuery; view: TraceView }>;
  error: CustomEvent<{ error: Error; operation: 'users' | 'trace' }>;
  'data-warning': CustomEvent<{ warnings: DataWarning[]; operation: 'users' | 'trace' }>;
}

export interface TraceStoreOptions {
  provider?: UserTraceProvider;
  query?: Partial<TraceQuery>;
  /** Clock, for tests. */
  now?: () => number;
  /** How often statistics of a live period are recomputed, in ms. */
  liveIntervalMs?: number;
}

/** Error raised for a query the library cannot run (bad date, unknown zone). */
export class InvalidQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidQueryError';
  }
}

let validating: Promise<typeof import('../model/prepared.js')> | null = null;

/**
 * Validation and the prepared form of a provider's objects (src/model/prepared.ts), loaded on
 * demand: most of its code is the checks of every field, which the main bundle does not carry. The
 * load starts with the provider's request, so it is usually here before the data. A failed load
 * (the chunk unreachable) is tried again by the next query.
 */
function validation(): Promise<typeof import('../model/prepared.js')> {
  validating ??= import('../model/prepared.js').catch((error: unknown) => {
    validating = null;
    throw error;
  });
  return validating;
}

function defaultLocale(): string {
  return typeof navigator !== 'undefined' ? navigator.language || 'en' : 'en';
}

/**
 * The shared store: holds the query, runs **one load per query**, aborts the previous load
 * when the query changes and never lets a stale answer through. Normalisation and statistics
 * happen here, once per load. Elements subscribe and render `snapshot`.
 */
export class TraceStore extends EventTarget {
  #provider: UserTraceProvider | undefined;
  #snapshot: TraceSnapshot;
  #now: () => number;
  #liveIntervalMs: number;
  #traceAbort: AbortController | null = null;
  #usersAbort: AbortController | null = null;
  #traceKey: string | null = null;
  #usersKey: string | null = null;
  #liveTimer: ReturnType<typeof setInterval> | null = null;
  #listeners = new Set<(snapshot: TraceSnapshot) => void>();
  /** The query's date was filled in as today (nobody chose it), so it follows a change of zone. */
  #dateIsToday = false;
  #loads = 0;

  constructor(options: TraceStoreOptions = {}) {
    super();
    this.#provider = options.provider;
    this.#now = options.now ?? Date.now;
    this.#liveIntervalMs = options.liveIntervalMs ?? 1000;
    const timeZone = options.query?.timeZone || defaultTimeZone();
    const query: TraceQuery = {
      userId: null,
      date: todayIn(timeZone, this.#now()),
      period: 'day',
      minutes: false,
      includeDeactivated: false,
      timeZone,
      locale: defaultLocale(),
      firstDayOfWeek: null,
      windowStart: '',
      windowEnd: '',
      ...options.query,
    };
    if (!query.date) query.date = todayIn(timeZone, this.#now());
    this.#dateIsToday = !options.query?.date;
    this.#snapshot = {
      query,
      status: 'idle',
      period: null,
      users: [],
      usersStatus: 'idle',
      user: null,
      view: null,
      error: null,
      usersError: null,
      generation: 0,
    };
    this.#snapshot = { ...this.#snapshot, period: this.#periodOf(query) };
  }

  get snapshot(): TraceSnapshot {
    return this.#snapshot;
  }

  get provider(): UserTraceProvider | undefined {
    return this.#provider;
  }

  set provider(provider: UserTraceProvider | undefined) {
    if (provider === this.#provider) return;
    this.#provider = provider;
    // A new data source: nothing of the old one may stay.
    this.#usersKey = null;
    this.#traceKey = null;
    this.#abortAll();
    this.#set({
      view: null,
      users: [],
      user: null,
      status: 'idle',
      usersStatus: 'idle',
      error: null,
      usersError: null,
      generation: this.#snapshot.generation + 1,
    });
    this.#sync();
  }

  /** Now, by the store's clock. */
  now(): number {
    return this.#now();
  }

  /**
   * Changes the query. Loads what the new query needs (users, trace), at most once per query.
   * Returns true when anything changed.
   */
  setQuery(patch: Partial<TraceQuery>): boolean {
    const current = this.#snapshot.query;
    const next: TraceQuery = { ...current, ...patch };
    if (!next.timeZone) next.timeZone = defaultTimeZone();
    if (patch.date) this.#dateIsToday = false;
    // Today is today in the query's zone: a zone set later (a host's `time-zone`) moves a date
    // nobody chose (in Prague after midnight, the browser's zone may still be on the day before).
    else if (patch.date === '' || (this.#dateIsToday && next.timeZone !== current.timeZone)) next.date = '';
    if (!next.date) {
      next.date = todayIn(isValidTimeZone(next.timeZone) ? next.timeZone : 'UTC', this.#now());
      this.#dateIsToday = true;
    }
    if (next.period !== 'week') next.period = 'day';
    const changed = (Object.keys(next) as (keyof TraceQuery)[]).some((key) => next[key] !== current[key]);
    if (!changed) return false;
    const generation = this.#snapshot.generation + (next.userId === current.userId ? 0 : 1);
    this.#set({ query: next, period: this.#periodOf(next), user: this.#findUser(next.userId), generation });
    this.#sync();
    const view = this.#snapshot.view;
    // A new window over the data already here: recount it, load nothing.
    if ((next.windowStart !== current.windowStart || next.windowEnd !== current.windowEnd) && view && this.#snapshot.status !== 'loading') {
      this.#set({ view: this.#makeView(view.id, view.userId, view.period, view.data, view.prepared, view.warnings, true) });
    }
    return true;
  }

  /** Runs the last failed or denied load again. */
  retry(): void {
    if (this.#snapshot.usersStatus === 'error' || this.#snapshot.usersStatus === 'denied') this.#usersKey = null;
    this.#traceKey = null;
    this.#sync();
  }

  /** Calls `listener` with every new snapshot; returns the unsubscribe function. */
  subscribe(listener: (snapshot: TraceSnapshot) => void): () => void {
    this.#listeners.add(listener);
    this.#updateLiveTimer();
    return () => {
      this.#listeners.delete(listener);
      this.#updateLiveTimer();
    };
  }

  /** Stops timers and pending loads (the owner element was removed); `resume()` picks up again. */
  dispose(): void {
    if (this.#snapshot.status === 'loading') this.#traceKey = null;
    if (this.#snapshot.usersStatus === 'loading') this.#usersKey = null;
    this.#abortAll();
    this.#listeners.clear();
    this.#updateLiveTimer();
  }

  /** Starts whatever loads the current query still needs (after `dispose()` or a provider change). */
  resume(): void {
    this.#sync();
  }

  #periodOf(query: TraceQuery): ResolvedPeriod | null {
    if (!isValidDate(query.date) || !isValidTimeZone(query.timeZone)) return null;
    return resolvePeriod({
      date: query.date,
      period: query.period,
      timeZone: query.timeZone,
      locale: query.locale,
      ...(query.firstDayOfWeek ? { firstDayOfWeek: query.firstDayOfWeek } : {}),
    });
  }

  #findUser(userId: string | null): TraceUser | null {
    if (userId === null) return null;
    return this.#snapshot.users.find((user) => user.id === userId) ?? null;
  }

  /** A new snapshot to every listener — for a large view (`inTurns`), each in a task of its own. */
  #set(patch: Partial<TraceSnapshot>, inTurns?: typeof import('./slices.js').inTurns): void {
    const snapshot = (this.#snapshot = Object.freeze({ ...this.#snapshot, ...patch }));
    const done = (): void => {
      this.dispatchEvent(new CustomEvent('snapshot', { detail: snapshot }));
      this.#updateLiveTimer();
    };
    if (inTurns) void inTurns([...this.#listeners], snapshot, () => this.#snapshot === snapshot, (listener) => this.#listeners.has(listener), done);
    else {
      for (const listener of [...this.#listeners]) listener(snapshot);
      done();
    }
  }

  #emit<K extends keyof TraceStoreEventMap>(type: K, detail: TraceStoreEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #abortAll(): void {
    this.#traceAbort?.abort();
    this.#usersAbort?.abort();
    this.#traceAbort = null;
    this.#usersAbort = null;
  }

  /** Starts whatever loads the current query needs and has not had yet. */
  #sync(): void {
    const provider = this.#provider;
    if (!provider) return;
    const { query } = this.#snapshot;
    const usersKey = String(query.includeDeactivated);
    if (usersKey !== this.#usersKey) {
      this.#usersKey = usersKey;
      void this.#loadUsers(provider, query.includeDeactivated);
    }
    const period = this.#snapshot.period;
    if (!period) {
      this.#traceKey = null;
      this.#traceAbort?.abort();
      const error = !isValidTimeZone(query.timeZone)
        ? new InvalidQueryError(`Unknown time zone "${query.timeZone}". Use an IANA name such as Europe/Prague.`)
        : new InvalidQueryError(`Invalid date "${query.date}". Use YYYY-MM-DD.`);
      this.#fail(error, 'trace');
      return;
    }
    if (query.userId === null) {
      this.#traceKey = null;
      this.#traceAbort?.abort();
      this.#set({ status: 'idle', view: null, error: null });
      return;
    }
    const traceKey = `${query.userId}\u0000${period.range.start}\u0000${period.range.end}`;
    if (traceKey === this.#traceKey) return;
    this.#traceKey = traceKey;
    void this.#loadTrace(provider, query, period, traceKey);
  }

  async #loadUsers(provider: UserTraceProvider, includeDeactivated: boolean): Promise<void> {
    this.#usersAbort?.abort();
    const abort = new AbortController();
    this.#usersAbort = abort;
    this.#set({ usersStatus: 'loading', usersError: null });
    try {
      // The users' validation is a chunk of its own (not in the main bundle), fetched while the provider answers.
      const [raw, { normalizeUsers }] = await Promise.all([provider.listUsers({ includeDeactivated, signal: abort.signal }), import('../model/users.js')]);
      if (abort.signal.aborted) return;
      const { users: all, warnings } = normalizeUsers(raw);
      // Never offer deactivated users unless asked for, whatever the provider sent.
      const users = includeDeactivated ? all : all.filter((user) => !user.deactivated);
      const patch: Partial<TraceSnapshot> = { users, usersStatus: 'ready' };
      const selected = this.#snapshot.query.userId;
      const previous = this.#snapshot.user;
      if (!includeDeactivated && selected !== null && previous?.deactivated) {
        // Hiding deactivated users hides the one shown too.
        patch.query = { ...this.#snapshot.query, userId: null };
        patch.generation = this.#snapshot.generation + 1;
      }
      const userId = patch.query ? patch.query.userId : selected;
      patch.user = userId === null ? null : (users.find((user) => user.id === userId) ?? null);
      this.#set(patch);
      if (warnings.length) this.#emit('data-warning', { warnings, operation: 'users' });
      if (patch.query) this.#sync();
    } catch (error) {
      // Only an abort the store caused is silent: a provider's own AbortError (its timeout) is an error.
      if (abort.signal.aborted) return;
      this.#usersKey = null;
      this.#fail(error, 'users');
    }
  }

  async #loadTrace(
    provider: UserTraceProvider,
    query: TraceQuery,
    period: ResolvedPeriod,
    key: string,
  ): Promise<void> {
    this.#traceAbort?.abort();
    const abort = new AbortController();
    this.#traceAbort = abort;
    const userId = query.userId as string;
    // A first part of an unfinished load is not kept: it is not the period it would be shown as.
    const keep = this.#snapshot.view?.userId === userId && !this.#snapshot.view.partial ? this.#snapshot.view : null;
    this.#set({ status: 'loading', error: null, view: keep });
    const current = (): boolean => !abort.signal.aborted && key === this.#traceKey;
    let done = false;
    let partial = false;
    // A first part is wanted until the whole answer is here (and while the query is current).
    const wanted = (): boolean => !done && current();
    try {
      const own = (provider as { [loadOwnTrace]?: OwnTraceLoader })[loadOwnTrace];
      // Fetched alongside the data; awaited (and a failure reported) where the data is validated.
      if (!own) validation().catch(() => {});
      const raw: unknown = await ((own ?? provider.loadTrace) as (q: LoadTraceQuery) => Promise<unknown>).call(provider, {
        userId,
        start: period.range.start,
        end: period.range.end,
        signal: abort.signal,
        // The first part the provider hands over is shown (still loading) until the whole is here.
        partial: (first) => {
          if (partial || !wanted()) return;
          partial = true;
          void this.#prepare(first, () => !wanted(), own).then(
            ({ data, warnings, prepared }) => {
              if (!wanted()) return;
              const view = { ...this.#makeView(++this.#loads, userId, period, data, prepared, warnings), partial: true as const };
              this.#set({ status: 'loading', view });
            },
            () => {}, // stopped, or unreadable: the whole answer says what is wrong with it
          );
        },
      });
      done = true;
      if (!current()) return;
      const { data, warnings, prepared, slices } = await this.#prepare(raw, () => !current(), own);
      if (!current()) return;
      const frame = this.#viewFrame(period, true);
      // A large trace's statistics in slices too (their sweep over a million activities is tens of ms); else in #makeView.
      const stats = slices ? await slices.runInSlices(preparedStatsSteps(prepared, frame.range.startMs, frame.range.endMs, frame.now), () => !current()) : undefined;
      const view = this.#makeView(++this.#loads, userId, period, data, prepared, warnings, true, frame, stats);
      const empty = isEmptyIn(prepared, period.startMs, period.endMs);
      const patch = { status: empty ? 'empty' : 'ready', view, error: null } as const;
      this.#set(patch, slices?.inTurns);
      this.#emit('load', { query, view });
      if (warnings.length) this.#emit('data-warning', { warnings, operation: 'trace' });
    } catch (error) {
      if (!current()) return;
      this.#traceKey = null;
      this.#fail(error, 'trace');
    }
  }

  /** Validation and the prepared form: a large trace in short slices (the page never freezes, `stop` ends it), a small one at once. */
  /** `own`: `raw` is an `OwnTrace` (the provider's `loadOwnTrace` answered it). */
  async #prepare(raw: unknown, stop: () => boolean, own: unknown) {
    let large = false;
    try {
      large = (own ? (raw as OwnTrace).length : (raw as TraceData).activities.length) > STEP_RECORDS;
    } catch {
      // Unreadable: validated at once, which says why.
    }
    const slices = large ? await import('./slices.js') : null;
    // What the provider handed over (RestProvider's own records) is checked in place, not copied.
    const steps = own ? (raw as OwnTrace).steps() : (await validation()).prepareSteps(raw, true);
    return { ...(slices ? await slices.runInSlices(steps, stop) : runSteps(steps)), slices };
  }

  /** What a view's statistics depend on besides the data: the clock and the range (the window, else the period). */
  #viewFrame(period: ResolvedPeriod, reportWindow: boolean): { now: number; window: TraceRange | null; range: TraceRange } {
    const now = this.#now();
    const window = this.#windowIn(period, reportWindow);
    return { now, window, range: window ?? { startMs: period.startMs, endMs: period.endMs } };
  }

  /** `stats`: computed already for `frame` (in slices); when undefined, here. */
  #makeView(
    id: number,
    userId: string,
    period: ResolvedPeriod,
    data: TraceData,
    prepared: PreparedTrace,
    warnings: DataWarning[],
    reportWindow = false,
    frame = this.#viewFrame(period, reportWindow),
    stats = computePreparedStats(prepared, frame.range.startMs, frame.range.endMs, frame.now),
  ): TraceView {
    const { now, window, range } = frame;
    const live = now >= period.startMs && now < period.endMs && hasRunning(prepared);
    return { id, userId, period, window, range, data, prepared, stats, warnings, now, live };
  }

  /**
   * The query's window when it is a span inside `period`; a window that is not (unreadable,
   * reversed, empty or outside) is ignored, and `report` says so in a `data-warning`.
   */
  #windowIn(period: ResolvedPeriod, report: boolean): TraceRange | null {
    const { windowStart, windowEnd } = this.#snapshot.query;
    if (!windowStart && !windowEnd) return null;
    const startMs = parseInstant(windowStart);
    const endMs = parseInstant(windowEnd);
    if (startMs !== null && endMs !== null && startMs < endMs && startMs >= period.startMs && endMs <= period.endMs) return { startMs, endMs };
    if (report) {
      const message = `The window ${windowStart || '(no start)'} – ${windowEnd || '(no end)'} is not a span inside the period ${period.range.start} – ${period.range.end}; the whole period is shown.`;
      this.#emit('data-warning', { warnings: [{ kind: 'window-ignored', message }], operation: 'trace' });
    }
    return null;
  }

  /** A failed load: a denial drops everything held, any other error is shown (with a retry). */
  #fail(error: unknown, operation: 'users' | 'trace'): void {
    if (isAccessDenied(error)) return this.#deny(error);
    const err = toError(error);
    this.#set(operation === 'trace' ? { status: 'error', error: err, view: null } : { usersStatus: 'error', usersError: err });
    this.#emit('error', { error: err, operation });
  }

  /** Denial drops everything held: no data of any user stays visible or exportable. */
  #deny(error: unknown): void {
    this.#abortAll();
    this.#traceKey = null;
    const err = toError(error);
    this.#set({
      status: 'denied',
      usersStatus: 'denied',
      view: null,
      users: [],
      user: null,
      error: err,
      usersError: err,
      generation: this.#snapshot.generation + 1,
    });
    this.#emit('error', { error: err, operation: 'trace' });
  }

  #updateLiveTimer(): void {
    const live = this.#listeners.size > 0 && this.#snapshot.view?.live === true;
    if (live && this.#liveTimer === null) {
      this.#liveTimer = setInterval(() => this.#tick(), this.#liveIntervalMs);
    } else if (!live && this.#liveTimer !== null) {
      clearInterval(this.#liveTimer);
      this.#liveTimer = null;
    }
  }

  /** Running intervals grow with the clock: recount while the period contains now. */
  #tick(): void {
    const view = this.#snapshot.view;
    if (!view || this.#snapshot.status === 'loading') return;
    this.#set({ view: this.#makeView(view.id, view.userId, view.period, view.data, view.prepared, view.warnings) });
  }
}

/**
 * Whether any session, pause or activity of `prepared` passes `test`: the activities as their
 * prepared columns (`end` is `Infinity` while running, as `test` then gets it).
 */
function anyInterval(prepared: PreparedTrace, test: (start: number, end: number) => boolean): boolean {
  for (const list of [prepared.sessions, prepared.pauses]) {
    for (const interval of list) if (test(interval.start, interval.end ?? Infinity)) return true;
  }
  const { start, end } = prepared.columns;
  for (let i = 0; i < start.length; i++) if (test(start[i]!, end[i]!)) return true;
  return false;
}

function hasRunning(prepared: PreparedTrace): boolean {
  return anyInterval(prepared, (_, end) => end === Infinity);
}

function isEmptyIn(prepared: PreparedTrace, from: number, to: number): boolean {
  // A running interval reaches past any `from`: it counts until now.
  return !anyInterval(prepared, (start, end) => overlaps(start, end, from, to));
}
