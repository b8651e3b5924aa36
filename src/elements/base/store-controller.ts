import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { TraceStore, type TraceSnapshot } from '../../data/store.js';
import { traceStoreContext } from '../../data/context.js';
import { emit } from './events.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface StoreControllerOptions {
  /** Look for a `<user-trace>` ancestor's store (context). The container itself does not. */
  consumeContext: boolean;
  /** Every snapshot of the store in use, and the first one when the store changes. */
  onSnapshot: (snapshot: TraceSnapshot) => void;
  /** Called when the element starts using a container's store instead of its own. */
  onJoin?: () => void;
  /** Called before an own store resumes its loads on connect (push the element's query first). */
  beforeResume?: () => void;
}

let contextRootAttached = false;

/** Lets elements that upgraded before their `<user-trace>` container find it once it does. */
function attachContextRoot(): void {
  if (contextRootAttached || typeof document === 'undefined') return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Connects an element to its store: a `<user-trace>` ancestor's, found through context, or an
 * own one while it stands alone. It subscribes while the element is connected, and the owner of
 * a store turns the store's events into the element's `user-trace-load`, `user-trace-error` and
 * `user-trace-data-warning` DOM events (a container's children leave that to the container).
 */
export class StoreController implements ReactiveController {
  readonly #host: Host;
  readonly #options: StoreControllerOptions;
  #store = new TraceStore();
  #owns = true;
  #off: (() => void) | null = null;

  constructor(host: Host, options: StoreControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    if (options.consumeContext) {
      attachContextRoot();
      new ContextConsumer(host, { context: traceStoreContext, subscribe: true, callback: (store) => this.#join(store) });
    }
  }

  /** The store in use. */
  get store(): TraceStore {
    return this.#store;
  }

  /** True while the element uses its own store (it stands alone and runs its own loads). */
  get owns(): boolean {
    return this.#owns;
  }

  hostConnected(): void {
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = null;
    if (this.#owns) this.#store.dispose();
  }

  #subscribe(): void {
    if (this.#off) return;
    const store = this.#store;
    const offSnapshot = store.subscribe(this.#options.onSnapshot);
    const offEvents = this.#owns ? this.#forwardEvents(store) : () => {};
    this.#off = () => {
      offSnapshot();
      offEvents();
    };
    this.#options.onSnapshot(store.snapshot);
    if (this.#owns) {
      this.#options.beforeResume?.();
      store.resume();
    }
  }

  #join(store: TraceStore): void {
    if (store === this.#store) return;
    this.#off?.();
    this.#off = null;
    if (this.#owns) this.#store.dispose();
    this.#store = store;
    this.#owns = false;
    this.#options.onJoin?.();
    if (this.#host.isConnected) this.#subscribe();
  }

  #forwardEvents(store: TraceStore): () => void {
    const host = this.#host;
    const listeners: [string, EventListener][] = [
      [
        'load',
        ((e: CustomEvent) => {
          const { query, view } = e.detail;
          emit(host, 'user-trace-load', {
            query,
            start: view.period.range.start,
            end: view.period.range.end,
            activities: view.prepared.activities.length,
            warnings: view.warnings.length,
          });
        }) as EventListener,
      ],
      ['error', ((e: CustomEvent) => void emit(host, 'user-trace-error', e.detail)) as EventListener],
      ['data-warning', ((e: CustomEvent) => void emit(host, 'user-trace-data-warning', e.detail)) as EventListener],
    ];
    for (const [type, listener] of listeners) store.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) store.removeEventListener(type, listener);
    };
  }
}
