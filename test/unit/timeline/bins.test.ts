import { expect } from '@open-wc/testing';
import {
  CoverageGrid,
  MIN_ALPHA,
  binLane,
  laneIndexOf,
  coverageRuns,
  firstReaching,
  forEachVisible,
} from '../../../src/elements/timeline/bins.js';
import { COLOUR_KEYS } from '../../../src/model/catalog.js';
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
