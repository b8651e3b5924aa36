import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/stats/define.js';
import type { UserTraceStatsElement } from '../../src/elements/stats/stats.js';
import { PROVIDER_ERROR_KINDS, RestProvider, RestProviderError } from '../../src/data/rest-provider.js';
import { cs } from '../../src/i18n/cs.js';
import { en } from '../../src/i18n/en.js';
import { DAY, TZ, fixtureProvider } from '../export/fixtures.js';

async function statsFor(provider: unknown, lang: string) {
  const el = await fixture<UserTraceStatsElement>(html`<user-trace-stats lang=${lang} time-zone=${TZ} date=${DAY} user-id="u1"></user-trace-stats>`);
  el.provider = provider as UserTraceStatsElement['provider'];
  return el;
}

const errorState = (el: UserTraceStatsElement) => el.shadowRoot!.querySelector<HTMLElement>('[data-state="error"]');

describe('the error state says the reason in the viewer’s language', () => {
  it('has a Czech and an English message for every error kind', () => {
    for (const kind of [...PROVIDER_ERROR_KINDS, 'unknown'] as const) {
      expect(cs.states.errorKinds[kind], `cs ${kind}`).to.be.a('string').and.not.equal('');
      expect(en.states.errorKinds[kind], `en ${kind}`).to.be.a('string').and.not.equal('');
    }
  });

  for (const [lang, messages] of [['cs', cs], ['en', en]] as const) {
    it(`picks the message by kind (${lang}) and keeps the technical detail secondary`, async () => {
      const technical = 'GET /api/users/u1/trace failed: no complete answer within 300 ms (timeoutMs)';
      const fail = new RestProviderError(technical, { status: null, url: '/api/users/u1/trace', kind: 'timeout' });
      const el = await statsFor(fixtureProvider({ fail }), lang);
      await waitUntil(() => errorState(el), 'no error state');
      const state = errorState(el)!;
      const texts = [...state.querySelectorAll('.state-text')].map((node) => node.textContent!.trim());
      expect(texts[0]).to.equal(messages.states.errorKinds.timeout);
      expect(state.querySelector('small')!.textContent).to.contain(technical);
      await expect(el).to.be.accessible();
    });
  }

  it('says a timeout of the real RestProvider in Czech', async () => {
    const provider = new RestProvider({ baseUrl: `/test-api/silent/${crypto.randomUUID()}`, timeoutMs: 300 });
    const users = { listUsers: async () => [{ id: 'u1', name: 'Jana' }] };
    const el = await statsFor({ ...users, loadTrace: provider.loadTrace.bind(provider) }, 'cs');
    await waitUntil(() => errorState(el), 'no error state');
    expect(errorState(el)!.textContent).to.contain('Server neodpověděl včas.');
  });

  it('falls back to a general reason for an error without a known kind', async () => {
    const el = await statsFor(fixtureProvider({ fail: new Error('Server is down') }), 'en');
    await waitUntil(() => errorState(el));
    expect(errorState(el)!.textContent).to.contain(en.states.errorKinds.unknown);
    expect(errorState(el)!.textContent).to.contain('Server is down');
  });
});
