import { expect, waitUntil } from '@open-wc/testing';
import type { Mounted } from './app.js';

// React ships CommonJS only: the test server bundles test/react/app.tsx with it (scripts/wtr-react-bundle.mjs).
const bundle = '/__react__/app.js';

describe('React wrappers (@lit/react)', () => {
  it('render <user-trace> with props and deliver user-trace-change to onChange', async () => {
    const { mount } = (await import(/* @vite-ignore */ bundle)) as { mount: (el: HTMLElement, userId: string) => Mounted };
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
});
