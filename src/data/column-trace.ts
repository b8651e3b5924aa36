/**
 * A trace whose activities came in columns (docs/rest-api.md, "Columnar pages"), validated and
 * prepared from the columns themselves for the elements' own store (`loadOwnTrace`,
 * src/data/provider.ts): no record object is built while loading, and an activity's instants are
 * never rewritten as strings. Its record — what `normalizeTrace` would have kept of it — is built
 * when something reads it (a list row on screen, the detail, an export), then kept.
 *
 * The checks are the records' own (`activityProblem`, `intervalProblem`, `talkProblem` of
 * src/model/records.ts), in the same order, so the warnings are the ones the decoded records
 * would have had, with the same indices.
 */
import { ACTIVITY_LANES, colourOf, laneOf } from '../model/catalog.js';
import { isoUtc } from '../model/instant.js';
import { handedOver, preparedCache } from '../model/parsed-cache.js';
import { activityOrder, emptyColumns, preparedIntervals } from '../model/prepared.js';
import {
  MAX_RECORDS_PER_LIST,
  WarningSink,
  activityProblem,
  idFrom,
  intervalListSteps,
  intervalProblem,
  talkProblem,
  withId,
} from '../model/records.js';
import { STEP_RECORDS } from '../model/steps.js';
import type { ActivityLane, ActivityType, NormalizeResult, PreparedActivity, PreparedColumns, PreparedTrace, TraceActivity, TraceData, TracePause, TraceSession } from '../model/types.js';
import type { OwnTrace } from './provider.js';
import { intervalAt, recordAt, valueAt, type ColumnPage, type FieldColumn } from './rest-columns.js';

/** The fields the validation reads; any other field column is kept as it came. */
const CHECKED = ['id', 'type', 'closed', 'talkSeconds', 'direction', 'title', 'queue', 'contact', 'ticketId'] as const;
type Checked = (typeof CHECKED)[number];

/** The pages of one load: sessions and pauses as records, the activities in columns, page after page. */
export class ColumnTrace implements OwnTrace {
  readonly length: number;
  /** Position of each page's first activity in the whole list. */
  readonly #firsts: number[] = [];
  /** Per page, {@link columnsOf}. */
  readonly #columns: Partial<Record<Checked, FieldColumn>>[] = [];
  #lastPage = 0;

  constructor(
    readonly sessions: readonly unknown[],
    readonly pauses: readonly unknown[],
    readonly pages: readonly ColumnPage[],
  ) {
    let length = 0;
    for (const page of pages) {
      this.#firsts.push(length);
      length += page.length;
    }
    this.length = length;
    // Built by the provider from its answers: checked in place, as handed-over records are.
    handedOver.add(sessions);
    handedOver.add(pauses);
  }

  steps(): Generator<void, NormalizeResult & { prepared: PreparedTrace }, void> {
    return columnSteps(this);
  }

  /** Activity `at` (a position in the whole list) as the page's record had it. */
  sent(at: number): Record<string, unknown> {
    const p = this.#pageOf(at);
    return recordAt(this.pages[p]!, at - this.#firsts[p]!) as unknown as Record<string, unknown>;
  }

  /** The field `name` (one the validation checked) of activity `at`, as its record has it. */
  field(name: Checked, at: number): unknown {
    const p = this.#pageOf(at);
    return read(this.columnsOf(p)[name], at - this.#firsts[p]!);
  }

  /** Page `p`'s columns of the fields the validation checks; made when first asked for, then kept. */
  columnsOf(p: number): Partial<Record<Checked, FieldColumn>> {
    return (this.#columns[p] ??= fieldColumns(this.pages[p]!));
  }

  /** The page activity `at` is on; the last one found is tried first (rows are mostly read in order). */
  #pageOf(at: number): number {
    const firsts = this.#firsts;
    const last = this.#lastPage;
    if (at >= firsts[last]! && (last + 1 === firsts.length || at < firsts[last + 1]!)) return last;
    this.#lastPage = this.#findPage(at);
    return this.#lastPage;
  }

  #findPage(at: number): number {
    const firsts = this.#firsts;
    let low = 0;
    let high = firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firsts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/**
 * What the prepared activities of one {@link ColumnTrace} read: each one's fields in typed arrays
 * and arrays, at its index (in the prepared, sorted order).
 */
interface ColumnTable {
  readonly trace: ColumnTrace;
  readonly columns: PreparedColumns;
  readonly kinds: readonly Kind[];
  readonly kindAt: Uint32Array;
  readonly ids: readonly string[];
  readonly closed: Uint8Array;
  /** `talkSeconds` as kept, NaN when absent. */
  readonly talk: Float64Array;
  readonly tickets: readonly (string | undefined)[];
  /** Position in the whole list the pages sent. */
  readonly at: Uint32Array;
}

/**
 * A prepared activity of a {@link ColumnTrace}: its fields are read from the load's
 * {@link ColumnTable} and its record is built when first read, then kept. An object of three
 * fields: a million of them are 24 MB instead of 56 (eleven fields, the engine's pointers being
 * four bytes), which the young generation copies while a large load is prepared.
 */
class ColumnActivity implements PreparedActivity {
  #record: TraceActivity | undefined;

  constructor(
    readonly index: number,
    private readonly table: ColumnTable,
  ) {}

  get id(): string {
    return this.table.ids[this.index]!;
  }

  get type(): ActivityType {
    return this.table.kinds[this.table.kindAt[this.index]!]!.type;
  }

  get lane(): ActivityLane {
    return this.table.kinds[this.table.kindAt[this.index]!]!.lane;
  }

  get start(): number {
    return this.table.columns.start[this.index]!;
  }

  /** `null` while running. */
  get end(): number | null {
    const end = this.table.columns.end[this.index]!;
    return end === Infinity ? null : end;
  }

  get closed(): boolean {
    return this.table.closed[this.index] === 1;
  }

  get talkSeconds(): number | undefined {
    const talk = this.table.talk[this.index]!;
    return Number.isNaN(talk) ? undefined : talk;
  }

  get ticketId(): string | undefined {
    return this.table.tickets[this.index];
  }

  /** Position in the whole list the pages sent. */
  get at(): number {
    return this.table.at[this.index]!;
  }

  /**
   * What the list's filter and sort read of the record (`rowFields`, src/report/activity-rows.ts):
   * this activity itself, whose `title`, `queue`, `contact` and `direction` read the columns and
   * whose `ticketId` is the record's, so that filtering a million rows builds no record.
   */
  get fields(): Pick<TraceActivity, 'title' | 'queue' | 'contact' | 'direction' | 'ticketId'> {
    return this;
  }

  get title(): string | undefined {
    return this.table.trace.field('title', this.at) as string | undefined;
  }

  get queue(): string | undefined {
    return this.table.trace.field('queue', this.at) as string | undefined;
  }

  get contact(): string | undefined {
    return this.table.trace.field('contact', this.at) as string | undefined;
  }

  get direction(): TraceActivity['direction'] {
    return this.table.trace.field('direction', this.at) as TraceActivity['direction'];
  }

  /**
   * The record as `normalizeTrace` keeps it: the one the page sent, with the id and `ticketId` as
   * strings, the instants as ISO UTC strings and `talkSeconds` cut to the length (the validation
   * found every other field valid, and the page's records have no `null` fields to drop).
   */
  get record(): TraceActivity {
    if (this.#record === undefined) {
      const record = this.table.trace.sent(this.at);
      record.id = this.id;
      record.start = isoUtc(this.start, record.start);
      record.end = this.end === null ? null : isoUtc(this.end, record.end);
      if (record.ticketId !== undefined) record.ticketId = this.ticketId;
      if (record.talkSeconds !== undefined) record.talkSeconds = this.talkSeconds;
      this.#record = record as TraceActivity;
    }
    return this.#record;
  }
}

/** The validated data of a {@link ColumnTrace}: `activities` built on first read (nothing of the library reads it). */
class ColumnData implements TraceData {
  #activities: TraceActivity[] | undefined;

  constructor(
    readonly sessions: TraceSession[],
    readonly pauses: TracePause[],
    private readonly prepared: readonly ColumnActivity[],
  ) {}

  /** In the order the pages sent them, as `normalizeTrace` lists them. */
  get activities(): TraceActivity[] {
    return (this.#activities ??= [...this.prepared].sort((a, b) => a.at - b.at).map((a) => a.record));
  }
}

function* columnSteps(trace: ColumnTrace): Generator<void, NormalizeResult & { prepared: PreparedTrace }, void> {
  const sink = new WarningSink();
  const { sessions, pauses } = yield* intervalListSteps({ sessions: trace.sessions, pauses: trace.pauses }, sink, true);
  let n = trace.length;
  if (n > MAX_RECORDS_PER_LIST) {
    sink.add({ kind: 'array-too-long', message: `"activities" has ${n} entries, over the limit of ${MAX_RECORDS_PER_LIST}; treated as empty.` });
    n = 0;
  }
  const keptAt = new Uint32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const ids = new Array<string>(n);
  /** Each kept activity's type, as a position in `kinds`. */
  const kindAt = new Uint32Array(n);
  const kinds = new Kinds();
  const closed = new Uint8Array(n);
  /** `talkSeconds` as kept (cut to the length), NaN when absent. */
  const talk = new Float64Array(n);
  const tickets = new Array<string | undefined>(n);
  // The usual answer repeats no id: then the loop needs no table of the ids kept (one cache miss
  // an id in a table of 16 MB at a million); else it keeps one and tells which is the repeat.
  const repeats = yield* mayRepeat(n, (at) => idFrom(trace.field('id', at)));
  const seen = repeats ? new KeptIds(ids, n) : null;
  const ms = { start: 0, end: 0 };
  const sent: { start: unknown; end: unknown } = { start: null, end: null };
  let kept = 0;
  let at = 0;
  for (let p = 0; n > 0 && p < trace.pages.length; p++) {
    const page = trace.pages[p]!;
    const c = trace.columnsOf(p);
    const [cId, cType, cClosed, cTalk, cDirection, cTitle, cQueue, cContact, cTicket] = CHECKED.map((name) => c[name]);
    for (let i = 0; i < page.length; i++, at++) {
      if (at % STEP_RECORDS === STEP_RECORDS - 1) yield;
      const rawId = read(cId, i);
      const type = read(cType, i);
      const isClosed = read(cClosed, i);
      const talkSeconds = read(cTalk, i);
      const ticketId = read(cTicket, i);
      const bad = activityProblem(rawId, type, isClosed, talkSeconds, read(cDirection, i), read(cTitle, i), read(cQueue, i), read(cContact, i), ticketId);
      if (bad !== null) {
        sink.add(withId({ kind: bad.kind, index: at, message: bad.message }, idFrom(rawId)));
        continue;
      }
      const id = idFrom(rawId)!;
      intervalAt(page, i, sent);
      const badInterval = intervalProblem('activity', sent.start, sent.end, ms);
      if (badInterval !== null) {
        sink.add(withId({ kind: badInterval.kind, index: at, message: badInterval.message }, id));
        continue;
      }
      if (seen !== null && !seen.add(id, kept)) {
        sink.add({ kind: 'activity-duplicate-id', index: at, id, message: `Activity id "${id}" was already used by an earlier record; this one is left out.` });
        continue;
      }
      const cut = talkProblem(talkSeconds, ms);
      if (cut !== null) sink.add(withId({ kind: cut.kind, index: at, message: cut.message }, id));
      keptAt[kept] = at;
      start[kept] = ms.start;
      end[kept] = ms.end;
      ids[kept] = id;
      kindAt[kept] = kinds.of(type as string);
      closed[kept] = isClosed === true ? 1 : 0;
      talk[kept] = cut !== null ? (ms.end - ms.start) / 1000 : typeof talkSeconds === 'number' ? talkSeconds : Number.NaN;
      tickets[kept] = typeof ticketId === 'number' ? String(ticketId) : (ticketId as string | undefined);
      kept++;
    }
  }
  const starts = start.subarray(0, kept);
  const ends = end.subarray(0, kept);
  const order = activityOrder(starts, ends, (i) => ids[i]!);
  const activities = new Array<ColumnActivity>(kept);
  const columns = emptyColumns(kept);
  // The fields again in the prepared order, each activity's at its index: what the activities read.
  const byIndex = {
    kindAt: new Uint32Array(kept),
    ids: new Array<string>(kept),
    closed: new Uint8Array(kept),
    talk: new Float64Array(kept),
    tickets: new Array<string | undefined>(kept),
    at: new Uint32Array(kept),
  };
  const table: ColumnTable = { trace, columns, kinds: kinds.list, ...byIndex };
  // Allocated in sorted order, so that sweeps over them walk memory in order.
  for (let index = 0; index < kept; index++) {
    if (index % STEP_RECORDS === STEP_RECORDS - 1) yield;
    const i = order[index]!;
    const kind = kinds.list[kindAt[i]!]!;
    const e = ends[i]!;
    activities[index] = new ColumnActivity(index, table);
    byIndex.kindAt[index] = kindAt[i]!;
    byIndex.ids[index] = ids[i]!;
    byIndex.closed[index] = closed[i]!;
    byIndex.talk[index] = talk[i]!;
    byIndex.tickets[index] = tickets[i];
    byIndex.at[index] = keptAt[i]!;
    // As setColumns (src/model/prepared.ts) fills them, with the lane and colour found once per type.
    columns.start[index] = starts[i]!;
    columns.end[index] = Number.isNaN(e) ? Infinity : e;
    columns.lane[index] = kind.laneIndex;
    columns.colour[index] = kind.colour;
  }
  const parsed = { sessionStart: sessions.start, sessionEnd: sessions.end, pauseStart: pauses.start, pauseEnd: pauses.end };
  const data = new ColumnData(sessions.records, pauses.records, activities);
  const prepared: PreparedTrace = { ...preparedIntervals(data, parsed), activities, columns };
  preparedCache.set(data, prepared);
  return { data, warnings: sink.result(), prepared };
}

/** An activity type of one load with its lane and colour. */
interface Kind {
  type: string;
  lane: ActivityLane;
  laneIndex: number;
  colour: number;
}

/** The activity types of one load, each with its lane and colour, looked up in the catalogue once. */
class Kinds {
  readonly list: Kind[] = [];
  readonly #positions = new Map<string, number>();
  #last = '';
  #lastPosition = -1;

  /** The position of `type` in {@link list}, which gets it when it is new. */
  of(type: string): number {
    if (type === this.#last) return this.#lastPosition;
    let position = this.#positions.get(type);
    if (position === undefined) {
      position = this.list.length;
      const lane = laneOf(type);
      this.list.push({ type, lane, laneIndex: ACTIVITY_LANES.indexOf(lane), colour: colourOf(type) });
      this.#positions.set(type, position);
    }
    this.#last = type;
    this.#lastPosition = position;
    return position;
  }
}

/** FNV-1a of an id's length and its last 16 code units: ids that differ tell apart at their end ("…:2026-03-04:123"). */
function idHash(id: string): number {
  const length = id.length;
  let hash = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  for (let c = length > 16 ? length - 16 : 0; c < length; c++) hash = Math.imul(hash ^ id.charCodeAt(c), 0x01000193);
  return hash;
}

/** Ids a group of {@link mayRepeat} holds about: its table (twice as many slots) stays in the cache. */
const IDS_PER_GROUP = 8192;

/**
 * Whether the `count` ids `idAt` reads (`undefined`: none) may hold one twice: `false` only when
 * none is there twice, `true` when one is — or when the ids collide too much to tell cheaply
 * (made to: provider data is untrusted; past eight probes an id on average it stops). Pauses every
 * few thousand. The ids' hashes ({@link idHash}) in one pass, the ids grouped by the hash's top
 * bits (a counting sort), then each group's ids in a table of its own that fits the cache: at a
 * million ids a few passes over typed arrays instead of a cache miss an id.
 */
export function* mayRepeat(count: number, idAt: (k: number) => string | undefined): Generator<void, boolean, void> {
  const hashes = new Int32Array(count);
  const present = new Uint8Array(count);
  const bits = Math.max(0, Math.ceil(Math.log2(count / IDS_PER_GROUP)));
  const groups = 2 ** bits;
  const groupOf = (hash: number): number => (bits === 0 ? 0 : hash >>> (32 - bits));
  const starts = new Uint32Array(groups + 1);
  for (let k = 0; k < count; k++) {
    if (k % STEP_RECORDS === STEP_RECORDS - 1) yield;
    const id = idAt(k);
    if (id === undefined) continue;
    const hash = idHash(id);
    hashes[k] = hash;
    present[k] = 1;
    starts[groupOf(hash) + 1]!++;
  }
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
  // Each id's position and hash in the order of the groups, so that a group reads its own stretch.
  const byGroup = new Uint32Array(starts[groups]!);
  const groupHashes = new Int32Array(starts[groups]!);
  const next = starts.slice(0, groups);
  for (let k = 0; k < count; k++) {
    if (present[k] !== 1) continue;
    const hash = hashes[k]!;
    const p = next[groupOf(hash)]!++;
    byGroup[p] = k;
    groupHashes[p] = hash;
  }
  yield;
  let probes = 0;
  const maxProbes = 8 * count + 64;
  let slots = new Int32Array(0);
  for (let g = 0; g < groups; g++) {
    const from = starts[g]!;
    const to = starts[g + 1]!;
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, (to - from) * 2)));
    if (slots.length < size) slots = new Int32Array(size);
    else slots.fill(0, 0, size);
    const mask = size - 1;
    for (let p = from; p < to; p++) {
      if (p % STEP_RECORDS === STEP_RECORDS - 1) yield;
      const hash = groupHashes[p]!;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        // The slot holds a position in the group order plus one (0: free).
        const q = slots[slot]!;
        if (q === 0) {
          slots[slot] = p + 1;
          break;
        }
        if (groupHashes[q - 1] === hash && idAt(byGroup[q - 1]!) === idAt(byGroup[p]!)) return true;
        if (++probes > maxProbes) return true;
      }
    }
  }
  return false;
}

/**
 * The ids kept so far, to find a repeated one: an open-addressing table of positions in `ids` and
 * their hashes (FNV-1a of the id's length and last 16 code units), so that a probe compares two
 * numbers on one cache line and reads an id only when the hashes match. About five times as fast as
 * a `Set` of a million strings fresh from `JSON.parse` (a `Set` hashes each one and grows in
 * steps). Ids made to collide (provider data is untrusted) cannot make it quadratic: past eight
 * probes an id on average it moves to a `Set`.
 */
export class KeptIds {
  readonly #ids: readonly string[];
  /** Slot `s` is `[2s]` the position in `ids` plus one (0: free) and `[2s + 1]` its id's hash. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #maxProbes: number;
  #probes = 0;
  #set: Set<string> | null = null;

  /** `ids`: the kept ids (the caller writes entry `k` after `add(id, k)` said `true`); `capacity`: how many at most, else slower. */
  constructor(ids: readonly string[], capacity: number) {
    this.#ids = ids;
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    // Zeroed memory is free: a million ids' table (16 MB) costs no fill.
    this.#slots = new Int32Array(2 * size);
    this.#mask = size - 1;
    this.#maxProbes = 8 * capacity + 64;
  }

  /** `false` when `id` is among the ids kept so far; else `true`, and `id` is kept as entry `k` of `ids`. */
  add(id: string, k: number): boolean {
    if (this.#set !== null) return this.#set.size !== this.#set.add(id).size;
    const hash = idHash(id);
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot << 1;
      const j = slots[at]!;
      if (j === 0) {
        slots[at] = k + 1;
        slots[at + 1] = hash;
        return true;
      }
      if (slots[at + 1] === hash && this.#ids[j - 1] === id) return false;
      if (++this.#probes > this.#maxProbes) {
        this.#set = new Set(this.#ids.slice(0, k));
        return this.add(id, k);
      }
    }
  }
}

/** Activity `i`'s value in `column`; absent (`undefined`) as in the page's record, which has no field for `null`. */
function read(column: FieldColumn | undefined, i: number): unknown {
  if (column === undefined) return undefined;
  const value = valueAt(column, i);
  return value === null ? undefined : value;
}

/** The page's columns of the fields the validation reads. */
function fieldColumns(page: ColumnPage): Partial<Record<Checked, FieldColumn>> {
  const out: Partial<Record<Checked, FieldColumn>> = {};
  for (const column of page.fields) if ((CHECKED as readonly string[]).includes(column.name)) out[column.name as Checked] = column;
  return out;
}
