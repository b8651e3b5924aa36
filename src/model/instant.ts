/**
 * Instants at the boundary: RFC 3339 strings with `Z` or an offset, epoch milliseconds or `Date`,
 * parsed to epoch ms without allocation, and written back as ISO UTC strings. Decisions: see
 * src/model/normalize.ts.
 */
/** 0000-01-01T00:00:00.000Z: the first instant `toISOString()` writes with a four-digit year. */
const MIN_INSTANT_MS = -62_167_219_200_000;
/** 9999-12-31T23:59:59.999Z: the last one. */
const MAX_INSTANT_MS = 253_402_300_799_999;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function inInstantRange(ms: number): number | null {
  // `+ 0` turns -0 into 0 so that equal instants compare and serialise identically.
  return ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS ? ms + 0 : null;
}

/** The two decimal digits at `i`, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  // charCodeAt past the end is NaN, which fails both comparisons.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const CH_PLUS = 43;
const CH_COMMA = 44;
const CH_DASH = 45;
const CH_DOT = 46;
const CH_COLON = 58;
const CH_SPACE = 32;
const CH_T = 84;
const CH_Z = 90;
const CH_LOWER_T = 116;
const CH_LOWER_Z = 122;

/**
 * `YYYY-MM-DD(T|t| )HH:MM[:SS[(.|,)digits]](Z|z|±HH[[:]MM])` → epoch ms, or null.
 * A character scanner rather than a regular expression: it runs about as fast as `Date.parse`.
 */
function parseIsoInstant(text: string): number | null {
  const n = text.length;
  if (n < 17) return null;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const sep = text.charCodeAt(10);
  if (text.charCodeAt(4) !== CH_DASH || text.charCodeAt(7) !== CH_DASH || text.charCodeAt(13) !== CH_COLON) return null;
  if (sep !== CH_T && sep !== CH_LOWER_T && sep !== CH_SPACE) return null;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === CH_COLON) {
    second = twoDigits(text, i + 1);
    if (second < 0 || second > 59) return null;
    i += 3;
    const mark = text.charCodeAt(i);
    if (mark === CH_DOT || mark === CH_COMMA) {
      i++;
      const first = i;
      let scale = 100;
      for (let c = text.charCodeAt(i) - 48; c >= 0 && c <= 9; c = text.charCodeAt(++i) - 48) {
        // Digits beyond milliseconds are truncated, as Date.parse does.
        if (scale >= 1) millis += c * scale;
        scale /= 10;
      }
      if (i === first) return null;
    }
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === CH_Z || zone === CH_LOWER_Z) {
    if (i + 1 !== n) return null;
  } else if (zone === CH_PLUS || zone === CH_DASH) {
    const offsetHours = twoDigits(text, i + 1);
    if (offsetHours < 0 || offsetHours > 23) return null;
    i += 3;
    let offsetMins = 0;
    if (i < n) {
      if (text.charCodeAt(i) === CH_COLON) i++;
      offsetMins = twoDigits(text, i);
      if (offsetMins < 0 || offsetMins > 59 || i + 2 !== n) return null;
    }
    offsetMinutes = (zone === CH_DASH ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    // No offset: a local time of an unknown zone is ambiguous.
    return null;
  }
  const ms =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return inInstantRange(ms);
}

/** Reused by {@link isoUtc}: one flat string from 24 char codes, no intermediate strings. The fixed characters are set once. */
const isoChars = Uint16Array.from('0000-00-00T00:00:00.000Z', (ch) => ch.charCodeAt(0));
/** The day whose date characters `isoChars` holds. */
let isoDays = Number.NaN;

function putTwo(at: number, value: number): void {
  isoChars[at] = 48 + Math.floor(value / 10);
  isoChars[at + 1] = 48 + (value % 10);
}

/**
 * `new Date(ms).toISOString()` for years 0000–9999, without a Date and as one flat string
 * (100 000 records mean 200 000 of these: garbage matters). `source` is returned as is when it
 * already is exactly that string (the common `…T12:00:00.000Z` form).
 */
export function isoUtc(ms: number, source: unknown): string {
  if (
    typeof source === 'string' &&
    source.length === 24 &&
    source.charCodeAt(23) === CH_Z &&
    source.charCodeAt(10) === CH_T &&
    source.charCodeAt(19) === CH_DOT
  ) {
    return source;
  }
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const c = isoChars;
  // The date's ten characters change once a day: a trace's instants come day by day.
  if (days !== isoDays) {
    isoDays = days;
    // Hinnant's civil_from_days.
    const z = days + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor(
      (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
    );
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    putTwo(0, Math.floor(year / 100));
    putTwo(2, year % 100);
    putTwo(5, month);
    putTwo(8, day);
  }
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  putTwo(11, hour);
  putTwo(14, minute);
  putTwo(17, second);
  c[20] = 48 + Math.floor(millis / 100);
  putTwo(21, millis % 100);
  // Twenty-four arguments, not `apply` with the array: half the time.
  return String.fromCharCode(c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!, c[16]!, c[17]!, c[18]!, c[19]!, c[20]!, c[21]!, c[22]!, c[23]!);
}

/**
 * Parses a provider instant into epoch milliseconds.
 *
 * Accepts an ISO 8601 string **with** `Z` or an offset (strings without one are ambiguous and
 * rejected), a finite epoch-millisecond number (fraction truncated) or a valid `Date`.
 * Returns `null` for anything else, for impossible calendar values and outside years 0000–9999.
 * Never throws.
 */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'string') return parseIsoInstant(value);
  if (typeof value === 'number') return Number.isFinite(value) ? inInstantRange(Math.trunc(value)) : null;
  if (value instanceof Date) {
    try {
      const ms = value.getTime();
      return Number.isNaN(ms) ? null : inInstantRange(ms);
    } catch {
      // An object that merely inherits from Date.prototype has no time value: getTime throws.
      return null;
    }
  }
  return null;
}
