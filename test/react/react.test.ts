import { expect, waitUntil } from '@open-wc/testing';
import type { Hosted, Mounted } from './app.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { TimelineHarness } from '../harness/timeline.js';
import { CountingProvider, settle } from '../e2e/helpers.js';

// React ships CommonJS only: the test server bundles test/react/app.tsx with it (scripts/wtr-react-bundle.mjs).
const bundle = '/__react__/app.js';
interface App {
  mount: (el: HTMLElement, userId: string) => Mounted;
  host: (el: HTMLElement, provider: UserTraceProvider, controlled: boolean) => Hosted;
}
const load = async () => (await import(/* @vite-ignore */ bundle)) as App;

describe('React wrappers (@lit/react)', () => {
  it('render <user-trace> with props and deliver user-trace-change to onChange', async () => {
    const { mount } = await load();
    const container = document.createElement('div');
    document.body.append(container);
    const { root, changes } = mount(container, 'jana.novakova');
    const page = container.querySelector('user-trace')!;
    expect(page).to.exist;
    expect(page.provider).to.exist;
    await waitUntil(() => page.store.snapshot.status === 'ready' || page.store.snapshot.status === 'empty', 'trace loaded', { timeout: 5000 });
    expect(page.store.snapshot.query).to.include({ userId: 'jana.novakova', date: '2026-03-10', timeZone: 'Europe/Prague' });
    // A change through the element's own UI reaches React's onChange.
    const timeline = page.shadowRoot!.querySelector('user-trace-timeline')!;
    await timeline.updateComplete;
    const week = [...timeline.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Week')!;
    week.click();
    expect(changes).to.deep.equal(['week:2026-03-10']);
    root.unmount();
    container.remove();
  });

  for (const controlled of [true, false]) {
    it(`${controlled ? 'controlled' : 'uncontrolled'}: the UI navigates, re-renders never undo it, the host's navigation wins`, async () => {
      const { host } = await load();
      // The provider comes from the bundle's own copy of the library: a DemoProvider of the page's.
      const { DemoProvider } = await import('../../src/data/demo-provider.js');
      const provider = new CountingProvider(new DemoProvider({ seed: 7, now: () => Date.parse('2026-03-12T12:00:00+01:00') }));
      const container = document.createElement('div');
      document.body.append(container);
      const app = host(container, provider, controlled);
      const page = container.querySelector('user-trace') as UserTraceContainerElement;
      const shows = (userId: string, date: string) =>
        waitUntil(
          () => ['ready', 'empty'].includes(page.store.snapshot.status) && page.store.snapshot.view?.userId === userId && page.store.snapshot.query.date === date,
          `shows ${userId} ${date}`,
          { timeout: 5000 },
        );
      await shows('jana.novakova', '2026-03-10');
      expect(provider.traceCalls).to.have.length(1);
      const timelineEl = page.shadowRoot!.querySelector('user-trace-timeline') as UserTraceTimelineElement;
      await timelineEl.updateComplete;
      const timeline = new TimelineHarness(timelineEl);

      timeline.next();
      await shows('jana.novakova', '2026-03-11');
      await settle();
      expect(app.state().date).to.equal(controlled ? '2026-03-11' : '2026-03-10');
      expect(page.getAttribute('date')).to.equal('2026-03-11');

      // The host re-renders for its own reasons: the view stays where the user put it.
      const renders = app.renders();
      app.rerender();
      app.rerender();
      expect(app.renders()).to.be.greaterThan(renders);
      await page.updateComplete;
      await settle();
      expect(page.store.snapshot.query.date).to.equal('2026-03-11');
      expect(provider.traceCalls).to.have.length(2);

      await timeline.pickUser('Lucie');
      await shows('lucie.cerna', '2026-03-11');
      await settle();
      expect(app.state().userId).to.equal(controlled ? 'lucie.cerna' : 'jana.novakova');
      expect(provider.traceCalls).to.have.length(3);

      // The host's own navigation (new state in React): one load, and the view follows it.
      app.navigate({ date: '2026-03-02', userId: 'petr.dvorak' });
      await shows('petr.dvorak', '2026-03-02');
      await settle();
      expect(provider.traceCalls).to.have.length(4);
      expect(new TimelineHarness(timelineEl).heading()).to.contain('Petr Dvořák');
      app.root.unmount();
      container.remove();
    });
  }
});
