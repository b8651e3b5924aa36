// The columnar encoding of a trace page's activities (docs/rest-api.md, "Columnar pages"): the
// demo server's encoder, and a reference for a backend of its own. Generic: any record field
// becomes a column, so nothing of a record is lost.
import { acceptedEntries } from './compress.mjs';

/** The media type a client asks for in `Accept` and a server answers in `Content-Type`. */
export const COLUMNS_TYPE = 'application/vnd.user-trace.columns+json';

/**
 * Whether `Accept` asks for the columnar encoding: its media type listed without `q=0`.
 *
 * @param {string | string[] | undefined} header
 */
export function acceptsColumns(header) {
  return acceptedEntries(header).find((entry) => entry.name === COLUMNS_TYPE)?.allowed ?? false;
}

/** A string column is written as a dictionary when it has at most this share of distinct values. */
const DICTIONARY_SHARE = 0.25;

/**
 * `activities` (records with ISO or epoch-ms `start` / `end`) in columns:
 * `{ length, base, start, duration, fields }` — `start[i]` in ms after `base`, `duration[i]` in ms
 * or `null` while running, every other field a column of its own (`values`, or `dictionary` +
 * `index` for strings that repeat), `null` where a record has no such field.
 *
 * @param {Array<Record<string, unknown>>} activities
 */
export function encodeActivityColumns(activities) {
  const length = activities.length;
  const starts = new Float64Array(length);
  let base = Infinity;
  for (let i = 0; i < length; i++) {
    const ms = instantMs(activities[i].start);
    starts[i] = ms;
    if (ms < base) base = ms;
  }
  if (!Number.isFinite(base)) base = 0;
  const start = new Array(length);
  const duration = new Array(length);
  /** @type {Map<string, unknown[]>} */
  const values = new Map();
  for (let i = 0; i < length; i++) {
    const record = activities[i];
    start[i] = starts[i] - base;
    const end = record.end;
    duration[i] = end === undefined || end === null ? null : instantMs(end) - starts[i];
    for (const key of Object.keys(record)) {
      if (key === 'start' || key === 'end') continue;
      let column = values.get(key);
      if (column === undefined) {
        column = new Array(length).fill(null);
        values.set(key, column);
      }
      column[i] = record[key] === undefined ? null : record[key];
    }
  }
  // fromEntries defines each key as data, a field named "__proto__" too.
  const fields = Object.fromEntries([...values].map(([key, column]) => [key, encodeField(column)]));
  return { length, base, start, duration, fields };
}

/** A column as `values`, or as `dictionary` + `index` when it holds only strings (or nulls) that repeat. */
function encodeField(column) {
  const dictionary = new Map();
  for (const value of column) {
    if (value === null) continue;
    if (typeof value !== 'string') return { values: column };
    if (!dictionary.has(value)) dictionary.set(value, dictionary.size);
    if (dictionary.size > column.length * DICTIONARY_SHARE) return { values: column };
  }
  return { dictionary: [...dictionary.keys()], index: column.map((value) => (value === null ? null : dictionary.get(value))) };
}

function instantMs(value) {
  return typeof value === 'number' ? value : Date.parse(String(value));
}
