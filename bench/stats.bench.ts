/**
 * Statistics benchmark (docs/spec.md#targets: "Statistics for 100 000 activities ≤ 20 ms").
 * Runs in headless Chromium: `npx web-test-runner --config web-test-runner.bench.config.mjs`.
 * Always passes; it prints the figures (median of several runs, in ms) to the browser log.
 */
import { normalizeTrace, parseInstant, prepareTrace } from '../src/model/normalize.js';
import { computePreparedStats, computeStats } from '../src/stats/compute-stats.js';

const ACTIVITIES = 100_000;
const RUNS = 9;
const TARGET_MS = 20;
const DAY = 86_400_000;
const WEEK_START = Date.parse('2026-03-02T00:00:00+01:00');
const WEEK_END = WEEK_START + 7 * DAY;
/** "Now" after the week: running intervals are clamped to its end. */
const NOW = WEEK_END + DAY;

/** mulberry32: a tiny deterministic PRNG, so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Weighted: calls, emails and tickets are the common ones; `fax` stands for an unknown type. */
const TYPES = ['call', 'call', 'call', 'email', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber']
  .concat(['ticket', 'ticket', 'fax']);
const HOUR = 3_600_000;

/**
 * A week of one very busy agent: sessions 07:00–19:00 every day, pauses, and `count` activities of
 * seconds to minutes in working hours, in random order (the worst case for sorting), some running.
 * `instant` writes an epoch ms as the provider would (ISO `Z`, or ISO with an offset).
 */
function generateTrace(count: number, instant: (ms: number) => string): Record<string, unknown[]> {
  const next = random(20260302);
  const sessions: unknown[] = [];
  const pauses: unknown[] = [];
  for (let d = 0; d < 7; d++) {
    const day = WEEK_START + d * DAY;
    sessions.push({ start: instant(day + 7 * HOUR), end: instant(day + 19 * HOUR) });
    pauses.push({ start: instant(day + 12 * HOUR), end: instant(day + 12.5 * HOUR), name: 'Lunch', paid: false });
    pauses.push({ start: instant(day + 10 * HOUR), end: instant(day + 10.25 * HOUR), name: 'Coffee', paid: true });
  }
  const activities: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const day = WEEK_START + Math.floor(next() * 7) * DAY;
    const start = day + 7 * HOUR + Math.floor(next() * 12 * HOUR);
    const type = TYPES[Math.floor(next() * TYPES.length)]!;
    // Seconds to minutes, mostly short; 100 000 of them in 84 working hours overlap heavily (chats run in parallel).
    const length = Math.floor(1_000 + next() ** 3 * 120_000);
    const running = next() < 0.001;
    const record: Record<string, unknown> = {
      id: `act-${i}`,
      type,
      start: instant(start),
      end: running ? null : instant(start + length),
      closed: next() < 0.6,
      title: `Activity ${i}`,
      queue: 'Support',
    };
    if (type === 'call') {
      record.direction = next() < 0.5 ? 'in' : 'out';
      if (next() < 0.8) record.talkSeconds = Math.floor(length / 1000 * 0.8);
    }
    if (type === 'ticket') record.ticketId = `T-${Math.floor(next() * 5_000)}`;
    activities.push(record);
  }
  return { sessions, pauses, activities };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `fn` over RUNS runs after one warm-up run; `setup` runs untimed before each. */
function measure<T>(fn: (input: T) => unknown, setup: () => T = () => undefined as T): number {
  fn(setup());
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const input = setup();
    const t0 = performance.now();
    fn(input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const fmt = (ms: number): string => ms.toFixed(1).padStart(7);

describe('statistics benchmark', () => {
  it(`${ACTIVITIES} activities over a week`, () => {
    const utc = generateTrace(ACTIVITIES, (ms) => new Date(ms).toISOString());
    // The same instants as a provider in Europe/Prague might write them (winter: +01:00).
    const offset = generateTrace(ACTIVITIES, (ms) => new Date(ms + HOUR).toISOString().slice(0, 23) + '+01:00');
    const week = { start: new Date(WEEK_START).toISOString(), end: new Date(WEEK_END).toISOString() };
    const isoStrings = (utc.activities as { start: string }[]).map((a) => a.start);
    const offsetStrings = (offset.activities as { start: string }[]).map((a) => a.start);

    const rows: [string, number][] = [];
    rows.push(['Date.parse ×100 000 (baseline)', measure(() => isoStrings.forEach((s) => Date.parse(s)))]);
    rows.push(['parseInstant ×100 000, …Z', measure(() => isoStrings.forEach((s) => parseInstant(s)))]);
    rows.push(['parseInstant ×100 000, …+01:00', measure(() => offsetStrings.forEach((s) => parseInstant(s)))]);
    rows.push(['normalizeTrace, ISO …Z', measure(() => normalizeTrace(utc))]);
    rows.push(['normalizeTrace, ISO …+01:00', measure(() => normalizeTrace(offset))]);
    rows.push(['prepareTrace (validate + sort + prepare)', measure(() => prepareTrace(utc))]);
    rows.push(['computeStats(raw data)', measure(() => computeStats(utc, week, NOW))]);
    rows.push([
      'computeStats(normalized), first call: builds prepared',
      measure((data) => computeStats(data, week, NOW), () => normalizeTrace(utc).data),
    ]);
    const normalized = normalizeTrace(utc).data;
    rows.push(['computeStats(normalized), cached', measure(() => computeStats(normalized, week, NOW))]);
    const { prepared } = prepareTrace(utc);
    const preparedWeek = measure(() => computePreparedStats(prepared, WEEK_START, WEEK_END, NOW));
    rows.push([`computePreparedStats, week  (target ≤ ${TARGET_MS} ms)`, preparedWeek]);
    rows.push([
      'computePreparedStats, each of the 7 days (sum)',
      measure(() => {
        for (let d = 0; d < 7; d++) {
          computePreparedStats(prepared, WEEK_START + d * DAY, WEEK_START + (d + 1) * DAY, NOW);
        }
      }),
    ]);

    const stats = computePreparedStats(prepared, WEEK_START, WEEK_END, NOW);
    const browser = /Chrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? 'browser';
    const cores = navigator.hardwareConcurrency;
    const lines = rows.map(([name, ms]) => `  ${name.padEnd(56)}${fmt(ms)} ms`);
    console.log(
      [
        `stats.bench: ${ACTIVITIES} activities over a week, median of ${RUNS} runs (${browser}, ${cores} cores)`,
        ...lines,
        `  computePreparedStats target ≤ ${TARGET_MS} ms: ${preparedWeek <= TARGET_MS ? 'met' : 'MISSED'}`,
        `  sanity: logged ${stats.login.logged} s, occupancy ${stats.login.occupancy?.toFixed(3)}, ` +
          `calls closed ${stats.calls.closed}, tickets edited ${stats.tickets.edited}`,
      ].join('\n'),
    );
  });
});
