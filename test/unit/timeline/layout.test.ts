import { expect } from '@open-wc/testing';
import {
  FULL_WINDOW,
  clampWindow,
  fractionOf,
  hitLane,
  panWindow,
  plotLayout,
  revealInWindow,
  rowIndexAt,
  rowsOf,
  tickStepMinutes,
  visibleRange,
  zoomWindow,
} from '../../../src/elements/timeline/layout.js';
import { axisTicks, LABEL_SPACE_PX, placeLabels } from '../../../src/elements/timeline/axis.js';
import { hourRows, resolvePeriod } from '../../../src/time/index.js';

const H = 3_600_000;
const dayRow = (date: string, timeZone: string) => {
  const p = resolvePeriod({ date, period: 'day', timeZone });
  return rowsOf('day', p.days, [])[0]!;
};

describe('timeline layout (pure)', () => {
  it('puts 09:00–10:00 of a 24 h day at 37.5 %–41.67 %', () => {
    const row = dayRow('2026-03-10', 'Europe/Prague');
    const nine = row.startMs + 9 * H;
    expect(fractionOf(nine, row.startMs, row.endMs)).to.equal(0.375);
    expect(fractionOf(nine + H, row.startMs, row.endMs)).to.be.closeTo(10 / 24, 1e-9);
  });

  it('measures a DST day on its own 23 h or 25 h axis', () => {
    const spring = dayRow('2026-03-29', 'Europe/Prague');
    const autumn = dayRow('2026-10-25', 'Europe/Prague');
    expect((spring.endMs - spring.startMs) / H).to.equal(23);
    expect((autumn.endMs - autumn.startMs) / H).to.equal(25);
    // 04:00 local on the spring day is 3 real hours after midnight.
    expect(fractionOf(spring.startMs + 3 * H, spring.startMs, spring.endMs)).to.be.closeTo(3 / 23, 1e-12);
  });

  it('has one minutes row per clock hour, each on a 0–60 min axis', () => {
    const spring = rowsOf('minutes', [], hourRows('2026-03-29', 'Europe/Prague'));
    const autumn = rowsOf('minutes', [], hourRows('2026-10-25', 'Europe/Prague'));
    expect(spring).to.have.length(23);
    expect(autumn).to.have.length(25);
    expect(spring.map((r) => r.label).slice(0, 3)).to.deep.equal(['00:00', '01:00', '03:00']);
    for (const row of [...spring, ...autumn]) expect(row.axisEnd - row.axisStart).to.equal(H);
  });

  it('ticks every wall-clock hour at full zoom: 23, 24 and 25 of them', () => {
    for (const [date, expected] of [
      ['2026-03-29', 23],
      ['2026-03-10', 24],
      ['2026-10-25', 25],
    ] as const) {
      const row = dayRow(date, 'Europe/Prague');
      const ticks = axisTicks('day', row, row.startMs, row.endMs, 'Europe/Prague', 1000);
      expect(ticks, date).to.have.length(expected);
      expect(ticks.some((t) => t.major)).to.equal(true);
    }
  });

  it('ticks minutes when zoomed in, still at wall-clock times of the zone', () => {
    const row = dayRow('2026-03-10', 'Asia/Kathmandu');
    const start = row.startMs + 9 * H;
    const ticks = axisTicks('day', row, start, start + H, 'Asia/Kathmandu', 1000);
    expect(ticks.length).to.be.greaterThan(6);
    // Kathmandu is +05:45: the 09:00 local tick is at 03:15 UTC.
    expect(new Date(ticks[0]!.at).toISOString()).to.equal('2026-03-10T03:15:00.000Z');
    expect(tickStepMinutes(H, 1000)).to.be.at.most(10);
  });

  it('ticks the minutes view in minutes of the row', () => {
    const row = rowsOf('minutes', [], hourRows('2026-03-10', 'UTC'))[9]!;
    const ticks = axisTicks('minutes', row, row.axisStart, row.axisEnd, 'UTC', 1000);
    expect(ticks[0]!.minute).to.equal(0);
    expect(ticks[ticks.length - 1]!.minute).to.equal(60);
  });

  it('zooms around an anchor and never leaves [0, 1]', () => {
    const zoomed = zoomWindow(FULL_WINDOW, 4, 0.5, 0.001);
    expect(zoomed.from).to.be.closeTo(0.375, 1e-12);
    expect(zoomed.to).to.be.closeTo(0.625, 1e-12);
    const atEdge = zoomWindow(FULL_WINDOW, 2, 0, 0.001);
    expect(atEdge).to.deep.equal({ from: 0, to: 0.5 });
    const back = zoomWindow(zoomed, 1 / 100, 0.5, 0.001);
    expect(back).to.deep.equal({ from: 0, to: 1 });
    const tiny = zoomWindow(FULL_WINDOW, 1e9, 0.5, 0.01);
    expect(tiny.to - tiny.from).to.be.closeTo(0.01, 1e-12);
  });

  it('pans by window widths and stops at the edges', () => {
    const w = { from: 0.4, to: 0.6 };
    const right = panWindow(w, 0.5, 0.001);
    expect(right.from).to.be.closeTo(0.5, 1e-12);
    const end = panWindow(w, 10, 0.001);
    expect(end.from).to.be.closeTo(0.8, 1e-12);
    expect(end.to).to.equal(1);
    const start = panWindow(w, -10, 0.001);
    expect(start.from).to.equal(0);
    expect(start.to).to.be.closeTo(0.2, 1e-12);
    expect(clampWindow({ from: -1, to: 5 }, 0.1)).to.deep.equal({ from: 0, to: 1 });
  });

  it('reveals a span by moving, not resizing, the window', () => {
    const w = { from: 0.2, to: 0.3 };
    expect(revealInWindow(w, 0.25, 0.26, 0.001)).to.equal(w);
    const moved = revealInWindow(w, 0.8, 0.81, 0.001);
    expect(moved.to - moved.from).to.be.closeTo(0.1, 1e-12);
    expect(moved.from).to.be.at.most(0.8);
    expect(moved.to).to.be.at.least(0.81);
  });

  it('visible range follows the zoom window', () => {
    const row = dayRow('2026-03-10', 'UTC');
    const { start, end } = visibleRange(row, { from: 0.5, to: 0.75 });
    expect(new Date(start).toISOString()).to.equal('2026-03-10T12:00:00.000Z');
    expect(new Date(end).toISOString()).to.equal('2026-03-10T18:00:00.000Z');
  });

  it('stacks lanes and finds them again from a y coordinate', () => {
    const layout = plotLayout('week', ['status', 'call', 'email', 'chat', 'ticket'], 7);
    expect(layout.height).to.equal(layout.rowHeight * 7);
    for (let row = 0; row < 7; row++) {
      for (const band of layout.lanes) {
        const y = row * layout.rowHeight + band.top + band.height / 2;
        expect(hitLane(layout, y, 0)).to.deep.equal({ row, lane: band.lane });
      }
    }
    expect(hitLane(layout, -1)).to.equal(null);
    expect(hitLane(layout, layout.height)).to.equal(null);
  });

  it('finds the row of an instant', () => {
    const p = resolvePeriod({ date: '2026-03-10', period: 'week', timeZone: 'UTC', firstDayOfWeek: 1 });
    const rows = rowsOf('week', p.days, []);
    expect(rowIndexAt(rows, Date.parse('2026-03-11T10:00:00Z'))).to.equal(2);
    expect(rowIndexAt(rows, p.endMs)).to.equal(-1);
  });

  it('spaces labelled ticks by the measured label width', () => {
    const row = dayRow('2026-03-10', 'UTC');
    const majors = (labelPx: number) => axisTicks('day', row, row.startMs, row.endMs, 'UTC', 800, labelPx).filter((t) => t.major);
    // 800 px for 24 h: 56 px apart allows a label every 2 h; 100 px apart, every 3 h.
    expect(majors(56)).to.have.length(12);
    expect(majors(100)).to.have.length(8);
    for (const labelPx of [40, 70, 130, 200]) {
      const ticks = majors(labelPx);
      for (let i = 1; i < ticks.length; i++) expect(((ticks[i]!.at - ticks[i - 1]!.at) / (24 * H)) * 800).to.be.at.least(labelPx);
    }
  });

  it('pins labels at the edges, and leaves a pinned one out where it would touch its neighbour, keeping the spacing even', () => {
    // Labels 60 px wide, ticks 75 px apart from the left edge: "12:00 AM" pinned at 0 ends at 60,
    // "2:00 AM" centred at 75 would start at 45. The pinned ones go; the rest stay 75 px apart.
    const placed = placeLabels([0, 75, 150, 225, 300], 300, 60);
    expect(placed[0]).to.equal(null);
    expect(placed.slice(1, 4)).to.deep.equal([75, 150, 225].map((x) => ({ x, align: 0 })));
    expect(placed[4]).to.equal(null);
    // The team's day at 350 px: midnight pinned, then 6:00 AM, noon and 6:00 PM centred, 87.5 px apart.
    expect(placeLabels([0, 87.5, 175, 262.5], 350, 55).map((p) => p?.x ?? null)).to.deep.equal([null, 87.5, 175, 262.5]);
    // Pinned with room to spare: kept.
    expect(placeLabels([0, 100, 200, 300], 300, 60).map((p) => p?.align)).to.deep.equal([-1, 0, 0, 1]);
    // Far enough apart: all kept.
    expect(placeLabels([0, 100, 200], 400, 60).every((p) => p !== null)).to.equal(true);
    // What is kept never comes closer than LABEL_SPACE_PX.
    const kept = placeLabels([0, 75, 150, 225, 300], 300, 60).flatMap((p) => (p ? [p.align < 0 ? [0, 60] : p.align > 0 ? [240, 300] : [p.x - 30, p.x + 30]] : []));
    for (let i = 1; i < kept.length; i++) expect(kept[i]![0]! - kept[i - 1]![1]!).to.be.at.least(LABEL_SPACE_PX);
  });
});
