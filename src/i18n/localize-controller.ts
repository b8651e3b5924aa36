import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatDurationWords,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  formatWeekday,
  safeLocale,
  selectPlural,
  type DateInput,
  type DateStyle,
  type PluralForms,
  type WeekdayStyle,
} from './format.js';
import type { Messages } from './messages.js';
import { getMessages, loadTranslation, matchLang, onTranslationsChange, resolveLang } from './registry.js';

/** Options of {@link LocalizeController}. */
export interface LocalizeOptions {
  /** The IANA zone to format instants in, read at every call (the element's `time-zone`). */
  timeZone: () => string;
}

type LocalizedHost = ReactiveControllerHost & Element;

/** Controllers of connected elements, re-rendered when the document language or a translation changes. */
const connected = new Set<LocalizeController>();
let documentObserver: MutationObserver | undefined;
let unsubscribeTranslations: (() => void) | undefined;

function refreshAll(): void {
  for (const controller of connected) controller.hostRequestUpdate();
}

function startWatching(): void {
  if (!documentObserver && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    documentObserver = new MutationObserver(refreshAll);
    documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  unsubscribeTranslations ??= onTranslationsChange(refreshAll);
}

function stopWatching(): void {
  documentObserver?.disconnect();
  documentObserver = undefined;
  unsubscribeTranslations?.();
  unsubscribeTranslations = undefined;
}

/**
 * Language, messages and formatting for one element.
 *
 * The language is resolved on connect and before every update from the nearest `lang` attribute (on the
 * element, an ancestor, or across shadow roots), else the document's, else the browser's.
 * Changes of `<html lang>` and {@link registerTranslation} re-render automatically; a host
 * that changes its own or an ancestor's `lang` calls `requestUpdate()`.
 *
 * @example
 * private readonly i18n = new LocalizeController(this, { timeZone: () => this.timeZone });
 * render() { return html`<button>${this.i18n.t.timeline.today}</button>`; }
 */
export class LocalizeController implements ReactiveController {
  private readonly host: LocalizedHost;
  private readonly options: LocalizeOptions;
  private resolvedTag = '';
  private matched = 'en';
  private cachedLocale = 'en';

  constructor(host: LocalizedHost, options: LocalizeOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The registered language in use (`cs`, `en`, or a host-registered one). */
  get lang(): string {
    if (!this.resolvedTag) this.refresh();
    return this.matched;
  }

  /** The locale for `Intl` (the resolved tag, e.g. `cs-CZ`; `en` when invalid). */
  get locale(): string {
    if (!this.resolvedTag) this.refresh();
    return this.cachedLocale;
  }

  /** The messages of {@link lang}. */
  get t(): Messages {
    return getMessages(this.lang);
  }

  /** The time zone formatting uses. */
  get timeZone(): string {
    return this.options.timeZone();
  }

  hostConnected(): void {
    connected.add(this);
    startWatching();
    this.refresh();
  }

  /** Re-resolves the language before every render (cheap: a walk up the ancestors). */
  hostUpdate(): void {
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size === 0) stopWatching();
  }

  /** @internal asks the host to re-render (document language or translations changed). */
  hostRequestUpdate(): void {
    this.host.requestUpdate();
  }

  /**
   * Resolves the language now; `undefined` when its messages are available, else a promise that
   * settles once they are (a built-in language loading on demand). Hosts wait for it before an
   * update (`scheduleUpdate()`), so they never render English first.
   */
  ready(): Promise<void> | undefined {
    this.refresh();
    return loadTranslation(this.matched);
  }

  /** Resolves the language now, e.g. after an ancestor's `lang` changed outside an update. */
  refresh(): void {
    const tag = resolveLang(this.host);
    // Matched again every time: a translation registered since may now fit the tag.
    this.matched = matchLang(tag);
    if (tag === this.resolvedTag) return;
    this.resolvedTag = tag;
    this.cachedLocale = safeLocale(tag);
  }

  /** `h:mm:ss`. */
  readonly duration = (seconds: number): string => formatDuration(seconds);
  /** Duration in words for screen readers (`1 h 5 min`). */
  readonly durationWords = (seconds: number): string => formatDurationWords(seconds, this.locale);
  /** Wall-clock time in the element's zone. */
  readonly time = (ms: number, withSeconds = false): string => formatTime(ms, this.locale, this.timeZone, withSeconds);
  /** Date in the element's zone (calendar dates as they are). */
  readonly date = (value: DateInput, style: DateStyle = 'medium'): string =>
    formatDate(value, this.locale, this.timeZone, style);
  /** Date and time in the element's zone (`withYear` false: day and month only). */
  readonly dateTime = (ms: number, withSeconds = false, withYear = true): string =>
    formatDateTime(ms, this.locale, this.timeZone, withSeconds, withYear);
  /** Time range in the element's zone; `null` end = running. */
  readonly timeRange = (startMs: number, endMs: number | null): string =>
    formatTimeRange(startMs, endMs, this.locale, this.timeZone);
  /** Number in the locale's style. */
  readonly number = (value: number, options?: Intl.NumberFormatOptions): string =>
    formatNumber(value, this.locale, options);
  /** Ratio as a percentage. */
  readonly percent = (ratio: number, maximumFractionDigits = 0): string =>
    formatPercent(ratio, this.locale, maximumFractionDigits);
  /** Weekday name. */
  readonly weekday = (value: DateInput, style: WeekdayStyle = 'long'): string =>
    formatWeekday(value, this.locale, this.timeZone, style);
  /** Plural form for `count` in the current language. */
  readonly plural = <T>(count: number, forms: PluralForms<T>): T => selectPlural(count, this.locale, forms);
}
