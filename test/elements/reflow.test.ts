import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { TraceData } from '../../src/model/types.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  pauses: [{ start: '2026-03-10T12:00:00Z', end: '2026-03-10T12:30:00Z', name: 'Lunch', paid: false }],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:00Z' },
    { id: 'e1', type: 'email', start: '2026-03-10T10:30:00Z', end: '2026-03-10T10:45:00Z' },
  ],
};

/** WCAG 1.4.12's values, applied to everything in the shadow root. */
function applyTextSpacing(el: UserTraceTimelineElement): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }');
  el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
}

/**
 * What is wrong with the shown axis labels, per axis (the day's axis or each week row's): two
 * labels closer than 2 px (or overlapping), or a label reaching past the plot's edges.
 */
function labelFaults(el: UserTraceTimelineElement): string[] {
  const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
  const faults: string[] = [];
  const axes = shadow(el).querySelectorAll('.axis, .row-axis');
  expect(axes.length, 'an axis is shown').to.be.greaterThan(0);
  let shown = 0;
  for (const axis of axes) {
    const labels = [...axis.querySelectorAll<HTMLElement>('.tick-label')].filter((l) => !l.hidden && l.textContent!.trim() !== '');
    const boxes = labels.map((l) => ({ text: l.textContent!.trim(), box: l.getBoundingClientRect() })).sort((a, b) => a.box.left - b.box.left);
    shown += boxes.length;
    for (let i = 0; i < boxes.length; i++) {
      const { text, box } = boxes[i]!;
      if (box.left < plot.left - 0.5 || box.right > plot.right + 0.5) faults.push(`"${text}" outside the plot (${box.left}–${box.right} of ${plot.left}–${plot.right})`);
      const prev = boxes[i - 1];
      if (prev && box.left - prev.box.right < 2) faults.push(`"${prev.text}" and "${text}" touch (${prev.box.right} / ${box.left})`);
    }
  }
  expect(shown, 'labels are shown').to.be.greaterThan(1);
  return faults;
}

async function click(el: UserTraceTimelineElement, label: string): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>(`.zoom button[aria-label="${label}"]`)!.click();
  await el.updateComplete;
}

async function showPeriod(el: UserTraceTimelineElement, period: 'day' | 'week', minutes: boolean): Promise<void> {
  el.period = period;
  el.minutes = minutes;
  await settled(el, 'ready');
}

/** Elements whose box reaches past the host's right edge, outside the plot's own scroller. */
function overflowing(el: UserTraceTimelineElement): string[] {
  const right = el.getBoundingClientRect().right + 0.5;
  const scroller = shadow(el).querySelector('.chart-scroll');
  return [...shadow(el).querySelectorAll<HTMLElement>('*')]
    .filter((e) => !(scroller && scroller !== e && scroller.contains(e)) && !e.closest('.probes, .visually-hidden, [hidden], dialog'))
    .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > right)
    .map((e) => `${e.localName}.${e.className || e.getAttribute('part') || ''} → ${Math.round(e.getBoundingClientRect().right)}`);
}

describe('reflow (WCAG 1.4.10)', () => {
  for (const spacing of [false, true]) {
    it(`fits 320 CSS px with nothing cut off or overlapping${spacing ? ', with WCAG text spacing' : ''}`, async () => {
      const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang="cs" style="width: 320px" user-id="u1" time-zone="UTC" date="2026-03-10"
        class=${spacing ? 'text-spacing' : ''} .provider=${testProvider({ traces: { u1: DAY } })}></user-trace-timeline>`);
      if (spacing) applyTextSpacing(el);
      await settled(el, 'ready');
      const r = el.getBoundingClientRect();
      await executeServerCommand('save-screenshot', { name: `reflow-320${spacing ? '-spacing' : ''}`, clip: { x: r.left, y: r.top, width: 340, height: r.height } });
      expect(overflowing(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(labelFaults(el)).to.deep.equal([]);
      // The plot stays usable: wide enough to tell hours apart, inside its own scroller.
      expect(shadow(el).querySelector<HTMLElement>('.plot')!.clientWidth).to.be.at.least(280);
    });
  }
});

describe('axis labels never touch or overlap', () => {
  const widths: [number, boolean][] = [
    [320, false],
    [800, false],
    [1000, false],
    [1366, false],
    [1366, true],
    [1400, false],
  ];
  for (const lang of ['en', 'cs']) {
    for (const [width, spacing] of widths) {
      it(`${lang} at ${width} px${spacing ? ' with WCAG text spacing' : ''}: day, zoomed, minutes, week`, async () => {
        const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang=${lang} style=${`width: ${width}px`} user-id="u1" time-zone="UTC"
          date="2026-03-10" .provider=${testProvider({ traces: { u1: DAY } })}></user-trace-timeline>`);
        if (spacing) applyTextSpacing(el);
        await settled(el, 'ready');
        const zoomIn = lang === 'en' ? 'Zoom in' : 'Přiblížit';
        expect(labelFaults(el), 'day').to.deep.equal([]);
        for (let step = 1; step <= 6; step++) {
          await click(el, zoomIn);
          expect(labelFaults(el), `zoomed ×${step}`).to.deep.equal([]);
        }
        el.resetZoom();
        await showPeriod(el, 'day', true);
        expect(labelFaults(el), 'minutes').to.deep.equal([]);
        await showPeriod(el, 'week', false);
        expect(labelFaults(el), 'week').to.deep.equal([]);
        await click(el, zoomIn);
        expect(labelFaults(el), 'week zoomed').to.deep.equal([]);
      });
    }
  }

  it('spaces the labels by their measured width: wider labels (text spacing), fewer of them', async () => {
    const mount = async (spacing: boolean) => {
      const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang="en" style="width: 1000px" user-id="u1" time-zone="UTC"
        date="2026-03-10" .provider=${testProvider({ traces: { u1: DAY } })}></user-trace-timeline>`);
      if (spacing) applyTextSpacing(el);
      await settled(el, 'ready');
      return [...shadow(el).querySelectorAll<HTMLElement>('.axis .tick-label')].filter((l) => !l.hidden).length;
    };
    const plain = await mount(false);
    const spaced = await mount(true);
    expect(spaced).to.be.lessThan(plain);
  });
});
