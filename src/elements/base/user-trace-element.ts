import { LitElement, type PropertyDeclarations } from 'lit';
import type { Period, TraceActivity, Weekday } from '../../model/types.js';
import type { UserTraceProvider } from '../../data/provider.js';
import type { TraceQuery, TraceSnapshot, TraceStore } from '../../data/store.js';
import { LocalizeController } from '../../i18n/index.js';
import { defaultTimeZone } from '../../time/index.js';
import type { UserTraceDetailElement } from '../detail/detail.js';
import { showActivityDetail } from '../detail/show-detail.js';
import { emit } from './events.js';
import { LiveRegionController } from './live-region.js';
import { QueryController } from './query-controller.js';
import { leadsStates, renderStatus, renderWarnings, type StateContext } from './states.js';
import { StoreController } from './store-controller.js';

/** No window, no attribute: an empty window edge removes `window-start` / `window-end`. */
const WINDOW_ATTRIBUTE = { fromAttribute: (value: string | null) => value ?? '', toAttribute: (value: string) => value || null };

/**
 * Base class of every user-trace element: the shared query attributes, `provider`, `theme`,
 * and two controllers — {@link StoreController} connects the element to its store (its own, or
 * an enclosing `<user-trace>`'s), {@link QueryController} maps the query properties to it.
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
    windowStart: { reflect: true, attribute: 'window-start', converter: WINDOW_ATTRIBUTE },
    windowEnd: { reflect: true, attribute: 'window-end', converter: WINDOW_ATTRIBUTE },
    theme: { reflect: true },
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

  /**
   * Start of a time window inside the period (an ISO instant; empty for none): the statistics,
   * the list and the exports cover only `[window-start, window-end)`, without loading again. The
   * timeline selects one by dragging across its axis. A window outside the period is ignored
   * (with `user-trace-data-warning`).
   */
  declare windowStart: string;

  /** End of the time window (an ISO instant; empty for none). */
  declare windowEnd: string;

  /** `dark` or `light` forces the look; empty follows `--user-trace-color-scheme` / the OS. */
  declare theme: '' | 'light' | 'dark';

  /** The state this element renders; replaced on every store change. */
  protected declare snapshot: TraceSnapshot;

  /** The load whose bad-records notice was dismissed (its id only, never its data). */
  private declare warningsDismissedFor: number | null;

  protected readonly localize = new LocalizeController(this, { timeZone: () => this.effectiveTimeZone });

  readonly #query: QueryController;
  readonly #store: StoreController;
  readonly #live = new LiveRegionController(this, this.localize, () => this.snapshot);

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
    this.windowStart = '';
    this.windowEnd = '';
    this.theme = '';
    this.warningsDismissedFor = null;
    this.#query = new QueryController(this);
    this.#store = new StoreController(this, {
      consumeContext: (this.constructor as typeof UserTraceElement).consumesStore,
      onSnapshot: (snapshot) => this.#onSnapshot(snapshot),
      onJoin: () => {
        this.#query.joined();
        this.#closeDetail();
      },
      beforeResume: () => this.#pushOwnQuery(),
    });
    this.snapshot = this.#store.store.snapshot;
  }

  /** Waits for the messages of the element's language when they load on demand (first Czech render). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localize.ready();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Before the first render — which may wait for the messages' chunk — what the host writes goes to
   * the store in the same task's microtask, so the data requests start beside the chunk instead of
   * after it; writes of one task (a framework setting its props one by one) make one load.
   */
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    // Every argument passed on: Lit's accessors send more than the three documented ones.
    super.requestUpdate(...args);
    // Lit calls this from the constructors too: `snapshot` is set last, once the controllers exist.
    if (this.hasUpdated || !this.isConnected || !this.snapshot || this.#pushQueued) return;
    this.#pushQueued = true;
    queueMicrotask(() => {
      this.#pushQueued = false;
      if (!this.hasUpdated && this.isConnected) this.#pushOwnQuery();
    });
  }

  #pushQueued = false;

  /** The store this element reads; shared with its `<user-trace>` container, if any. */
  get store(): TraceStore {
    return this.#store.store;
  }

  /** True while the element stands alone (its own store); false inside a `<user-trace>`. */
  protected get ownsStore(): boolean {
    return this.#store.owns;
  }

  /** The zone in use: the query's (the container's, or this element's `time-zone`), else the browser's. */
  get effectiveTimeZone(): string {
    return this.snapshot.query.timeZone || this.timeZone || defaultTimeZone();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#closeDetail();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Before the subclasses read the snapshot: what the host wrote reaches the store first.
    this.#pushOwnQuery();
  }

  /** Sends what the host wrote (query properties, provider) to the store, when the element owns it. */
  #pushOwnQuery(): void {
    const store = this.#store.store;
    this.#query.push(store, this.#store.owns, this.localize.locale);
    if (this.#store.owns) store.provider = this.provider;
  }

  #onSnapshot(snapshot: TraceSnapshot): void {
    const previous = this.snapshot;
    this.snapshot = snapshot;
    this.#query.adopt(snapshot.query);
    // A new user, a new provider, a denial or another store: nothing shown of the old one stays.
    if (previous.generation !== snapshot.generation) this.#closeDetail();
  }

  /**
   * A change made through the UI: updates the query (this element's, or its container's) and
   * fires `user-trace-change` so the host can keep the state in its URL.
   */
  protected changeQuery(patch: Partial<TraceQuery>): void {
    const store = this.#store.store;
    if (store.setQuery(patch)) emit(this, 'user-trace-change', { query: store.snapshot.query });
  }

  /** Runs the failed load again. */
  protected retry(): void {
    this.#store.store.retry();
  }

  #stateContext(): StateContext {
    return {
      snapshot: this.snapshot,
      t: this.localize.t,
      hasProvider: this.#store.store.provider !== undefined,
      retry: () => this.retry(),
      brief: !this.#store.owns && !leadsStates(this),
    };
  }

  /**
   * The shared state (no provider, denied, error with retry, no user, loading, empty), or
   * `nothing` when there is data to show. Every element renders it the same way; inside a
   * `<user-trace>` only the first element shows an error or a denial in full, the others a line.
   */
  protected renderStatus() {
    return renderStatus(this.#stateContext());
  }

  /**
   * The polite live region that announces loading, the period shown, errors and denial; rendered
   * only by the owner of the store (a stand-alone element, or the container for its children).
   */
  protected renderLiveRegion() {
    return this.#live.render(this.#store.owns);
  }

  /** The non-blocking notice about records the provider sent that were left out. */
  protected renderWarnings() {
    const view = this.snapshot.view;
    return renderWarnings(this.#stateContext(), view !== null && this.warningsDismissedFor === view.id, () => {
      this.warningsDismissedFor = view?.id ?? null;
    });
  }

  /**
   * Opens an activity: fires the cancelable `user-trace-activity-open`; unless a listener
   * cancels it, shows the built-in detail dialog. `trigger` gets focus back when it closes.
   */
  openActivity(activity: TraceActivity, trigger: HTMLElement | null = null): void {
    const store = this.#store.store;
    const { generation, query } = store.snapshot;
    const proceed = emit(this, 'user-trace-activity-open', { activity, userId: query.userId }, { cancelable: true });
    if (!proceed) return;
    // The dialog's code loads on first open: by then the activity may belong to a view that is gone.
    const current = () => this.isConnected && this.#store.store === store && store.snapshot.generation === generation;
    showActivityDetail(this, activity, trigger, current).catch((error: unknown) => {
      emit(this, 'user-trace-error', { error: error instanceof Error ? error : new Error(String(error)), operation: 'detail' });
    });
  }

  /** Closes the detail dialog, if open, and makes it forget its activity and any pending detail. */
  #closeDetail(): void {
    this.renderRoot?.querySelector<UserTraceDetailElement>('user-trace-detail')?.forget();
  }
}
