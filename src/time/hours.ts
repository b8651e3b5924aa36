import { Temporal } from './temporal.js';
import { isValidDate, startOfDay } from './period.js';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  formatOffsetMs,
  isValidTimeZone,
  offsetSegments,
  wallClockLabel,
  type OffsetSegment,
} from './zone.js';

/** One row of the Minutes view: `[startMs, endMs)`, labelled with its wall-clock start. */
export interface HourRow {
  startMs: number;
  endMs: number;
  /** `HH:mm`; suffixed with the offset (`02:00 (+02:00)`) when the hour occurs twice that day. */
  label: string;
}

/** An axis tick at a wall-clock full hour of the zone. */
export interface Tick {
  at: number;
  /** `HH:mm`, 24-hour. */
  label: string;
}

interface RowStart {
  at: number;
  wallMs: number;
  offsetMs: number;
}

/**
 * The rows of the Minutes view for local `date` in `timeZone`: one per clock hour that
 * exists that day — 24 normally, 23 on a spring-forward day (02:00 is skipped), 25 on a
 * fall-back day (02:00 twice, labelled `02:00 (+02:00)` and `02:00 (+01:00)`).
 *
 * Rows tile the day exactly: the first starts at the day's first instant, each ends where
 * the next starts, the last ends at the next day's first instant. A row starts at every
 * wall-clock full hour and at every offset change, so no row is longer than 60 minutes and
 * the 0–60 min axis always fits. With a 30-minute DST shift (Australia/Lord_Howe) that gives
 * one 30-minute row starting off the full hour: `02:30` (spring, 24 rows for 23.5 h) or
 * `01:30 (+10:30)` after `01:00 (+11:00)` (autumn, 25 rows for 24.5 h).
 *
 * Never throws: an invalid date or zone gives `[]`.
 */
export function hourRows(date: string, timeZone: string): HourRow[] {
  if (!isValidDate(date) || !isValidTimeZone(timeZone)) return [];
  const plain = Temporal.PlainDate.from(date);
  const dayStart = startOfDay(plain, timeZone).epochMilliseconds;
  const dayEnd = startOfDay(plain.add({ days: 1 }), timeZone).epochMilliseconds;

  const starts: RowStart[] = [];
  for (const segment of offsetSegments(dayStart, dayEnd, timeZone)) {
    const { offsetMs } = segment;
    // The segment's own start (day start or an offset change) begins a row, full hour or not.
    if (segment.start < dayEnd) starts.push({ at: segment.start, wallMs: segment.start + offsetMs, offsetMs });
    let wall = Math.floor((segment.start + offsetMs) / MS_PER_HOUR) * MS_PER_HOUR + MS_PER_HOUR;
    for (; wall - offsetMs < segment.end; wall += MS_PER_HOUR) {
      starts.push({ at: wall - offsetMs, wallMs: wall, offsetMs });
    }
  }

  // An hour of the day that appears in two rows (fall-back) needs the offset to tell them apart.
  const rowsPerHour = new Map<number, number>();
  for (const s of starts) rowsPerHour.set(hourOfDay(s.wallMs), (rowsPerHour.get(hourOfDay(s.wallMs)) ?? 0) + 1);

  return starts.map((s, i) => {
    const label = wallClockLabel(s.wallMs);
    return {
      startMs: s.at,
      endMs: starts[i + 1]?.at ?? dayEnd,
      label: (rowsPerHour.get(hourOfDay(s.wallMs)) ?? 0) > 1 ? `${label} (${formatOffsetMs(s.offsetMs)})` : label,
    };
  });
}

/**
 * Ticks at the zone's wall-clock full hours within `[startMs, endMs]` (both ends included),
 * keeping the hours of the day divisible by `stepHours` (1 → every hour, 3 → 00, 03, 06 …).
 * Local hours, not UTC hours: in Asia/Kathmandu (+05:45) ticks fall at :15 UTC. A skipped hour
 * has no tick; a repeated hour has two (both labelled e.g. `02:00`).
 *
 * Built from the zone's offset changes (one Temporal lookup per change), not one date object
 * per tick, because the timeline calls it on every zoom redraw. Never throws: an invalid zone,
 * a non-finite bound or `endMs < startMs` gives `[]`; a non-integer or non-positive `stepHours` counts as 1.
 */
export function hourTicks(startMs: number, endMs: number, timeZone: string, stepHours = 1): Tick[] {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs < startMs) return [];
  if (!isValidTimeZone(timeZone)) return [];
  const step = Number.isInteger(stepHours) && stepHours >= 1 ? stepHours : 1;

  let segments: OffsetSegment[];
  try {
    segments = offsetSegments(startMs, endMs, timeZone);
  } catch {
    return []; // outside Temporal's range
  }
  const ticks: Tick[] = [];
  segments.forEach((segment, index) => {
    const { offsetMs } = segment;
    const isLast = index === segments.length - 1;
    let wall = Math.ceil((segment.start + offsetMs) / MS_PER_HOUR) * MS_PER_HOUR;
    while (wall - offsetMs < segment.end || (isLast && wall - offsetMs === segment.end)) {
      const hour = hourOfDay(wall);
      if (hour % step === 0) ticks.push({ at: wall - offsetMs, label: wallClockLabel(wall) });
      // Next hour of the day divisible by step; counting restarts at 00 each day (step 5: … 20, 00).
      const nextHour = hour - (hour % step) + step;
      wall += (Math.min(nextHour, 24) - hour) * MS_PER_HOUR;
    }
  });
  return ticks;
}

function hourOfDay(wallMs: number): number {
  return Math.floor((((wallMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
}
