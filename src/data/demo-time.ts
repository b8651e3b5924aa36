/**
 * Wall-clock helpers for the demo data, which lives in Europe/Prague.
 * The EU daylight-saving rule (since 1996: last Sunday of March to last Sunday of October,
 * switching at 01:00 UTC) is computed directly, so the data does not depend on the
 * browser's time-zone database and stays identical everywhere.
 * @internal
 */

/** Milliseconds per minute. */
export const MINUTE = 60_000;
/** Milliseconds per hour. */
export const HOUR = 60 * MINUTE;
/** Milliseconds per 24 hours (not a local day: those can be 23 or 25 h). */
export const DAY = 24 * HOUR;

interface YearRule {
  yearStart: number;
  yearEnd: number;
  summerStart: number;
  summerEnd: number;
}

const rules = new Map<number, YearRule>();
let lastRule: YearRule | undefined;

function lastSundayUtc1(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY + HOUR;
}

function ruleFor(utcMs: number): YearRule {
  if (lastRule && utcMs >= lastRule.yearStart && utcMs < lastRule.yearEnd) return lastRule;
  const year = new Date(utcMs).getUTCFullYear();
  let rule = rules.get(year);
  if (!rule) {
    rule = {
      yearStart: Date.UTC(year, 0, 1),
      yearEnd: Date.UTC(year + 1, 0, 1),
      summerStart: lastSundayUtc1(year, 2),
      summerEnd: lastSundayUtc1(year, 9),
    };
    rules.set(year, rule);
  }
  lastRule = rule;
  return rule;
}

/** Offset of Europe/Prague from UTC at `utcMs`, in milliseconds (+1 h or +2 h). */
export function pragueOffset(utcMs: number): number {
  const rule = ruleFor(utcMs);
  return utcMs >= rule.summerStart && utcMs < rule.summerEnd ? 2 * HOUR : HOUR;
}

/** Prague calendar day of an instant, as days since 1970-01-01. */
export function localDayNumber(utcMs: number): number {
  return Math.floor((utcMs + pragueOffset(utcMs)) / DAY);
}

/** The instant of a Prague wall-clock time: `minutes` after local midnight of `dayNumber`. */
export function localToUtc(dayNumber: number, minutes: number): number {
  const local = dayNumber * DAY + minutes * MINUTE;
  // Guess with the offset an hour earlier, then settle on the offset at the guess.
  return local - pragueOffset(local - pragueOffset(local - HOUR));
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Index of the Monday-based week containing `dayNumber` (for shift rotation). */
export function weekNumber(dayNumber: number): number {
  return Math.floor((dayNumber + 3) / 7);
}

/** `YYYY-MM-DD` of a day number. */
export function dateKey(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

// Character codes of the cached day: `YYYY-MM-DD` and the offset hour digit (1 or 2).
let isoDay = Number.NaN;
let isoOffset = 0;
let y0 = 0, y1 = 0, y2 = 0, y3 = 0, mo0 = 0, mo1 = 0, d0 = 0, d1 = 0, offsetDigit = 0;

/**
 * ISO 8601 with the Prague offset, whole seconds, e.g. `2024-03-05T06:00:00+01:00`.
 * Built with one `String.fromCharCode` from cached day digits: this yields flat strings,
 * several times faster (and lighter on the GC) than concatenation or `toISOString`, which
 * dominated the generation of the 100 000-activity load-test week.
 */
export function toPragueIso(utcMs: number): string {
  const offset = pragueOffset(utcMs);
  const local = utcMs + offset;
  const day = Math.floor(local / DAY);
  if (day !== isoDay || offset !== isoOffset) {
    isoDay = day;
    isoOffset = offset;
    const date = new Date(day * DAY).toISOString();
    [y0, y1, y2, y3] = [0, 1, 2, 3].map((i) => date.charCodeAt(i)) as [number, number, number, number];
    [mo0, mo1, d0, d1] = [5, 6, 8, 9].map((i) => date.charCodeAt(i)) as [number, number, number, number];
    offsetDigit = 48 + offset / HOUR;
  }
  const seconds = Math.floor((local - day * DAY) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  const s = seconds % 60;
  return String.fromCharCode(
    y0, y1, y2, y3, 45, mo0, mo1, 45, d0, d1, 84,
    48 + Math.floor(h / 10), 48 + (h % 10), 58,
    48 + Math.floor(m / 10), 48 + (m % 10), 58,
    48 + Math.floor(s / 10), 48 + (s % 10),
    43, 48, offsetDigit, 58, 48, 48,
  );
}
