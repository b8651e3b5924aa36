/**
 * Bad-input benchmark (issue "Hardening the boundary"): what hostile or broken provider data costs.
 * Runs in headless Chromium with exact `performance.memory` and `gc()` (web-test-runner.bench.config.mjs):
 * `npx web-test-runner --config web-test-runner.bench.config.mjs bench/bad-input.bench.ts`.
 * Always passes; prints time (ms) and heap (MB) per case to the browser log.
 */
import { MAX_RECORDS_PER_LIST, normalizeTrace } from '../src/model/normalize.js';
import { RestProvider } from '../src/data/rest-provider.js';

const MB = 1024 * 1024;
const DAY = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-04T00:00:00+01:00' };

interface Memory {
  usedJSHeapSize: number;
}

function heap(): number {
  return (performance as unknown as { memory?: Memory }).memory?.usedJSHeapSize ?? Number.NaN;
}

function collect(): void {
  (globalThis as unknown as { gc?: () => void }).gc?.();
}

interface Figure {
  name: string;
  ms: number;
  /** Heap growth right after the work, garbage included (what the tab had to hold). */
  grownMb: number;
  /** Heap still held by the result after a full GC, the input dropped. */
  retainedMb: number;
  note: string;
}

/** Runs `work` once on a collected heap; `input()` is built before the clock starts. */
async function measure<I, R>(name: string, input: () => I | Promise<I>, work: (input: I) => R | Promise<R>, note: (result: R) => string): Promise<Figure> {
  collect();
  const empty = heap();
  let data: I | null = await input();
  collect();
  const before = heap();
  const began = performance.now();
  const result = await work(data);
  const ms = performance.now() - began;
  const grown = heap() - before;
  data = null;
  collect();
  // The input is gone: what is left is the result.
  const retained = heap() - empty;
  return { name, ms, grownMb: grown / MB, retainedMb: retained / MB, note: note(result) };
}

const warnings = (result: { warnings: unknown[] }) => `${result.warnings.length} warnings`;

describe('bad input', () => {
  it('costs bounded time and memory', async () => {
    const figures: Figure[] = [];
    figures.push(
      await measure('normalizeTrace, 3 000 000 bad records ([0,0,…])', () => ({ activities: new Array<number>(3_000_000).fill(0) }), normalizeTrace, warnings),
    );
    figures.push(
      await measure(
        `normalizeTrace, ${MAX_RECORDS_PER_LIST} bad records (at the list limit)`,
        () => ({ activities: new Array<number>(MAX_RECORDS_PER_LIST).fill(0) }),
        normalizeTrace,
        warnings,
      ),
    );
    figures.push(
      await measure(
        'normalizeTrace, 1 999 997 holes + 3 records',
        () => {
          const sparse = new Array<unknown>(MAX_RECORDS_PER_LIST);
          for (const i of [0, 1_000_000, 1_999_999]) sparse[i] = { id: `a${i}`, type: 'call', start: '2025-03-03T09:00:00Z', end: null };
          return { activities: sparse };
        },
        normalizeTrace,
        (result) => `${result.data.activities.length} kept, ${warnings(result)}`,
      ),
    );
    figures.push(
      await measure(
        'normalizeTrace, an array-like claiming length 1e8',
        () => ({ activities: new Proxy([], { get: (t, key) => (key === 'length' ? 1e8 : Reflect.get(t, key)) as unknown }) }),
        normalizeTrace,
        warnings,
      ),
    );
    figures.push(
      await measure(
        'RestProvider.loadTrace, 6 MB body of 3 000 000 bad records',
        () => new RestProvider({ baseUrl: `/test-api/bad-records/${crypto.randomUUID()}` }),
        (provider) => provider.loadTrace({ userId: 'u1', ...DAY, signal: new AbortController().signal }),
        (data) => `${data.activities.length} entries read`,
      ),
    );
    figures.push(
      await measure(
        '  … then normalizeTrace of that answer',
        () => new RestProvider({ baseUrl: `/test-api/bad-records/${crypto.randomUUID()}` }).loadTrace({ userId: 'u1', ...DAY, signal: new AbortController().signal }),
        normalizeTrace,
        warnings,
      ),
    );
    figures.push(
      await measure(
        'RestProvider.loadTrace + normalizeTrace, 6 MB body, together',
        () => new RestProvider({ baseUrl: `/test-api/bad-records/${crypto.randomUUID()}` }),
        async (provider) => normalizeTrace(await provider.loadTrace({ userId: 'u1', ...DAY, signal: new AbortController().signal })),
        warnings,
      ),
    );
    // The good path, for scale: the streamed, counted reading against fetch's own text() + JSON.parse.
    const WEEK = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-10T00:00:00+01:00' };
    interface Page {
      activities: unknown[];
      nextCursor: string | null;
    }
    /** fetch + text() + JSON.parse of every page, nothing else. */
    const floor = async (): Promise<number> => {
      let count = 0;
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ ...WEEK, limit: '100000', ...(cursor === null ? {} : { cursor }) });
        const page = JSON.parse(await (await fetch(`/api/users/load-test/trace?${query}`)).text()) as Page;
        count += page.activities.length;
        cursor = page.nextCursor;
      } while (cursor);
      return count;
    };
    await floor(); // the demo server generates and caches the week on first request
    figures.push(await measure('floor: fetch + text() + JSON.parse, load-test week', () => null, floor, (count) => `${count} activities`));
    figures.push(
      await measure(
        'RestProvider.loadTrace, the same week (streamed, counted)',
        () => new RestProvider({ baseUrl: '/api', pageSize: 100_000 }),
        (provider) => provider.loadTrace({ userId: 'load-test', ...WEEK, signal: new AbortController().signal }),
        (data) => `${data.activities.length} activities`,
      ),
    );
    const browser = /Chrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? 'browser';
    const fmt = (value: number, width: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a').padStart(width);
    console.log(
      [
        `bad-input.bench: one run each (${browser}, ${navigator.hardwareConcurrency} cores); heap: grown = right after the work, garbage included; retained = the result after gc()`,
        `  ${'case'.padEnd(62)}${'time ms'.padStart(9)}${'grown MB'.padStart(10)}${'retained MB'.padStart(13)}  result`,
        ...figures.map((f) => `  ${f.name.padEnd(62)}${fmt(f.ms, 9)}${fmt(f.grownMb, 10)}${fmt(f.retainedMb, 13)}  ${f.note}`),
      ].join('\n'),
    );
  });
});
