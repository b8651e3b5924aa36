/**
 * The only place values are formatted. Pure functions over `Intl`, with formatter
 * instances cached by locale + zone + options: creating an `Intl` formatter costs far more
 * than using one, and lists and exports format up to 100 000 rows.
 */

/** Date styles accepted by {@link formatDate}. */
export type DateStyle = 'short' | 'medium' | 'long' | 'full';
/** Weekday styles accepted by {@link formatWeekday}. */
export type WeekdayStyle = 'long' | 'short' | 'narrow';
/** A date to format: epoch ms, a `Date`, an ISO instant, or a calendar date `YYYY-MM-DD`. */
export type DateInput = number | string | Date;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const canonicalLocales = new Map<string, string>();

/** `locale` as `Intl` accepts it; an invalid tag falls back to `en` instead of throwing. */
export function safeLocale(locale: string): string {
  let canonical = canonicalLocales.get(locale);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      canonical = 'en';
    }
    canonicalLocales.set(locale, canonical);
  }
  return canonical;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat`; an unknown zone falls back to the browser's zone. */
function dateTimeFormat(
  locale: string,
  timeZone: string | undefined,
  key: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${timeZone ?? ''}|${key}`;
  let format = dateTimeFormats.get(cacheKey);
  if (!format) {
    const lang = safeLocale(locale);
    try {
      format = new Intl.DateTimeFormat(lang, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(lang, options);
    }
    dateTimeFormats.set(cacheKey, format);
  }
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions | undefined): Intl.NumberFormat {
  const cacheKey = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Turns a {@link DateInput} into epoch ms plus the zone to format it in (calendar dates: UTC). */
function toInstant(value: DateInput, timeZone: string): { ms: number; zone: string } {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    // A calendar date has no zone: format its UTC midnight in UTC so it never shifts a day.
    return { ms: Date.parse(`${value}T00:00:00Z`), zone: 'UTC' };
  }
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  return { ms, zone: timeZone };
}

/**
 * A duration as `h:mm:ss`, hours unbounded (`36:05:09`). Rounds down to whole seconds;
 * negative and non-finite values give `0:00:00`.
 */
export function formatDuration(seconds: number): string {
  const total = seconds > 0 && Number.isFinite(seconds) ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return `${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}`;
}

/** Wall-clock time in `timeZone`; the hour cycle comes from the locale (24 h for `cs`). */
export function formatTime(ms: number, locale: string, timeZone: string, withSeconds = false): string {
  const format = withSeconds
    ? dateTimeFormat(locale, timeZone, 'time-s', { hour: 'numeric', minute: '2-digit', second: '2-digit' })
    : dateTimeFormat(locale, timeZone, 'time', { hour: 'numeric', minute: '2-digit' });
  return format.format(ms);
}

/**
 * A date in the locale's style. A calendar date `YYYY-MM-DD` is shown as that day whatever
 * the zone; an instant is shown as its day in `timeZone`.
 */
export function formatDate(value: DateInput, locale: string, timeZone: string, style: DateStyle = 'medium'): string {
  const { ms, zone } = toInstant(value, timeZone);
  return dateTimeFormat(locale, zone, `date-${style}`, { dateStyle: style }).format(ms);
}

/** Date and time of an instant in `timeZone`, e.g. `4. 3. 2024 6:05` (cs). */
export function formatDateTime(ms: number, locale: string, timeZone: string, withSeconds = false, withYear = true): string {
  const options: Intl.DateTimeFormatOptions = {
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  };
  if (withYear) options.year = 'numeric';
  if (withSeconds) options.second = '2-digit';
  return dateTimeFormat(locale, timeZone, `datetime${+withSeconds}${+withYear}`, options).format(ms);
}

/**
 * A time range, e.g. `6:05–7:10`; the dates are added when it spans days
 * (`4. 3. 2024 23:05 – 5. 3. 2024 0:10`). A running range (`endMs` null) ends in `…`.
 */
export function formatTimeRange(startMs: number, endMs: number | null, locale: string, timeZone: string): string {
  if (endMs === null) return `${formatTime(startMs, locale, timeZone)} – …`;
  const format = dateTimeFormat(locale, timeZone, 'time', { hour: 'numeric', minute: '2-digit' });
  if (!(endMs >= startMs)) return `${format.format(startMs)} – ${format.format(endMs)}`;
  return format.formatRange(startMs, endMs);
}

/** A number in the locale's style (`12 345,5` in cs). */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** A ratio `0…1` as a percentage (`50 %` in cs), at most `maximumFractionDigits` decimals. */
export function formatPercent(ratio: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(ratio);
}

/** The weekday of a date (`úterý`, `Tuesday`); calendar dates are zone-free as in {@link formatDate}. */
export function formatWeekday(value: DateInput, locale: string, timeZone: string, style: WeekdayStyle = 'long'): string {
  const { ms, zone } = toInstant(value, timeZone);
  return dateTimeFormat(locale, zone, `weekday-${style}`, { weekday: style }).format(ms);
}

/** The plural category of `count` in `locale` (`one`, `few`, `many`, `other` for cs). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(safeLocale(locale));
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** Forms of a word or sentence per plural category; `other` is required. */
export type PluralForms<T = string> = Partial<Record<Intl.LDMLPluralRule, T>> & { other: T };

/** Picks the form for `count` by the locale's plural rules, falling back to `other`. */
export function selectPlural<T>(count: number, locale: string, forms: PluralForms<T>): T {
  return forms[pluralCategory(count, locale)] ?? forms.other;
}

/** The parts a duration is spoken in: seconds under a minute, min + s under an hour, else h + min. */
function durationParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const total = seconds > 0 && Number.isFinite(seconds) ? Math.floor(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  return { hours, minutes, seconds: hours > 0 ? 0 : total % 60 };
}

interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number; seconds?: number }): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'short' }) => DurationFormatLike;

const durationFormats = new Map<string, DurationFormatLike>();

/**
 * Fallback of {@link formatDurationWords} for browsers without `Intl.DurationFormat`:
 * unit-formatted numbers joined by spaces (`1 h 5 min`).
 * @internal exported for tests
 */
export function formatDurationWordsFallback(seconds: number, locale: string): string {
  const parts = durationParts(seconds);
  const unit = (value: number, name: 'hour' | 'minute' | 'second'): string =>
    formatNumber(value, locale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const words: string[] = [];
  if (parts.hours) words.push(unit(parts.hours, 'hour'));
  if (parts.minutes) words.push(unit(parts.minutes, 'minute'));
  if (parts.seconds || words.length === 0) words.push(unit(parts.seconds, 'second'));
  return words.join(' ');
}

/**
 * A duration in words for screen-reader labels: `45 s`, `10 min`, `1 h 5 min` (seconds are
 * dropped from an hour on). Uses `Intl.DurationFormat` when the browser has it.
 */
export function formatDurationWords(seconds: number, locale: string): string {
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (!DurationFormat) return formatDurationWordsFallback(seconds, locale);
  let format = durationFormats.get(locale);
  if (!format) {
    format = new DurationFormat(safeLocale(locale), { style: 'short' });
    durationFormats.set(locale, format);
  }
  const parts = durationParts(seconds);
  if (!parts.hours && !parts.minutes && !parts.seconds) return formatDurationWordsFallback(0, locale);
  return format.format(parts);
}
