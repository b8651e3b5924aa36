import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import type { TraceQuery } from '../../src/data/store.js';
import type { UserTraceElement } from '../../src/elements/base/user-trace-element.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { TimelineHarness } from '../harness/timeline.js';
import { CountingProvider, settle } from './helpers.js';

const NOW = Date.parse('2026-03-12T12:00:00+01:00');

const fullDate = (date: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** The trace shown belongs to this query: loaded, for this user and this period's start. */
function shows(el: UserTraceElement, userId: string, start: string): boolean {
  const { status, view } = el.store.snapshot;
  return ['ready', 'empty'].includes(status) && view?.userId === userId && view.period.range.start === start;
}

interface Host {
  el: UserTraceElement;
  timeline: TimelineHarness;
  provider: CountingProvider;
  changes: TraceQuery[];
}

/**
 * A host page as hosts write it: the element is created and upgraded first, then every query
 * attribute is set from script (as a page restoring its state from the URL does).
 */
async function scriptedHost(tag: 'user-trace' | 'user-trace-timeline'): Promise<Host> {
  const el = document.createElement(tag) as UserTraceElement;
  document.body.append(el);
  await el.updateComplete;
  const provider = new CountingProvider(new DemoProvider({ seed: 3, now: () => NOW }));
  const changes: TraceQuery[] = [];
  el.addEventListener('user-trace-change', (e) => changes.push(e.detail.query));
  el.setAttribute('lang', 'en');
  el.setAttribute('time-zone', 'Europe/Prague');
  el.setAttribute('user-id', 'jana.novakova');
  el.setAttribute('date', '2026-03-10');
  el.setAttribute('period', 'day');
  el.provider = provider;
  await waitUntil(() => shows(el, 'jana.novakova', '2026-03-10T00:00:00+01:00'), 'first load', { timeout: 5000 });
  await el.updateComplete;
  const timelineEl = (tag === 'user-trace' ? el.shadowRoot!.querySelector('user-trace-timeline') : el) as UserTraceTimelineElement;
  await timelineEl.updateComplete;
  return { el, timeline: new TimelineHarness(timelineEl), provider, changes };
}

/** After a step: the view, the attributes and the last change event agree, and nothing fights back. */
async function expectShown(host: Host, userId: string, date: string, start: string, loads: number): Promise<void> {
  const { el, provider } = host;
  await waitUntil(() => shows(el, userId, start), `shows ${userId} from ${start}`, { timeout: 5000 });
  await el.updateComplete;
  await settle();
  await host.timeline.element.updateComplete;
  expect(shows(el, userId, start), 'still shown after the host page settled').to.equal(true);
  expect(el.getAttribute('user-id')).to.equal(userId);
  expect(el.getAttribute('date')).to.equal(date);
  expect(provider.traceCalls, 'trace loads').to.have.length(loads);
  expect(host.timeline.heading()).to.contain(el.store.snapshot.user!.name);
}

for (const tag of ['user-trace-timeline', 'user-trace'] as const) {
  describe(`<${tag}> driven by a host script after upgrade, then by its UI`, () => {
    let host: Host;
    beforeEach(async () => {
      host = await scriptedHost(tag);
    });
    afterEach(() => host.el.remove());

    it('moves through days, weeks, dates and users: one load per change, attributes and events agree', async () => {
      const { el, timeline, changes } = host;
      expect(host.provider.traceCalls).to.have.length(1);
      expect(timeline.heading()).to.contain(fullDate('2026-03-10'));

      timeline.next();
      await expectShown(host, 'jana.novakova', '2026-03-11', '2026-03-11T00:00:00+01:00', 2);
      expect(timeline.heading()).to.contain(fullDate('2026-03-11'));
      expect(changes.at(-1)).to.include({ date: '2026-03-11', userId: 'jana.novakova' });

      timeline.next();
      await expectShown(host, 'jana.novakova', '2026-03-12', '2026-03-12T00:00:00+01:00', 3);

      timeline.previous();
      await expectShown(host, 'jana.novakova', '2026-03-11', '2026-03-11T00:00:00+01:00', 4);

      timeline.setDate('2026-02-27');
      await expectShown(host, 'jana.novakova', '2026-02-27', '2026-02-27T00:00:00+01:00', 5);
      expect(changes.at(-1)!.date).to.equal('2026-02-27');

      timeline.week();
      // English weeks start on Sunday.
      await expectShown(host, 'jana.novakova', '2026-02-27', '2026-02-22T00:00:00+01:00', 6);
      expect(el.getAttribute('period')).to.equal('week');
      expect(changes.at(-1)!.period).to.equal('week');

      timeline.next();
      await expectShown(host, 'jana.novakova', '2026-03-06', '2026-03-01T00:00:00+01:00', 7);

      timeline.day();
      await expectShown(host, 'jana.novakova', '2026-03-06', '2026-03-06T00:00:00+01:00', 8);
      expect(el.getAttribute('period')).to.equal('day');

      timeline.toggleMinutes();
      await waitUntil(() => el.hasAttribute('minutes'), 'minutes reflected');
      await expectShown(host, 'jana.novakova', '2026-03-06', '2026-03-06T00:00:00+01:00', 8);
      expect(changes.at(-1)!.minutes).to.equal(true);
      timeline.toggleMinutes();
      await waitUntil(() => !el.hasAttribute('minutes'), 'minutes off reflected');

      await timeline.pickUser('Petr Dvo');
      await expectShown(host, 'petr.dvorak', '2026-03-06', '2026-03-06T00:00:00+01:00', 9);
      expect(timeline.heading()).to.contain('Petr Dvořák');
      expect(changes.at(-1)!.userId).to.equal('petr.dvorak');

      const userLoads = host.provider.userCalls.length;
      timeline.toggleDeactivated();
      await waitUntil(() => el.hasAttribute('include-deactivated'), 'show deactivated reflected');
      await waitUntil(() => el.store.snapshot.users.some((u) => u.deactivated), 'deactivated users listed');
      expect(host.provider.userCalls).to.have.length(userLoads + 1);
      expect(host.provider.traceCalls, 'the user list is not a trace load').to.have.length(9);
      await timeline.pickUser('Hana Zem');
      await expectShown(host, 'hana.zemanova', '2026-03-06', '2026-03-06T00:00:00+01:00', 10);

      timeline.today();
      const today = el.store.snapshot.query.date;
      expect(today).to.match(/^\d{4}-\d\d-\d\d$/);
      await waitUntil(() => el.getAttribute('date') === today, 'today reflected');
      expect(changes.at(-1)!.date).to.equal(today);
    });

    it('lets the last writer win: the host after the UI, the UI after the host', async () => {
      const { el, timeline, changes } = host;
      timeline.next();
      await expectShown(host, 'jana.novakova', '2026-03-11', '2026-03-11T00:00:00+01:00', 2);

      // The host navigates (back button, a link in its own UI): a property set from script.
      const eventsBefore = changes.length;
      el.date = '2026-03-02';
      el.userId = 'lucie.cerna';
      await expectShown(host, 'lucie.cerna', '2026-03-02', '2026-03-02T00:00:00+01:00', 3);
      expect(changes, 'host changes fire no user-trace-change').to.have.length(eventsBefore);

      // The same value the host set before, set again after a UI change, wins again.
      timeline.next();
      await expectShown(host, 'lucie.cerna', '2026-03-03', '2026-03-03T00:00:00+01:00', 4);
      el.setAttribute('date', '2026-03-02');
      await expectShown(host, 'lucie.cerna', '2026-03-02', '2026-03-02T00:00:00+01:00', 5);

      // A host write and then a UI change in one task: the UI's change, made later, wins.
      el.date = '2026-01-15';
      timeline.next();
      await expectShown(host, 'lucie.cerna', '2026-03-03', '2026-03-03T00:00:00+01:00', 6);
    });
  });
}

/** A container with `children` markup and `attributes`, connected after its children are in place. */
function containerPage(children: string, attributes: Record<string, string>) {
  const provider = new CountingProvider(new DemoProvider({ seed: 3, now: () => NOW }));
  const page = document.createElement('user-trace') as UserTraceElement;
  page.innerHTML = children;
  for (const [name, value] of Object.entries({ lang: 'en', date: '2026-03-10', 'user-id': 'jana.novakova', ...attributes })) {
    page.setAttribute(name, value);
  }
  page.provider = provider;
  document.body.append(page);
  return { page, provider };
}

describe('<user-trace> owns the query of the elements inside it', () => {
  it('loads the week its first-day-of-week, time-zone and period say, once', async () => {
    const { page, provider } = containerPage(
      '<user-trace-timeline></user-trace-timeline><user-trace-stats></user-trace-stats><user-trace-activities></user-trace-activities>',
      { 'first-day-of-week': '3', 'time-zone': 'America/New_York', period: 'week' },
    );
    // Wednesday-first week containing Tuesday 10 March: Wed 4 March to Wed 11 March, New York time.
    await waitUntil(() => shows(page, 'jana.novakova', '2026-03-04T00:00:00-05:00'), 'week loaded', { timeout: 5000 });
    await settle();
    for (const child of Array.from(page.children) as UserTraceElement[]) await child.updateComplete;
    await settle();
    expect(provider.traceCalls.map((q) => [q.start, q.end])).to.deep.equal([['2026-03-04T00:00:00-05:00', '2026-03-11T00:00:00-04:00']]);
    for (const child of Array.from(page.children) as UserTraceElement[]) {
      expect(child.store).to.equal(page.store);
      expect(child.hasAttribute('first-day-of-week')).to.equal(false);
    }
    expect(page.store.snapshot.query.firstDayOfWeek).to.equal(3);
    page.remove();
  });

  it('ignores query attributes set on its children, and says so in development builds', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    try {
      const { page, provider } = containerPage('<user-trace-stats date="2026-01-01" first-day-of-week="7"></user-trace-stats>', {
        'time-zone': 'Europe/Prague',
      });
      await waitUntil(() => shows(page, 'jana.novakova', '2026-03-10T00:00:00+01:00'), 'loaded', { timeout: 5000 });
      const stats = page.querySelector('user-trace-stats') as UserTraceElement;
      // Set from script after upgrade too: still the container's query.
      stats.setAttribute('period', 'week');
      stats.date = '2025-12-24';
      await stats.updateComplete;
      await settle();
      expect(page.store.snapshot.query).to.include({ date: '2026-03-10', period: 'day', firstDayOfWeek: null });
      expect(provider.traceCalls).to.have.length(1);
      for (const name of ['date', 'first-day-of-week', 'period']) {
        expect(warnings.some((w) => w.includes('<user-trace-stats>') && w.includes(`\`${name}\``)), name).to.equal(true);
      }
      page.remove();
    } finally {
      console.warn = warn;
    }
  });
});
