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

/** Elements whose box reaches past the host's right edge, outside the plot's own scroller. */
function overflowing(el: UserTraceTimelineElement): string[] {
  const right = el.getBoundingClientRect().right + 0.5;
  const scroller = shadow(el).querySelector('.chart-scroll');
  return [...shadow(el).querySelectorAll<HTMLElement>('*')]
    .filter((e) => !(scroller && scroller !== e && scroller.contains(e)) && !e.closest('.probes, .visually-hidden, [hidden], dialog'))
    .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > right)
    .map((e) => `${e.localName}.${e.className || e.getAttribute('part') || ''} → ${Math.round(e.getBoundingClientRect().right)}`);
}

/** Whether any two axis labels overlap. */
function overlappingLabels(el: UserTraceTimelineElement): number {
  const boxes = [...shadow(el).querySelectorAll('.tick-label')].map((l) => l.getBoundingClientRect());
  let n = 0;
  for (let i = 1; i < boxes.length; i++) if (boxes[i]!.left < boxes[i - 1]!.right) n++;
  return n;
}

describe('reflow (WCAG 1.4.10)', () => {
  for (const spacing of [false, true]) {
    it(`fits 320 CSS px with nothing cut off or overlapping${spacing ? ', with WCAG text spacing' : ''}`, async () => {
      const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang="cs" style="width: 320px" user-id="u1" time-zone="UTC" date="2026-03-10"
        class=${spacing ? 'text-spacing' : ''} .provider=${testProvider({ traces: { u1: DAY } })}></user-trace-timeline>`);
      if (spacing) {
        // WCAG 1.4.12's values, applied to everything in the shadow root.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }');
        el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
      }
      await settled(el, 'ready');
      const r = el.getBoundingClientRect();
      await executeServerCommand('save-screenshot', { name: `reflow-320${spacing ? '-spacing' : ''}`, clip: { x: r.left, y: r.top, width: 340, height: r.height } });
      expect(overflowing(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(overlappingLabels(el)).to.equal(0);
      // The plot stays usable: wide enough to tell hours apart, inside its own scroller.
      expect(shadow(el).querySelector<HTMLElement>('.plot')!.clientWidth).to.be.at.least(280);
    });
  }
});
