/**
 * dist/cdn/ (the no-bundler build, after `npm run build`) runs as a page would load it: one
 * module URL, no import map, the elements registered and rendering with the demo provider.
 */
import { expect } from '@open-wc/testing';

describe('dist/cdn', () => {
  it('registers the elements and renders the container without a bundler', async () => {
    const url = '/dist/cdn/index.js';
    const api = (await import(/* @vite-ignore */ url)) as { DemoProvider: new (options: { seed: number }) => unknown };
    await customElements.whenDefined('user-trace');
    for (const tag of ['user-trace', 'user-trace-timeline', 'user-trace-stats', 'user-trace-activities']) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
    const page = document.createElement('user-trace') as HTMLElement & { provider: unknown; updateComplete: Promise<boolean> };
    page.provider = new api.DemoProvider({ seed: 1 });
    document.body.append(page);
    await page.updateComplete;
    expect(page.shadowRoot?.querySelector('user-trace-timeline')).to.not.equal(null);
    page.remove();
  });
});
