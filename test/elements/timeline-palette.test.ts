import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { lastPaintOf } from '../../src/elements/timeline/plot-canvas-controller.js';
import type { TraceData } from '../../src/model/types.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';

// The canvas reads its colours from CSS probes. A paint that only zooms reuses the colours of the
// paint before (reading them forces a style recalculation); a theme switch reads them again.

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T17:00:00Z' }],
  pauses: [],
  activities: [{ id: 'c1', type: 'call', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' }],
};

function probeKey(el: UserTraceTimelineElement, name: string): number {
  const [r, g, b] = getComputedStyle(shadow(el).querySelector(`.probe-${name}`)!).color.match(/[\d.]+/g)!.map(Number) as [number, number, number];
  return (r << 16) | (g << 8) | b;
}

function canvasColours(el: UserTraceTimelineElement): Set<number> {
  const canvas = shadow(el).querySelector('canvas')!;
  const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const out = new Set<number>();
  for (let i = 0; i < d.length; i += 4) out.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
  return out;
}

/** Waits for a paint after `before` (timers, not animation frames: a test page in the background gets none). */
async function nextPaint(el: UserTraceTimelineElement, before: unknown): Promise<void> {
  for (let i = 0; i < 300 && lastPaintOf(el) === before; i++) await new Promise((r) => setTimeout(r, 10));
  expect(lastPaintOf(el), 'repainted').to.not.equal(before);
}

describe('timeline canvas colours', () => {
  it('paints again in the colours of a theme a host switches with a class or custom property on an ancestor', async () => {
    const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang="en" style="width: 900px" user-id="u1"
      time-zone="UTC" date="2026-03-10" .provider=${testProvider({ traces: { u1: DAY } })}></user-trace-timeline>`);
    // The host's switch: on an ancestor (fixture's own wrapper), as a page's theme class sets it.
    const wrapper = el.parentElement!;
    await settled(el, 'ready');
    const light = probeKey(el, 'lane-bg');
    await nextPaint(el, undefined);
    expect(canvasColours(el).has(light), 'light lane background').to.equal(true);

    // Nothing but the custom property changes: no attribute, no data, no zoom. The watching probes
    // end a 1 ms transition, and the canvas paints again. (The transitionend is sent here: a test
    // page in the background gets no frames, so its transitions never end.)
    const watch = el.shadowRoot!.querySelector<HTMLElement>('.probes.watch')!;
    expect(getComputedStyle(watch.firstElementChild!).transitionDuration).to.equal('0.001s');
    const before = lastPaintOf(el);
    wrapper.style.setProperty('--user-trace-color-scheme', 'dark');
    watch.firstElementChild!.dispatchEvent(new TransitionEvent('transitionend', { propertyName: 'color', bubbles: true }));
    await nextPaint(el, before);
    const dark = probeKey(el, 'lane-bg');
    expect(dark).to.not.equal(light);
    expect(canvasColours(el).has(dark), 'dark lane background').to.equal(true);
    expect(canvasColours(el).has(light), 'no light lane background left').to.equal(false);
  });


  it('keeps the theme’s colours through zoom steps and takes the new ones on a theme switch', async () => {
    const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
      lang="en" theme="light" style="width: 900px" user-id="u1" time-zone="UTC" date="2026-03-10"
      .provider=${testProvider({ traces: { u1: DAY } })}
    ></user-trace-timeline>`);
    await settled(el, 'ready');
    const light = probeKey(el, 'lane-bg');
    expect(canvasColours(el).has(light), 'light lane background').to.equal(true);

    let before = lastPaintOf(el);
    el.theme = 'dark';
    await nextPaint(el, before);
    const dark = probeKey(el, 'lane-bg');
    expect(dark).to.not.equal(light);
    expect(canvasColours(el).has(dark), 'dark lane background').to.equal(true);
    expect(canvasColours(el).has(light), 'no light lane background left').to.equal(false);

    const lanes = shadow(el).querySelector<HTMLElement>('[part="lanes"]')!;
    const rect = lanes.getBoundingClientRect();
    before = lastPaintOf(el);
    lanes.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, ctrlKey: true, clientX: rect.left + rect.width * 0.4, clientY: rect.top + 10, bubbles: true, cancelable: true, composed: true }));
    await nextPaint(el, before);
    expect(canvasColours(el).has(dark), 'dark after zooming').to.equal(true);
    expect(canvasColours(el).has(light), 'still no light after zooming').to.equal(false);

    before = lastPaintOf(el);
    el.theme = 'light';
    await nextPaint(el, before);
    expect(canvasColours(el).has(light), 'light again').to.equal(true);
    expect(canvasColours(el).has(dark), 'no dark left').to.equal(false);
  });
});
