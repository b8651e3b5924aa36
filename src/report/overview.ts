/**
 * The period as the PDF pictures it (pure, no DOM): one row per day of a week, or the one day;
 * each row the Status lane (ready, paid and unpaid pauses; logged out is the background) and the
 * activity lanes that hold something, as coloured spans. Spans closer than a thousandth of the row
 * merge, so 100 000 activities draw as a few thousand rectangles and the picture still reads.
 * For a week, the per-day totals the table under the picture shows.
 *
 * Positions are fractions of the row's width. A day runs from its start to its end (23 or 25 hours
 * on DST days); a week's rows place every instant at its **wall-clock** time of day on a 24-hour
 * axis, so 8:00 lines up on every row: the skipped hour of a spring-forward day is empty, the
 * repeated hour of a fall-back day is drawn over its first pass.
 */
import { ACTIVITY_CATALOG, ACTIVITY_LANES, OTHER_KIND, STATUS_COLOURS, colourOf, laneOf } from '../model/catalog.js';
import { endAt, overlaps } from '../model/interval.js';
import type { PreparedInterval, PreparedTrace } from '../model/types.js';
import { clipSpans, subtractSpans, unionSpans, type Span } from '../stats/intervals.js';
import { busySpans, computePreparedStats } from '../stats/compute-stats.js';
import { hourTicks, type ResolvedPeriod } from '../time/index.js';
import { offsetSegments } from '../time/zone.js';

/** A span of one colour (`#rrggbb`), from and to as fractions 0…1 of its row. */
export interface OverviewSpan {
  from: number;
  to: number;
  colour: string;
}

const DAY_MS = 86_400_000;

export interface OverviewRow {
  /** The day's label ("Tue 3. 3.") in a week; the lanes' names in a day come from `lanes`. */
  label: string;
  /** The Status lane, then one list per lane of `Overview.lanes`. */
  status: OverviewSpan[];
  /** Idle time (ready, no activity in progress), striped over the ready colour, as fractions. */
  idle: { from: number; to: number }[];
  lanes: OverviewSpan[][];
  /** Wall-clock hour ticks of the row (its local hours, DST included), at fractions of its width. */
  ticks: { at: number; label: string }[];
  /** The part of the row inside the time window, as fractions; null without a window or outside it. */
  window: { from: number; to: number } | null;
}

export interface Overview {
  /** Names of the lanes drawn under Status (only the lanes with an activity in the period). */
  lanes: string[];
  statusLabel: string;
  rows: OverviewRow[];
  /** The colours the picture uses, with their names (`stripes`: the ready colour striped, idle time). */
  legend: { label: string; colour: string; stripes?: true }[];
}

export interface DayTotals {
  label: string;
  /** The day (its part inside the window) starts after the report's now: no figures yet, rather than zeros. */
  future: boolean;
  /** Seconds. */
  logged: number;
  ready: number;
  idle: number;
  paused: number;
  /** Activities overlapping the day (or its part inside the window). */
  activities: number;
  /** Activities closed with their end in that day. */
  closed: number;
}

export interface OverviewLabels {
  lanes: Record<(typeof ACTIVITY_LANES)[number] | 'status', string>;
  status: { ready: string; pausedPaid: string; pausedUnpaid: string };
  /** Idle time, e.g. "Idle (ready, no activity)". */
  idle: string;
  type: (type: string) => string;
  /** The label of a day of the week. */
  day: (startMs: number) => string;
}

const STATUS = Object.fromEntries(STATUS_COLOURS.map((s) => [s.key, s.light])) as Record<(typeof STATUS_COLOURS)[number]['key'], string>;

const colourOfType = (type: string): string => ACTIVITY_CATALOG[colourOf(type)]?.light ?? OTHER_KIND.light;

function clipped(list: readonly PreparedInterval[], from: number, to: number, now: number): Span[] {
  return unionSpans(clipSpans(list.map((s) => ({ start: s.start, end: endAt(s.start, s.end, now) })), from, to));
}

/** Adds a span to `out`, merged into the last span of the same colour when the gap is under `gap`. */
function pushMerged(out: OverviewSpan[], last: Map<string, OverviewSpan>, from: number, to: number, colour: string, gap: number): void {
  const previous = last.get(colour);
  if (previous && from - previous.to <= gap) {
    if (to > previous.to) previous.to = to;
    return;
  }
  const span = { from, to, colour };
  out.push(span);
  last.set(colour, span);
}

/**
 * `ms → fraction of the row`: elapsed time over the day's length, or in a week the wall-clock time
 * of day over 24 hours (the zone's offset changes read once per row).
 */
function positionIn(from: number, to: number, timeZone: string, wallClock: boolean): (ms: number) => number {
  if (!wallClock) return (ms) => (ms - from) / (to - from);
  let segments: { start: number; offsetMs: number }[] = [];
  try {
    segments = offsetSegments(from, to, timeZone);
  } catch {
    // Outside Temporal's range: elapsed time it is.
  }
  const offsetAt = (ms: number) => {
    for (let i = segments.length - 1; i >= 0; i--) if (segments[i]!.start <= ms) return segments[i]!.offsetMs;
    return segments[0]?.offsetMs ?? 0;
  };
  const base = from + offsetAt(from);
  return (ms) => Math.min(1, Math.max(0, (ms + offsetAt(ms) - base) / DAY_MS));
}

/** The picture of `period` (one row per day; a day in Day view), from the prepared trace. */
export function buildOverview(
  trace: PreparedTrace,
  period: ResolvedPeriod,
  window: { startMs: number; endMs: number } | null,
  now: number,
  timeZone: string,
  labels: OverviewLabels,
): Overview {
  const week = period.days.length > 1;
  const used = new Set<string>();
  for (const a of trace.activities) {
    if (a.start >= period.endMs) break;
    if (endAt(a.start, a.end, now) >= period.startMs) used.add(laneOf(a.type));
  }
  const lanes = ACTIVITY_LANES.filter((lane) => used.has(lane));
  const types = new Set<string>();
  const busy = busySpans(trace, now);
  const rows = period.days.map((day): OverviewRow => {
    const { startMs: from, endMs: to } = day;
    const pos = positionIn(from, to, timeZone, week);
    const gap = 1 / 1000;
    const span = (s: Span, colour: string): OverviewSpan => ({ from: pos(s.start), to: pos(s.end), colour });
    const logged = clipped(trace.sessions, from, to, now);
    const paid = clipped(trace.pauses.filter((p) => p.paid), from, to, now);
    const unpaid = clipped(trace.pauses.filter((p) => !p.paid), from, to, now);
    const ready = subtractSpans(subtractSpans(logged, paid), unpaid);
    const status: OverviewSpan[] = [
      ...ready.map((s) => span(s, STATUS.ready)),
      ...paid.map((s) => span(s, STATUS['paused-paid'])),
      ...unpaid.map((s) => span(s, STATUS['paused-unpaid'])),
    ];
    const byLane = lanes.map(() => [] as OverviewSpan[]);
    const last = lanes.map(() => new Map<string, OverviewSpan>());
    for (const a of trace.activities) {
      if (a.start >= to) break;
      const end = endAt(a.start, a.end, now);
      if (!overlaps(a.start, end, from, to)) continue;
      const i = lanes.indexOf(laneOf(a.type));
      const start = pos(Math.max(a.start, from));
      // A zero-length activity still shows: at least the merge gap wide.
      pushMerged(byLane[i]!, last[i]!, start, Math.max(pos(Math.min(end, to)), start + gap), colourOfType(a.type), gap);
      types.add(a.type);
    }
    const w = window && window.endMs > from && window.startMs < to ? { from: pos(Math.max(window.startMs, from)), to: pos(Math.min(window.endMs, to)) } : null;
    return {
      label: week ? labels.day(from) : '',
      status,
      idle: subtractSpans(ready, busy).map((s) => ({ from: pos(s.start), to: pos(s.end) })),
      lanes: byLane,
      ticks: hourTicks(from, to, timeZone, week ? 6 : 2).map((tick) => ({ at: pos(tick.at), label: tick.label })),
      window: w,
    };
  });
  const legend: Overview['legend'] = [
    { label: labels.status.ready, colour: STATUS.ready },
    { label: labels.idle, colour: STATUS.ready, stripes: true },
    { label: labels.status.pausedPaid, colour: STATUS['paused-paid'] },
    { label: labels.status.pausedUnpaid, colour: STATUS['paused-unpaid'] },
  ];
  const colours = new Map<string, string>();
  for (const type of types) {
    const colour = colourOfType(type);
    const label = ACTIVITY_CATALOG.some((k) => k.type === type) ? labels.type(type) : labels.lanes.other;
    if (!colours.has(colour)) colours.set(colour, label);
  }
  for (const [colour, label] of colours) legend.push({ label, colour });
  return { lanes: lanes.map((lane) => labels.lanes[lane]), statusLabel: labels.lanes.status, rows, legend };
}

/** The week's per-day totals inside `range` (the window, else the period): days outside it are left out. */
export function dayTotals(
  trace: PreparedTrace,
  period: ResolvedPeriod,
  range: { startMs: number; endMs: number },
  now: number,
  label: (startMs: number) => string,
): DayTotals[] {
  const out: DayTotals[] = [];
  for (const day of period.days) {
    const from = Math.max(day.startMs, range.startMs);
    const to = Math.min(day.endMs, range.endMs);
    if (to <= from) continue;
    const stats = computePreparedStats(trace, from, to, now);
    let activities = 0;
    let closed = 0;
    for (const a of trace.activities) {
      if (a.start >= to) break;
      if (overlaps(a.start, endAt(a.start, a.end, now), from, to)) activities++;
      if (a.closed && a.end !== null && a.end >= from && a.end < to) closed++;
    }
    out.push({
      label: label(day.startMs),
      future: from > now,
      logged: stats.login.logged,
      ready: stats.login.ready,
      idle: stats.login.idle,
      paused: stats.pauses.paid + stats.pauses.unpaid,
      activities,
      closed,
    });
  }
  return out;
}
