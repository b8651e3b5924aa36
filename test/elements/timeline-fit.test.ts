import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { TraceData } from '../../src/model/types.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';
import { TimelineHarness } from '../harness/timeline.js';

/** A 06:00–14:30 shift (UTC) with a call at 08:00–09:00 and an email at 13:10–13:20. */
const SHIFT: TraceData = {
  sessions: [{ start: '2026-03-10T06:00:00Z', end: '2026-03-10T14:30:00Z' }],
  pauses: [{ start: '2026-03-10T10:00:00Z', end: '2026-03-10T10:20:00Z', name: 'Coffee', paid: true }],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z' },
    { id: 'e1', type: 'email', start: '2026-03-10T13:10:00Z', end: '2026-03-10T13:20:00Z' },
  ],
};

async function mount(data: TraceData, o: { minutes?: boolean; date?: string } = {}): Promise<UserTraceTimelineElement> {
  const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
    lang="en" style="width: 1200px" user-id="u1" time-zone="UTC" date=${o.date ?? '2026-03-10'} ?minutes=${o.minutes ?? false}
    .provider=${testProvider({ traces: { u1: data } })}
  ></user-trace-timeline>`);
  await settled(el, 'ready');
  return el;
}

/** Where an activity starts and ends as fractions of the plot's width. */
function fractions(el: UserTraceTimelineElement, id: string): [number, number] {
  const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
  const box = el.positionOf(id)!;
  return [(box.left - plot.left) / plot.width, (box.right - plot.left) / plot.width];
}

describe('<user-trace-timeline> fit to the shift', () => {
  it('opens the day on the logged-in span with a quarter hour either side; "Whole day" returns to 0–24 h', async () => {
    const el = await mount(SHIFT);
    // 05:45–14:45 shown: 9 h; the call 08:00–09:00 at 2.25 h–3.25 h of them.
    const [from, to] = fractions(el, 'c1');
    expect(from).to.be.closeTo(2.25 / 9, 0.002);
    expect(to).to.be.closeTo(3.25 / 9, 0.002);
    const ticks = [...shadow(el).querySelectorAll('.axis .tick-label')].map((t) => t.textContent!.trim());
    expect(ticks).to.include('8:00 AM');
    expect(ticks).to.not.include('6:00 PM');
    const harness = new TimelineHarness(el);
    await harness.wholeDay();
    const [whole] = fractions(el, 'c1');
    expect(whole).to.be.closeTo(8 / 24, 0.002);
    // Another day, and back: it opens fitted again.
    harness.next();
    await settled(el, 'empty');
    harness.previous();
    await settled(el, 'ready');
    expect(fractions(el, 'c1')[0]).to.be.closeTo(2.25 / 9, 0.002);
    const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Whole day')!;
    expect(button.disabled).to.equal(false);
  });

  it('opens a day without sessions on the whole day', async () => {
    const el = await mount({ sessions: [], pauses: [], activities: SHIFT.activities });
    expect(fractions(el, 'c1')[0]).to.be.closeTo(8 / 24, 0.002);
  });

  it('shows in Minutes only the hours with a session, a pause or an activity, with a readable Status lane; a control shows all', async () => {
    const data: TraceData = {
      sessions: [{ start: '2026-03-10T06:30:00Z', end: '2026-03-10T08:15:00Z' }],
      pauses: [{ start: '2026-03-10T11:50:00Z', end: '2026-03-10T12:05:00Z', name: 'Out of session', paid: false }],
      activities: [
        { id: 'b', type: 'ticket', start: '2026-03-10T06:40:00Z', end: '2026-03-10T08:10:00Z' },
        { id: 'x', type: 'call', start: '2026-03-10T15:00:00Z', end: '2026-03-10T15:02:00Z' },
      ],
    };
    const el = await mount(data, { minutes: true });
    const labels = () => [...shadow(el).querySelectorAll('.row-label')].map((r) => r.textContent!.trim());
    expect(labels()).to.deep.equal(['06:00', '07:00', '08:00', '11:00', '12:00', '15:00']);
    // Where hours are left out, the row says so.
    expect([...shadow(el).querySelectorAll('.row-label')].map((r) => r.classList.contains('after-gap'))).to.deep.equal([false, false, false, true, false, true]);
    // The call at 15:00–15:02 sits in the last row, at 0–2 minutes of its hour.
    const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
    const box = el.positionOf('x')!;
    expect((box.left - plot.left) / plot.width).to.be.closeTo(0, 0.002);
    expect((box.right - plot.left) / plot.width).to.be.closeTo(2 / 60, 0.002);
    expect(box.top - plot.top).to.be.greaterThan((plot.height / 6) * 5 - 1);
    // The Status lane is a band, not a hairline: in the 07:00 row (ready and busy all hour) at least 10 px of ready colour
    // (at 41 minutes, between two tick marks).
    const canvas = shadow(el).querySelector('canvas')!;
    const dpr = canvas.width / plot.width;
    const rowHeight = plot.height / 6;
    const column = canvas.getContext('2d')!.getImageData(Math.round(canvas.width * (41 / 60) + 2), Math.round(rowHeight * dpr), 1, Math.round(rowHeight * dpr)).data;
    const [r, g, b] = getComputedStyle(shadow(el).querySelector('.probe-ready')!).color.match(/\d+/g)!.map(Number);
    let ready = 0;
    for (let i = 0; i < column.length; i += 4) if (column[i] === r && column[i + 1] === g && column[i + 2] === b) ready++;
    expect(ready / dpr).to.be.at.least(10);
    const harness = new TimelineHarness(el);
    harness.toggleAllHours();
    await settled(el);
    expect(labels()).to.have.length(24);
    expect(el.positionOf('x')!.top - plot.top).to.be.greaterThan(15 * ((shadow(el).querySelector('.plot')!.getBoundingClientRect().height) / 24) - 1);
    harness.toggleAllHours();
    await settled(el);
    expect(labels()).to.have.length(6);
    await expect(el).to.be.accessible();
  });

});
