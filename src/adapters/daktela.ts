/**
 * Daktela API v6 `activities.json` records → trace activities, and Daktela's offset-less
 * `YYYY-MM-DD HH:MM:SS` times read in the instance's zone. See docs/adapters.md.
 */
import type { Instant, TraceActivity } from '../model/types.js';
import { Temporal } from '../time/temporal.js';
import { isValidTimeZone } from '../time/zone.js';
import {
  assembleTrace,
  endAt,
  instantMs,
  isoOrNull,
  isRecord,
  listOf,
  neverThrows,
  textOf,
  Warnings,
  type AdapterResult,
} from './shared.js';
import { untilOf } from './status-events.js';

/** Options of {@link traceFromDaktelaActivities}. */
export interface DaktelaActivitiesOptions {
  /** The IANA zone of the Daktela instance: its times carry no offset and are read in it. */
  timeZone: string;
  /** Only activities of this user (login `name`); default all. */
  userId?: string;
  /** Where open activities end; default they stay running (`end: null`). */
  until?: Instant | null;
}

/** Daktela activity `type` → activity type; other types are kept lower-case (shown as "other"). */
const TYPES: Readonly<Record<string, string>> = {
  CALL: 'call',
  EMAIL: 'email',
  CHAT: 'web',
  SMS: 'sms',
  FBM: 'messenger',
  WAP: 'whatsapp',
  VBR: 'viber',
};

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A Daktela time read in a zone: the instant, and what had to be guessed. */
export interface DaktelaTime {
  ms: number;
  /** `ambiguous`: the wall time happens twice (fall back), the earlier is taken; `skipped`: it never happens (spring forward). */
  guess?: 'ambiguous' | 'skipped';
}

/**
 * Reads a Daktela time (`YYYY-MM-DD HH:MM:SS`, no offset) as a wall-clock time of `timeZone` with
 * Temporal — never with today's offset. On a fall-back day an ambiguous time is taken as the
 * earlier instant; a time skipped by spring-forward is moved forward by the gap (Temporal's
 * `compatible`). Strings with an offset are read as such. `null` when it is not a time.
 */
export function parseDaktelaTime(value: unknown, timeZone: string): DaktelaTime | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_TIME.exec(value.trim());
  if (!match) {
    const ms = instantMs(value);
    return ms === null ? null : { ms };
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  let wall: InstanceType<typeof Temporal.PlainDateTime>;
  try {
    wall = Temporal.PlainDateTime.from(
      { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! },
      { overflow: 'reject' },
    );
  } catch {
    return null;
  }
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { ms: earlier.epochMilliseconds };
  if (earlier.toPlainDateTime().equals(wall)) return { ms: earlier.epochMilliseconds, guess: 'ambiguous' };
  return { ms: wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds, guess: 'skipped' };
}

/** An instant as Daktela writes it: `YYYY-MM-DD HH:MM:SS` on the wall clock of `timeZone`. */
export function formatDaktelaTime(ms: number, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${String(zoned.year).padStart(4, '0')}-${two(zoned.month)}-${two(zoned.day)} ` +
    `${two(zoned.hour)}:${two(zoned.minute)}:${two(zoned.second)}`
  );
}

/** The `name` of a Daktela foreign key (an object with `name`, or the key itself). */
export function keyOf(value: unknown): string | undefined {
  return isRecord(value) ? textOf(value.name) : textOf(value);
}

/** What a person reads for a foreign key: its `title`, else its `name`. */
function titleOf(value: unknown): string | undefined {
  return isRecord(value) ? (textOf(value.title) ?? textOf(value.name)) : textOf(value);
}

/**
 * Activities of one agent from Daktela API v6 `activities.json` records (`name, title, type,
 * action, time, time_open, time_close, duration, queue, user, ticket, item, contact`). `records`
 * may be the array or a whole answer (`{ result: { data } }`). Never throws.
 *
 * - Start `time_open` (else `time`); end `time_close`; an activity without `time_close` runs on
 *   while `action` is `OPEN`, else lasts `duration` seconds. Closed when `action` is `CLOSE`.
 * - `CALL` → call, `EMAIL` → email, `CHAT` → web, `SMS` → sms, `FBM` → messenger, `WAP` →
 *   whatsapp, `VBR` → viber; a comment (empty type or `COMMENT`) on a ticket → ticket, else
 *   `comment`; any other type lower-case.
 * - The ticket from `ticket`, the queue's and contact's `title`, the direction of a call `item`.
 * - Times are read in `timeZone` ({@link parseDaktelaTime}); ambiguous and skipped wall times are
 *   warned about. Login and pause history is not in `activities.json` (the public API documents no
 *   history endpoint for it): build it with `traceFromStatusEvents`.
 *
 * Warning kinds: `records-not-an-array`, `record-not-an-object`, `record-unreadable`,
 * `record-invalid-name`, `record-invalid-time`, `daktela-ambiguous-time`, `daktela-skipped-time`,
 * `record-duplicate-name`, `invalid-time-zone`, `invalid-until`.
 */
export function traceFromDaktelaActivities(records: unknown, options: DaktelaActivitiesOptions): AdapterResult {
  return neverThrows((warnings) => {
    const opts = isRecord(options) ? (options as DaktelaActivitiesOptions) : ({} as DaktelaActivitiesOptions);
    let timeZone = opts.timeZone;
    if (!isValidTimeZone(timeZone)) {
      warnings.add('invalid-time-zone', `Time zone ${String(timeZone)} is not an IANA zone; Daktela times are read as UTC.`);
      timeZone = 'UTC';
    }
    const until = untilOf(opts.until, warnings);
    const userId = textOf(opts.userId);
    const list = isRecord(records) && isRecord(records.result) ? listOf(records.result, 'data') : listOf(records, 'data');
    if (list === null) {
      warnings.add('records-not-an-array', 'The Daktela activities are not an array; there are no activities.');
      return assembleTrace([], [], [], []);
    }
    const activities: TraceActivity[] = [];
    const names = new Set<string>();
    for (let index = 0; index < list.length; index++) {
      try {
        const record: unknown = list[index];
        if (!isRecord(record)) {
          warnings.add('record-not-an-object', `Activity ${index} is not an object; it is left out.`, index);
          continue;
        }
        if (userId !== undefined && record.user !== undefined && record.user !== null && keyOf(record.user) !== userId) {
          continue;
        }
        const name = textOf(record.name);
        if (name !== undefined && names.has(name)) {
          warnings.add('record-duplicate-name', `Activity "${name}" came twice; the first is kept.`, index, name);
          continue;
        }
        const activity = activityOf(record, index, timeZone, until, warnings);
        if (!activity) continue;
        names.add(activity.id);
        activities.push(activity);
      } catch {
        warnings.add('record-unreadable', `Activity ${index} could not be read; it is left out.`, index);
      }
    }
    return assembleTrace([], [], [], activities);
  });
}

function activityOf(
  record: Record<string, unknown>,
  index: number,
  timeZone: string,
  until: number,
  warnings: Warnings,
): TraceActivity | null {
  const id = textOf(record.name);
  if (id === undefined) {
    warnings.add('record-invalid-name', `Activity ${index} has no \`name\`; it is left out.`, index);
    return null;
  }
  const read = (field: string): number | null => {
    const time = parseDaktelaTime(record[field], timeZone);
    if (time?.guess === 'ambiguous') {
      warnings.add(
        'daktela-ambiguous-time',
        `Activity "${id}": ${field} ${String(record[field])} happens twice in ${timeZone}; the earlier instant is taken.`,
        index,
        id,
      );
    } else if (time?.guess === 'skipped') {
      warnings.add(
        'daktela-skipped-time',
        `Activity "${id}": ${field} ${String(record[field])} does not exist in ${timeZone} (clocks moved forward); it is read as the time after the gap.`,
        index,
        id,
      );
    }
    return time ? time.ms : null;
  };
  const start = record.time_open ? read('time_open') : read('time');
  if (start === null) {
    warnings.add('record-invalid-time', `Activity "${id}" has no valid time_open or time; it is left out.`, index, id);
    return null;
  }
  if (start >= until) return null;
  const action = typeof record.action === 'string' ? record.action : undefined;
  let end: number | null = record.time_close ? read('time_close') : null;
  if (end === null && action !== 'OPEN') {
    const duration = typeof record.duration === 'number' ? record.duration : Number(record.duration);
    end = start + (Number.isFinite(duration) && duration > 0 ? duration * 1000 : 0);
  }
  const finish = Math.max(start, endAt(end, until));
  const rawType = typeof record.type === 'string' ? record.type : '';
  const ticketId = keyOf(record.ticket);
  // A comment (empty type) on a ticket is work on that ticket.
  const comment = rawType === '' || rawType === 'COMMENT';
  const type = TYPES[rawType] ?? (comment ? (ticketId !== undefined ? 'ticket' : 'comment') : rawType.toLowerCase());
  const activity: TraceActivity = { id, type, start: isoOrNull(start)!, end: isoOrNull(finish) };
  if (action === 'CLOSE') activity.closed = true;
  const title = textOf(record.title);
  if (title !== undefined) activity.title = title;
  const queue = titleOf(record.queue);
  if (queue !== undefined) activity.queue = queue;
  const contact = titleOf(record.contact);
  if (contact !== undefined) activity.contact = contact;
  if (ticketId !== undefined) activity.ticketId = ticketId;
  const direction = isRecord(record.item) && typeof record.item.direction === 'string' ? record.item.direction.toLowerCase() : '';
  if (direction === 'in' || direction === 'out' || direction === 'internal') activity.direction = direction;
  if (action !== undefined) activity.action = action;
  return activity;
}
