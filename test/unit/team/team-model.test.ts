import { expect } from '@open-wc/testing';
import { readyRow } from '../../../src/data/team-loader.js';
import { TEAM_LAYOUT, agentPlot, dayRow, hitRow } from '../../../src/elements/team/team-model.js';
import { FULL_WINDOW } from '../../../src/elements/timeline/layout.js';
import { resolvePeriod } from '../../../src/time/index.js';
import { DAY, HAND_TRACE, TZ, at } from '../../export/fixtures.js';

describe('team model (pure)', () => {
  const day = dayRow(resolvePeriod({ date: DAY, period: 'day', timeZone: TZ }).days[0]!);
  const row = readyRow('a0', structuredClone(HAND_TRACE), day.startMs, day.endMs, Date.parse(at('23:00')));
  const plot = agentPlot(row, day)!;

  it("draws the agent's idle time: ready with no activity in progress, as the statistics count it", () => {
    const total = plot.idle.reduce((sum, s) => sum + s.end - s.start, 0);
    // HAND_TRACE: idle 5:05:00 (see test/export/fixtures.ts).
    expect(total).to.equal(row.stats!.login.idle * 1000);
    expect(plot.idle[0]).to.deep.equal({ start: Date.parse(at('08:00')), end: Date.parse(at('08:10')) });
  });

  it('says the idle stretch under the pointer on the Status lane, none over busy ready time or a pause', () => {
    const width = 1440;
    const status = TEAM_LAYOUT.lanes.find((b) => b.lane === 'status')!;
    const y = status.top + status.height / 2;
    // One CSS px a minute: x of a wall-clock time of the test day.
    const x = (hhmm: string) => (Date.parse(at(hhmm)) - day.startMs) / 60_000;
    const hit = (hhmm: string) => hitRow(row, plot, day, FULL_WINDOW, width, x(hhmm), y);
    expect(hit('11:00')).to.deep.include({ kind: 'status', idle: { start: Date.parse(at('10:15')), end: Date.parse(at('12:00')) } });
    expect(hit('11:00')).to.have.nested.property('segment.kind', 'ready');
    expect(hit('09:15')).to.deep.include({ idle: null });
    expect(hit('12:10')).to.deep.include({ idle: null });
    expect(hit('12:10')).to.have.nested.property('segment.kind', 'unpaid');
  });
});
