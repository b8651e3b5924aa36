import { Temporal } from './temporal.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** A stretch of time `[start, end)` during which the zone's UTC offset does not change. */
export interface OffsetSegment {
  start: number;
  end: number;
  /** Local wall-clock time minus UTC, in milliseconds (`+01:00` → 3 600 000). */
  offsetMs: number;
}

// Bounded: zone names come from host attributes, so the set of distinct inputs is small but not ours.
const zoneValidity = new Map<string, boolean>();
const MAX_CACHED_ZONES = 256;

/**
 * Whether `tz` is a time zone both `Intl` and Temporal accept (IANA names such as
 * `Europe/Prague`, `UTC`, and offset zones such as `+05:30`).
 */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '' || tz.length > 100) return false;
  let valid = zoneValidity.get(tz);
  if (valid === undefined) {
    valid = checkTimeZone(tz);
    if (zoneValidity.size >= MAX_CACHED_ZONES) zoneValidity.clear();
    zoneValidity.set(tz, valid);
  }
  return valid;
}

function checkTimeZone(tz: string): boolean {
  try {
    // Intl first: Temporal alone would also accept whole ISO strings like `2026-01-01T00:00[Europe/Prague]`.
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz);
    return true;
  } catch {
    return false;
  }
}

/** The browser's time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`), or `UTC` when it has none usable. */
export function defaultTimeZone(): string {
  try {
    const tz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return isValidTimeZone(tz) ? tz : 'UTC';
  } catch {
    return 'UTC';
  }
}

/** `timeZone` when valid, else `UTC`: helpers that must not throw fall back to it. */
function usableZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function zonedAt(ms: number, timeZone: string) {
  // Temporal wants an integral number of milliseconds; zoomed scales hand out fractions.
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(ms)).toZonedDateTimeISO(timeZone);
}

/**
 * The local calendar date (`YYYY-MM-DD`) of instant `ms` in `timeZone`.
 * An invalid zone counts as UTC; a non-finite `ms` gives `''`.
 */
export function dateOf(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) return '';
  try {
    return zonedAt(ms, usableZone(timeZone)).toPlainDate().toString();
  } catch {
    return ''; // outside Temporal's range (±10^8 days)
  }
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`; `nowMs` is injectable for tests. An invalid zone counts as UTC. */
export function todayIn(timeZone: string, nowMs: number = Date.now()): string {
  return dateOf(Number.isFinite(nowMs) ? nowMs : Date.now(), timeZone);
}

/** The UTC offset of `timeZone` at instant `ms` as `±HH:MM` (e.g. `+05:45`). An invalid zone counts as UTC. */
export function formatOffset(ms: number, timeZone: string): string {
  if (!Number.isFinite(ms)) return '+00:00';
  try {
    return formatOffsetMs(zonedAt(ms, usableZone(timeZone)).offsetNanoseconds / 1e6);
  } catch {
    return '+00:00';
  }
}

/** `±HH:MM` (with `:SS` only for historical offsets that have seconds), as Temporal prints offsets. */
export function formatOffsetMs(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMs / 1000));
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  return `${sign}${pad2(hours)}:${pad2(minutes)}${seconds ? `:${pad2(seconds)}` : ''}`;
}

/**
 * The zone's offset segments covering `[startMs, endMs]`, in order and contiguous.
 * A transition exactly at `endMs` yields a final zero-length segment, so the instant
 * `endMs` itself is described with the offset that is valid from then on.
 * Costs one Temporal lookup per transition, not per hour. Throws for an invalid zone.
 */
export function offsetSegments(startMs: number, endMs: number, timeZone: string): OffsetSegment[] {
  let zoned = zonedAt(startMs, timeZone);
  let segmentStart = startMs;
  let offsetMs = zoned.offsetNanoseconds / 1e6;
  const segments: OffsetSegment[] = [];
  for (;;) {
    const next = zoned.getTimeZoneTransition('next');
    if (next === null || next.epochMilliseconds > endMs) {
      segments.push({ start: segmentStart, end: endMs, offsetMs });
      return segments;
    }
    segments.push({ start: segmentStart, end: next.epochMilliseconds, offsetMs });
    segmentStart = next.epochMilliseconds;
    offsetMs = next.offsetNanoseconds / 1e6;
    zoned = next;
  }
}

/** `HH:mm` (24-hour) of a wall-clock time given as "local epoch" milliseconds (instant + offset). */
export function wallClockLabel(wallMs: number): string {
  const msOfDay = ((wallMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const hours = Math.floor(msOfDay / MS_PER_HOUR);
  const minutes = Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE);
  return `${pad2(hours)}:${pad2(minutes)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
