import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/team/define.js';
import type { UserTraceTeamElement } from '../../src/elements/team/team.js';
import { TEAM_LAYOUT } from '../../src/elements/team/team-model.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import type { TraceData, TraceUser } from '../../src/model/types.js';
import { TeamHarness } from '../harness/team.js';
import { asFocusedPage, inForcedColours, screenshot } from './emulation.js';
import { DAY, HAND_TRACE, TZ, at } from '../export/fixtures.js';

/**
 * `<user-trace-team>` under emulated `forced-colors: active` (Windows High Contrast): the rows'
 * canvases drawn as the timeline draws them there (system colours, outlined lanes, patterns), the
 * current row, the now-line and the HTML parts in system colours.
 */

const hosts = document.createElement('div');
document.body.append(hosts);
afterEach(() => hosts.replaceChildren());

const USERS: TraceUser[] = [
  { id: 'a0', name: 'Agent 000' },
  { id: 'a1', name: 'Agent 001' },
  { id: 'a2', name: 'Agent 002' },
];

/** a0 the hand-computed day (every status kind, every lane), a1 without access, a2 with a bad record. */
function provider(traces: Record<string, TraceData> = {}): UserTraceProvider {
  return {
    listUsers: async () => USERS,
    loadTrace: async () => ({ sessions: [], pauses: [], activities: [] }),
    loadTeamTrace: async ({ userIds }) => {
      const out: Record<string, TraceData> = {};
      for (const id of userIds) {
        if (id === 'a1') continue;
        const trace = structuredClone(traces[id] ?? HAND_TRACE);
        if (id === 'a2') trace.activities.push({ id: 'bad', type: 'call', start: 'not a date' });
        out[id] = trace;
      }
      return out;
    },
  };
}

async function mount(options: { theme?: string; date?: string; timeZone?: string; window?: string; traces?: Record<string, TraceData> } = {}): Promise<{ el: UserTraceTeamElement; h: TeamHarness }> {
  const el = document.createElement('user-trace-team');
  el.setAttribute('lang', 'en');
  el.setAttribute('time-zone', options.timeZone ?? TZ);
  if (options.theme) el.setAttribute('theme', options.theme);
  if (options.window) el.setAttribute('window', options.window);
  el.date = options.date ?? DAY;
  el.style.width = '1400px';
  el.style.setProperty('--user-trace-team-height', '16rem');
  hosts.append(el);
  el.provider = provider(options.traces);
  const h = new TeamHarness(el);
  await h.loaded();
  await waitUntil(() => h.row('a0')?.querySelector('canvas'), 'no canvas');
  return { el, h };
}

const key = (d: Uint8ClampedArray, i: number) => (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;

/** Two 24-bit colours within a few steps per channel (coverage draws a mark at an alpha just under 1). */
const near = (a: number, b: number) => [16, 8, 0].every((s) => Math.abs(((a >> s) & 255) - ((b >> s) & 255)) <= 8);

/** A colour probe of the element (the colours the canvas reads) as the same 24-bit key as the pixels. */
function probeKey(h: TeamHarness, name: string): number {
  const [r, g, b] = probeColour(h, name).match(/[\d.]+/g)!.map(Number) as [number, number, number];
  return (r << 16) | (g << 8) | b;
}

function probeColour(h: TeamHarness, name: string): string {
  return getComputedStyle(h.root.querySelector(`.probe-${name}`)!).color;
}

/** A system colour as resolved for the element's colour scheme (its `theme`). */
function systemColour(el: HTMLElement, name: string): string {
  const probe = document.createElement('span');
  probe.style.cssText = `forced-color-adjust: none; color-scheme: ${getComputedStyle(el).colorScheme}; color: ${name}`;
  hosts.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** A row's canvas pixels, read by CSS px: a point, a lane band's column or middle row, the ink in a box. */
function pixels(h: TeamHarness, userId: string) {
  const canvas = h.row(userId)!.querySelector('canvas')!;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const dpr = canvas.width / canvas.getBoundingClientRect().width;
  const width = canvas.getBoundingClientRect().width;
  const band = (lane: string) => TEAM_LAYOUT.lanes.find((b) => b.lane === lane)!;
  const at = (x: number, y: number): number => key(data, (Math.round(y * dpr) * canvas.width + Math.round(x * dpr)) * 4);
  return {
    width,
    at,
    /** The pixels down a lane band at `x`, inside its outline. */
    column(lane: string, x: number): number[] {
      const { top, height } = band(lane);
      const out: number[] = [];
      for (let y = Math.ceil((top + 1) * dpr); y < Math.floor((top + height - 1) * dpr); y++) out.push(key(data, (y * canvas.width + Math.round(x * dpr)) * 4));
      return out;
    },
    /** The pixels along a lane band's middle, inside its outline. */
    row(lane: string): number[] {
      const { top, height } = band(lane);
      const y = Math.floor((top + height / 2) * dpr);
      const out: number[] = [];
      for (let x = 3; x < canvas.width - 3; x++) out.push(key(data, (y * canvas.width + x) * 4));
      return out;
    },
    /** Ink pixels (`ink`) in a box of the lane band around `x`, `w` CSS px wide. */
    count(lane: string, x: number, w: number, ink: number): number {
      let n = 0;
      for (let dx = -w / 2; dx < w / 2; dx++) n += this.column(lane, x + dx).filter((p) => near(p, ink)).length;
      return n;
    },
  };
}

/**
 * axe, but for colour contrast: in forced colours the text is drawn in the system's colours (checked
 * above), while axe reads the author's colour through -webkit-text-fill-color, which forced colours
 * leave alone, and sets it against the forced background (the dark theme's light grey on Canvas).
 */
async function accessible(el: HTMLElement): Promise<void> {
  await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
}

describe('<user-trace-team> in forced colours (emulated through the DevTools protocol)', () => {
  inForcedColours();
  asFocusedPage();

  for (const theme of ['light', 'dark'] as const) {
    it(`draws every status kind and lane with system colours, patterns and outlines (${theme})`, async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { el, h } = await mount({ theme, window: '07:00-17:00' });
      await screenshot(el, `team-forced-colors-${theme}`);
      await screenshot(h.row('a0')!.querySelector('.cell.plot')!, `team-forced-colors-${theme}-row`, 3);
      const canvas = probeKey(h, 'canvas');
      const text = probeKey(h, 'canvas-text');
      const gray = probeKey(h, 'gray-text');
      const p = pixels(h, 'a0');
      // x of a wall-clock time of the test day in the window shown, 7:00–17:00.
      const x = (hhmm: string) => ((Date.parse(at(hhmm)) - Date.parse(at('07:00'))) / 36_000_000) * p.width;
      const plain = (pixels: number[]) => new Set(pixels.filter((c) => c !== gray));
      const highlightish = (c: number) => !near(c, canvas) && !near(c, text) && c !== gray;

      // Every lane band is outlined in CanvasText and shows the background between its marks: no solid block.
      for (const band of TEAM_LAYOUT.lanes) {
        expect(p.at(x('07:10'), band.top + 0.2), `outline of ${band.lane}`).to.equal(text);
        expect(p.row(band.lane).filter((c) => c === canvas).length, `background in ${band.lane}`).to.be.greaterThan(20);
      }
      // Activities in CanvasText, one lane each.
      for (const [lane, hhmm] of [['call', '08:20'], ['email', '09:15'], ['chat', '13:20'], ['ticket', '15:05']] as const) {
        expect(p.count(lane, x(hhmm), 6, text), `${lane} at ${hhmm}`).to.be.greaterThan(0);
        expect(plain(p.column(lane, x('11:10'))), `${lane} at 11:10 (nothing)`).to.deep.equal(new Set([canvas]));
      }
      // Status: logged out is the background; busy ready time is Highlight (it may be translucent in
      // the system palette: a blend, neither Canvas nor CanvasText), idle ready time striped across it
      // in the background colour; the pauses in CanvasText, hatched in the background colour: the paid
      // one way, the unpaid one both ways.
      expect(plain(p.column('status', x('07:30'))), 'logged out').to.deep.equal(new Set([canvas]));
      const busy = p.column('status', x('09:15'));
      expect(busy.every(highlightish), 'busy ready time in Highlight').to.equal(true);
      const idle = p.column('status', x('11:10'));
      expect(idle.some(highlightish) && idle.includes(canvas), 'idle: Highlight striped with Canvas').to.equal(true);
      expect(idle, 'idle stripes run along the lane').to.deep.equal(p.column('status', x('11:30')));
      const paid = { text: p.count('status', x('10:07'), 6, text), hatch: p.count('status', x('10:07'), 6, canvas) };
      const unpaid = { text: p.count('status', x('12:07'), 6, text), hatch: p.count('status', x('12:07'), 6, canvas) };
      expect(paid.text, 'paid pause in CanvasText').to.be.greaterThan(10);
      expect(paid.hatch, 'paid pause hatched').to.be.at.least(4);
      expect(unpaid.text, 'unpaid pause in CanvasText').to.be.greaterThan(10);
      expect(unpaid.hatch / paid.hatch, 'the unpaid pause cross-hatched: more hatching than the paid one').to.be.greaterThan(1.4);

      // The HTML parts in system colours: names as links, text and borders in the text colour.
      const style = (selector: string) => getComputedStyle(h.root.querySelector(selector)!);
      expect(style('.body [part="name"]').color, 'agent names').to.equal(systemColour(el, 'LinkText'));
      expect(style('.body [data-figure="logged"]').color, 'figures').to.equal(probeColour(h, 'canvas-text'));
      expect(style('.sorted .sort').backgroundColor, 'the sorted column').to.equal(probeColour(h, 'highlight'));
      expect(style('.sorted .sort').color, 'the sorted column').to.equal(systemColour(el, 'HighlightText'));
      expect(style('.filter').borderTopColor, 'the filter field').to.equal(probeColour(h, 'canvas-text'));
      expect(style('.axis .tick.major').backgroundColor, 'the axis ticks').to.equal(probeColour(h, 'canvas-text'));
      // Legend swatches show what the canvas draws (the timeline's legend).
      expect(style('.swatch.sw-idle').backgroundImage).to.contain('gradient');
      await accessible(el);
    });
  }

  it('marks the current row and the focused grid in Highlight', async () => {
    const { el, h } = await mount();
    h.grid()!.focus();
    h.key('ArrowDown');
    await el.updateComplete;
    await screenshot(el, 'team-forced-colors-current');
    const highlight = probeColour(h, 'highlight');
    const row = getComputedStyle(h.domRows().find((r) => r.classList.contains('current-row'))!);
    expect(row.outlineStyle).to.equal('solid');
    expect(row.outlineColor).to.equal(highlight);
    expect(parseFloat(row.outlineWidth)).to.be.at.least(2);
    const grid = getComputedStyle(h.grid()!);
    expect(grid.outlineStyle, 'the grid focus ring (box shadows are dropped in forced colours)').to.equal('solid');
    expect(grid.outlineColor).to.equal(highlight);
    await accessible(el);
  });

  it('draws the now-line in Highlight across every lane', async () => {
    const now = Date.now();
    const today = new Date(now).toISOString().slice(0, 10);
    const empty: TraceData = { sessions: [], pauses: [], activities: [] };
    const { h } = await mount({ date: today, timeZone: 'UTC', traces: { a0: empty } });
    const p = pixels(h, 'a0');
    const dayStart = Date.parse(`${today}T00:00:00Z`);
    // The clock moves on: the now-line of the paint is at most a few pixels from now.
    const xNow = ((now - dayStart) / 86_400_000) * p.width;
    const canvas = probeKey(h, 'canvas');
    const text = probeKey(h, 'canvas-text');
    const gray = probeKey(h, 'gray-text');
    for (const band of TEAM_LAYOUT.lanes) {
      const y = band.top + band.height / 2;
      const line = [-3, -2, -1, 0, 1, 2, 3].map((dx) => p.at(xNow + dx, y)).filter((c) => c !== canvas && c !== text && c !== gray);
      expect(line.length, `now-line in ${band.lane}`).to.be.at.least(1);
    }
  });
});
