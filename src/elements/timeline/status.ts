/**
 * The Status lane: logged out / ready / paused (paid) / paused (unpaid), from sessions and pauses.
 * Uses the one interval algebra of the library (src/stats/intervals.ts). Pure.
 */
import type { PreparedTrace } from '../../model/types.js';
import { clipSpans, subtractSpans, unionSpans, type Span } from '../../stats/intervals.js';
import { busyColumns, subtractBusy } from '../../stats/compute-stats.js';

export type StatusKind = 'ready' | 'paid' | 'unpaid';

/** One stretch of the Status lane. Logged-out time is where no segment is. */
export interface StatusSegment {
  kind: StatusKind;
  start: number;
  end: number;
  /** Pause name (paused kinds only). */
  name?: string;
  /** The interval is still running (its end is "now"). */
  running: boolean;
}

/**
 * Status segments within `[from, to)`, sorted by start. Running intervals end at `min(now, to)`.
 * Ready is logged-in time minus every pause; pauses are shown where the provider put them
 * (also outside a session: the data says the user was paused, so the lane says so too).
 * Where a paid and an unpaid pause overlap, unpaid wins (it is the one a supervisor looks for).
 */
export function statusSegments(prepared: PreparedTrace, from: number, to: number, now: number): StatusSegment[] {
  const endOf = (end: number | null): number => (end === null ? Math.min(Math.max(now, from), to) : end);
  const logged = clipSpans(
    unionSpans(prepared.sessions.map((s) => ({ start: s.start, end: endOf(s.end) }))),
    from,
    to,
  );
  const pauses = prepared.pauses
    .map((p) => ({ start: Math.max(p.start, from), end: Math.min(endOf(p.end), to), pause: p }))
    .filter((p) => p.end > p.start);
  const unpaid = unionSpans(pauses.filter((p) => !p.pause.paid));
  const allPauses = unionSpans(pauses);
  const out: StatusSegment[] = [];
  const runningAt = (span: Span): boolean => span.end >= Math.min(now, to) && now < to && now >= from;
  const loggedRunning = prepared.sessions.some((s) => s.end === null);
  for (const span of subtractSpans(logged, allPauses)) {
    out.push({ kind: 'ready', start: span.start, end: span.end, running: loggedRunning && runningAt(span) });
  }
  for (const p of pauses) {
    // A paid pause shows only where no unpaid one covers it.
    const parts = p.pause.paid ? subtractSpans([{ start: p.start, end: p.end }], unpaid) : [{ start: p.start, end: p.end }];
    for (const part of parts) {
      out.push({
        kind: p.pause.paid ? 'paid' : 'unpaid',
        start: part.start,
        end: part.end,
        name: p.pause.name,
        running: p.pause.end === null && runningAt(part),
      });
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** The segment at instant `t` (the last one starting at or before it), or null when logged out. */
export function segmentAt(segments: readonly StatusSegment[], t: number): StatusSegment | null {
  let found: StatusSegment | null = null;
  for (const s of segments) {
    if (s.start > t) break;
    if (t < s.end) found = s.kind === 'ready' && found && found.kind !== 'ready' ? found : s;
  }
  return found;
}

/** One keyboard stop of the Status lane: a segment, or logged-out time (`out`) between them. */
export type StatusStep = StatusSegment | { kind: 'out'; start: number; end: number; running: false; name?: undefined };

/**
 * Idle time among `segments` (PRODUCT §5: ready with no activity in progress): the ready segments
 * minus the union of every activity, running ones ending at `now`. Sorted, disjoint.
 */
export function idleSpans(prepared: PreparedTrace, segments: readonly StatusSegment[], now: number): Span[] {
  const ready = segments.filter((s) => s.kind === 'ready');
  return ready.length ? subtractBusy(unionSpans(ready), busyColumns(prepared, now)) : [];
}
