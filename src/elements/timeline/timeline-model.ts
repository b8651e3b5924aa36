/**
 * The timeline's data model: what one loaded view looks like in one mode — rows, lane layout,
 * the activities of the period in time order, where each is drawn and what is at a point.
 * Pure: no DOM, no Lit; the element and its controllers ask it.
 */
import type { PreparedActivity } from '../../model/types.js';
import { ACTIVITY_LANES } from '../../model/catalog.js';
import { columnEndAt, endAt, overlaps } from '../../model/interval.js';
import type { TraceView } from '../../data/store.js';
import { hourRows } from '../../time/index.js';
import { laneIndexOf, type LaneIndex } from './bins.js';
import {
  FULL_WINDOW,
  MIN_VISIBLE_MS,
  axisOf,
  clampWindow,
  fractionOf,
  plotLayout,
  rowIndexAt,
  rowsOf,
  visibleRange,
  type LaneKey,
  type PlotLayout,
  type RowGap,
  type TimelineMode,
  type TimelineRow,
  type ZoomWindow,
} from './layout.js';
import { idleSpans, statusSegments, type StatusSegment } from './status.js';
import { unionSpans, type Span } from '../../stats/intervals.js';

/** Everything derived from one loaded view for one mode; rebuilt only when those change. */
export interface TimelineModel {
  view: TraceView;
  mode: TimelineMode;
  timeZone: string;
  rows: TimelineRow[];
  layout: PlotLayout;
  index: LaneIndex;
  /** Positions in `prepared.activities` of the activities in the period, in time order. */
  order: Int32Array;
  /** Position in `order` of each prepared activity (-1 when outside the period). */
  rank: Int32Array;
  /** Activities in the period per lane, in `ACTIVITY_LANES` order (the summary reads them on every render). */
  laneCount: Int32Array;
  periodStart: number;
  periodEnd: number;
  /** Week rows share one wall-clock axis (built with the week code's `weekGaps`). */
  aligned: boolean;
  /** Minutes view: every hour of the day, not only those holding a session, a pause or an activity. */
  allHours: boolean;
}

/** Where an activity is drawn, in CSS px relative to the plot. */
export interface ActivityBox {
  row: number;
  lane: LaneKey;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Fractions of the row's visible axis (0–1). */
  from: number;
  to: number;
}

/** What is at a point of the plot. */
export type Hit =
  | { kind: 'activity'; index: number; count: number; x: number; y: number }
  | { kind: 'status'; segment: StatusSegment | null; x: number; y: number; idle?: Span | null };

/**
 * The model of `view` in `mode`. A live tick (same data, new "now") keeps `previous` and
 * everything derived from the data.
 */
export function buildTimelineModel(
  view: TraceView,
  mode: TimelineMode,
  timeZone: string,
  previous: TimelineModel | null,
  weekGaps?: (hoursPerDay: ReturnType<typeof hourRows>[]) => RowGap[][],
  allHours = false,
): TimelineModel {
  const aligned = mode === 'week' && weekGaps !== undefined;
  if (
    previous && previous.view.prepared === view.prepared && previous.view.period === view.period && previous.mode === mode &&
    previous.timeZone === timeZone && previous.aligned === aligned && previous.allHours === allHours
  ) {
    previous.view = view;
    return previous;
  }
  const period = view.period;
  const firstDay = period.days[0];
  const gaps = aligned ? weekGaps!(period.days.map((d) => hourRows(d.date, timeZone))) : [];
  const hours = mode === 'minutes' && firstDay ? hourRows(firstDay.date, timeZone) : [];
  const rows = rowsOf(mode, period.days, allHours ? hours : activeHours(hours, view.prepared, view.now), gaps);
  const index = laneIndexOf(view.prepared);
  const lanes: LaneKey[] = ['status', ...ACTIVITY_LANES.filter((lane) => lane !== 'other' || index.hasOther)];
  const count = view.prepared.activities.length;
  const rank = new Int32Array(count);
  const order = new Int32Array(count);
  const laneCount = new Int32Array(ACTIVITY_LANES.length);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const start = index.starts[i]!;
    const end = columnEndAt(start, index.ends[i]!, view.now);
    if (overlaps(start, end, period.startMs, period.endMs)) {
      rank[i] = n;
      order[n++] = i;
      laneCount[view.prepared.columns.lane[i]!]!++;
    } else {
      rank[i] = -1;
    }
  }
  return {
    view,
    mode,
    timeZone,
    rows,
    layout: plotLayout(mode, lanes, rows.length),
    index,
    order: order.subarray(0, n),
    rank,
    laneCount,
    periodStart: period.startMs,
    periodEnd: period.endMs,
    aligned,
    allHours,
  };
}

/**
 * The hours holding a session, a pause or an activity (running ones end at `now`) — what the
 * Minutes view shows unless asked for all; every hour when none does.
 */
export function activeHours<H extends { startMs: number; endMs: number }>(hours: readonly H[], prepared: TimelineModel['view']['prepared'], now: number): H[] {
  if (!hours.length) return [];
  const from = hours[0]!.startMs;
  const to = hours[hours.length - 1]!.endMs;
  const spans: Span[] = [];
  for (const list of [prepared.sessions, prepared.pauses, prepared.activities]) {
    for (const item of list) {
      const end = endAt(item.start, item.end, now);
      if (overlaps(item.start, end, from, to)) spans.push({ start: item.start, end });
    }
  }
  const busy = unionSpans(spans);
  const shown = hours.filter((h) => busy.some((s) => overlaps(s.start, s.end, h.startMs, h.endMs)));
  return shown.length ? shown : [...hours];
}

/**
 * The zoom window from the first login to the last logout of `sessions` within `row` (running
 * sessions end at `now`), with a quarter hour either side; the whole row when there is no session.
 */
export function fitToSessions(sessions: readonly { start: number; end: number | null }[], row: TimelineRow, now: number, minSpan: number): ZoomWindow {
  let first = Infinity;
  let last = -Infinity;
  for (const s of sessions) {
    const end = endAt(s.start, s.end, now);
    if (!overlaps(s.start, end, row.startMs, row.endMs)) continue;
    first = Math.min(first, Math.max(s.start, row.startMs));
    last = Math.max(last, Math.min(end, row.endMs));
  }
  if (!(last > first)) return FULL_WINDOW;
  const margin = 15 * 60_000;
  const from = fractionOf(Math.max(row.axisStart, first - margin), row.axisStart, row.axisEnd);
  const to = fractionOf(Math.min(row.axisEnd, last + margin), row.axisStart, row.axisEnd);
  return clampWindow({ from, to }, minSpan);
}

/** The smallest zoom span (fraction of a row): one minute. */
export function minSpan(model: TimelineModel): number {
  const row = model.rows[0];
  return row ? Math.min(1, MIN_VISIBLE_MS / (row.axisEnd - row.axisStart)) : 1;
}

/** The drawn box of an activity: in the row where its visible part starts. */
export function boxOf(model: TimelineModel, a: PreparedActivity, width: number, zoom: ZoomWindow, now: number): ActivityBox | null {
  return spanBox(model, a.lane, a.start, endAt(a.start, a.end, now), width, zoom);
}

/** The drawn box of `[start, end)` in `lane` (a status stop in `status`): in the row where its visible part starts. */
export function spanBox(model: TimelineModel, lane: LaneKey, start: number, end: number, width: number, zoom: ZoomWindow): ActivityBox | null {
  const first = Math.max(start, model.periodStart);
  let row = rowIndexAt(model.rows, first);
  if (row < 0) row = first >= model.periodEnd ? model.rows.length - 1 : 0;
  const r = model.rows[row];
  const band = model.layout.lanes.find((b) => b.lane === lane);
  if (!r || !band) return null;
  const visible = visibleRange(r, zoom);
  const from = fractionOf(axisOf(r, Math.max(start, r.startMs)), visible.start, visible.end);
  const to = fractionOf(axisOf(r, Math.min(end, r.endMs)), visible.start, visible.end);
  const left = Math.max(0, Math.min(1, from)) * width;
  const right = Math.max(0, Math.min(1, to)) * width;
  return { row, lane, left, top: row * model.layout.rowHeight + band.top, width: right - left, height: band.height, from, to };
}

const statusCache = new WeakMap<TimelineModel, { now: number; segments: StatusSegment[]; idle: Span[] }>();

/** The Status lane of the shown period at `now` — its segments and idle time —, computed once per model and clock. */
export function statusOf(model: TimelineModel, now: number): { segments: StatusSegment[]; idle: Span[] } {
  const cached = statusCache.get(model);
  if (cached?.now === now) return cached;
  const segments = statusSegments(model.view.prepared, model.periodStart, model.periodEnd, now);
  const entry = { now, segments, idle: idleSpans(model.view.prepared, segments, now) };
  statusCache.set(model, entry);
  return entry;
}
