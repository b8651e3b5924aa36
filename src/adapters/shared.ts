/**
 * What every adapter shares: the result shape, reading untrusted platform records, and turning
 * millisecond spans into {@link TraceData} that `normalizeTrace` accepts without a warning.
 * Pure: no DOM, no Lit, no I/O — the adapters run in Node as well as in the browser.
 */
import { errorText, isRecord } from '../model/values.js';
export { errorText, isRecord };
import { parseInstant } from '../model/normalize.js';
import type { DataWarning, TraceActivity, TraceData, TracePause } from '../model/types.js';
import { intersectSpans, subtractSpans, unionSpans, type Span } from '../stats/intervals.js';

/** What an adapter returns: trace data for a provider's `loadTrace`, and what it had to leave out or guess. */
export interface AdapterResult {
  /** Passes `normalizeTrace` without a warning. Instants are ISO UTC strings; running ends are `null`. */
  data: TraceData;
  /** The warning shape of `normalizeTrace`: one per record left out or value guessed. */
  warnings: DataWarning[];
}

/** The end of a span that is still running (`end: null` on the wire). */
export const RUNNING = Number.POSITIVE_INFINITY;

/** A pause as milliseconds; `end` may be {@link RUNNING}. */
export interface PauseSpan extends Span {
  name: string;
  paid: boolean;
}


/** A non-empty string, or a finite number as a string; else `undefined`. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** An instant the library accepts (ISO with offset, epoch ms, Date) as epoch ms, else `null`. */
export const instantMs = parseInstant;

/** `ms` as an ISO UTC string, `null` for {@link RUNNING}. */
export function isoOrNull(ms: number): string | null {
  return ms === RUNNING ? null : new Date(ms).toISOString();
}


/** Collects warnings; `add` keeps the optional fields off when they are unknown. */
export class Warnings {
  readonly list: DataWarning[] = [];

  add(kind: string, message: string, index?: number, id?: string): void {
    const warning: DataWarning = { kind, message };
    if (index !== undefined) warning.index = index;
    if (id !== undefined) warning.id = id;
    this.list.push(warning);
  }
}

/** The array inside `value`: `value` itself, or `value[key]` of a whole API answer; else `null`. */
export function listOf(value: unknown, key: string): readonly unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value[key])) return value[key] as unknown[];
  return null;
}

/**
 * Runs an adapter body so that the adapter never throws: an exception (a getter or Proxy trap of
 * the input) becomes one `unreadable` warning and an empty trace.
 */
export function neverThrows(body: (warnings: Warnings) => TraceData): AdapterResult {
  const warnings = new Warnings();
  try {
    return { data: body(warnings), warnings: warnings.list };
  } catch (error) {
    warnings.add('unreadable', `The input could not be read: ${errorText(error)}.`);
    return { data: { sessions: [], pauses: [], activities: [] }, warnings: warnings.list };
  }
}

/**
 * Trace data from spans. Sessions are merged into a union. Pauses are kept inside the sessions
 * and made disjoint, so that logged-in time is exactly ready time plus paused time:
 * `overlays` (after-contact work, wrap-up) win over `statusPauses` where both cover a moment, and
 * within each list the pause whose name and pay appear first wins. Pieces of the same pause that
 * touch are merged.
 */
export function assembleTrace(
  sessions: readonly Span[],
  statusPauses: readonly PauseSpan[],
  overlays: readonly PauseSpan[],
  activities: TraceActivity[],
): TraceData {
  const logged = unionSpans(sessions);
  let taken: Span[] = [];
  const pauses: PauseSpan[] = [];
  for (const group of [...groupPauses(overlays), ...groupPauses(statusPauses)]) {
    const inside = subtractSpans(intersectSpans(unionSpans(group.spans), logged), taken);
    for (const span of inside) pauses.push({ start: span.start, end: span.end, name: group.name, paid: group.paid });
    taken = unionSpans([...taken, ...inside]);
  }
  pauses.sort((a, b) => a.start - b.start);
  return {
    sessions: logged.map((s) => ({ start: isoOrNull(s.start)!, end: isoOrNull(s.end) })),
    pauses: pauses.map(
      (p): TracePause => ({ start: isoOrNull(p.start)!, end: isoOrNull(p.end), name: p.name, paid: p.paid }),
    ),
    activities,
  };
}

/** Pauses grouped by name and pay, in the order each group first appears. */
function groupPauses(pauses: readonly PauseSpan[]): { name: string; paid: boolean; spans: Span[] }[] {
  const groups = new Map<string, { name: string; paid: boolean; spans: Span[] }>();
  for (const pause of pauses) {
    const key = `${pause.paid ? 1 : 0}|${pause.name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name: pause.name, paid: pause.paid, spans: [] }));
    group.spans.push({ start: pause.start, end: pause.end });
  }
  return [...groups.values()];
}

/** `end` cut to `until` (a running end becomes `until`); `until` is {@link RUNNING} when not set. */
export function endAt(end: number | null, until: number): number {
  if (end === null) return until;
  return end < until ? end : until;
}
