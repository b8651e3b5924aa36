/**
 * Wire types: what a {@link UserTraceProvider} returns (docs/spec.md#data-contract).
 * Instants are ISO 8601 strings with an offset or `Z`; epoch milliseconds and `Date` are accepted too.
 * Intervals are half-open `[start, end)`; `end` absent or `null` means "still running".
 */
export type Instant = string | number | Date;

import type { ActivityLane, ChatChannel, KnownActivityType } from './catalog.js';

// The activity types, lanes and chat channels the library knows are listed once, in catalog.ts.
export { CHAT_CHANNELS, KNOWN_ACTIVITY_TYPES } from './catalog.js';
export type { ActivityLane, ChatChannel, KnownActivityType } from './catalog.js';

/** Any other string is kept and shown as "other". */
export type ActivityType = KnownActivityType | (string & {});

export interface TraceUser {
  id: string;
  name: string;
  deactivated?: boolean;
  /** The user's own IANA zone, informative only: periods use the element's `time-zone`. */
  timeZone?: string;
}

export interface TraceActivity {
  id: string;
  type: ActivityType;
  start: Instant;
  end?: Instant | null;
  /** The user closed it (counted in "closed"). */
  closed?: boolean;
  title?: string;
  queue?: string;
  contact?: string;
  direction?: 'in' | 'out' | 'internal';
  /** For `ticket` and for any activity linked to a ticket. */
  ticketId?: string;
  /** Calls: speaking time in seconds, if the system knows it. */
  talkSeconds?: number;
  /** Anything else is shown in the detail as-is (as text). */
  [extra: string]: unknown;
}

/** A logged-in session. */
export interface TraceSession {
  start: Instant;
  end?: Instant | null;
}

export interface TracePause {
  start: Instant;
  end?: Instant | null;
  name: string;
  paid: boolean;
}

export interface TraceData {
  sessions: TraceSession[];
  pauses: TracePause[];
  activities: TraceActivity[];
}

/**
 * One problem found while validating provider data: the record it names was left out (or, for
 * `activity-talk-seconds-clamped`, kept with the field corrected).
 */
export interface DataWarning {
  /** Machine-readable kind, e.g. `activity-bad-start`, `activity-duplicate-id`, `not-an-object`. */
  kind: string;
  /** Index of the record in its provider array, when the warning is about one record. */
  index?: number;
  /** Id of the record, when it had one. */
  id?: string;
  /** A sentence a host developer can act on (English). */
  message: string;
  /** `summary` only: the number of problems in all, listed or not. */
  total?: number;
  /** `summary` only: the number of problems per kind, listed or not. */
  counts?: Record<string, number>;
}

export interface NormalizeResult {
  /** Only the valid records; instants rewritten as ISO strings (UTC `Z`). */
  data: TraceData;
  warnings: DataWarning[];
}

/** A period `[start, end)` as returned by `periodRange`. */
export interface PeriodRange {
  /** ISO instant with the zone's offset. */
  start: string;
  end: string;
  days: { date: string; start: string; end: string }[];
}

export type Period = 'day' | 'week';
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface TraceStats {
  calls: { time: number; talkTime: number | null; closed: number };
  emails: { time: number; closed: number };
  chats: Record<ChatChannel, { time: number; closed: number }>;
  tickets: { edited: number; closed: number };
  pauses: { paid: number; unpaid: number; byName: Record<string, number> };
  login: { logged: number; ready: number; idle: number; occupancy: number | null };
}

// ---------------------------------------------------------------------------
// Prepared (internal) form: parsed once per load, epoch milliseconds, sorted.
// Elements draw and list from this; nothing re-parses ISO strings after the boundary.
// ---------------------------------------------------------------------------

export interface PreparedActivity {
  /** Position in `PreparedTrace.activities` (sorted by start, then end, then id). */
  index: number;
  id: string;
  type: ActivityType;
  lane: ActivityLane;
  start: number;
  /** `null` while running. */
  end: number | null;
  closed: boolean;
  /** The record's `talkSeconds` and `ticketId` (the statistics count them without reading the record). */
  talkSeconds: number | undefined;
  ticketId: string | undefined;
  /**
   * The validated record, as in `NormalizeResult.data.activities`. Of activities validated from
   * columns (src/data/column-trace.ts) it is built on first read, then kept.
   */
  record: TraceActivity;
}

export interface PreparedInterval {
  start: number;
  /** `null` while running. */
  end: number | null;
}

export interface PreparedPause extends PreparedInterval {
  name: string;
  paid: boolean;
}

export interface PreparedTrace {
  sessions: PreparedInterval[];
  pauses: PreparedPause[];
  /** Sorted by start ascending. */
  activities: PreparedActivity[];
  /**
   * The activities again in columns, in the same order, made with them by `prepareTrace`: the
   * timeline's lanes and the counts read these typed arrays instead of walking 100 000 objects.
   */
  columns: PreparedColumns;
}

/** The prepared activities in columns: entry `i` is `activities[i]`. */
export interface PreparedColumns {
  start: Float64Array;
  /** `Infinity` while running. */
  end: Float64Array;
  /** Position of the activity's lane in `ACTIVITY_LANES`. */
  lane: Uint8Array;
  /** The activity's colour class: its position in `COLOUR_KEYS`. */
  colour: Uint8Array;
}
