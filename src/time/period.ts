import type { Period, PeriodRange, Weekday } from '../model/types.js';
import { Temporal, type PlainDate, type ZonedDateTime } from './temporal.js';
import { firstDayOfWeekFor, isWeekday } from './week.js';
import { isValidTimeZone } from './zone.js';

/** What `periodRange` and `resolvePeriod` take (docs/spec.md#pure-functions). */
export interface PeriodQuery {
  /** Local calendar date `YYYY-MM-DD` inside the wanted period. */
  date: string;
  period: Period;
  /** IANA time zone every boundary is computed in. */
  timeZone: string;
  /** BCP 47 locale whose first day of week starts a week; without it (and without `firstDayOfWeek`) Monday. */
  locale?: string;
  /** ISO weekday a week starts on (1 = Monday … 7 = Sunday); wins over `locale`. */
  firstDayOfWeek?: Weekday;
}

/** One local day `[startMs, endMs)` of a resolved period. */
export interface ResolvedDay {
  date: string;
  startMs: number;
  endMs: number;
}

/** A period both as the public ISO shape and as epoch milliseconds for the internals. */
export interface ResolvedPeriod {
  range: PeriodRange;
  startMs: number;
  endMs: number;
  days: ResolvedDay[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The dates a period can be asked for. The day or week of any date in between, in any zone (UTC
 * offsets stay within ±1 day), starts and ends inside the years 0001–9999, both as local dates
 * and in UTC, so `periodRange`'s instants are four-digit-year strings that `computeStats`,
 * `normalizeTrace` and servers read back. Outside, `periodRange` throws.
 */
export const FIRST_SUPPORTED_DATE = '0001-01-08';
export const LAST_SUPPORTED_DATE = '9999-12-24';

/**
 * Whether `s` is a strict `YYYY-MM-DD` string naming a real calendar date (`2026-02-29` is not)
 * between {@link FIRST_SUPPORTED_DATE} and {@link LAST_SUPPORTED_DATE}.
 */
export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const match = DATE_PATTERN.exec(s);
  if (!match || s < FIRST_SUPPORTED_DATE || s > LAST_SUPPORTED_DATE) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The date `delta` days (`period` = `day`) or weeks (`week`) after `date`; `delta` may be negative
 * and is truncated to an integer. Never throws: an invalid `date` (or a result outside
 * four-digit years) returns `date` unchanged.
 */
export function shiftDate(date: string, period: Period, delta: number): string {
  if (!isValidDate(date) || !Number.isFinite(delta)) return date;
  const days = Math.trunc(delta) * (period === 'week' ? 7 : 1);
  try {
    const shifted = Temporal.PlainDate.from(date).add({ days }).toString();
    return isValidDate(shifted) ? shifted : date;
  } catch {
    return date;
  }
}

/**
 * The day or week containing `q.date` in `q.timeZone` (docs/spec.md#periods-and-time): `start`/`end` are ISO
 * instants with the zone's offset (`2026-03-29T00:00:00+01:00`), `days` has 1 or 7 local days.
 * A day runs from its first instant (local midnight, or 01:00 where midnight is skipped by a
 * DST change) to the next day's first instant, so it lasts 23, 24, 25 (or 23.5/24.5) hours.
 * A week is the 7 days from the week's first day (`firstDayOfWeek`, else `locale`'s, else Monday).
 * `date` must lie between {@link FIRST_SUPPORTED_DATE} and {@link LAST_SUPPORTED_DATE}, so
 * every instant returned is one `computeStats` accepts.
 *
 * @throws RangeError for an invalid or unsupported date, period, time zone or first day of week.
 */
export function periodRange(q: PeriodQuery): PeriodRange {
  return resolvePeriod(q).range;
}

/**
 * `periodRange` plus the same boundaries as epoch milliseconds, which the store, the
 * statistics and the timeline work with.
 *
 * @throws RangeError for an invalid date, period, time zone or first day of week.
 */
export function resolvePeriod(q: PeriodQuery): ResolvedPeriod {
  if (q === null || typeof q !== 'object') {
    throw new RangeError(`periodRange: expected a query object, got ${describe(q)}`);
  }
  const { date, period, timeZone, locale, firstDayOfWeek } = q;
  if (!isValidDate(date)) {
    throw new RangeError(
      `periodRange: date must be a calendar date as YYYY-MM-DD from ${FIRST_SUPPORTED_DATE} to ${LAST_SUPPORTED_DATE}, got ${describe(date)}`,
    );
  }
  if (period !== 'day' && period !== 'week') {
    throw new RangeError(`periodRange: period must be 'day' or 'week', got ${describe(period)}`);
  }
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`periodRange: unknown time zone ${describe(timeZone)} (expected an IANA name such as 'Europe/Prague')`);
  }
  if (firstDayOfWeek != null && !isWeekday(firstDayOfWeek)) {
    throw new RangeError(`periodRange: firstDayOfWeek must be an integer 1 (Monday) … 7 (Sunday), got ${describe(firstDayOfWeek)}`);
  }

  const plain = Temporal.PlainDate.from(date);
  const dayCount = period === 'week' ? 7 : 1;
  const firstDate =
    period === 'week' ? weekStart(plain, firstDayOfWeek ?? (locale ? firstDayOfWeekFor(locale) : 1)) : plain;

  // dayCount + 1 boundaries: each day ends where the next one starts.
  const dates: PlainDate[] = [];
  const starts: ZonedDateTime[] = [];
  for (let i = 0; i <= dayCount; i++) {
    const d = firstDate.add({ days: i });
    dates.push(d);
    starts.push(startOfDay(d, timeZone));
  }

  const rangeDays: PeriodRange['days'] = [];
  const days: ResolvedDay[] = [];
  for (let i = 0; i < dayCount; i++) {
    const dayDate = dates[i]!.toString();
    const start = starts[i]!;
    const end = starts[i + 1]!;
    rangeDays.push({ date: dayDate, start: isoInstant(start), end: isoInstant(end) });
    days.push({ date: dayDate, startMs: start.epochMilliseconds, endMs: end.epochMilliseconds });
  }
  const first = starts[0]!;
  const last = starts[dayCount]!;
  return {
    range: { start: isoInstant(first), end: isoInstant(last), days: rangeDays },
    startMs: first.epochMilliseconds,
    endMs: last.epochMilliseconds,
    days,
  };
}

/** The first date of the week (starting on `firstDay`) that contains `date`. */
function weekStart(date: PlainDate, firstDay: Weekday): PlainDate {
  return date.subtract({ days: (date.dayOfWeek - firstDay + 7) % 7 });
}

/** The first instant of local date `date`: midnight, or the first existing time when a DST change skips midnight. */
export function startOfDay(date: PlainDate, timeZone: string): ZonedDateTime {
  return date.toZonedDateTime(timeZone).startOfDay();
}

/**
 * `2026-03-29T00:00:00+01:00`: offset, no `[zone]` annotation, seconds always present. An offset
 * of seconds (local mean time before ~1900, e.g. Prague's +00:57:44) would be written rounded to
 * minutes, naming another instant: such a boundary is written in UTC (`…Z`), exactly.
 */
function isoInstant(zoned: ZonedDateTime): string {
  if (zoned.offsetNanoseconds % 60_000_000_000 !== 0) return zoned.toInstant().toString({ smallestUnit: 'second' });
  return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return typeof value;
  }
}
