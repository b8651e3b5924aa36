/**
 * Team benchmark (docs/spec.md#targets): 500 agents × one day (≈ 150 000 activities) from the
 * provider's answer to the painted grid (≤ 300 ms), zoom redraw (≤ 16 ms), the DOM size, scrolling
 * through all 500 rows (no step over 16 ms), and the same items in vis-timeline 8.5.4 with one
 * group per agent, in the same run.
 *
 *   npx web-test-runner --config web-test-runner.bench.config.mjs "bench/team.bench.ts"
 *
 * Always passes; prints figures (ms) to the browser log.
 */
import '../src/elements/team/define.js';
import type { UserTraceTeamElement } from '../src/elements/team/team.js';
import { lastTeamPaintOf } from '../src/elements/team/team-canvas-controller.js';
import type { UserTraceProvider } from '../src/data/provider.js';
import type { TraceActivity, TraceData, TraceUser } from '../src/model/types.js';

import { loadVisTimeline } from './vis.js';

const AGENTS = 500;
const PER_AGENT = 300;
const DATE = '2026-03-03';
const ZONE = 'Europe/Prague';
const DAY_START = Date.parse('2026-03-03T00:00:00+01:00');
const WIDTH = 1600;
const TYPES = ['call', 'call', 'email', 'web', 'whatsapp', 'sms', 'ticket'];

function painted(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
}

const fmt = (ms: number): string => ms.toFixed(1).padStart(8);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Deterministic (mulberry32) day of one agent: a shift of 8 h, two pauses, `PER_AGENT` activities. */
function agentDay(seed: number): TraceData {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shiftStart = DAY_START + (6 + Math.floor(rnd() * 6)) * 3_600_000;
  const shiftEnd = shiftStart + 8 * 3_600_000;
  const activities: TraceActivity[] = [];
  let t = shiftStart;
  const step = (shiftEnd - shiftStart) / PER_AGENT;
  for (let i = 0; i < PER_AGENT; i++) {
    const length = step * (0.3 + rnd() * 0.6);
    activities.push({ id: `a${seed}-${i}`, type: TYPES[i % TYPES.length]!, start: iso(t), end: iso(t + length), closed: rnd() < 0.7 });
    t += step;
  }
  const lunch = shiftStart + 4 * 3_600_000;
  return {
    sessions: [{ start: iso(shiftStart), end: iso(shiftEnd) }],
    pauses: [
      { start: iso(shiftStart + 2 * 3_600_000), end: iso(shiftStart + 2 * 3_600_000 + 900_000), name: 'Break', paid: true },
      { start: iso(lunch), end: iso(lunch + 1_800_000), name: 'Lunch', paid: false },
    ],
    activities,
  };
}

const USERS: TraceUser[] = Array.from({ length: AGENTS }, (_, i) => ({ id: `agent-${i}`, name: `Agent ${String(i).padStart(3, '0')}` }));
const DAYS = new Map(USERS.map((u, i) => [u.id, agentDay(i + 1)]));

/** Answers at once from pre-generated days (the library validates and copies them). */
const provider: UserTraceProvider = {
  listUsers: async () => USERS,
  loadTrace: async ({ userId }) => DAYS.get(userId)!,
  loadTeamTrace: async ({ userIds }) => Object.fromEntries(userIds.map((id) => [id, DAYS.get(id)!])),
};

async function mount(): Promise<{ el: UserTraceTeamElement; answered: () => number }> {
  const el = document.createElement('user-trace-team');
  el.setAttribute('lang', 'en');
  el.setAttribute('time-zone', ZONE);
  el.date = DATE;
  el.style.width = `${WIDTH}px`;
  document.body.append(el);
  let answeredAt = 0;
  const timed: UserTraceProvider = {
    ...provider,
    loadTeamTrace: async (q) => {
      const out = await provider.loadTeamTrace!(q);
      answeredAt = performance.now();
      return out;
    },
  };
  el.provider = timed;
  return { el, answered: () => answeredAt };
}

describe('team benchmark', () => {
  it(`${AGENTS} agents × one day`, async function () {
    this.timeout(10 * 60 * 1000);
    const lines: string[] = [`team: ${AGENTS} agents × ${PER_AGENT} activities (${AGENTS * PER_AGENT} activities), ${WIDTH} px wide`];
    const wholes: number[] = [];
    let el!: UserTraceTeamElement;
    for (let run = 0; run < 5; run++) {
      const m = await mount();
      el = m.el;
      while (el.progress.total === 0 || el.progress.done < el.progress.total) await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      const t1 = await painted();
      wholes.push(t1 - m.answered());
      if (run < 4) el.remove();
    }
    wholes.sort((a, b) => a - b);
    lines.push(`answer → validated, counted, rendered, painted (median of 5, target ≤ 300)   ${fmt(wholes[2]!)} ms`);
    lines.push(`  of which canvas paint of the visible rows                                  ${fmt(lastTeamPaintOf(el)?.ms ?? NaN)} ms (${lastTeamPaintOf(el)?.rows} rows)`);
    lines.push(`shadow DOM elements                                                            ${String(el.shadowRoot!.querySelectorAll('*').length).padStart(5)}`);

    const grid = el.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
    const key = (k: string) => grid.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    const zooms: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      key(i < 3 ? '+' : '-');
      await el.updateComplete;
      zooms.push(performance.now() - t0);
    }
    zooms.sort((a, b) => a - b);
    lines.push(`zoom: update + redraw of the visible rows (median of 6, target ≤ 16)        ${fmt(zooms[3]!)} ms`);

    // Scrolling, measured two ways, each through all 500 rows in steps of 240 px (about five rows,
    // what a wheel notch or two does):
    // - "work": setting scrollTop → the element's update (render, canvas paint of the rows that came
    //   into view) → style and layout done (a layout read forces them), i.e. the main thread's part
    //   of the frame before the compositor draws it;
    // - "frames": one step per animation frame, as a fast scroll gesture does, and the interval
    //   between frames (16.7 ms at 60 Hz; a longer one is a frame that took over 16 ms).
    const scroller = grid;
    const work: number[] = [];
    const updates: number[] = [];
    const paintedRows: number[] = [];
    let maxRows = 0;
    let maxElements = 0;
    await painted();
    for (let top = 0; top < scroller.scrollHeight; top += 240) {
      const before = lastTeamPaintOf(el);
      const t0 = performance.now();
      scroller.scrollTop = top;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      updates.push(performance.now() - t0);
      el.shadowRoot!.querySelector('.body > [role="row"]:last-of-type')?.getBoundingClientRect();
      work.push(performance.now() - t0);
      const after = lastTeamPaintOf(el);
      paintedRows.push(after !== before ? (after?.rows ?? 0) : 0);
      maxRows = Math.max(maxRows, el.shadowRoot!.querySelectorAll('.body > [role="row"]').length);
      maxElements = Math.max(maxElements, el.shadowRoot!.querySelectorAll('*').length);
      await painted();
    }
    scroller.scrollTop = 0;
    await painted();
    const intervals = await new Promise<number[]>((resolve) => {
      const out: number[] = [];
      let last = 0;
      const frame = (at: number) => {
        if (last) out.push(at - last);
        last = at;
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight) return resolve(out);
        scroller.scrollTop += 240;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const stat = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, worst ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
    };
    lines.push(`scroll through ${AGENTS} rows in ${work.length} steps of 240 px (target: no frame over 16 ms)`);
    lines.push(`  work per step (update + canvas paint + style + layout): ${stat(work)}`);
    lines.push(`    of which the element's update and canvas paint:     ${stat(updates)}`);
    lines.push(`  one step per frame: frame intervals ${stat(intervals)}, ${intervals.filter((d) => d > 20).length} of ${intervals.length} longer than a 60 Hz frame`);
    lines.push(`  canvases painted per step: median ${[...paintedRows].sort((a, b) => a - b)[paintedRows.length >> 1]}, most ${Math.max(...paintedRows)}; at most ${maxRows} row elements, ${maxElements} shadow DOM elements`);
    lines.push(`shadow DOM elements after scrolling                                            ${String(el.shadowRoot!.querySelectorAll('*').length).padStart(5)}`);
    el.remove();

    // vis-timeline 8.5.4, one group per agent, the same items, its fastest configuration.
    const vis = await loadVisTimeline<{
      DataSet: new (items: unknown[]) => unknown;
      Timeline: new (container: HTMLElement, items: unknown, groups: unknown, options: Record<string, unknown>) => { destroy(): void };
    }>();
    for (const agents of [50, AGENTS]) {
      const users = USERS.slice(0, agents);
      const items = users.flatMap((u) =>
        DAYS.get(u.id)!.activities.map((a) => ({ id: a.id, group: u.id, content: '', start: new Date(a.start as string), end: new Date(a.end as string) })),
      );
      const container = document.createElement('div');
      container.style.width = `${WIDTH}px`;
      container.style.height = '600px';
      document.body.append(container);
      const t0 = performance.now();
      const timeline = new vis.Timeline(container, new vis.DataSet(items), new vis.DataSet(users.map((u) => ({ id: u.id, content: u.name }))), {
        stack: false,
        showCurrentTime: false,
        maxHeight: 600,
      });
      const t1 = await painted();
      lines.push(`vis-timeline, ${String(agents).padStart(3)} groups, ${items.length} items: first render ${fmt(t1 - t0)} ms, ${container.querySelectorAll('*').length} elements`);
      timeline.destroy();
      container.remove();
    }
    console.log(lines.join('\n'));
  });
});
