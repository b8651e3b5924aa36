import type { TraceQuery, TraceStore } from '../../data/store.js';
import { devWarn } from './dev.js';

/** The query properties every element has, with their attributes. */
const ATTRIBUTES = {
  userId: 'user-id',
  date: 'date',
  period: 'period',
  minutes: 'minutes',
  includeDeactivated: 'include-deactivated',
  timeZone: 'time-zone',
  firstDayOfWeek: 'first-day-of-week',
  windowStart: 'window-start',
  windowEnd: 'window-end',
} as const;

export type QueryProperty = keyof typeof ATTRIBUTES;
const PROPERTIES = Object.keys(ATTRIBUTES) as QueryProperty[];

/** What the UI can change; these follow the store. The zone and the week start only the host sets. */
const FOLLOWED = ['userId', 'date', 'period', 'minutes', 'includeDeactivated', 'windowStart', 'windowEnd'] as const;

/** The element side: its query properties, named as the store's query fields. */
export type QueryHost = HTMLElement & Pick<TraceQuery, QueryProperty>;

/** A property value as the store's query field. */
function queryValue(key: QueryProperty, value: unknown): unknown {
  switch (key) {
    case 'userId':
      return typeof value === 'string' && value !== '' ? value : null;
    case 'period':
      return value === 'week' ? 'week' : 'day';
    case 'minutes':
    case 'includeDeactivated':
      return Boolean(value);
    case 'firstDayOfWeek':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 7 ? value : null;
    default:
      return typeof value === 'string' ? value : '';
  }
}

/**
 * Maps an element's query properties to its store, the way a native form control maps its
 * value (docs/architecture.md, "Who owns the query"):
 * - a value the host writes — attribute or property, before or after upgrade — goes to the store
 *   at the next update, and only the values written since the last one, so the last writer wins;
 * - a change in the store (the UI, or the container's query) is written back to the properties,
 *   which reflect it to the attributes; such a write is not mistaken for the host's;
 * - inside `<user-trace>` the container owns the query: the element's own query values are
 *   ignored, with a warning in development builds.
 */
export class QueryController {
  readonly #host: QueryHost;
  /** The last value of each property that is already accounted for (sent, adopted or ignored). */
  readonly #known = new Map<QueryProperty, unknown>();
  /** The store's query values last adopted, to tell which of them changed. */
  readonly #adopted = new Map<QueryProperty, unknown>();

  constructor(host: QueryHost) {
    this.#host = host;
    for (const key of PROPERTIES) this.#known.set(key, host[key]);
  }

  /**
   * Sends what the host wrote since the last call to `store` when the element owns its query,
   * together with the element's `locale`; inside a container it only warns.
   */
  push(store: TraceStore, owns: boolean, locale: string): void {
    const patch: Partial<TraceQuery> = {};
    for (const key of PROPERTIES) {
      const value = this.#host[key];
      if (Object.is(this.#known.get(key), value)) continue;
      this.#known.set(key, value);
      if (owns) (patch as Record<string, unknown>)[key] = queryValue(key, value);
      else this.#warnIgnored(key);
    }
    if (owns && locale !== store.snapshot.query.locale) patch.locale = locale;
    if (Object.keys(patch).length) store.setQuery(patch);
  }

  /**
   * Writes the store's query back to the properties the UI can change. A value the host wrote
   * and that is not sent yet stays, unless the store's value changed since: that change is later.
   */
  adopt(query: TraceQuery): void {
    const host = this.#host as unknown as Record<QueryProperty, unknown>;
    for (const key of FOLLOWED) {
      const value = query[key];
      const changedInStore = this.#adopted.has(key) && !Object.is(this.#adopted.get(key), value);
      this.#adopted.set(key, value);
      const hostWrote = !Object.is(host[key], this.#known.get(key));
      if (hostWrote && !changedInStore) continue;
      this.#known.set(key, value);
      if (!Object.is(host[key], value)) host[key] = value;
    }
  }

  /** The element joined a container: query attributes it carries are ignored from now on. */
  joined(): void {
    this.#adopted.clear();
    for (const key of PROPERTIES) {
      if (this.#host.hasAttribute(ATTRIBUTES[key])) this.#warnIgnored(key);
      this.#known.set(key, this.#host[key]);
    }
  }

  #warnIgnored(key: QueryProperty): void {
    const tag = this.#host.localName;
    devWarn(
      `user-trace:ignored-${tag}-${key}`,
      `<${tag}> inside <user-trace> ignores its own \`${ATTRIBUTES[key]}\`: the container owns the query. ` +
        `Set \`${ATTRIBUTES[key]}\` on <user-trace> instead.`,
    );
  }
}
