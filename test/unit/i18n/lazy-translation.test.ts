/**
 * Czech loads on demand (registry.ts): this file imports nothing that loads it up front, so it
 * sees the registry before `cs.js` has run.
 */
import { expect } from '@open-wc/testing';
import { getMessages, loadTranslation, matchLang, registerTranslation, registeredLanguages } from '../../../src/i18n/registry.js';

describe('built-in translations loaded on demand', () => {
  it('knows Czech before it has loaded and applies registrations made meanwhile, in order', async () => {
    expect(matchLang('cs-CZ')).to.equal('cs');
    expect(registeredLanguages()).to.include('cs');
    registerTranslation('cs', { states: { retry: 'Zkusit znovu' } });
    registerTranslation('cs-SK', { common: { yes: 'Áno' } });
    registerTranslation('cs', { states: { retry: 'Načíst znovu' } });
    const pending = loadTranslation('cs-SK');
    expect(pending).to.be.instanceOf(Promise);
    await pending;
    expect(loadTranslation('cs')).to.equal(undefined);
    expect(getMessages('cs').states.retry).to.equal('Načíst znovu');
    expect(getMessages('cs').common.no).to.equal('Ne');
    expect(getMessages('cs-SK').common.yes).to.equal('Áno');
    expect(getMessages('cs-SK').states.retry).to.equal('Zkusit znovu');
    expect(loadTranslation('en')).to.equal(undefined);
  });
});
