import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { TimelineHarness } from '../harness/timeline.js';
import '../../src/index.js';
import type { UserTraceElement } from '../../src/elements/base/user-trace-element.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import type { TraceData } from '../../src/model/types.js';
import { testProvider } from '../elements/timeline-helpers.js';
import { ActivitiesHarness } from '../harness/activities.js';
import { settle } from './helpers.js';

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  // Across the window's end.
  pauses: [{ start: '2026-03-10T09:30:00Z', end: '2026-03-10T10:30:00Z', name: 'Oběd', paid: false }],
  activities: [
    // Across the window's start.
    { id: 'c1', type: 'call', start: '2026-03-10T08:50:00Z', end: '2026-03-10T09:10:00Z', closed: true, talkSeconds: 600 },
    { id: 'e1', type: 'email', start: '2026-03-10T09:20:00Z', end: '2026-03-10T09:40:00Z', closed: true },
    { id: 'e2', type: 'email', start: '2026-03-10T11:00:00Z', end: '2026-03-10T11:10:00Z', closed: true },
  ],
};

async function host(tag: string) {
  const el = document.createElement(tag) as UserTraceElement;
  document.body.append(el);
  await el.updateComplete;
  const provider = testProvider({ traces: { u1: DAY } });
  for (const [name, value] of Object.entries({ lang: 'en', 'time-zone': 'UTC', 'user-id': 'u1', date: '2026-03-10' })) el.setAttribute(name, value);
  el.provider = provider;
  await waitUntil(() => el.store.snapshot.status === 'ready', 'loaded', { timeout: 5000 });
  return { el, provider };
}

describe('time window (window-start / window-end)', () => {
  it('narrows the statistics to the window without loading again, clipping at both edges', async () => {
    const { el, provider } = await host('user-trace-stats');
    expect(el.store.snapshot.view!.stats.emails.closed).to.equal(2);
    el.setAttribute('window-start', '2026-03-10T09:00:00Z');
    el.setAttribute('window-end', '2026-03-10T10:00:00Z');
    await el.updateComplete;
    await waitUntil(() => el.store.snapshot.view!.window !== null, 'window applied');
    const { stats, window } = el.store.snapshot.view!;
    expect(window).to.deep.equal({ startMs: Date.parse('2026-03-10T09:00:00Z'), endMs: Date.parse('2026-03-10T10:00:00Z') });
    // Hand-computed for [09:00, 10:00): logged 60 min, the pause's first 30 min inside, ready 30 min,
    // busy while ready 09:00–09:10 and 09:20–09:30, idle 09:10–09:20.
    expect(stats.login).to.deep.equal({ logged: 3600, ready: 1800, idle: 600, occupancy: 2 / 3 });
    expect(stats.pauses).to.deep.equal({ paid: 0, unpaid: 1800, byName: { Oběd: 1800 } });
    expect(stats.calls).to.deep.equal({ time: 600, talkTime: 600, closed: 1 });
    expect(stats.emails).to.deep.equal({ time: 1200, closed: 1 });
    expect(provider.calls).to.have.length(1);
    el.remove();
  });

  it('narrows the list and its durations, and both exports state the window', async () => {
    const { el, provider } = await host('user-trace-activities');
    const list = el as UserTraceActivitiesElement;
    await list.updateComplete;
    expect(new ActivitiesHarness(list).rows()).to.have.length(3);
    list.windowStart = '2026-03-10T09:00:00Z';
    list.windowEnd = '2026-03-10T10:00:00Z';
    await waitUntil(() => new ActivitiesHarness(list).rows().length === 2, 'two rows in the window');
    expect(list.rows.map((a) => a.id)).to.deep.equal(['c1', 'e1']);
    // The figure shown (the last span); a duration cut to the window carries the ✂ mark and the whole duration as its title.
    const cells = new ActivitiesHarness(list).rows().map((r) => r.querySelector<HTMLElement>('[part~="cell-duration"]')!);
    expect(cells.map((c) => c.lastElementChild!.textContent!.trim())).to.deep.equal(['0:10:00', '0:20:00']);
    expect(cells.map((c) => c.classList.contains('clipped'))).to.deep.equal([true, false]);
    expect(cells[0]!.title).to.contain('0:20:00');
    const report = (await list.exportReport('xlsx'))!;
    expect(report.rows.map((r) => r.duration)).to.deep.equal([600, 1200]);
    expect(report.meta.find((m) => m.label === 'Time window')?.value).to.match(/9:00.*10:00/);
    expect(provider.calls).to.have.length(1);
    el.remove();
  });

  it('ignores a window outside the period or reversed, and says so', async () => {
    const { el } = await host('user-trace-stats');
    const warnings: string[] = [];
    el.addEventListener('user-trace-data-warning', (e) => warnings.push(...e.detail.warnings.map((w) => w.kind)));
    el.windowStart = '2026-03-10T10:00:00Z';
    el.windowEnd = '2026-03-10T09:00:00Z';
    await el.updateComplete;
    await settle();
    expect(el.store.snapshot.view!.window).to.equal(null);
    expect(el.store.snapshot.view!.stats.emails.closed).to.equal(2);
    el.windowStart = '2026-03-11T09:00:00Z';
    el.windowEnd = '2026-03-11T10:00:00Z';
    await el.updateComplete;
    await settle();
    expect(el.store.snapshot.view!.window).to.equal(null);
    expect(warnings).to.deep.equal(['window-ignored', 'window-ignored']);
    el.remove();
  });

  describe('selected in the timeline', function () {
    // The runner's mouse input to one of two pages running at once is now and then lost on the way
    // (no pointerdown arrives, seen beside the team's forced-colours tests): such a test runs again.
    this.retries(3);
    afterEach(() => resetMouse());

    it('by dragging across the axis: a band with its times, one change event, a clear button', async () => {
      const { el, provider } = await host('user-trace-timeline');
      const timeline = el as UserTraceTimelineElement;
      timeline.style.width = '1200px';
      timeline.resetZoom();
      await timeline.updateComplete;
      const changes: { windowStart: string; windowEnd: string }[] = [];
      el.addEventListener('user-trace-change', (e) => changes.push(e.detail.query));
      const axis = timeline.shadowRoot!.querySelector<HTMLElement>('[part="axis"]')!;
      const rect = axis.getBoundingClientRect();
      const x = (hours: number) => Math.round(rect.left + (rect.width * hours) / 24);
      const y = Math.round(rect.top + rect.height / 2);
      await sendMouse({ type: 'move', position: [x(9), y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x(10), y] });
      await sendMouse({ type: 'move', position: [x(11), y] });
      await sendMouse({ type: 'up' });
      await waitUntil(() => el.store.snapshot.view?.window, 'window selected', { timeout: 3000 });
      expect(changes).to.have.length(1);
      const { startMs, endMs } = el.store.snapshot.view!.window!;
      // Within a few minutes of 9:00 and 11:00 (a pixel is a minute or two at this width).
      expect(Math.abs(startMs - Date.parse('2026-03-10T09:00:00Z'))).to.be.below(5 * 60_000);
      expect(Math.abs(endMs - Date.parse('2026-03-10T11:00:00Z'))).to.be.below(5 * 60_000);
      expect(el.getAttribute('window-start')).to.equal(new Date(startMs).toISOString());
      await timeline.updateComplete;
      const root = timeline.shadowRoot!;
      expect(root.querySelectorAll('[part="window-band"]')).to.have.length(1);
      const chip = root.querySelector<HTMLElement>('[part="window"]')!;
      expect(chip.textContent).to.match(/Window 9:0\d.*11:0\d|Window 8:5\d.*10:5\d/);
      expect(provider.calls).to.have.length(1);
      chip.querySelector('button')!.click();
      await waitUntil(() => el.store.snapshot.view?.window === null && !el.hasAttribute('window-start'), 'window cleared', { timeout: 5000 });
      await timeline.updateComplete;
      expect(root.querySelector('[part="window"]')).to.equal(null);
      el.remove();
    });

    it('from the keyboard: [ and ] at the current activity; another day clears it', async () => {
      const { el } = await host('user-trace-timeline');
      const timeline = el as UserTraceTimelineElement;
      await timeline.updateComplete;
      new TimelineHarness(timeline).lanes()!.focus();
      // Focus puts the walk on the first activity in view: c1 08:50–09:10.
      await sendKeys({ press: '[' });
      await sendKeys({ press: 'ArrowRight' }); // e1 09:20–09:40
      await sendKeys({ press: ']' });
      await waitUntil(() => el.getAttribute('window-end') === '2026-03-10T09:40:00.000Z', 'window end at e1');
      expect(el.getAttribute('window-start')).to.equal('2026-03-10T08:50:00.000Z');
      // e1 ends at the window's end: counted in time, not as closed inside it (half-open).
      expect(el.store.snapshot.view!.stats.emails).to.deep.equal({ time: 1200, closed: 0 });
      expect(el.store.snapshot.view!.stats.calls.closed).to.equal(1);
      new TimelineHarness(timeline).next();
      await waitUntil(() => el.store.snapshot.query.date === '2026-03-11' && !el.hasAttribute('window-start'), 'next day without the window');
      el.remove();
    });
  });
});
