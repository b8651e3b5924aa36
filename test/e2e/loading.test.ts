import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { TraceData } from '../../src/model/types.js';
import { testProvider } from '../elements/timeline-helpers.js';

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  pauses: [],
  activities: [{ id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:00Z' }],
};

describe('while a new query loads', () => {
  it('the statistics and the list still shown are dimmed and busy', async () => {
    // Long enough that the second load still runs when a busy machine checks the dimming: after it
    // the new (empty) day has no rows to dim.
    const provider = testProvider({ traces: { u1: DAY }, delays: { u1: 2000 } });
    const page = await fixture<UserTraceContainerElement>(
      html`<user-trace lang="en" time-zone="UTC" date="2026-03-10" user-id="u1" .provider=${provider}>
        <user-trace-stats></user-trace-stats><user-trace-activities></user-trace-activities>
      </user-trace>`,
    );
    await waitUntil(() => page.store.snapshot.status === 'ready', 'loaded', { timeout: 5000 });
    const stats = page.querySelector('user-trace-stats')!;
    const list = page.querySelector('user-trace-activities')!;
    // The opacity a transition is heading for: a page the runner keeps in the background renders no
    // frames, so a running transition would stay at its start there until the load is over.
    const dimmed = (el: Element, selector: string) => {
      const node = el.shadowRoot!.querySelector(selector)!;
      for (const animation of node.getAnimations()) animation.finish();
      return getComputedStyle(node).opacity;
    };
    // The elements get the view one task each after the store has it: wait for the list's rows.
    await waitUntil(() => list.shadowRoot?.querySelector('[part="scroller"]') && stats.shadowRoot?.querySelector('[part="groups"]'), 'shown', { timeout: 5000 });
    expect(dimmed(stats, '[part="groups"]')).to.equal('1');
    page.date = '2026-03-11';
    await waitUntil(() => page.store.snapshot.status === 'loading', 'loading');
    await stats.updateComplete;
    await list.updateComplete;
    expect(stats.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(list.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => Number(dimmed(stats, '[part="groups"]')) < 1 && Number(dimmed(list, '[part="scroller"]')) < 1, 'dimmed', { timeout: 3000 });
    await waitUntil(() => page.store.snapshot.status !== 'loading', 'loaded again', { timeout: 8000 });
    page.remove();
  });
});

describe('a first part while the rest loads', () => {
  it('is shown dimmed, with a line that says the rest is loading, in the page language', async () => {
    let finish!: () => void;
    const provider = {
      listUsers: async () => [{ id: 'u1', name: 'Jana' }],
      loadTrace: ({ partial }: { partial?: (first: TraceData) => void }) =>
        new Promise<TraceData>((resolve) => {
          partial?.(DAY);
          finish = () => resolve({ ...DAY, activities: [...DAY.activities, { id: 'c2', type: 'call', start: '2026-03-10T09:00:00Z', end: '2026-03-10T09:05:00Z' }] });
        }),
    };
    const page = await fixture<UserTraceContainerElement>(
      html`<user-trace lang="cs" time-zone="UTC" date="2026-03-10" user-id="u1" .provider=${provider}>
        <user-trace-stats></user-trace-stats><user-trace-activities></user-trace-activities>
      </user-trace>`,
    );
    await waitUntil(() => page.store.snapshot.view?.partial === true, 'first part', { timeout: 5000 });
    const list = page.querySelector('user-trace-activities')!;
    await list.updateComplete;
    const line = () => list.shadowRoot!.querySelector('[part="stale"]');
    expect(line()!.getAttribute('data-state')).to.equal('partial');
    expect(line()!.textContent).to.equal('Načítá se zbytek, zobrazena je první část.');
    expect(list.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    finish();
    await waitUntil(() => page.store.snapshot.status === 'ready', 'whole', { timeout: 5000 });
    await list.updateComplete;
    expect(line()).to.equal(null);
    expect(list.rows).to.have.length(2);
    page.remove();
  });
});

describe('calls that overlap', () => {
  it('the statistics say why talk time exceeds the time on calls', async () => {
    const overlapping: TraceData = {
      sessions: [],
      pauses: [],
      activities: [
        { id: 'c1', type: 'call', start: '2026-03-10T08:00:00Z', end: '2026-03-10T08:10:00Z', talkSeconds: 600 },
        { id: 'c2', type: 'call', start: '2026-03-10T08:00:00Z', end: '2026-03-10T08:10:00Z', talkSeconds: 600 },
      ],
    };
    for (const [trace, shown] of [[DAY, false], [overlapping, true]] as const) {
      const el = await fixture(html`<user-trace-stats lang="en" time-zone="UTC" date="2026-03-10" user-id="u1" .provider=${testProvider({ traces: { u1: trace } })}></user-trace-stats>`);
      await waitUntil(() => (el as unknown as { store: { snapshot: { status: string } } }).store.snapshot.status === 'ready', 'loaded', { timeout: 5000 });
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(el.shadowRoot!.querySelector('[part="note"]') !== null, JSON.stringify(trace.activities.length)).to.equal(shown);
      el.remove();
    }
  });
});
