import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/stats/define.js';
import type { UserTraceStatsElement } from '../../src/elements/stats/stats.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { DAY, TZ, at, deniedProvider, emptyTrace, fixtureProvider } from '../export/fixtures.js';

async function statsFor(provider: UserTraceProvider, lang = 'en', userId: string | null = 'u1', date = DAY) {
  const el = await fixture<UserTraceStatsElement>(html`<user-trace-stats
    lang=${lang}
    time-zone=${TZ}
    date=${date}
    user-id=${userId ?? ''}
  ></user-trace-stats>`);
  el.provider = provider;
  return el;
}

const figure = (el: UserTraceStatsElement, key: string) =>
  el.shadowRoot!.querySelector(`[data-figure="${key}"]`) as HTMLElement | null;
const value = (el: UserTraceStatsElement, key: string) => {
  const f = figure(el, key);
  return (f?.matches('td') ? f : f?.querySelector('.value'))?.textContent?.trim();
};
const ready = (el: UserTraceStatsElement) => waitUntil(() => figure(el, 'callsTime'), 'statistics did not render');

const EXPECTED: Record<string, string> = {
  callsTime: '0:20:00',
  callsTalkTime: '0:20:00',
  callsClosed: '1',
  emailsTime: '0:30:00',
  emailsClosed: '1',
  'chatsTime:sms': '0:10:00',
  'chatsClosed:sms': '1',
  'chatsTime:web': '0:00:00',
  'chatsClosed:web': '0',
  'chatsTime:messenger': '0:00:00',
  'chatsTime:whatsapp': '0:50:00',
  'chatsClosed:whatsapp': '1',
  'chatsTime:viber': '0:00:00',
  ticketsEdited: '2',
  ticketsClosed: '1',
  pausesPaid: '0:15:00',
  pausesUnpaid: '0:30:00',
  'pause:Oběd': '0:30:00',
  'pause:Přestávka': '0:15:00',
  loginLogged: '8:00:00',
  loginReady: '7:15:00',
  loginIdle: '5:05:00',
};

describe('<user-trace-stats>', () => {
  it('shows every figure of the hand-computed day (English)', async () => {
    const el = await statsFor(fixtureProvider());
    await ready(el);
    for (const [key, expected] of Object.entries(EXPECTED)) expect(value(el, key), key).to.equal(expected);
    expect(value(el, 'loginOccupancy')).to.equal('30%');
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Statistics');
    expect(figure(el, 'callsTime')!.querySelector('dt')!.textContent).to.equal('Time on calls');
    // Every figure explains itself, in the accessibility tree.
    expect(figure(el, 'loginIdle')!.querySelector('.definition')!.textContent).to.contain('Ready time with no activity');
    // Pauses by name: longest first.
    const names = [...root.querySelectorAll('[data-figure^="pause:"] dt')].map((dt) => dt.textContent);
    expect(names).to.deep.equal(['Pause “Oběd”', 'Pause “Přestávka”']);
    await expect(el).to.be.accessible();
  });

  it('shows the same figures in Czech', async () => {
    const el = await statsFor(fixtureProvider(), 'cs');
    await ready(el);
    for (const [key, expected] of Object.entries(EXPECTED)) expect(value(el, key), key).to.equal(expected);
    expect(value(el, 'loginOccupancy')).to.equal('30\u00a0%');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Statistika');
    expect(figure(el, 'callsTime')!.querySelector('dt')!.textContent).to.equal('Čas na hovorech');
    expect(figure(el, 'pause:Oběd')!.querySelector('dt')!.textContent).to.equal('Pauza „Oběd“');
    await expect(el).to.be.accessible();
  });

  it('says when talk time is not reported and occupancy has no ready time', async () => {
    const trace = {
      sessions: [],
      pauses: [],
      activities: [{ id: 'c', type: 'call', start: at('08:00'), end: at('08:05') }],
    };
    const el = await statsFor(fixtureProvider({ trace }));
    await ready(el);
    expect(value(el, 'callsTime')).to.equal('0:05:00');
    expect(value(el, 'callsTalkTime')).to.equal('not reported');
    expect(value(el, 'loginOccupancy')).to.equal('–');
    expect(el.shadowRoot!.querySelector('.pause-names')!.textContent).to.contain('No pauses');
  });

  it('shows definitions on demand', async () => {
    const el = await statsFor(fixtureProvider());
    await ready(el);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="definitions-toggle"]')!;
    const definition = figure(el, 'callsTime')!.querySelector<HTMLElement>('.definition')!;
    expect(definition.getBoundingClientRect().width).to.be.lessThan(2);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.hasAttribute('show-definitions')).to.equal(true);
    expect(definition.getBoundingClientRect().width).to.be.greaterThan(50);
    await expect(el).to.be.accessible();
  });

  it('lays out as one column when narrow and balanced columns when wide, each group as tall as its content', async () => {
    const el = await statsFor(fixtureProvider());
    await ready(el);
    const groups = el.shadowRoot!.querySelector<HTMLElement>('.groups')!;
    const columns = () => Number(getComputedStyle(groups).columnCount) || 1;
    /** Space between a group's last line and its bottom edge beyond its own padding, per group. */
    const slack = () =>
      [...groups.querySelectorAll<HTMLElement>('.group')].map((g) => {
        const box = g.getBoundingClientRect();
        const last = [...g.children].filter((c) => c.getClientRects().length > 0).at(-1)!.getBoundingClientRect();
        return Math.round(box.bottom - parseFloat(getComputedStyle(g).paddingBottom) - 1 - last.bottom);
      });
    // getComputedStyle lays out first, container queries included: no frame needed (background
    // tabs of a parallel test run get none).
    for (const [width, expected] of [
      [320, 1],
      [700, 2],
      [1100, 3],
      [1400, 3],
    ] as const) {
      el.style.width = `${width}px`;
      expect(columns(), `${width} px`).to.equal(expected);
      for (const gap of slack()) expect(gap, `empty space at the bottom of a group at ${width} px`).to.be.at.most(2);
    }
  });

  it('keeps up with a running activity', async () => {
    const now = Date.now();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(now);
    // 65 s ago, or at midnight when the day in TZ is younger than that (the day's figures start there).
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const [h, m, s] = clock.format(now).split(':').map(Number) as [number, number, number];
    const start = Math.max(now - 65_000, now - now % 1000 - ((h * 60 + m) * 60 + s) * 1000);
    const trace = {
      sessions: [{ start: new Date(start).toISOString(), end: null }],
      pauses: [],
      activities: [{ id: 'live', type: 'call', start: new Date(start).toISOString(), end: null }],
    };
    const el = await statsFor(fixtureProvider({ trace }), 'en', 'u1', today);
    await ready(el);
    const first = value(el, 'callsTime');
    await waitUntil(() => value(el, 'callsTime') !== first, 'the running call did not count up', { timeout: 3000 });
    const [ch, cm, cs] = value(el, 'callsTime')!.split(':').map(Number) as [number, number, number];
    expect((ch * 60 + cm) * 60 + cs).to.be.closeTo((Date.now() - start) / 1000, 2);
  });

  describe('states', () => {
    const stateOf = (el: UserTraceStatsElement) => el.shadowRoot!.querySelector('[data-state]')?.getAttribute('data-state');

    it('loading', async () => {
      const el = await statsFor(fixtureProvider({ hang: true }));
      await waitUntil(() => stateOf(el) === 'loading');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('empty', async () => {
      const el = await statsFor(fixtureProvider({ trace: emptyTrace() }));
      await waitUntil(() => stateOf(el) === 'empty');
      expect(figure(el, 'callsTime')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('error with retry', async () => {
      const el = await statsFor(fixtureProvider({ fail: new Error('Server is down') }));
      await waitUntil(() => stateOf(el) === 'error');
      expect(el.shadowRoot!.querySelector('[part~="state"]')!.textContent).to.contain('Server is down');
      expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('denied drops the figures', async () => {
      const el = await statsFor(deniedProvider(), 'cs');
      await waitUntil(() => stateOf(el) === 'denied');
      expect(el.shadowRoot!.textContent).to.contain('Nemáte');
      expect(figure(el, 'callsTime')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('idle without a user', async () => {
      const el = await statsFor(fixtureProvider(), 'en', null);
      await waitUntil(() => stateOf(el) === 'idle');
      await expect(el).to.be.accessible();
    });
  });
});
