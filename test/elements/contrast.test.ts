import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { COLOUR_KEYS } from '../../src/model/catalog.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';

/** A private token as the element resolves it (light-dark() and host overrides applied), as sRGB 0–255. */
function resolve(el: UserTraceTimelineElement, token: string): [number, number, number] {
  const span = document.createElement('span');
  span.style.color = `var(${token})`;
  shadow(el).appendChild(span);
  const rgb = getComputedStyle(span).color.match(/[\d.]+/g)!.slice(0, 3).map(Number) as [number, number, number];
  span.remove();
  return rgb;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every non-text colour and what it is seen against. */
const PAIRS: [string, string][] = [
  ...['--_s-ready', '--_s-paid', '--_s-unpaid'].flatMap((s): [string, string][] => [
    [s, '--_s-logged-out'],
    [s, '--_surface'],
  ]),
  ...COLOUR_KEYS.map((k): [string, string] => [`--_c-${k}`, '--_lane-bg']),
  ['--_now', '--_lane-bg'],
  ['--_control-border', '--_surface'],
  ['--_focus', '--_surface'],
  ['--_accent', '--_surface'],
];

describe('non-text contrast (WCAG 1.4.11)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`is at least 3:1 for every status, activity, border and focus colour (${theme})`, async () => {
      const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang="en" theme=${theme} user-id="u1" time-zone="UTC" date="2026-03-10"
        .provider=${testProvider()}></user-trace-timeline>`);
      await settled(el);
      // The tokens resolve (an undefined one would fall back to the text colour and pass by accident).
      expect(resolve(el, '--_s-ready')).to.deep.equal(theme === 'light' ? [43, 138, 62] : [63, 179, 90]);
      expect(resolve(el, '--_control-border')).to.deep.equal(theme === 'light' ? [134, 142, 156] : [139, 147, 161]);
      const low = PAIRS.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: Math.round(contrast(resolve(el, fg), resolve(el, bg)) * 100) / 100 })).filter(
        (p) => p.ratio < 3,
      );
      expect(low).to.deep.equal([]);
    });
  }
});
