/**
 * Start-up (issue 15): a Czech page's data requests do not wait for the Czech messages, which load
 * on demand. This file imports nothing that loads `cs.js` up front.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/elements/container/define.js';
import '../../../src/elements/timeline/define.js';
import { loadTranslation } from '../../../src/i18n/registry.js';
import type { UserTraceProvider } from '../../../src/data/provider.js';

describe('start-up', () => {
  it('asks for the users and the trace before the Czech messages have loaded', async () => {
    const calls: { what: string; czechPending: boolean }[] = [];
    // `loadTranslation` answers undefined once the language is there, a promise while it loads.
    const czechPending = (): boolean => loadTranslation('cs') !== undefined;
    const provider: UserTraceProvider = {
      listUsers: async () => {
        calls.push({ what: 'users', czechPending: czechPending() });
        return [{ id: 'u1', name: 'Jana' }];
      },
      loadTrace: async () => {
        calls.push({ what: 'trace', czechPending: czechPending() });
        return { sessions: [], pauses: [], activities: [] };
      },
    };
    const page = document.createElement('user-trace');
    page.lang = 'cs';
    page.setAttribute('date', '2026-03-04');
    page.setAttribute('time-zone', 'Europe/Prague');
    page.append(document.createElement('user-trace-timeline'));
    document.body.append(page);
    // As a host page does: the provider and the user come from script, after the element connected.
    await Promise.resolve();
    page.provider = provider;
    page.setAttribute('user-id', 'u1');
    try {
      await waitUntil(() => calls.length === 2, 'both requests were made');
      expect(calls).to.deep.equal([
        { what: 'users', czechPending: true },
        { what: 'trace', czechPending: true },
      ]);
    } finally {
      page.remove();
    }
  });
});
