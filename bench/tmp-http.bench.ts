/**
 * The path a supervisor waits for (issue 15): `<user-trace>` with the timeline, the statistics and
 * the activity list, `RestProvider` over real HTTP to the demo API (`/bench-api/{size}/`, served by
 * the test runner: server/wtr-api-plugin.mjs), the load-test user's week of 1 000 … 1 000 000
 * activities, Lit's production build (web-test-runner.bench.config.mjs resolves the `production`
 * export condition). Beside each figure: total blocking time and the longest main-thread task, and
 * the floors measured in the same run on the same bytes.
 *
 *   npx web-test-runner --config web-test-runner.bench.config.mjs bench/http-path.bench.ts
 *
 * Always passes; prints medians (ms) to the browser log. What every row spans: bench/README.md.
 */
import '../src/elements/container/define.js';
import '../src/elements/timeline/define.js';
import '../src/elements/stats/define.js';
import '../src/elements/activities/define.js';
import type { UserTraceContainerElement } from '../src/elements/container/container.js';
import { lastPaintOf, type PaintRecord } from '../src/elements/timeline/plot-canvas-controller.js';
import { laneOf, ACTIVITY_LANES } from '../src/model/catalog.js';
import { RestProvider } from '../src/data/rest-provider.js';
import { COLUMNS_TYPE } from '../src/data/rest-columns.js';

const ZONE = 'Europe/Prague';
/** Two weeks of the same size: each query change is a new load of the same amount of data. */
const WEEKS = ['2026-03-04', '2026-03-11'] as const;
const WIDTH = 1400;
const MB = 1024 * 1024;
/** Sizes and how many measured loads each (after one warm-up load of each week). */
const SIZES: readonly { size: number; runs: number }[] = [
  
  
  { size: 100_000, runs: 5 },
  { size: 1_000_000, runs: 2 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
/** Resolves after the next frame has been produced (rAF runs before paint; the task after it, after). */
const painted = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

function heap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
}
const gc = (): void => (globalThis as unknown as { gc?: () => void }).gc?.();

/**
 * What the main thread did between `start()` and `stop()`: the long tasks the browser reports
 * (`longtask`, tasks ≥ 50 ms) and the longest gap between two ticks of a `setTimeout(0)` chain —
 * how long an ordinary task had to wait. Work resumed by `scheduler.yield()` runs before timers,
 * so while validation runs in slices this gap spans many short tasks, not one long one.
 */
class MainThreadProbe {
  readonly #tasks: PerformanceEntry[] = [];
  readonly #observer = new PerformanceObserver((list) => this.#tasks.push(...list.getEntries()));
  #from = 0;
  #to = 0;
  #last = 0;
  #maxGap = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  start(): void {
    this.#observer.observe({ type: 'longtask' });
    this.#from = this.#last = performance.now();
    const tick = (): void => {
      const now = performance.now();
      this.#maxGap = Math.max(this.#maxGap, now - this.#last);
      this.#last = now;
      this.#timer = setTimeout(tick, 0);
    };
    this.#timer = setTimeout(tick, 0);
  }

  /** Stops, after the browser delivered the last entries. */
  async stop(): Promise<{ tbt: number; longest: number; count: number; maxGap: number }> {
    this.#to = performance.now();
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#maxGap = Math.max(this.#maxGap, this.#to - this.#last);
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.#tasks.push(...this.#observer.takeRecords());
    this.#observer.disconnect();
    const inside = this.#tasks.filter((t) => t.startTime + t.duration > this.#from && t.startTime < this.#to);
    return {
      tbt: inside.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longest: inside.reduce((max, t) => Math.max(max, t.duration), 0),
      count: inside.length,
      maxGap: this.#maxGap,
    };
  }
}

interface Run {
  total: number;
  first: number;
  tbt: number;
  longest: number;
  maxGap: number;
  activities: number;
  heapMb: number;
}

/** The trace pages' encoding: activities in columns (what `RestProvider` asks for) or as records (`columns: false`). */
type Wire = 'columns' | 'records';
/** Columns first: the records' block then also prints the columnar path against the records' floor. */
const WIRES: readonly Wire[] = ['columns'];
const ACCEPT: Record<Wire, string> = { columns: `${COLUMNS_TYPE}, application/json;q=0.9`, records: 'application/json' };

async function mount(size: number, wire: Wire): Promise<{ page: UserTraceContainerElement; timeline: HTMLElement }> {
  const host = document.createElement('div');
  host.style.width = `${WIDTH}px`;
  document.body.append(host);
  const page = document.createElement('user-trace') as UserTraceContainerElement;
  page.lang = 'cs';
  page.setAttribute('time-zone', ZONE);
  page.setAttribute('period', 'week');
  page.setAttribute('date', WEEKS[1]);
  page.setAttribute('user-id', 'load-test');
  const timeline = document.createElement('user-trace-timeline');
  page.append(timeline, document.createElement('user-trace-stats'), document.createElement('user-trace-activities'));
  host.append(page);
  page.provider = new RestProvider({ baseUrl: `/bench-api/${size}`, columns: wire === 'columns' });
  return { page, timeline };
}

/** The timeline's next paint after `previous` that drew activities: polled once per frame. */
async function nextPaint(timeline: HTMLElement, previous: PaintRecord | undefined): Promise<PaintRecord> {
  for (;;) {
    const record = lastPaintOf(timeline);
    if (record !== undefined && record !== previous && record.stats.binned > 0) return record;
    await frame();
  }
}

/** One query change (the week): from setting `date` to the frame painted with the new week's data. */
async function queryChange(page: UserTraceContainerElement, timeline: HTMLElement, date: string): Promise<Run> {
  gc();
  const before = heap();
  // The forced collection's task ends before the span starts: a long task that overlaps the span
  // counts whole, and this one is the benchmark's, not the path's.
  await painted();
  const previous = lastPaintOf(timeline);
  let activities = 0;
  const loaded = new Promise<void>((resolve) =>
    page.addEventListener(
      'user-trace-load',
      (event) => {
        activities = (event as CustomEvent<{ activities: number }>).detail.activities;
        resolve();
      },
      { once: true },
    ),
  );
  const shown = (): string | undefined => page.store.snapshot.view?.period.range.start;
  const old = shown();
  const probe = new MainThreadProbe();
  probe.start();
  const t0 = performance.now();
  page.date = date;
  // The first frame after a paint of the new week's data, whole or a first page of it.
  let first = Number.NaN;
  void (async () => {
    let seen = previous;
    while (Number.isNaN(first)) {
      const record = lastPaintOf(timeline);
      if (record !== seen && shown() !== old) first = (await painted()) - t0;
      seen = record;
      if (Number.isNaN(first)) await frame();
    }
  })();
  await loaded;
  // The paint of the new data comes after the load event (the paint of the kept old week does not count).
  let record = await nextPaint(timeline, previous);
  while (record.stats.binned === 0) record = await nextPaint(timeline, record);
  const t1 = await painted();
  const main = await probe.stop();
  return { total: t1 - t0, first: Number.isNaN(first) ? t1 - t0 : Math.min(first, t1 - t0), ...main, activities, heapMb: (heap() - before) / MB };
}

interface Floors {
  bytes: number;
  pages: number;
  fetchParse: number;
  parse: number;
  dateParse: number;
  bin: number;
}

/**
 * The floors on the same bytes: the same page URLs fetched one after the other as `RestProvider`
 * does (cursor by cursor) with `text()` + `JSON.parse`; `Date.parse` of every start and end; and
 * binning the activities into 5 lanes × 1400 px columns from `Float64Array`s (the canvas's work
 * without drawing).
 */
async function floors(size: number, start: string, end: string, wire: Wire): Promise<Floors> {
  gc();
  const pages: unknown[] = [];
  let bytes = 0;
  let parse = 0;
  let cursor: string | null = null;
  const t0 = performance.now();
  do {
    const params: Record<string, string> = { start, end };
    if (cursor !== null) params.cursor = cursor;
    const url = new URL(`/bench-api/${size}/users/load-test/trace?${new URLSearchParams(params).toString()}`, location.href).href;
    const response = await fetch(url, { headers: { accept: ACCEPT[wire] } });
    const text = await response.text();
    bytes += text.length;
    const p0 = performance.now();
    const body = JSON.parse(text) as { nextCursor: string | null };
    parse += performance.now() - p0;
    pages.push(body);
    cursor = body.nextCursor;
  } while (cursor);
  const fetchParse = performance.now() - t0;

  type Rec = { start: string; end?: string | null; type?: string };
  type Columns = { length: number; base: number; start: number[]; duration: (number | null)[]; fields: { type: { dictionary: string[]; index: number[] } } };
  const all = (key: 'sessions' | 'pauses' | 'activities'): Rec[] => pages.flatMap((p) => (p as Record<string, Rec[]>)[key] ?? []);
  const records = [...all('sessions'), ...all('pauses')];
  const activities = all('activities');
  const columns = pages.map((p) => (p as { activityColumns?: Columns }).activityColumns).filter((c) => c !== undefined);
  const n = activities.length + columns.reduce((sum, c) => sum + c.length, 0);
  const d0 = performance.now();
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i]!;
    starts[i] = Date.parse(a.start);
    ends[i] = a.end == null ? Number.NaN : Date.parse(a.end);
  }
  // In columns the instants are numbers already: base + offset, + duration.
  let k = activities.length;
  for (const c of columns) {
    for (let i = 0; i < c.length; i++, k++) {
      starts[k] = c.base + c.start[i]!;
      const d = c.duration[i];
      ends[k] = d === null || d === undefined ? Number.NaN : starts[k]! + d;
    }
  }
  let sink = 0;
  for (const r of records) sink += Date.parse(r.start) + (r.end == null ? 0 : Date.parse(r.end));
  const dateParse = performance.now() - d0;

  const lanes = new Uint8Array(n);
  for (let i = 0; i < activities.length; i++) lanes[i] = ACTIVITY_LANES.indexOf(laneOf(activities[i]!.type ?? ''));
  k = activities.length;
  for (const c of columns) {
    const byType = c.fields.type.dictionary.map((type) => ACTIVITY_LANES.indexOf(laneOf(type)));
    for (let i = 0; i < c.length; i++) lanes[k++] = byType[c.fields.type.index[i]!]!;
  }
  const b0 = performance.now();
  const from = Date.parse(start);
  const pxPerMs = WIDTH / (Date.parse(end) - from);
  const bins = new Float64Array(ACTIVITY_LANES.length * WIDTH);
  for (let i = 0; i < n; i++) {
    const x0 = Math.max(0, Math.floor((starts[i]! - from) * pxPerMs));
    const x1 = Math.min(WIDTH - 1, Math.floor(((Number.isNaN(ends[i]!) ? starts[i]! : ends[i]!) - from) * pxPerMs));
    const row = lanes[i]! * WIDTH;
    for (let x = x0; x <= x1; x++) bins[row + x]! += 1;
  }
  const bin = performance.now() - b0;
  sink += bins[0]!;
  if (Number.isNaN(sink)) console.log('');
  return { bytes, pages: pages.length, fetchParse, parse, dateParse, bin };
}

const fmt = (ms: number): string => ms.toFixed(1).padStart(8);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`.padStart(7);

describe('HTTP → painted, the user’s path', () => {
  it('1k, 10k, 100k and 1M activities a week', async () => {
    const lines: string[] = [];
    let columnsTotal = Number.NaN;
    const litDev = 'litIssuedWarnings' in globalThis;
    lines.push(`Lit ${litDev ? 'DEVELOPMENT' : 'production'} build; ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}`);
    for (const { size, runs } of SIZES) {
      for (const wire of WIRES) {
        const { page, timeline } = await mount(size, wire);
        // Warm-up: both weeks once (the server keeps their bodies; the chunks load).
        const weekOf = (i: number): string => WEEKS[i % 2 === 0 ? 0 : 1];
        await queryChange(page, timeline, weekOf(0));
        await queryChange(page, timeline, weekOf(1));
        const measured: Run[] = [];
        for (let i = 0; i < runs; i++) measured.push(await queryChange(page, timeline, weekOf(i)));
        const range = page.store.snapshot.period!.range;
        const floor: Floors[] = [];
        for (let i = 0; i < Math.min(runs, 3); i++) floor.push(await floors(size, range.start, range.end, wire));
        page.parentElement!.remove();

        const m = (key: keyof Run): number => median(measured.map((r) => r[key]));
        const most = (key: keyof Run): number => Math.max(...measured.map((r) => r[key]));
        const f = (key: keyof Floors): number => median(floor.map((r) => r[key]));
        const total = m('total');
        const base = f('fetchParse') + f('bin');
        const withDates = base + f('dateParse');
        const label = `${size.toLocaleString('en').replace(/,/g, ' ')} a week, ${wire === 'columns' ? 'activities in columns' : 'records (columns: false)'}`;
        const own = wire === 'columns' ? 'base + offset and duration of every activity  ' : 'Date.parse of every start and end             ';
        const block = [
          '',
          `${label}: ${Math.round(m('activities'))} activities, ${f('pages')} pages, ${(f('bytes') / MB).toFixed(1)} MB of JSON; median of ${runs} (min ${fmt(Math.min(...measured.map((r) => r.total))).trim()}, max ${fmt(Math.max(...measured.map((r) => r.total))).trim()})`,
          `  query change → painted (date set → frame after the canvas drew the new week)   ${fmt(total)} ms`,
          `  query change → first painted data (a first page while the rest loads, or all)   ${fmt(m('first'))} ms`,
          `  total blocking time (Σ longtask − 50 ms, same span)                             ${fmt(m('tbt'))} ms  (worst run ${fmt(most('tbt'))})`,
          `  longest task (longtask entries, rendering included)                             ${fmt(m('longest'))} ms  (worst run ${fmt(most('longest'))})`,
          `  longest wait of a setTimeout(0) (yielded slices run before timers)              ${fmt(m('maxGap'))} ms`,
          `  heap grown over the load (garbage included)                                     ${fmt(m('heapMb'))} MB`,
          `  floor: fetch + text() + JSON.parse of the same pages, in sequence               ${fmt(f('fetchParse'))} ms  (JSON.parse alone ${f('parse').toFixed(1)})`,
          `  floor: ${own}                  ${fmt(f('dateParse'))} ms`,
          `  floor: binning into ${ACTIVITY_LANES.length} lanes × ${WIDTH} px from Float64Arrays                           ${fmt(f('bin'))} ms`,
          `  ratio: path / (fetch + JSON.parse + binning)                                    ${ratio(total, base)}`,
          `  ratio: path / (fetch + JSON.parse + ${wire === 'columns' ? 'instants' : 'Date.parse'} + binning)                       ${ratio(total, withDates)}`,
        ];
        if (wire === 'records' && Number.isFinite(columnsTotal)) {
          block.push(`  columns: path in columns / this floor of records (fetch + JSON.parse + binning) ${ratio(columnsTotal, base)}`);
        }
        if (wire === 'columns') columnsTotal = total;
        lines.push(...block);
        console.log(block.join('\n'));
      }
      columnsTotal = Number.NaN;
    }
    console.log(`\nHTTP → painted (bench/http-path.bench.ts)\n${lines.join('\n')}`);
  });
});
