import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { TraceData } from '../../src/model/types.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';

/** Ready 07:00–17:00 but for a pause at 12:00–12:30; busy only with the call 08:00–10:00. */
const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T17:00:00Z' }],
  pauses: [{ start: '2026-03-10T12:00:00Z', end: '2026-03-10T12:30:00Z', name: 'Lunch', paid: false }],
  activities: [{ id: 'c1', type: 'call', start: '2026-03-10T08:00:00Z', end: '2026-03-10T10:00:00Z' }],
};

async function mount(): Promise<UserTraceTimelineElement> {
  const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
    lang="en" style="width: 1000px" user-id="u1" time-zone="UTC" date="2026-03-10"
    .provider=${testProvider({ traces: { u1: DAY } })}
  ></user-trace-timeline>`);
  await settled(el, 'ready');
  return el;
}

/** Where `hhmm` UTC on 2026-03-10 is on screen, from where the call 08:00–10:00 is drawn (any zoom). */
function xAt(el: UserTraceTimelineElement, hhmm: string): number {
  const call = el.positionOf('c1')!;
  const t = Date.parse(`2026-03-10T${hhmm}:00Z`);
  return call.left + ((t - Date.parse('2026-03-10T08:00:00Z')) / 7_200_000) * call.width;
}

/** The Status lane's middle on screen (day view: the band is 16 px tall, 6 px below the plot's top). */
function statusY(el: UserTraceTimelineElement): number {
  return shadow(el).querySelector('.plot')!.getBoundingClientRect().top + 14;
}

/** How many colours one pixel column of the Status band holds at screen x. */
function coloursAt(el: UserTraceTimelineElement, x: number): number {
  const canvas = shadow(el).querySelector('canvas')!;
  const rect = canvas.getBoundingClientRect();
  const dpr = canvas.width / rect.width;
  const column = canvas.getContext('2d')!.getImageData(Math.round((x - rect.left) * dpr), Math.round(7 * dpr), 1, Math.round(14 * dpr)).data;
  const seen = new Set<number>();
  for (let i = 0; i < column.length; i += 4) seen.add((column[i]! << 16) | (column[i + 1]! << 8) | column[i + 2]!);
  return seen.size;
}

describe('<user-trace-timeline> idle time', () => {
  afterEach(() => resetMouse());

  it('stripes idle time inside Ready; busy ready time stays plain', async () => {
    const el = await mount();
    expect(coloursAt(el, xAt(el, '09:00')), 'ready while on the call').to.equal(1);
    expect(coloursAt(el, xAt(el, '11:00')), 'idle').to.be.greaterThan(1);
    expect(coloursAt(el, xAt(el, '07:30')), 'idle before the call').to.be.greaterThan(1);
  });

  it('names idle time in the tooltip, and the idle part of ready time', async () => {
    const el = await mount();
    const tooltip = () => [...shadow(el).querySelectorAll('[part="tooltip"] > div')].map((d) => d.textContent!.trim()).join(' | ');
    await sendMouse({ type: 'move', position: [Math.round(xAt(el, '11:00')), Math.round(statusY(el))] });
    await el.updateComplete;
    expect(tooltip()).to.equal('Idle (ready, no activity) | 10:00 AM – 12:00 PM | 2:00:00');
    await sendMouse({ type: 'move', position: [Math.round(xAt(el, '09:00')), Math.round(statusY(el))] });
    await el.updateComplete;
    // Ready 07:00–12:00, idle all of it but the call's two hours.
    expect(tooltip()).to.equal('Ready | 7:00 AM – 12:00 PM | 5:00:00 | of it idle 3:00:00');
  });

  describe('in forced colours', () => {
    before(() => executeServerCommand('emulate-forced-colors', { active: true }));
    after(() => executeServerCommand('emulate-forced-colors', { active: false }));

    it('still stripes idle time and leaves busy ready time plain', async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await mount();
      expect(coloursAt(el, xAt(el, '09:00'))).to.equal(1);
      expect(coloursAt(el, xAt(el, '11:00'))).to.be.greaterThan(1);
    });
  });
});
