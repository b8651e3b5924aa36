import { expect } from '@open-wc/testing';
import {
  CoverageGrid,
  MIN_ALPHA,
  binLane,
  binVisible,
  buildLaneIndex,
  laneIndexOf,
  useDenseBinning,
  coverageRuns,
  firstReaching,
} from '../../../src/elements/timeline/bins.js';
import { forEachVisible } from '../../../src/elements/timeline/hit-test.js';
import { binDense, buildDenseCoverage, DENSE_MIN_COUNT, denseCoverageOf } from '../../../src/elements/timeline/dense-coverage.js';
import { ACTIVITY_LANES, COLOUR_KEYS } from '../../../src/model/catalog.js';
import { laneOf } from '../../../src/model/catalog.js';
import type { PreparedActivity } from '../../../src/model/types.js';
import { emptyColumns, setColumns } from '../../../src/model/prepared.js';
import { statusSegments, segmentAt } from '../../../src/elements/timeline/status.js';

function activity(index: number, type: string, start: number, end: number | null): PreparedActivity {
  return {
    index,
    id: `a${index}`,
    type,
    lane: laneOf(type),
    start,
    end,
    closed: false,
    talkSeconds: undefined,
    ticketId: undefined,
    record: { id: `a${index}`, type, start, end },
  };
}

const CALL = COLOUR_KEYS.indexOf('call');

/** A prepared trace made by hand, with its columns. */
function prepared(activities: PreparedActivity[]) {
  const columns = emptyColumns(activities.length);
  activities.forEach((a, i) => setColumns(columns, i, a));
  return { sessions: [], pauses: [], activities, columns };
}
const laneIndex = (activities: PreparedActivity[]) => laneIndexOf(prepared(activities));

/** Resolves once `done()` holds, checking after each task. */
async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!done()) throw new Error('not done after 1000 tasks');
}

describe('timeline level of detail (pure)', () => {
  it('splits activities into per-lane typed arrays, running ones ending at +Infinity', () => {
    const index = laneIndex([
      activity(0, 'call', 0, 10),
      activity(1, 'sms', 5, 8),
      activity(2, 'fax', 6, null),
      activity(3, 'call', 20, 30),
    ]);
    expect(index.lanes.call.count).to.equal(2);
    expect([...index.lanes.call.index]).to.deep.equal([0, 3]);
    expect(index.lanes.chat.colour[0]).to.equal(COLOUR_KEYS.indexOf('sms'));
    expect(index.lanes.other.ends[0]).to.equal(Infinity);
    expect(index.hasOther).to.equal(true);
  });

  it('finds a long activity that started before the window (running max of ends)', () => {
    const index = laneIndex([activity(0, 'call', 0, 1000), activity(1, 'call', 10, 20), activity(2, 'call', 30, 40)]);
    const lane = index.lanes.call;
    expect(firstReaching(lane, 500)).to.equal(0);
    const seen: number[] = [];
    forEachVisible(lane, 500, 600, 0, (k) => seen.push(lane.index[k]!));
    expect(seen).to.deep.equal([0]);
  });

  it('bins a wide activity into full columns with O(1) work and partial edges', () => {
    const grid = new CoverageGrid();
    grid.reset(10);
    const lane = laneIndex([activity(0, 'call', 25, 75)]).lanes.call;
    expect(binLane(grid, lane, 0, 100, 10, 0)).to.equal(1);
    grid.finish();
    const cov = [...grid.coverage.slice(CALL * grid.stride, CALL * grid.stride + 10)].map((v) => +v.toFixed(2));
    expect(cov).to.deep.equal([0, 0, 0.5, 1, 1, 1, 1, 0.5, 0, 0]);
    const runs = coverageRuns(grid, [CALL]);
    expect(runs.find((r) => r.alpha === 1)).to.deep.equal({ colour: CALL, x: 3, width: 4, alpha: 1 });
  });

  it('merges activities narrower than a pixel into density marks bounded by the width', () => {
    const acts: PreparedActivity[] = [];
    for (let i = 0; i < 100_000; i++) acts.push(activity(i, i % 2 ? 'call' : 'whatsapp', i * 10, i * 10 + 3));
    const index = laneIndex(acts);
    const grid = new CoverageGrid();
    for (const lane of [index.lanes.call, index.lanes.chat]) {
      grid.reset(200);
      binLane(grid, lane, 0, 1_000_000, 200, 0);
      grid.finish();
      const runs = coverageRuns(grid, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(runs.length).to.be.at.most(200);
      for (const run of runs) expect(run.alpha).to.be.within(MIN_ALPHA, 1);
    }
  });

  it('keeps a one-second activity visible on a week axis', () => {
    const grid = new CoverageGrid();
    grid.reset(1000);
    const week = 7 * 86_400_000;
    binLane(grid, laneIndex([activity(0, 'call', week / 2, week / 2 + 1000)]).lanes.call, 0, week, 1000, 0);
    grid.finish();
    const runs = coverageRuns(grid, [CALL]);
    expect(runs).to.have.length(1);
    expect(runs[0]!.alpha).to.equal(MIN_ALPHA);
  });

  it('marks a gap before a wide activity that follows another, not before one that starts while another runs', () => {
    const marks = (acts: PreparedActivity[]) => {
      const grid = new CoverageGrid();
      grid.reset(100);
      binLane(grid, laneIndex(acts).lanes.call, 0, 100, 100, 0);
      grid.finish();
      return [...grid.starts.slice(0, 100)].flatMap((m, x) => (m ? [x] : []));
    };
    // Back to back, and after a short one inside the first: a gap at 40 and at 70.
    expect(marks([activity(0, 'call', 10, 40), activity(1, 'call', 20, 21), activity(2, 'call', 40, 70), activity(3, 'call', 70, 90)])).to.deep.equal([10, 40, 70]);
    // Starting while the first is still in progress: no gap inside it.
    expect(marks([activity(0, 'call', 10, 60), activity(1, 'call', 30, 90)])).to.deep.equal([10]);
  });

  describe('dense lanes', () => {
    before(() => useDenseBinning(binDense));
    after(() => useDenseBinning(() => -1));
    const DAY = 86_400_000;
    /** A lane of `count` calls spread over a day (one colour), plus what `extra` adds, in columns. */
    function denseLane(count: number, extra: [number, number][] = []) {
      const spans: [number, number][] = [];
      let seed = 7;
      const rnd = () => ((seed = (Math.imul(seed, 48_271) >>> 0) % 2_147_483_647) / 2_147_483_647);
      for (let i = 0; i < count; i++) {
        const start = 6 * 3_600_000 + Math.floor(rnd() * 12 * 3_600_000);
        spans.push([start, start + 5_000 + Math.floor(rnd() ** 3 * 600_000)]);
      }
      spans.push(...extra);
      spans.sort((a, b) => a[0] - b[0]);
      const n = spans.length;
      return buildLaneIndex({
        start: Float64Array.from(spans, (s) => s[0]),
        end: Float64Array.from(spans, (s) => s[1]),
        lane: new Uint8Array(n).fill(ACTIVITY_LANES.indexOf('call')),
        colour: new Uint8Array(n).fill(CALL),
      }).lanes.call;
    }
    const column = (grid: CoverageGrid, x: number) => grid.coverage[CALL * grid.stride + x]!;

    it('draws a dense row from the coverage made once, within a few per cent of binning one by one', () => {
      // An isolated 1 ms call at 22:00: one by one it gets the minimum mark; from the dense coverage, its exact (tiny) share.
      const lane = denseLane(DENSE_MIN_COUNT + 10_000, [[22 * 3_600_000, 22 * 3_600_000 + 1]]);
      const exact = new CoverageGrid();
      const dense = new CoverageGrid();
      const width = 1400;
      exact.reset(width);
      binLane(exact, lane, 0, DAY, width, 0);
      exact.finish();
      // Not made yet: one by one.
      dense.reset(width);
      binVisible(dense, lane, 0, DAY, width, 0);
      dense.finish();
      expect([...dense.coverage]).to.deep.equal([...exact.coverage]);
      expect(denseCoverageOf(lane)).to.equal(null);
      return waitFor(() => denseCoverageOf(lane) !== null).then(() => {
        dense.reset(width);
        expect(binVisible(dense, lane, 0, DAY, width, 0)).to.be.at.least(DENSE_MIN_COUNT);
        dense.finish();
        let compared = 0;
        for (let x = 0; x < width; x++) {
          const want = column(exact, x);
          if (want < 0.5) continue;
          compared++;
          expect(Math.abs(column(dense, x) - want) / want, `column ${x}`).to.be.below(0.1);
        }
        expect(compared).to.be.above(600);
        const late = Math.floor((22 * width) / 24);
        expect(column(exact, late)).to.be.closeTo(0.05, 1e-6);
        expect(column(dense, late)).to.be.above(0).and.below(0.001);
        // Still visible: any coverage is drawn at the minimum opacity.
        expect(coverageRuns(dense, [CALL]).some((run) => run.x === late && run.alpha === MIN_ALPHA)).to.equal(true);
      });
    });

    it('bins running and zero-length activities of a dense lane one by one', () => {
      const at = 20 * 3_600_000;
      const lane = denseLane(DENSE_MIN_COUNT, [[at, at], [at + 3_600_000, Infinity]]);
      const made = buildDenseCoverage(lane);
      expect(made.special.length).to.equal(2);
      expect(made.colours).to.deep.equal([CALL]);
      // Half a day seen: 60 s columns, many activities per pixel.
      const grid = new CoverageGrid();
      return waitFor(() => denseCoverageOf(lane) !== null).then(() => {
        grid.reset(720);
        binVisible(grid, lane, 12 * 3_600_000, DAY, 720, at + 2 * 3_600_000);
        grid.finish();
        const x = (t: number) => Math.floor((t - 12 * 3_600_000) / 60_000);
        expect(column(grid, x(at))).to.be.closeTo(0.05, 1e-6); // the zero-length one
        expect(column(grid, x(at + 3_600_000 + 30 * 60_000))).to.be.closeTo(1, 1e-6); // running until now
        expect(column(grid, x(at + 2 * 3_600_000 + 60_000))).to.equal(0);
      });
    });
  });

  it('draws a running activity up to now', () => {
    const grid = new CoverageGrid();
    grid.reset(100);
    binLane(grid, laneIndex([activity(0, 'call', 10, null)]).lanes.call, 0, 100, 100, 50);
    grid.finish();
    const runs = coverageRuns(grid, [CALL]);
    expect(runs[0]).to.deep.equal({ colour: CALL, x: 10, width: 40, alpha: 1 });
  });

  it('builds the status lane: ready, paid and unpaid pauses; logged out elsewhere', () => {
    const segments = statusSegments(
      {
        ...prepared([]),
        sessions: [{ start: 0, end: 100 }],
        pauses: [
          { start: 20, end: 30, name: 'Coffee', paid: true },
          { start: 25, end: 40, name: 'Lunch', paid: false },
        ],
        activities: [],
      },
      0,
      200,
      1000,
    );
    expect(segments.map((s) => [s.kind, s.start, s.end])).to.deep.equal([
      ['ready', 0, 20],
      ['paid', 20, 25],
      ['unpaid', 25, 40],
      ['ready', 40, 100],
    ]);
    expect(segmentAt(segments, 27)?.name).to.equal('Lunch');
    expect(segmentAt(segments, 150)).to.equal(null);
  });

  it('ends a running session at now', () => {
    const segments = statusSegments({ ...prepared([]), sessions: [{ start: 0, end: null }] }, 0, 200, 120);
    expect(segments).to.deep.equal([{ kind: 'ready', start: 0, end: 120, running: true }]);
  });
});
