import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { TraceData } from '../../src/model/types.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';
import { asFocusedPage, inForcedColours, screenshot } from './emulation.js';

/** Every status kind and every lane, chat channels side by side. */
const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T17:00:00Z' }],
  pauses: [
    { start: '2026-03-10T10:00:00Z', end: '2026-03-10T10:45:00Z', name: 'Coffee', paid: true },
    { start: '2026-03-10T12:00:00Z', end: '2026-03-10T13:00:00Z', name: 'Lunch', paid: false },
  ],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T07:30:00Z', end: '2026-03-10T08:30:00Z' },
    { id: 'c2', type: 'call', start: '2026-03-10T14:00:00Z', end: '2026-03-10T15:00:00Z' },
    { id: 'e1', type: 'email', start: '2026-03-10T08:40:00Z', end: '2026-03-10T09:40:00Z' },
    { id: 's1', type: 'sms', start: '2026-03-10T09:00:00Z', end: '2026-03-10T09:50:00Z' },
    { id: 'w1', type: 'web', start: '2026-03-10T11:00:00Z', end: '2026-03-10T11:50:00Z' },
    { id: 'm1', type: 'messenger', start: '2026-03-10T13:10:00Z', end: '2026-03-10T14:00:00Z' },
    { id: 'h1', type: 'whatsapp', start: '2026-03-10T14:10:00Z', end: '2026-03-10T15:00:00Z' },
    { id: 'v1', type: 'viber', start: '2026-03-10T15:10:00Z', end: '2026-03-10T16:00:00Z' },
    { id: 't1', type: 'ticket', start: '2026-03-10T16:00:00Z', end: '2026-03-10T16:50:00Z' },
  ],
};

async function mount(theme: 'light' | 'dark'): Promise<UserTraceTimelineElement> {
  const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
    lang="en"
    theme=${theme}
    style="width: 1000px"
    user-id="u1"
    time-zone="UTC"
    date="2026-03-10"
    .provider=${testProvider({ traces: { u1: DAY } })}
  ></user-trace-timeline>`);
  await settled(el, 'ready');
  return el;
}

const key = (d: Uint8ClampedArray, i: number) => (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;

/** The probe colour the canvas reads, as the same 24-bit key as the pixels. */
function probeKey(el: UserTraceTimelineElement, name: string): number {
  const probe = shadow(el).querySelector(`.probe-${name}`)!;
  const [r, g, b] = getComputedStyle(probe).color.match(/[\d.]+/g)!.map(Number) as [number, number, number];
  return (r << 16) | (g << 8) | b;
}

/** Pixels of the canvas row through the middle of each lane band, by lane label. */
function laneRows(el: UserTraceTimelineElement): { lane: string; pixels: number[] }[] {
  const canvas = shadow(el).querySelector('canvas')!;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const plotTop = canvas.getBoundingClientRect().top;
  return [...shadow(el).querySelectorAll<HTMLElement>('.lane-label')].map((label) => {
    const y = Math.round((label.getBoundingClientRect().top + label.getBoundingClientRect().height / 2 - plotTop) * dpr);
    const pixels: number[] = [];
    // Inside the band outline (two device pixels at each end).
    for (let x = 3; x < canvas.width - 3; x++) pixels.push(key(data, (y * canvas.width + x) * 4));
    return { lane: label.textContent!.trim(), pixels };
  });
}

describe('forced colours (emulated through the DevTools protocol)', () => {
  inForcedColours();

  for (const theme of ['light', 'dark'] as const) {
    it(`draws with system colours, patterns and outlines, never one block (${theme})`, async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await mount(theme);
      await screenshot(el, `forced-colors-${theme}`);
      const canvasColour = probeKey(el, 'canvas');
      const gray = probeKey(el, 'gray-text');
      const rows = laneRows(el);
      expect(rows.map((r) => r.lane)).to.deep.equal(['Status', 'Calls', 'Emails', 'Chats', 'Tickets']);
      const all = new Set(rows.flatMap((r) => r.pixels));
      expect(all.size, 'colours on the canvas').to.be.greaterThan(2);
      for (const { lane, pixels } of rows) {
        const marks = pixels.filter((p) => p !== canvasColour && p !== gray).length;
        expect(marks, `marks in ${lane}`).to.be.greaterThan(20);
        // Every lane also shows background between its marks: no solid block.
        expect(pixels.filter((p) => p === canvasColour).length, `background in ${lane}`).to.be.greaterThan(20);
      }
      // The status kinds differ: ready in Highlight, the pauses hatched in the text colour.
      const status = new Set(rows[0]!.pixels);
      // (Highlight may be translucent in the system palette: ready is then a blend, neither Canvas nor CanvasText.)
      const text = probeKey(el, 'canvas-text');
      expect(status.has(text), 'pauses hatched in CanvasText').to.equal(true);
      expect([...status].some((p) => p !== text && p !== canvasColour && p !== gray), 'ready in Highlight').to.equal(true);
      // Legend swatches show what the canvas draws (not empty boxes).
      const swatch = (selector: string) => getComputedStyle(shadow(el).querySelector(selector)!);
      expect(swatch('.swatch.sw-ready').backgroundColor).to.equal(getComputedStyle(shadow(el).querySelector('.probe-highlight')!).color);
      expect(swatch('.swatch[data-kind="call"]').backgroundColor).to.equal(getComputedStyle(shadow(el).querySelector('.probe-canvas-text')!).color);
      expect(swatch('.swatch[data-kind="web"]').backgroundImage).to.contain('gradient');
    });
  }
});

describe('forced colours, keyboard focus', () => {
  inForcedColours();
  asFocusedPage();

  it('rings the focused lanes with an outline in Highlight (a box shadow would be dropped)', async () => {
    const el = await mount('light');
    const lanes = shadow(el).querySelector<HTMLElement>('.lanes')!;
    // Focus after a key press, as a keyboard user's (programmatic focus after a pointer is not focus-visible).
    await sendKeys({ press: 'Shift' });
    lanes.focus();
    await el.updateComplete;
    expect(lanes.matches(':focus-visible')).to.equal(true);
    const ring = getComputedStyle(lanes);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineColor).to.equal(getComputedStyle(shadow(el).querySelector('.probe-highlight')!).color);
  });
});
