import { expect } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocalizeController } from '../../../src/i18n/localize-controller.js';
import { registerTranslation, resolveLang } from '../../../src/i18n/registry.js';

// Fixtures are mounted by hand: open-wc's fixture() of a plain element waits for an animation
// frame, which a background tab (another test file runs in the foreground) may never get.
const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

async function mount<T extends HTMLElement>(markup: string): Promise<T> {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  const el = holder.firstElementChild as T;
  document.body.append(el);
  mounted.push(el);
  if (el instanceof LitElement) await el.updateComplete;
  return el;
}

/** A task later: the MutationObserver that follows `<html lang>` has run. */
const tick = () => new Promise((resolve) => setTimeout(resolve));

class I18nProbe extends LitElement {
  zone = 'Europe/Prague';
  readonly localize = new LocalizeController(this, { timeZone: () => this.zone });
  renders = 0;

  override render(): unknown {
    this.renders++;
    const { t } = this.localize;
    return litHtml`<span>${t.timeline.today}</span><time>${this.localize.time(Date.parse('2024-03-05T13:30:00Z'))}</time>`;
  }

  text(): string {
    return this.shadowRoot?.querySelector('span')?.textContent ?? '';
  }

  time(): string {
    return this.shadowRoot?.querySelector('time')?.textContent ?? '';
  }
}
customElements.define('i18n-probe', I18nProbe);

/** A host whose shadow root holds a probe, for the shadow-crossing tests. */
class I18nShell extends LitElement {
  override render(): unknown {
    return litHtml`<div><i18n-probe></i18n-probe></div>`;
  }
}
customElements.define('i18n-shell', I18nShell);

describe('resolveLang', () => {
  let documentLang = '';
  beforeEach(() => {
    documentLang = document.documentElement.lang;
  });
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  it('takes the nearest lang attribute, crossing shadow roots to their hosts', async () => {
    const outer = await mount<HTMLElement>('<section lang="cs-CZ"><i18n-shell></i18n-shell></section>');
    const shell = outer.querySelector('i18n-shell') as I18nShell;
    await shell.updateComplete;
    const probe = shell.shadowRoot?.querySelector('i18n-probe') as I18nProbe;
    expect(resolveLang(probe)).to.equal('cs-CZ');
    probe.setAttribute('lang', 'en-GB');
    expect(resolveLang(probe)).to.equal('en-GB');
    shell.shadowRoot?.querySelector('div')?.setAttribute('lang', 'de');
    probe.removeAttribute('lang');
    expect(resolveLang(probe)).to.equal('de');
  });

  it('falls back to the document, then to the browser', async () => {
    const el = await mount<HTMLElement>('<div></div>');
    document.documentElement.lang = 'cs';
    expect(resolveLang(el)).to.equal('cs');
    document.documentElement.removeAttribute('lang');
    expect(resolveLang(el)).to.equal(navigator.language || 'en');
  });
});

describe('LocalizeController', () => {
  let documentLang = '';
  beforeEach(() => {
    documentLang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  it('gives the messages and formatting of the element’s language and zone', async () => {
    const wrapper = await mount<HTMLElement>('<div lang="cs-CZ"><i18n-probe></i18n-probe></div>');
    const probe = wrapper.querySelector('i18n-probe') as I18nProbe;
    // Czech loads on demand; the probe (unlike the elements) does not hold its render for it.
    await probe.localize.ready();
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.localize.lang).to.equal('cs');
    expect(probe.localize.locale).to.equal('cs-CZ');
    expect(probe.text()).to.equal('Dnes');
    expect(probe.time()).to.equal('14:30');
    expect(probe.localize.duration(3725)).to.equal('1:02:05');
    expect(probe.localize.timeRange(0, null)).to.contain('…');
    probe.zone = 'UTC';
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.time()).to.equal('13:30');
  });

  it('re-renders when <html lang> changes', async () => {
    const probe = await mount<I18nProbe>('<i18n-probe></i18n-probe>');
    expect(probe.text()).to.equal('Today');
    document.documentElement.lang = 'cs';
    await tick();
    await probe.updateComplete;
    expect(probe.text()).to.equal('Dnes');
  });

  it('follows the host’s own lang after requestUpdate', async () => {
    const probe = await mount<I18nProbe>('<i18n-probe></i18n-probe>');
    probe.setAttribute('lang', 'cs');
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.text()).to.equal('Dnes');
    expect(probe.localize.lang).to.equal('cs');
  });

  it('re-renders when a translation is registered', async () => {
    const probe = await mount<I18nProbe>('<i18n-probe lang="fr"></i18n-probe>');
    expect(probe.text()).to.equal('Today');
    registerTranslation('fr', { timeline: { today: "Aujourd'hui" } });
    await probe.updateComplete;
    expect(probe.text()).to.equal("Aujourd'hui");
  });
});
