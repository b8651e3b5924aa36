/**
 * The columnar trace page of `RestProvider` (docs/rest-api.md, "Columnar pages"): the activities
 * of a page as one array per field instead of one object per activity, about 2.5 times fewer
 * bytes and a fifth of the `JSON.parse` of records. Only the columns' structure is checked here;
 * the records decoded here (`loadTrace`) are validated like any others, and the elements' store
 * validates the columns themselves with the same checks (src/data/column-trace.ts).
 */
import type { TraceActivity } from '../model/types.js';
import { isRecord } from '../model/values.js';
import { MAX_RECORDS_PER_LIST } from '../model/records.js';

/** The media type asked for in `Accept` and answered in `Content-Type`. */
export const COLUMNS_TYPE = 'application/vnd.user-trace.columns+json';

/** Activities decoded between two pauses of {@link decodeColumnSteps}. */
const STEP_ACTIVITIES = 4096;

/** One field column: a value per activity, or indices into a dictionary; `null` = no such field. */
export type FieldColumn = { name: string; values: readonly unknown[] } | { name: string; dictionary: readonly unknown[]; index: readonly unknown[] };

/** The `activityColumns` of one page, its structure checked ({@link checkColumns}); values are not. */
export interface ColumnPage {
  length: number;
  base: number;
  start: readonly unknown[];
  duration: readonly unknown[];
  fields: readonly FieldColumn[];
}

/** What is wrong with the columns, for the page's `invalid-shape` error. */
export class ColumnsError extends Error {}

/**
 * Checks the structure of `activityColumns`. Throws a {@link ColumnsError} saying what is wrong:
 * not an object, a `length` that is not an integer up to the list limit, a column of another
 * length, a dictionary index outside its dictionary, a field named `start` or `end`. Values are
 * not checked here: the records' validation does, and leaves out a bad record with a warning as
 * for any other.
 */
export function checkColumns(value: unknown): ColumnPage {
  if (!isRecord(value)) throw new ColumnsError(`"activityColumns" must be an object, got ${kindOf(value)}`);
  const { length, base, start, duration, fields } = value;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_RECORDS_PER_LIST) {
    throw new ColumnsError(`"activityColumns.length" must be an integer from 0 to ${MAX_RECORDS_PER_LIST}, got ${kindOf(length)}`);
  }
  if (typeof base !== 'number' || !Number.isFinite(base)) {
    throw new ColumnsError(`"activityColumns.base" must be a finite number (epoch ms), got ${kindOf(base)}`);
  }
  const columns: FieldColumn[] = [];
  if (fields !== undefined && fields !== null) {
    if (!isRecord(fields)) throw new ColumnsError(`"activityColumns.fields" must be an object, got ${kindOf(fields)}`);
    for (const name of Object.keys(fields)) columns.push(fieldColumn(name, fields[name], length));
  }
  return { length, base, start: column(start, length, 'start'), duration: column(duration, length, 'duration'), fields: columns };
}

/** Checks the structure ({@link checkColumns}) and returns {@link recordSteps} of the page. */
export function decodeColumnSteps(value: unknown): Generator<void, TraceActivity[], void> {
  return recordSteps(checkColumns(value));
}

/** The records of a checked page, pausing (`yield`) every few thousand (run it in slices: `runInSlices`). */
export function* recordSteps(page: ColumnPage): Generator<void, TraceActivity[], void> {
  const records = new Array<TraceActivity>(page.length);
  for (let i = 0; i < page.length; i++) {
    if (i % STEP_ACTIVITIES === STEP_ACTIVITIES - 1) yield;
    records[i] = recordAt(page, i);
  }
  return records;
}

/** The value of field column `c` for activity `i`: `null` or `undefined` when the activity has none. */
export function valueAt(c: FieldColumn, i: number): unknown {
  if ('values' in c) return c.values[i];
  const k = c.index[i];
  return k === null ? null : c.dictionary[k as number];
}

/**
 * The interval of activity `i` as its record has it, written into `out`: `start` epoch ms (`base` +
 * offset), `end` = start + duration or `null`; a value that is not a number as it came (validation
 * names it and leaves the record out).
 */
export function intervalAt<T extends { start: unknown; end: unknown }>(page: ColumnPage, i: number, out: T): T {
  const offset = page.start[i];
  const span = page.duration[i];
  const start = typeof offset === 'number' ? page.base + offset : offset;
  out.start = start;
  out.end = span === null || span === undefined ? null : typeof span === 'number' && typeof start === 'number' ? start + span : span;
  return out;
}

/** Activity `i` of `page` as a record, as a page of records would have carried it. */
export function recordAt(page: ColumnPage, i: number): TraceActivity {
  const record: Record<string, unknown> = intervalAt(page, i, { start: null, end: null });
  for (const c of page.fields) {
    const v = valueAt(c, i);
    if (v === null || v === undefined) continue;
    if (c.name === '__proto__') Object.defineProperty(record, c.name, { value: v, enumerable: true, writable: true, configurable: true });
    else record[c.name] = v;
  }
  return record as unknown as TraceActivity;
}

function column(value: unknown, length: number, name: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ColumnsError(`"activityColumns.${name}" must be an array, got ${kindOf(value)}`);
  if (value.length !== length) {
    throw new ColumnsError(`"activityColumns.${name}" has ${value.length} entries, "length" says ${length}`);
  }
  return value;
}

function fieldColumn(name: string, value: unknown, length: number): FieldColumn {
  const where = `"activityColumns.fields.${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`;
  if (name === 'start' || name === 'end') throw new ColumnsError(`${where}: start and end are given by the "start" and "duration" columns, not by a field`);
  if (!isRecord(value)) throw new ColumnsError(`${where} must be an object with "values", or "dictionary" and "index"`);
  if (Array.isArray(value.values)) return { name, values: column(value.values, length, `fields.${name}.values`) };
  if (!Array.isArray(value.dictionary) || !Array.isArray(value.index)) {
    throw new ColumnsError(`${where} must have "values", or "dictionary" and "index" (arrays)`);
  }
  const { dictionary } = value;
  const index = column(value.index, length, `fields.${name}.index`);
  for (let i = 0; i < length; i++) {
    const k = index[i];
    if (k !== null && !(typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < dictionary.length)) {
      throw new ColumnsError(`${where}: index ${i} is ${kindOf(k)}, not null or a position in its dictionary of ${dictionary.length}`);
    }
  }
  return { name, dictionary, index };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a ${typeof value}`;
}
