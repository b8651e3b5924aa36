import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer, ContextRoot } from '@lit/context';
import type { Period, TraceActivity, Weekday } from '../../model/types.js';
import type { UserTraceProvider } from '../../data/provider.js';
import { TraceStore, type TraceQuery, type TraceSnapshot } from '../../data/store.js';
import { traceStoreContext } from '../../data/context.js';
import { LocalizeController } from '../../i18n/index.js';
import { defaultTimeZone } from '../../time/index.js';
import { emit } from './events.js';
import { showActivityDetail } from '../detail/show-detail.js';
import { renderStatus, renderWarnings, type StateContext } from './states.js';

let contextRootAttached = false;

/** Lets elements that upgraded before their `<user-trace>` container find it once it does. */
function attachContextRoot(): void {
  if (contextRootAttached || typeof document === 'undefined') return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Base class of every user-trace element: the shared query attributes, the `provider`
 * property, and the wiring to the store — the one of an enclosing `<user-trace>` (context),
 * or an own store when the element stands alone.
 */
export abstract class UserTraceElement extends LitElement {
  /** Reactive properties (declared here rather than with decorators: less code in the bundle). */
  static override properties: PropertyDeclarations = {
    provider: { attribute: false },
    userId: { attribute: 'user-id', reflect: true },
    date: { reflect: true },
    period: { reflect: true },
    minutes: { type: Boolean, reflect: true },
    includeDeactivated: { type: Boolean, reflect: true, attribute: 'include-deactivated' },
    timeZone: { reflect: true, attribute: 'time-zone' },
    firstDayOfWeek: { type: Number, attribute: 'first-day-of-week' },
    snapshot: { state: true, attribute: false },
    warningsDismissedFor: { state: true, attribute: false },
  };

  /** Whether this element looks for a `<user-trace>` ancestor's store. The container itself does not. */
  protected static consumesStore = true;

  /**
   * The data source. Inside a `<user-trace>` the container's provider is used instead.
   * Untrusted: everything it returns is validated.
   */
  declare provider: UserTraceProvider | undefined;

  /** Id of the user (agent) to show. */
  declare userId: string | null;

  /** Local date `YYYY-MM-DD` in `time-zone`; empty means today. In week view, any day of the week. */
  declare date: string;

  /** `day` or `week`. */
  declare period: Period;

  /** Day view split into one row per clock hour with a 0–60 min axis. */
  declare minutes: boolean;

  /** Offer deactivated users in the user picker. */
  declare includeDeactivated: boolean;

  /** IANA time zone every period and time is computed in; empty means the browser's zone. */
  declare timeZone: string;

  /** First day of the week, ISO (1 = Monday … 7 = Sunday); empty means the locale's. */
  declare firstDayOfWeek: Weekday | null;

  /** The state this element renders; replaced on every store change. */
  protected declare snapshot: TraceSnapshot;

  protected readonly localize = new LocalizeController(this, { timeZone: () => this.effectiveTimeZone });

  /** Waits for the messages of the element's language when they load on demand (first Czech render). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localize.ready();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  #store: TraceStore;
  #ownsStore = true;
  #unsubscribe: (() => void) | null = null;
  #storeListeners: [string, EventListener][] = [];

  constructor() {
    super();
    this.provider = undefined;
    this.userId = null;
    this.date = '';
    this.period = 'day';
    this.minutes = false;
    this.includeDeactivated = false;
    this.timeZone = '';
    this.firstDayOfWeek = null;
    this.warningsDismissedFor = null;
    this.#store = new TraceStore();
    this.snapshot = this.#store.snapshot;
    if ((this.constructor as typeof UserTraceElement).consumesStore) {
      attachContextRoot();
      new ContextConsumer(this, {
        context: traceStoreContext,
        subscribe: true,
        callback: (store) => this.#useSharedStore(store),
      });
    }
  }

  /** The store this element reads; shared with its `<user-trace>` container, if any. */
  get store(): TraceStore {
    return this.#store;
  }

  /** True when the element stands alone and runs its own loads. */
  protected get ownsStore(): boolean {
    return this.#ownsStore;
  }

  /** The zone in use: `time-zone`, else the browser's. */
  get effectiveTimeZone(): string {
    return this.snapshot.query.timeZone || this.timeZone || defaultTimeZone();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#ownsStore) this.#store.dispose();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.#pushQuery();
    if (this.#ownsStore && changed.has('provider')) this.#store.provider = this.provider;
  }

  /** Query from the element's own properties (host-set attributes). */
  #queryFromProperties(): Partial<TraceQuery> {
    return {
      userId: this.userId || null,
      date: this.date,
      period: this.period === 'week' ? 'week' : 'day',
      minutes: this.minutes,
      includeDeactivated: this.includeDeactivated,
      timeZone: this.timeZone,
      locale: this.localize.locale,
      firstDayOfWeek: this.firstDayOfWeek,
    };
  }

  /** Host changes to attributes go to the store; values equal to the store's are no-ops. */
  #pushQuery(): void {
    const own = this.#queryFromProperties();
    const query = this.#store.snapshot.query;
    const patch: Partial<TraceQuery> = {};
    for (const key of Object.keys(own) as (keyof TraceQuery)[]) {
      const value = own[key];
      // An element without `time-zone` follows the store's (its container's, or the browser's).
      if (key === 'timeZone' && value === '') continue;
      if (value !== query[key]) (patch as Record<string, unknown>)[key] = value;
    }
    if (Object.keys(patch).length) this.#store.setQuery(patch);
  }

  /** The query values last mirrored into the properties, to tell host changes from our own. */
  #adopted = new Map<string, unknown>();

  /**
   * Mirrors the shared query into the properties, so attributes reflect the state. A property
   * the host changed since the last mirror is left alone: `willUpdate` sends it to the store.
   */
  #adopt(snapshot: TraceSnapshot): void {
    const q = snapshot.query;
    this.snapshot = snapshot;
    const mirror = <K extends 'userId' | 'date' | 'period' | 'minutes' | 'includeDeactivated' | 'timeZone' | 'firstDayOfWeek'>(
      key: K,
      value: this[K],
    ): void => {
      if (this.#adopted.has(key) && this[key] !== this.#adopted.get(key)) return;
      this.#adopted.set(key, value);
      if (this[key] !== value) this[key] = value;
    };
    mirror('userId', q.userId);
    mirror('date', q.date);
    mirror('period', q.period);
    mirror('minutes', q.minutes);
    mirror('includeDeactivated', q.includeDeactivated);
    if (this.timeZone) mirror('timeZone', q.timeZone);
    if (this.firstDayOfWeek !== null) mirror('firstDayOfWeek', q.firstDayOfWeek);
  }

  #subscribe(): void {
    if (this.#unsubscribe) return;
    const store = this.#store;
    // An own store starts from the element's attributes, before anything can mirror back.
    if (this.#ownsStore) this.#pushQuery();
    const offSnapshot = store.subscribe((snapshot) => this.#adopt(snapshot));
    const offEvents = this.#ownsStore ? this.#forwardStoreEvents(store) : () => {};
    this.#unsubscribe = () => {
      offSnapshot();
      offEvents();
    };
    this.#adopt(store.snapshot);
    if (this.#ownsStore) {
      store.provider = this.provider;
      store.resume();
    }
  }

  #useSharedStore(store: TraceStore): void {
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#ownsStore) this.#store.dispose();
    this.#store = store;
    this.#ownsStore = false;
    if (this.isConnected) this.#subscribe();
  }

  /** Hands the store to a subclass that provides it (the container). */
  protected adoptOwnStore(): TraceStore {
    return this.#store;
  }

  /** Store events become DOM events on the element that owns the store. */
  #forwardStoreEvents(store: TraceStore): () => void {
    const listeners: [string, EventListener][] = [
      [
        'load',
        ((e: CustomEvent) => {
          const { query, view } = e.detail;
          emit(this, 'user-trace-load', {
            query,
            start: view.period.range.start,
            end: view.period.range.end,
            activities: view.prepared.activities.length,
            warnings: view.warnings.length,
          });
        }) as EventListener,
      ],
      [
        'error',
        ((e: CustomEvent) => {
          emit(this, 'user-trace-error', e.detail);
        }) as EventListener,
      ],
      [
        'data-warning',
        ((e: CustomEvent) => {
          emit(this, 'user-trace-data-warning', e.detail);
        }) as EventListener,
      ],
    ];
    for (const [type, listener] of listeners) store.addEventListener(type, listener);
    this.#storeListeners = listeners;
    return () => {
      for (const [type, listener] of this.#storeListeners) store.removeEventListener(type, listener);
      this.#storeListeners = [];
    };
  }

  /**
   * A change made through the UI: updates the shared query and fires `user-trace-change`
   * so the host can keep the state in its URL.
   */
  protected changeQuery(patch: Partial<TraceQuery>): void {
    if (this.#store.setQuery(patch)) {
      emit(this, 'user-trace-change', { query: this.#store.snapshot.query });
    }
  }

  /** Runs the failed load again. */
  protected retry(): void {
    this.#store.retry();
  }

  /** The bad-records notice was dismissed for the current view. */
  private declare warningsDismissedFor: unknown;

  #stateContext(): StateContext {
    return {
      snapshot: this.snapshot,
      t: this.localize.t,
      hasProvider: this.#store.provider !== undefined,
      retry: () => this.retry(),
    };
  }

  /**
   * The shared state (no provider, denied, error with retry, no user, loading, empty), or
   * `nothing` when there is data to show. Every element renders it the same way.
   */
  protected renderStatus() {
    return renderStatus(this.#stateContext());
  }

  /** The non-blocking notice about records the provider sent that were left out. */
  protected renderWarnings() {
    const view = this.snapshot.view;
    return renderWarnings(this.#stateContext(), view !== null && this.warningsDismissedFor === view.data, () => {
      this.warningsDismissedFor = view?.data ?? null;
    });
  }

  /**
   * Opens an activity: fires the cancelable `user-trace-activity-open`; unless a listener
   * cancels it, shows the built-in detail dialog. `trigger` gets focus back when it closes.
   */
  openActivity(activity: TraceActivity, trigger: HTMLElement | null = null): void {
    const proceed = emit(
      this,
      'user-trace-activity-open',
      { activity, userId: this.#store.snapshot.query.userId },
      { cancelable: true },
    );
    if (proceed) {
      showActivityDetail(this, activity, trigger).catch((error: unknown) => {
        emit(this, 'user-trace-error', { error: error instanceof Error ? error : new Error(String(error)), operation: 'detail' });
      });
    }
  }
}
