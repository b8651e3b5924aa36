import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import { AccessDeniedError } from '../../src/data/provider.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import { CountingProvider, deepQueryAll, deepText, openDemoFrame, settle } from './helpers.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { TimelineHarness } from '../harness/timeline.js';

const NOW = Date.parse('2026-03-12T12:00:00+01:00');
const loaded = (page: UserTraceContainerElement) =>
  waitUntil(() => ['ready', 'empty'].includes(page.store.snapshot.status), 'trace loaded', { timeout: 5000 });

async function page(provider: CountingProvider, children = true) {
  const el = await fixture<UserTraceContainerElement>(
    children
      ? html`<user-trace lang="en" time-zone="Europe/Prague" date="2026-03-10" user-id="jana.novakova" .provider=${provider}>
          <user-trace-timeline></user-trace-timeline>
          <user-trace-stats></user-trace-stats>
          <user-trace-activities></user-trace-activities>
        </user-trace>`
      : html`<user-trace lang="en" time-zone="Europe/Prague" date="2026-03-10" user-id="jana.novakova" .provider=${provider}></user-trace>`,
  );
  await loaded(el);
  return el;
}

describe('<user-trace> container (end to end)', () => {
  it('shares one load per query with the three elements inside it', async () => {
    const provider = new CountingProvider(new DemoProvider({ seed: 3, now: () => NOW }));
    const el = await page(provider);
    await settle();
    expect(provider.traceCalls).to.have.length(1);
    expect(provider.userCalls).to.have.length(1);
    for (const child of Array.from(el.children) as (HTMLElement & { store: unknown })[]) {
      expect(child.store).to.equal(el.store);
    }

    // A change through the UI of one element: one more load, seen by all of them.
    const timeline = el.querySelector('user-trace-timeline')!;
    const next = deepQueryAll<HTMLButtonElement>(timeline.shadowRoot!, 'button').find((b) => b.getAttribute('aria-label') === 'Next day')!;
    setTimeout(() => next.click());
    const change = await oneEvent(el, 'user-trace-change');
    expect(change.detail.query.date).to.equal('2026-03-11');
    await loaded(el);
    expect(provider.traceCalls).to.have.length(2);
    expect(provider.traceCalls[1]!.start).to.equal('2026-03-11T00:00:00+01:00');
    expect(el.getAttribute('date')).to.equal('2026-03-11');
    for (const child of Array.from(el.children)) expect(child.getAttribute('date')).to.equal('2026-03-11');

    // Drawing-only changes do not load.
    el.minutes = true;
    await el.updateComplete;
    await settle();
    expect(provider.traceCalls).to.have.length(2);
  });

  it('renders the product layout when it has no children, with one load', async () => {
    const provider = new CountingProvider(new DemoProvider({ seed: 3, now: () => NOW }));
    const el = await page(provider, false);
    const root = el.shadowRoot!;
    expect(root.querySelector('user-trace-timeline')).to.exist;
    expect(root.querySelector('user-trace-stats')).to.exist;
    expect(root.querySelector('user-trace-activities')).to.exist;
    await settle();
    expect(provider.traceCalls).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('quick switching shows the last choice', async () => {
    const provider = new CountingProvider(new DemoProvider({ seed: 3, now: () => NOW }));
    const el = await page(provider);
    provider.delays.set('petr.dvorak', 300);
    provider.delays.set('lucie.cerna', 10);
    el.userId = 'petr.dvorak';
    await el.updateComplete;
    el.userId = 'lucie.cerna';
    await el.updateComplete;
    await loaded(el);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(provider.traceCalls.map((c) => c.userId)).to.deep.equal(['jana.novakova', 'petr.dvorak', 'lucie.cerna']);
    expect(provider.traceCalls[1]!.signal.aborted).to.equal(true);
    expect(el.store.snapshot.view!.userId).to.equal('lucie.cerna');
    expect(deepText(el)).to.contain('Lucie Černá');
  });

  it('after a denial no text of the previous user is left anywhere and export is unavailable', async () => {
    const provider = new CountingProvider(new DemoProvider({ seed: 3, now: () => NOW }));
    const el = await page(provider);
    const view = el.store.snapshot.view!;
    const titles = view.prepared.activities.map((a) => a.record.title).filter((t): t is string => !!t && t.length > 6);
    expect(titles.length).to.be.greaterThan(0);
    expect(deepText(el)).to.contain('Jana Nováková');

    provider.failWith = new AccessDeniedError();
    const errorEvent = oneEvent(el, 'user-trace-error');
    el.date = '2026-03-11';
    await errorEvent;
    await el.updateComplete;
    await settle();
    for (const child of Array.from(el.children) as HTMLElement[]) await (child as unknown as { updateComplete: Promise<unknown> }).updateComplete;

    const text = deepText(el);
    expect(text).to.not.contain('Jana Nováková');
    for (const title of new Set(titles)) expect(text, title).to.not.contain(title);
    expect(text).to.contain('No access to User tracing');
    const exportButtons = deepQueryAll<HTMLButtonElement>(el, '[part~="export-button"]');
    expect(exportButtons.every((b) => b.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('demo console under a strict Content-Security-Policy', function () {
  // A whole page in a frame: on a loaded machine its first load takes a while.
  this.timeout(60_000);
  async function openConsole(search: string) {
    const frame = await openDemoFrame(search, 1280);
    const doc = frame.contentDocument!;
    const page = doc.querySelector('user-trace') as UserTraceContainerElement;
    await waitUntil(() => page?.store && !['idle', 'loading'].includes(page.store.snapshot.status), 'console loaded', { timeout: 40_000 });
    return { frame, doc, page };
  }

  it('opens today on an agent who is working now when the URL names nobody', async () => {
    const { frame, page } = await openConsole('lang=en&role=supervisor');
    const chosen = page.getAttribute('user-id');
    const now = new Date();
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).toISOString();
    const signal = new AbortController().signal;
    const provider = page.provider!;
    // Who is working now, asked of the same API (the demo's clock is the real one).
    const working: { id: string; busy: boolean }[] = [];
    for (const user of (await provider.listUsers({ includeDeactivated: false, signal })).slice(0, 20)) {
      const trace = await provider.loadTrace({ userId: user.id, start, end, signal });
      if (trace.sessions.some((s) => s.end === null)) working.push({ id: user.id, busy: trace.activities.some((a) => a.end === null) });
    }
    if (!working.length) {
      expect(chosen).to.equal('jana.novakova');
    } else {
      expect(working.map((w) => w.id)).to.include(chosen);
      if (working.some((w) => w.busy)) expect(working.find((w) => w.id === chosen)!.busy, 'an activity runs').to.equal(true);
      expect(page.store.snapshot.view!.live).to.equal(true);
      const timeline = page.shadowRoot!.querySelector('user-trace-timeline') ?? page.querySelector('user-trace-timeline');
      expect(timeline!.shadowRoot!.querySelector('.sw-now'), 'the now-line is in the legend').to.exist;
    }
    // Today in the console's zone (its time-zone attribute), not in the browser's.
    expect(page.store.snapshot.query.date).to.equal(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(now));
    expect(new URLSearchParams(frame.contentWindow!.location.search).get('user')).to.equal(chosen);
    frame.remove();
  });

  it('shows data over real HTTP with no CSP or Trusted Types violation', async () => {
    const { frame, page } = await openConsole('lang=en&user=jana.novakova&date=2026-11-23&period=day&role=supervisor');
    expect(page.store.snapshot.status).to.equal('ready');
    expect(page.store.snapshot.view!.prepared.activities.length).to.be.greaterThan(10);
    // All three parts show the data: drawn lanes, figures, rows.
    const root = page.shadowRoot!;
    const timeline = root.querySelector('user-trace-timeline')!;
    const stats = root.querySelector('user-trace-stats')!;
    const list = root.querySelector('user-trace-activities')!;
    await waitUntil(() => timeline.shadowRoot!.querySelector('canvas')?.width, 'canvas sized');
    // The canvas paints in the element's update; no animation frame (a background tab may get none).
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const canvas = timeline.shadowRoot!.querySelector('canvas')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4 * 7) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    expect(colours.size, 'distinct colours drawn on the overview').to.be.greaterThan(6);
    expect(deepText(stats)).to.match(/Time on calls[\s\S]*\d+:\d\d:\d\d/);
    expect(deepQueryAll(list.shadowRoot!, '[part~="row"]').length).to.be.greaterThan(5);
    expect(deepText(list)).to.contain('Call');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reports = (await (await fetch('/__csp-report')).json()) as unknown[];
    expect(reports, JSON.stringify(reports)).to.deep.equal([]);
    frame.remove();
  });

  it('shows the same agent through DaktelaProvider, still under the strict policy', async () => {
    try {
      const { frame, doc, page } = await openConsole('api=daktela&lang=en&user=jana.novakova&date=2026-11-23&period=day&role=supervisor');
      expect((doc.getElementById('api') as HTMLSelectElement).value).to.equal('daktela');
      expect(page.store.snapshot.status).to.equal('ready');
      const view = page.store.snapshot.view!;
      expect(view.prepared.activities.length).to.be.greaterThan(10);
      expect(view.prepared.sessions.length, 'sessions from the status history callback').to.be.greaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const reports = (await (await fetch('/__csp-report')).json()) as unknown[];
      expect(reports, JSON.stringify(reports)).to.deep.equal([]);
      frame.remove();
    } finally {
      sessionStorage.removeItem('user-trace-demo-api');
    }
  });

  it('writes the Excel and PDF exports in workers under the strict policy (Trusted Types), nothing blocked', async () => {
    const { frame, doc, page } = await openConsole('lang=en&user=jana.novakova&date=2026-11-23&period=week&role=supervisor');
    expect(page.store.snapshot.status).to.equal('ready');
    // Count the workers the page starts and the files they send back.
    const win = frame.contentWindow as unknown as { Worker: typeof Worker; Blob: typeof Blob };
    const RealWorker = win.Worker;
    const started: string[] = [];
    let written = 0;
    win.Worker = function (url: string | URL, options?: WorkerOptions) {
      started.push(String(url).replace(/^.*\/|\.js.*$/g, ''));
      const worker = new RealWorker(url, options);
      worker.addEventListener('message', (event) => {
        if ((event.data as { kind?: string }).kind === 'done') written++;
      });
      return worker;
    } as unknown as typeof Worker;
    const list = deepQueryAll(doc, 'user-trace-activities')[0] as HTMLElement & { exportAs(format: string): Promise<Blob | null> };
    for (const format of ['xlsx', 'pdf']) {
      list.addEventListener('user-trace-export-done', (event) => event.preventDefault(), { once: true });
      const blob = await list.exportAs(format);
      expect(blob, format).to.be.instanceOf(win.Blob);
      expect(blob!.size).to.be.greaterThan(5000);
    }
    expect([started, written], 'workers started, files written in them').to.deep.equal([['xlsx-worker', 'pdf-worker'], 2]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reports = (await (await fetch('/__csp-report')).json()) as unknown[];
    expect(reports, JSON.stringify(reports)).to.deep.equal([]);
    frame.remove();
  });

  it('shows the agent role the no-access state', async () => {
    const { frame, page } = await openConsole('lang=en&user=jana.novakova&date=2026-11-23&role=agent');
    expect(page.store.snapshot.status).to.equal('denied');
    expect(deepText(page)).to.contain('No access to User tracing');
    frame.remove();
  });

  it('keeps the view in the URL: reload restores it, back and forward work', async () => {
    const { frame, page } = await openConsole('lang=en&user=jana.novakova&date=2026-11-23&period=day&role=supervisor');
    const win = frame.contentWindow!;
    const timeline = page.shadowRoot!.querySelector('user-trace-timeline')!;
    const week = [...timeline.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Week')!;
    week.click();
    await waitUntil(() => new URLSearchParams(win.location.search).get('period') === 'week', 'URL has the week');
    expect(new URLSearchParams(win.location.search).get('user')).to.equal('jana.novakova');

    win.history.back();
    await waitUntil(() => page.store.snapshot.query.period === 'day', 'back restores the day view', { timeout: 5000 });
    win.history.forward();
    await waitUntil(() => page.store.snapshot.query.period === 'week', 'forward restores the week view', { timeout: 5000 });

    win.location.reload();
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const reloaded = frame.contentDocument!.querySelector('user-trace') as UserTraceContainerElement;
    await waitUntil(() => reloaded.store && reloaded.store.snapshot.status === 'ready', 'reloaded', { timeout: 10000 });
    expect(reloaded.store.snapshot.query).to.include({ userId: 'jana.novakova', date: '2026-11-23', period: 'week' });
    frame.remove();
  });

  it('navigates from a URL that names a user and a date: the view and the URL agree at every step', async () => {
    const { frame, page } = await openConsole('lang=en&user=jana.novakova&date=2026-11-23&period=day&role=supervisor');
    const win = frame.contentWindow!;
    const timelineEl = page.shadowRoot!.querySelector('user-trace-timeline') as UserTraceTimelineElement;
    await timelineEl.updateComplete;
    const timeline = new TimelineHarness(timelineEl);
    const agree = async (userId: string, date: string, period = 'day') => {
      await waitUntil(
        () => {
          const { status, view, query } = page.store.snapshot;
          const url = new URLSearchParams(win.location.search);
          return ['ready', 'empty'].includes(status) && view?.userId === userId && query.date === date && query.period === period &&
            url.get('user') === userId && url.get('date') === date && url.get('period') === period;
        },
        `view and URL show ${userId} ${date} ${period}`,
        { timeout: 10000 },
      ).catch((error: Error) => {
        const { status, view, query } = page.store.snapshot;
        throw new Error(`${error.message}; shown: ${status} ${view?.userId} ${query.date} ${query.period}; URL: ${win.location.search}`);
      });
      await timelineEl.updateComplete;
      expect(timeline.heading()).to.contain(page.store.snapshot.user!.name);
      expect(page.getAttribute('user-id')).to.equal(userId);
      expect(page.getAttribute('date')).to.equal(date);
    };
    await agree('jana.novakova', '2026-11-23');
    timeline.next();
    await agree('jana.novakova', '2026-11-24');
    await timeline.pickUser('Petr Dvo');
    await agree('petr.dvorak', '2026-11-24');
    timeline.week();
    await agree('petr.dvorak', '2026-11-24', 'week');
    timeline.toggleMinutes();
    win.history.back();
    await agree('petr.dvorak', '2026-11-24');
    win.history.back();
    await agree('jana.novakova', '2026-11-24');
    win.history.back();
    await agree('jana.novakova', '2026-11-23');
    // After going back, the UI still navigates (the restored attributes do not fight it).
    timeline.previous();
    await agree('jana.novakova', '2026-11-22');
    timeline.toggleDeactivated();
    await waitUntil(() => new URLSearchParams(win.location.search).get('deactivated') === '1', 'show deactivated in the URL');
    frame.remove();
  });
});
