import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import readXlsxFile from 'read-excel-file/browser';
import '../../src/index.js';
import '../../src/elements/team/define.js';
import type { UserTraceTeamElement } from '../../src/elements/team/team.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import { AccessDeniedError, abortError, type LoadTeamTraceQuery, type LoadTraceQuery, type UserTraceProvider } from '../../src/data/provider.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { formatDuration, formatPercent } from '../../src/i18n/format.js';
import { TEAM_FIGURES } from '../../src/report/team-figures.js';
import type { TraceData, TraceUser } from '../../src/model/types.js';
import { TeamHarness } from '../harness/team.js';
import { TEAM_ROW_HEIGHT } from '../../src/elements/team/team-model.js';
import { HAND_TRACE } from '../export/fixtures.js';

const TZ = 'Europe/Prague';
const DATE = '2026-03-03';
const START = '2026-03-03T00:00:00+01:00';
const END = '2026-03-04T00:00:00+01:00';

/** Where each test's elements live; emptied after every test (no frame waits: a background tab may get none). */
const hosts = document.createElement('div');
document.body.append(hosts);
afterEach(() => hosts.replaceChildren());

/** Creates the element from script after upgrade, as hosts do, and sets its query. */
async function team(provider: UserTraceProvider | undefined, attributes: Record<string, string> = {}): Promise<{ el: UserTraceTeamElement; h: TeamHarness }> {
  const el = document.createElement('user-trace-team');
  el.setAttribute('lang', 'en');
  el.setAttribute('time-zone', TZ);
  el.date = DATE;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.setProperty('--user-trace-team-height', '40rem');
  el.style.width = '1400px';
  hosts.append(el);
  el.provider = provider;
  await el.updateComplete;
  return { el, h: new TeamHarness(el) };
}

/** A provider of `count` agents, each with the hand-computed day shifted by its index in minutes. */
/** Scrolls the grid as a user does (the element hears the scroll event) and waits for the update it asked for. */
async function scrollGrid(el: UserTraceTeamElement, grid: HTMLElement, top: number): Promise<void> {
  grid.scrollTop = top;
  grid.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
}

/** The user ids of the rows in the DOM, in order. */
const rowIds = (h: TeamHarness) => h.domRows().map((row) => row.dataset.user);

/** A task after the current one: what the element moves its rendered rows in after a frame. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function handTeam(count: number, options: { denied?: string[]; bad?: string[] } = {}): UserTraceProvider & { inFlight: number; maxInFlight: number; calls: number; release: () => void } {
  const users: TraceUser[] = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, name: `Agent ${String(i).padStart(3, '0')}` }));
  const waiting: (() => void)[] = [];
  const provider = {
    inFlight: 0,
    maxInFlight: 0,
    calls: 0,
    release() {
      for (const go of waiting.splice(0)) go();
    },
    async listUsers() {
      return users;
    },
    loadTrace({ userId, signal }: LoadTraceQuery): Promise<TraceData> {
      provider.calls++;
      provider.inFlight++;
      provider.maxInFlight = Math.max(provider.maxInFlight, provider.inFlight);
      return new Promise<TraceData>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(abortError()));
        waiting.push(() => {
          provider.inFlight--;
          if (options.denied?.includes(userId)) reject(new AccessDeniedError());
          else {
            const trace = structuredClone(HAND_TRACE) as TraceData;
            if (options.bad?.includes(userId)) trace.activities.push({ id: 'bad', type: 'call', start: 'not a date' });
            resolve(trace);
          }
        });
      });
    },
  };
  return provider;
}

/** Lets every waiting `loadTrace` answer until all have. */
async function releaseAll(p: ReturnType<typeof handTeam>, el: UserTraceTeamElement): Promise<void> {
  await waitUntil(() => {
    p.release();
    return el.progress.total > 0 && el.progress.done === el.progress.total;
  }, 'rows did not fill in', { timeout: 15000 });
  await el.updateComplete;
}

/** A team of `count` hand-made agents, all rows filled in, and its scrolling grid. */
async function loadedTeam(count: number): Promise<{ el: UserTraceTeamElement; h: TeamHarness; grid: HTMLElement }> {
  const p = handTeam(count);
  const { el, h } = await team(p);
  await releaseAll(p, el);
  return { el, h, grid: h.grid()! };
}

describe('<user-trace-team>', () => {
  it('shows one row per agent with the figures computeStats gives for that agent', async () => {
    const demo = new DemoProvider({ seed: 3, now: () => Date.parse('2026-06-01T00:00:00Z') });
    const { el, h } = await team(demo);
    await h.loaded();
    const users = demo.users(false);
    expect(el.rows.length).to.equal(users.length);
    for (const row of el.rows) {
      const raw = await demo.loadTrace({ userId: row.user.id, start: START, end: END, signal: new AbortController().signal });
      expect(row.stats, row.user.id).to.deep.equal(computeStats(raw, { start: START, end: END }));
    }
    // What the rendered rows say is the same figures, formatted.
    const shown = h.domRows();
    expect(shown.length).to.be.greaterThan(3);
    for (const dom of shown) {
      const id = dom.dataset.user!;
      const raw = await demo.loadTrace({ userId: id, start: START, end: END, signal: new AbortController().signal });
      const stats = computeStats(raw, { start: START, end: END });
      expect(h.figure(id, 'logged')).to.equal(formatDuration(stats.login.logged));
      expect(h.figure(id, 'idle')).to.equal(formatDuration(stats.login.idle));
      expect(h.figure(id, 'pausedUnpaid')).to.equal(formatDuration(stats.pauses.unpaid));
      expect(h.figure(id, 'callsClosed')).to.equal(String(stats.calls.closed));
      if (stats.login.occupancy !== null) expect(h.figure(id, 'occupancy')).to.equal(formatPercent(stats.login.occupancy, 'en'));
      expect(dom.querySelector('canvas')).to.exist;
    }
    await expect(el).to.be.accessible();
  });

  it('sorts by a column, both ways, and by name again', async () => {
    const demo = new DemoProvider({ seed: 3, now: () => Date.parse('2026-06-01T00:00:00Z') });
    const { el, h } = await team(demo);
    await h.loaded();
    const names = el.rows.map((r) => r.name);
    expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    h.sort('Logged in');
    await el.updateComplete;
    const logged = el.rows.map((r) => r.stats!.login.logged);
    expect(logged).to.deep.equal([...logged].sort((a, b) => b - a));
    expect(h.root.querySelector('[aria-sort="descending"]')?.textContent).to.contain('Logged in');
    h.sort('Logged in');
    await el.updateComplete;
    const again = el.rows.map((r) => r.stats!.login.logged);
    expect(again).to.deep.equal([...again].sort((a, b) => a - b));
    // The rendered rows follow the order.
    expect(h.domRows()[0]!.dataset.user).to.equal(el.rows[0]!.user.id);
    h.sort('Agent');
    await el.updateComplete;
    expect(el.rows.map((r) => r.name)).to.deep.equal(names);
  });

  it('hides deactivated agents unless "show deactivated" is on, and filters by name', async () => {
    const demo = new DemoProvider({ seed: 3, now: () => Date.parse('2026-06-01T00:00:00Z') });
    const { el, h } = await team(demo);
    await h.loaded();
    const active = demo.users(false);
    expect(el.rows.length).to.equal(active.length);
    expect(el.rows.some((r) => r.user.deactivated)).to.equal(false);
    const changed = oneEvent(el, 'user-trace-change');
    h.checkbox('Show deactivated users').click();
    expect((await changed).detail.query.includeDeactivated).to.equal(true);
    await h.loaded();
    await waitUntil(() => el.rows.length === demo.users(true).length, 'deactivated agents were not added', { timeout: 15000 });
    expect(el.includeDeactivated).to.equal(true);
    const someone = active[0]!.name;
    h.filter(someone.slice(0, 4).toLowerCase());
    await el.updateComplete;
    expect(el.rows.length).to.be.greaterThan(0);
    expect(el.rows.every((r) => r.name.toLowerCase().includes(someone.slice(0, 4).toLowerCase()))).to.equal(true);
    h.filter('zzzz-nobody');
    await el.updateComplete;
    expect(h.root.querySelector('.no-rows')?.textContent).to.equal('No agent matches the filter.');
    await expect(el).to.be.accessible();
  });

  it('marks only the denied agent\'s row "no access", and reports bad records per row', async () => {
    const p = handTeam(5, { denied: ['a2'], bad: ['a3'] });
    const { el, h } = await team(p);
    await releaseAll(p, el);
    const denied = h.row('a2')!;
    expect(denied.dataset.status).to.equal('denied');
    expect(denied.querySelector('[data-state="denied"]')?.textContent).to.equal('No access');
    expect(h.figure('a2', 'logged')).to.equal('');
    expect(h.row('a1')!.dataset.status).to.equal('ready');
    expect(h.figure('a1', 'logged')).to.equal('8:00:00');
    expect(h.figure('a1', 'occupancy')).to.equal('30%');
    expect(h.row('a3')!.querySelector('.row-warning')?.textContent).to.equal('1 invalid record left out');
    expect(h.row('a1')!.querySelector('.row-warning')).to.equal(null);
    expect(h.root.querySelector('[data-state="denied"].state')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps at most six loadTrace calls in flight, filling rows in as they answer', async () => {
    const p = handTeam(20);
    const { el, h } = await team(p);
    await waitUntil(() => p.inFlight === 6, 'six loads did not start');
    expect(el.progress).to.deep.equal({ done: 0, total: 20 });
    expect(h.root.querySelector('progress')).to.exist;
    await expect(el).to.be.accessible();
    p.release();
    await waitUntil(() => el.progress.done === 6, 'the first six rows did not fill in');
    await el.updateComplete;
    expect(h.row('a0')!.dataset.status).to.equal('ready');
    expect(h.row('a10')!.dataset.status).to.equal('loading');
    await releaseAll(p, el);
    expect(p.maxInFlight).to.equal(6);
    expect(p.calls).to.equal(20);
    expect(h.root.querySelector('progress')).to.equal(null);
  });

  it('asks loadTeamTrace once when the provider has it; a user it leaves out has no access', async () => {
    const calls: LoadTeamTraceQuery[] = [];
    const users: TraceUser[] = [{ id: 'x', name: 'Xenie' }, { id: 'y', name: 'Yvona' }, { id: 'z', name: 'Zora' }];
    const provider: UserTraceProvider = {
      async listUsers() {
        return users;
      },
      async loadTrace() {
        throw new Error('loadTrace must not be called');
      },
      async loadTeamTrace(q) {
        calls.push(q);
        return { x: structuredClone(HAND_TRACE), y: { sessions: [], pauses: [], activities: [] } };
      },
    };
    const { h } = await team(provider);
    await h.loaded();
    expect(calls.length).to.equal(1);
    expect(calls[0]!.userIds).to.deep.equal(['x', 'y', 'z']);
    expect(calls[0]!.start).to.equal(START);
    expect(calls[0]!.end).to.equal(END);
    expect(h.figure('x', 'logged')).to.equal('8:00:00');
    expect(h.figure('y', 'logged')).to.equal('0:00:00');
    expect(h.row('z')!.dataset.status).to.equal('denied');
  });

  it('a new day aborts the loads in flight and drops their answers', async () => {
    const signals: AbortSignal[] = [];
    const dates: string[] = [];
    const provider: UserTraceProvider = {
      async listUsers() {
        return [{ id: 'a', name: 'Anna' }];
      },
      loadTrace({ start, signal }) {
        signals.push(signal);
        dates.push(start);
        return new Promise((resolve) => setTimeout(() => resolve(start.startsWith('2026-03-03') ? structuredClone(HAND_TRACE) : { sessions: [], pauses: [], activities: [] }), 0));
      },
    };
    const { el, h } = await team(provider);
    await waitUntil(() => signals.length === 1);
    el.date = '2026-03-04';
    await waitUntil(() => signals.length === 2, 'the new day was not loaded');
    expect(signals[0]!.aborted).to.equal(true);
    await h.loaded();
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect(h.figure('a', 'logged')).to.equal('0:00:00');
  });

  it('moves with the keyboard: ↑/↓ rows, ←/→ through the day, Enter opens the agent', async () => {
    const p = handTeam(4);
    const { el, h } = await team(p);
    await releaseAll(p, el);
    // The first arrow key puts the keyboard on the first row (focus events need a focused page).
    h.key('ArrowDown');
    await el.updateComplete;
    expect(h.grid()!.getAttribute('aria-activedescendant')).to.equal('cell-0');
    expect(h.currentLabel()).to.match(/^Agent 000: Logged in 8 h/);
    h.key('ArrowDown');
    await el.updateComplete;
    expect(h.grid()!.getAttribute('aria-activedescendant')).to.equal('cell-1');
    h.key('ArrowRight');
    await el.updateComplete;
    // The day's first item is the ready segment from 8:00, then the calls.
    expect(h.currentLabel()).to.match(/^Agent 001: Ready, 8:00.*\(1 of \d+\)$/);
    h.key('ArrowRight');
    await el.updateComplete;
    expect(h.currentLabel()).to.match(/^Agent 001: Call, 8:10.*\(2 of \d+\)$/);
    expect(h.row('a1')!.querySelector('[part="current"]')).to.exist;
    h.key('ArrowUp');
    await el.updateComplete;
    expect(h.grid()!.getAttribute('aria-activedescendant')).to.equal('cell-0');
    const opened = oneEvent(el, 'user-trace-user-open');
    h.key('Enter');
    const event = await opened;
    expect(event.detail).to.deep.equal({ userId: 'a0', date: DATE });
    expect(event.cancelable).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('inside <user-trace> opening an agent shows that agent in the single-agent elements, unless cancelled', async () => {
    const demo = new DemoProvider({ seed: 3, now: () => Date.parse('2026-06-01T00:00:00Z') });
    render(
      html`<user-trace lang="en" time-zone=${TZ} date=${DATE}>
        <user-trace-team></user-trace-team>
        <user-trace-timeline></user-trace-timeline>
      </user-trace>`,
      hosts,
    );
    const page = hosts.querySelector<UserTraceContainerElement>('user-trace')!;
    page.provider = demo;
    const el = page.querySelector('user-trace-team')!;
    const timeline = page.querySelector<UserTraceTimelineElement>('user-trace-timeline')!;
    const h = new TeamHarness(el);
    await h.loaded();
    const [first, second] = el.rows.filter((r) => (r.stats?.login.logged ?? 0) > 0);
    // Cancelled: nothing changes.
    const cancel = (e: Event) => e.preventDefault();
    page.addEventListener('user-trace-user-open', cancel, { once: true });
    h.row(first!.user.id)!.querySelector<HTMLButtonElement>('[part="name"]')!.click();
    await page.updateComplete;
    expect(page.store.snapshot.query.userId).to.equal(null);
    // Not cancelled: the container's query shows the agent.
    const changed = oneEvent(page, 'user-trace-change');
    h.row(second!.user.id)!.querySelector<HTMLButtonElement>('[part="name"]')!.click();
    expect((await changed).detail.query.userId).to.equal(second!.user.id);
    expect(page.userId).to.equal(second!.user.id);
    await waitUntil(() => page.store.snapshot.status !== 'loading', 'the agent did not load', { timeout: 15000 });
    expect(page.store.snapshot.status, page.store.snapshot.error?.message).to.equal('ready');
    await timeline.updateComplete;
    expect(timeline.activityCount).to.be.greaterThan(0);
    expect(timeline.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.contain(second!.name);
    // The team stays.
    expect(el.rows.length).to.equal(demo.users(false).length);
  });

  it('shows the whole team denied, an error with retry, no provider and no agents accessibly', async () => {
    const denied: UserTraceProvider = {
      listUsers: async () => Promise.reject(new AccessDeniedError()),
      loadTrace: async () => Promise.reject(new AccessDeniedError()),
    };
    const a = await team(denied);
    await waitUntil(() => a.h.root.querySelector('[data-state="denied"]'), 'no denied state');
    await expect(a.el).to.be.accessible();

    let fail = true;
    const failing: UserTraceProvider = {
      listUsers: async () => [{ id: 'a', name: 'Anna' }],
      loadTrace: async () => ({ sessions: [], pauses: [], activities: [] }),
      loadTeamTrace: async () => {
        if (fail) throw new Error('Team service down');
        return { a: structuredClone(HAND_TRACE) };
      },
    };
    const b = await team(failing);
    await waitUntil(() => b.h.root.querySelector('[data-state="error"]'), 'no error state');
    expect(b.h.root.querySelector('[data-state="error"]')!.textContent).to.contain('Team service down');
    await expect(b.el).to.be.accessible();
    fail = false;
    b.h.root.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await b.h.loaded();
    expect(b.h.figure('a', 'logged')).to.equal('8:00:00');

    const c = await team(undefined);
    expect(c.h.root.querySelector('[data-state="no-provider"]')).to.exist;
    await expect(c.el).to.be.accessible();

    const nobody: UserTraceProvider = { listUsers: async () => [], loadTrace: async () => ({ sessions: [], pauses: [], activities: [] }) };
    const d = await team(nobody);
    await waitUntil(() => d.h.root.querySelector('.no-rows'), 'no empty state');
    expect(d.h.root.querySelector('.no-rows')!.textContent).to.equal('There are no agents to show.');
    await expect(d.el).to.be.accessible();
  });

  it('renders only the visible rows of 500 agents', async () => {
    const users: TraceUser[] = Array.from({ length: 500 }, (_, i) => ({ id: `u${i}`, name: `Agent ${String(i).padStart(3, '0')}` }));
    const provider: UserTraceProvider = {
      listUsers: async () => users,
      loadTrace: async () => ({ sessions: [], pauses: [], activities: [] }),
      loadTeamTrace: async ({ userIds }) => Object.fromEntries(userIds.map((id) => [id, structuredClone(HAND_TRACE)])),
    };
    const { el, h } = await team(provider);
    await h.loaded();
    expect(el.rows.length).to.equal(500);
    const rendered = h.domRows().length;
    expect(rendered).to.be.greaterThan(5);
    expect(rendered).to.be.lessThan(40);
    expect(h.grid()!.getAttribute('aria-rowcount')).to.equal('501');
    h.grid()!.focus();
    h.key('End', { ctrlKey: true });
    await el.updateComplete;
    await el.updateComplete;
    expect(h.grid()!.getAttribute('aria-activedescendant')).to.equal('cell-499');
    expect(h.row('u499')).to.exist;
    expect(h.domRows().length).to.be.lessThan(40);
  });

  it('zooms to a window attribute and fits the shift', async () => {
    const p = handTeam(2);
    const { el, h } = await team(p, { window: '08:00-16:00' });
    await releaseAll(p, el);
    const labels = () => [...h.root.querySelectorAll<HTMLElement>('.axis .tick-label')].filter((s) => !s.hidden).map((s) => s.textContent!.trim());
    const windowed = labels();
    expect(windowed[0]).to.match(/^0?8:00/);
    expect(windowed[windowed.length - 1]).to.match(/^0?4:00|^16:00/);
    el.resetZoom();
    await el.updateComplete;
    expect(labels()[0]).to.match(/^12:00|^0?0:00/);
    el.fitToShift();
    await el.updateComplete;
    // 7:45–16:15: the shift with a quarter hour either side.
    expect(labels()[0]).to.match(/^0?8:00/);
    expect(TEAM_FIGURES.length).to.equal(10);
  });

  for (const lang of ['cs', 'en']) {
    it(`shows the header's hour labels inside the axis, none overlapping, at 1400, 1024 and 800 px (${lang})`, async () => {
      const p = handTeam(3);
      const { el, h } = await team(p, { lang });
      await releaseAll(p, el);
      for (const width of [1400, 1024, 800]) {
        el.style.width = `${width}px`;
        // The element measures through a ResizeObserver (frames in a background tab are not guaranteed): ask again.
        el.requestUpdate();
        await el.updateComplete;
        const axis = h.root.querySelector<HTMLElement>('.axis')!.getBoundingClientRect();
        const plot = h.root.querySelector<HTMLElement>('.body .cell.plot')!.getBoundingClientRect();
        expect(Math.round(axis.width), `axis as wide as the plots at ${width}`).to.equal(Math.round(plot.width));
        expect(axis.width).to.be.greaterThan(300);
        const labels = [...h.root.querySelectorAll<HTMLElement>('.axis .tick-label:not([hidden])')].map((l) => ({ text: l.textContent!.trim(), box: l.getBoundingClientRect() }));
        expect(labels.length, `labels at ${width}`).to.be.within(3, 12);
        for (const { text, box } of labels) {
          expect(box.width, text).to.be.greaterThan(10);
          expect(box.left, `${text} at ${width}`).to.be.at.least(axis.left - 0.5);
          expect(box.right, `${text} at ${width}`).to.be.at.most(axis.right + 0.5);
          expect(box.top).to.be.at.least(axis.top - 0.5);
          expect(box.bottom).to.be.at.most(axis.bottom + 0.5);
        }
        for (let i = 1; i < labels.length; i++) expect(labels[i]!.box.left, `${labels[i - 1]!.text} | ${labels[i]!.text}`).to.be.greaterThan(labels[i - 1]!.box.right);
      }
    });
  }

  it('keeps the rows (and their painted canvases) that stay in view while scrolling', async () => {
    const { el, h, grid } = await loadedTeam(60);
    const canvasOf = (id: string) => h.row(id)?.querySelector('canvas') ?? null;
    const kept = canvasOf('a8')!;
    expect(kept).to.exist;
    await scrollGrid(el, grid, 5 * 40);
    expect(canvasOf('a8'), 'the same canvas').to.equal(kept);
    await scrollGrid(el, grid, 40 * 40);
    expect(h.row('a8')).to.equal(null);
    expect(h.row('a40')).to.exist;
    expect(h.domRows().length).to.be.lessThan(40);
  });

  it('moves its rendered rows after the frame when the rows scrolled into view are rendered, at once when they are not', async () => {
    const { el, h, grid } = await loadedTeam(60);
    const ids = () => rowIds(h);
    const before = ids();
    const next = el.rows[before.length]!.user.id;
    expect(h.row(next), 'below the rendered rows').to.equal(null);
    // Two rows down: they were rendered ahead, so the scroll event's frame changes nothing …
    await scrollGrid(el, grid, 2 * TEAM_ROW_HEIGHT);
    expect(ids(), 'in the frame of the scroll').to.deep.equal(before);
    // … and the rows ahead are rendered (with their canvases) in a task after it.
    await nextTask();
    await el.updateComplete;
    expect(h.row(next), 'rendered ahead').to.exist;
    expect(h.row(next)!.querySelector('canvas'), 'painted ahead').to.exist;
    // A jump past the rendered rows renders the rows in view in its own frame.
    await scrollGrid(el, grid, 30 * TEAM_ROW_HEIGHT);
    expect(h.row(el.rows[30]!.user.id), 'in the frame of the jump').to.exist;
    expect(h.row(el.rows[2]!.user.id), 'scrolled far out').to.equal(null);
  });

  it('drops its rows and their count when the provider goes', async () => {
    const p = handTeam(3);
    const { el } = await team(p);
    await releaseAll(p, el);
    expect(el.progress).to.deep.equal({ done: 3, total: 3 });
    expect(el.rows.every((r) => r.data.status === 'ready')).to.equal(true);
    el.provider = undefined;
    await el.updateComplete;
    expect(el.rows.filter((r) => r.data.status === 'ready'), 'no data without a provider').to.deep.equal([]);
    expect(el.progress.done).to.equal(0);
  });

  it('keeps rows rendered above the last ones once scrolled to the end, for the way back', async () => {
    const { el, h, grid } = await loadedTeam(60);
    const ids = () => rowIds(h);
    const bottom = grid.scrollHeight - grid.clientHeight;
    for (let top = 0; top <= bottom; top += 3 * TEAM_ROW_HEIGHT) {
      await scrollGrid(el, grid, Math.min(top + 3 * TEAM_ROW_HEIGHT, bottom));
      await nextTask();
      await el.updateComplete;
    }
    expect(ids().at(-1), 'the last row').to.equal(el.rows.at(-1)!.user.id);
    const before = ids();
    // Four rows back up: more than the two rows kept behind a scroll, but rendered for the way back.
    await scrollGrid(el, grid, bottom - 4 * TEAM_ROW_HEIGHT);
    expect(ids(), 'in the frame of the first step back').to.deep.equal(before);
  });

  it('gives a row that scrolls into view the canvas of one that scrolled out, painted for its own agent', async () => {
    // Odd agents have the hand-computed day, even ones an empty day: a reused canvas must show its new row's.
    const users: TraceUser[] = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, name: `Agent ${String(i).padStart(3, '0')}` }));
    const empty: TraceData = { sessions: [], pauses: [], activities: [] };
    const provider: UserTraceProvider = {
      listUsers: async () => users,
      loadTrace: async () => empty,
      loadTeamTrace: async ({ userIds }) => Object.fromEntries(userIds.map((id) => [id, structuredClone(Number(id.slice(1)) % 2 ? HAND_TRACE : empty)])),
    };
    const { el, h } = await team(provider);
    await h.loaded();
    const canvasOf = (row: HTMLElement) => row.querySelector('canvas')!;
    const pixels = (canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.join();
    const expected = [pixels(canvasOf(h.row('a0')!)), pixels(canvasOf(h.row('a1')!))];
    expect(expected[0]).not.to.equal(expected[1]);
    const grid = h.grid()!;
    // From the middle to the middle: as many rows rendered before as after.
    await scrollGrid(el, grid, 10 * TEAM_ROW_HEIGHT);
    const before = new Set(h.domRows().map(canvasOf));
    await scrollGrid(el, grid, 40 * TEAM_ROW_HEIGHT);
    const rows = h.domRows();
    expect(rows.length).to.equal(before.size);
    expect(h.row('a10'), 'scrolled out').to.equal(null);
    expect(rows.every((row) => before.has(canvasOf(row))), 'no new canvas').to.equal(true);
    for (const row of rows) expect(pixels(canvasOf(row)) === expected[Number(row.dataset.user!.slice(1)) % 2], row.dataset.user).to.equal(true);
    expect(rows.map((row) => canvasOf(row).dataset.user)).to.deep.equal(rows.map((row) => row.dataset.user));
  });

  it('exports one Excel row per agent shown, with the columns of the grid', async () => {
    const p = handTeam(3, { denied: ['a2'] });
    const { el } = await team(p);
    await releaseAll(p, el);
    el.addEventListener('user-trace-export-done', (e) => e.preventDefault(), { once: true });
    const started = oneEvent(el, 'user-trace-export');
    const blob = await el.exportTeam();
    expect((await started).detail).to.include({ format: 'xlsx', rows: 3, fileName: 'team-2026-03-03.xlsx' });
    const rows = (await readXlsxFile(blob!))[0]!.data as unknown[][];
    expect(rows[0]!.slice(0, 3)).to.deep.equal(['Agent', null, 'Logged in']);
    expect(rows.length).to.equal(4);
    expect(rows[1]![0]).to.equal('Agent 000');
    // A duration cell ([h]:mm:ss): read back as that many hours after Excel's day zero.
    expect((rows[1]![2] as Date).getTime()).to.equal(Date.UTC(1899, 11, 30, 8));
    expect(rows[3]![1]).to.equal('No access');
  });
});
