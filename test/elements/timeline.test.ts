import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { lastPaintOf } from '../../src/elements/timeline/plot-canvas-controller.js';
import type { TraceData, TraceUser } from '../../src/model/types.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import { denyingProvider, settled, shadow, testProvider } from './timeline-helpers.js';
import { TimelineHarness } from '../harness/timeline.js';

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  pauses: [{ start: '2026-03-10T12:00:00Z', end: '2026-03-10T12:30:00Z', name: 'Oběd', paid: false }],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:00Z', queue: 'Support', title: 'Reklamace' },
    { id: 'c2', type: 'call', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z', queue: 'Sales' },
    { id: 'e1', type: 'email', start: '2026-03-10T10:30:00Z', end: '2026-03-10T10:45:00Z', title: 'Faktura' },
    { id: 'w1', type: 'whatsapp', start: '2026-03-10T11:00:00Z', end: '2026-03-10T11:05:00Z' },
    { id: 't1', type: 'ticket', start: '2026-03-10T14:00:00Z', end: '2026-03-10T14:30:00Z', ticketId: 'T-1' },
  ],
};
const ORDER = ['c1', 'c2', 'e1', 'w1', 't1'];

interface Options {
  lang?: string;
  provider?: UserTraceProvider;
  userId?: string | null;
  date?: string;
  period?: 'day' | 'week';
  minutes?: boolean;
  timeZone?: string;
  status?: string;
  theme?: '' | 'light' | 'dark';
}

/** Mounts a timeline 1200 px wide, configured the way a host page would write it. */
async function mount(o: Options = {}): Promise<UserTraceTimelineElement> {
  // The element itself is the fixture: `fixture()` of a plain wrapper waits for an animation
  // frame, which a background tab (parallel test files) never gets.
  const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
    lang=${o.lang ?? 'en'}
    theme=${o.theme ?? ''}
    style="width: 1200px"
    user-id=${o.userId === null ? '' : (o.userId ?? 'u1')}
    time-zone=${o.timeZone ?? 'UTC'}
    date=${o.date ?? '2026-03-10'}
    period=${o.period ?? 'day'}
    ?minutes=${o.minutes ?? false}
    .provider=${o.provider ?? testProvider({ traces: { u1: DAY } })}
  ></user-trace-timeline>`);
  await settled(el, o.status ?? (o.userId === null ? 'idle' : 'ready'));
  return el;
}

function lanes(el: UserTraceTimelineElement): HTMLElement {
  return new TimelineHarness(el).lanes()!;
}

function currentOption(el: UserTraceTimelineElement): HTMLElement | null {
  return new TimelineHarness(el).currentOption();
}

function detailDialog(el: UserTraceTimelineElement): HTMLDialogElement | null {
  return shadow(el).querySelector('user-trace-detail')?.shadowRoot?.querySelector('dialog') ?? null;
}

/** Lit's dev-mode warnings (other than the one-off "Lit is in dev mode") fail the suite. */
const litWarnings: string[] = [];
const originalWarn = console.warn;
before(() => {
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.includes('lit.dev/msg') && !text.includes('dev-mode')) litWarnings.push(text);
    originalWarn.apply(console, args);
  };
});
after(() => {
  console.warn = originalWarn;
  expect(litWarnings, 'Lit dev-mode warnings').to.deep.equal([]);
});

describe('<user-trace-timeline>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  describe('geometry', () => {
    it('draws 09:00–10:00 at 37.5 %–41.67 % of a 24 h day axis', async () => {
      const el = await mount();
      await new TimelineHarness(el).wholeDay();
      const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
      const box = el.positionOf('c2')!;
      expect((box.left - plot.left) / plot.width).to.be.closeTo(0.375, 0.002);
      expect((box.right - plot.left) / plot.width).to.be.closeTo(10 / 24, 0.002);
      // The keyboard highlight covers the same span.
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.currentActivity?.id).to.equal('c2');
      const highlight = currentOption(el)!.getBoundingClientRect();
      expect((highlight.left - plot.left) / plot.width).to.be.closeTo(0.375, 0.002);
      expect((highlight.right - plot.left) / plot.width).to.be.closeTo(10 / 24, 0.002);
      // Hit-testing finds it at its middle.
      expect(el.activityAt(box.left + box.width / 2, box.top + box.height / 2)?.id).to.equal('c2');
    });

    it('has 23 hour slots on 2026-03-29 in Europe/Prague, and 23 rows in Minutes', async () => {
      const spring: TraceData = {
        sessions: [{ start: '2026-03-29T06:00:00Z', end: '2026-03-29T10:00:00Z' }],
        pauses: [],
        activities: [{ id: 'x', type: 'call', start: '2026-03-29T07:00:00Z', end: '2026-03-29T07:10:00Z' }],
      };
      const el = await mount({
        timeZone: 'Europe/Prague',
        date: '2026-03-29',
        provider: testProvider({ traces: { u1: spring } }),
      });
      await new TimelineHarness(el).wholeDay();
      expect(shadow(el).querySelectorAll('.axis .tick.hour')).to.have.length(23);
      expect(shadow(el).querySelector('[part="heading"]')!.textContent).to.contain('23');
      el.minutes = true;
      await settled(el);
      const labels = () => [...shadow(el).querySelectorAll('.row-label')].map((r) => r.textContent!.trim());
      // Only the hours with a session or an activity (08:00–12:00 local), until all are asked for.
      expect(labels()).to.deep.equal(['08:00', '09:00', '10:00', '11:00']);
      new TimelineHarness(el).toggleAllHours();
      await settled(el);
      const rows = labels();
      expect(rows).to.have.length(23);
      expect(rows.slice(0, 3)).to.deep.equal(['00:00', '01:00', '03:00']);
      // 09:00 local (+02:00) is 07:00 UTC: the call is in the row labelled 09:00, at 0–10 min.
      const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
      const box = el.positionOf('x')!;
      expect((box.left - plot.left) / plot.width).to.be.closeTo(0, 0.002);
      expect((box.right - plot.left) / plot.width).to.be.closeTo(10 / 60, 0.002);
    });

    it('has 25 hour slots on 2026-10-25 in Europe/Prague', async () => {
      const el = await mount({
        timeZone: 'Europe/Prague',
        date: '2026-10-25',
        provider: testProvider({
          traces: { u1: { sessions: [{ start: '2026-10-25T06:00:00Z', end: '2026-10-25T07:00:00Z' }], pauses: [], activities: [] } },
        }),
      });
      await new TimelineHarness(el).wholeDay();
      expect(shadow(el).querySelectorAll('.axis .tick.hour')).to.have.length(25);
      el.minutes = true;
      await settled(el);
      new TimelineHarness(el).toggleAllHours();
      await settled(el);
      expect(shadow(el).querySelectorAll('.row-label')).to.have.length(25);
    });

    it('starts the week on Monday in cs and on Sunday in en-US', async () => {
      const week: TraceData = {
        sessions: [{ start: '2026-03-25T08:00:00Z', end: '2026-03-25T09:00:00Z' }],
        pauses: [],
        activities: [],
      };
      for (const [lang, first] of [
        ['cs', '2026-03-23'],
        ['en-US', '2026-03-22'],
      ] as const) {
        const el = await mount({ lang, period: 'week', date: '2026-03-25', provider: testProvider({ traces: { u1: week } }) });
        const dates = [...shadow(el).querySelectorAll<HTMLElement>('.day-summary')].map((r) => r.dataset.date);
        expect(dates, lang).to.have.length(7);
        expect(dates[0], lang).to.equal(first);
      }
    });
  });

  describe('user picker', () => {
    const users: TraceUser[] = [
      { id: 'u1', name: 'Jana Nováková' },
      { id: 'u2', name: 'Karel Deaktivovaný', deactivated: true },
      { id: 'u3', name: 'Řehoř Černý' },
    ];

    async function openOptions(el: UserTraceTimelineElement): Promise<HTMLElement[]> {
      const picker = shadow(el).querySelector('user-trace-user-picker')!;
      picker.focus();
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
    }

    it('hides deactivated users until asked for, then marks them', async () => {
      const el = await mount({ userId: null, provider: testProvider({ users }) });
      let options = await openOptions(el);
      expect(options.map((o) => o.textContent!.trim())).to.deep.equal(['Jana Nováková', 'Řehoř Černý']);
      await sendKeys({ press: 'Escape' });
      const checkbox = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((c) =>
        c.parentElement!.textContent!.includes('deactivated'),
      )!;
      const changed = oneEvent(el, 'user-trace-change');
      checkbox.click();
      expect((await changed).detail.query.includeDeactivated).to.equal(true);
      await waitUntil(() => (el as unknown as { snapshot: { users: unknown[] } }).snapshot.users.length === 3);
      await el.updateComplete;
      options = await openOptions(el);
      expect(options).to.have.length(3);
      const karel = options.find((o) => o.textContent!.includes('Karel'))!;
      expect(karel.querySelector('.badge')!.textContent).to.equal('deactivated');
    });

    it('filters by typing (diacritics ignored) and picks with Enter', async () => {
      const el = await mount({ userId: null, provider: testProvider({ users, traces: { u3: DAY } }) });
      const picker = shadow(el).querySelector('user-trace-user-picker')!;
      picker.focus();
      await sendKeys({ type: 'reh' });
      await picker.updateComplete;
      const input = picker.shadowRoot!.querySelector('input')!;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(picker.shadowRoot!.querySelectorAll('[role="option"]')).to.have.length(1);
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('opt-0');
      const changed = oneEvent(el, 'user-trace-change');
      await sendKeys({ press: 'Enter' });
      expect((await changed).detail.query.userId).to.equal('u3');
      await settled(el, 'ready');
      expect(el.activityCount).to.equal(5);
      await expect(el).to.be.accessible();
    });

    it('stays usable with 500 users: at most 100 options, typing narrows', async () => {
      const many = Array.from({ length: 500 }, (_, i) => ({ id: `u${i}`, name: `Agent ${String(i).padStart(3, '0')}` }));
      const el = await mount({ userId: null, provider: testProvider({ users: many }) });
      const options = await openOptions(el);
      expect(options).to.have.length(100);
      const picker = shadow(el).querySelector('user-trace-user-picker')!;
      expect(picker.shadowRoot!.querySelector('.note')!.textContent).to.contain('500');
      await sendKeys({ type: '42' });
      await picker.updateComplete;
      const names = [...picker.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());
      expect(names).to.deep.equal(['Agent 042', 'Agent 142', 'Agent 242', 'Agent 342', 'Agent 420', 'Agent 421', 'Agent 422', 'Agent 423', 'Agent 424', 'Agent 425', 'Agent 426', 'Agent 427', 'Agent 428', 'Agent 429', 'Agent 442']);
    });

    it('shows the last choice when users are switched quickly (slow first, fast second)', async () => {
      const traces: Record<string, TraceData> = {
        u1: { sessions: [], pauses: [], activities: [{ id: 'a', type: 'call', start: '2026-03-10T08:00:00Z', end: '2026-03-10T08:10:00Z', title: 'slow user' }] },
        u3: {
          sessions: [],
          pauses: [],
          activities: [
            { id: 'b', type: 'email', start: '2026-03-10T09:00:00Z', end: '2026-03-10T09:10:00Z', title: 'fast user' },
            { id: 'c', type: 'email', start: '2026-03-10T10:00:00Z', end: '2026-03-10T10:10:00Z', title: 'fast user' },
          ],
        },
      };
      const provider = testProvider({ users, traces, delays: { u1: 400, u3: 20 } });
      const el = await mount({ userId: null, provider });
      const picker = shadow(el).querySelector('user-trace-user-picker')!;
      picker.focus();
      await sendKeys({ type: 'Jana' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ type: 'Řehoř' });
      await sendKeys({ press: 'Enter' });
      expect(provider.calls).to.deep.equal(['u1', 'u3']);
      await settled(el, 'ready');
      await aTimeout(600); // past the slow answer
      await el.updateComplete;
      expect(el.userId).to.equal('u3');
      expect(el.activityCount).to.equal(2);
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(currentOption(el)!.getAttribute('aria-label')).to.contain('fast user');
    });
  });

  describe('keyboard and detail', () => {
    it('walks every activity in time order, opens the last one, Escape returns focus', async () => {
      const el = await mount();
      lanes(el).focus();
      await el.updateComplete;
      const seen: string[] = [];
      const ids = new Set<string>();
      await sendKeys({ press: 'Home' });
      for (let i = 0; i < ORDER.length; i++) {
        await el.updateComplete;
        seen.push(el.currentActivity!.id);
        // A distinct active descendant per step, and it names the rendered option.
        const id = lanes(el).getAttribute('aria-activedescendant')!;
        ids.add(id);
        expect(shadow(el).getElementById(id)).to.equal(currentOption(el));
        await sendKeys({ press: 'ArrowRight' });
      }
      expect(seen).to.deep.equal(ORDER);
      expect(ids.size).to.equal(ORDER.length);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      const option = currentOption(el)!;
      expect(option.getAttribute('aria-posinset')).to.equal('5');
      expect(option.getAttribute('aria-setsize')).to.equal('5');
      expect(option.getAttribute('aria-label')).to.equal('Ticket, 2:00 – 2:30 PM, 30 min');
      const opened = oneEvent(el, 'user-trace-activity-open');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.activity.id).to.equal('t1');
      await waitUntil(() => detailDialog(el)?.open, 'dialog opens');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !detailDialog(el)!.open, 'dialog closes');
      expect(shadow(el).activeElement).to.equal(lanes(el));
    });

    it('labels an activity with type, time range, duration and queue (Czech, 24 h)', async () => {
      const el = await mount({ lang: 'cs' });
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(currentOption(el)!.getAttribute('aria-label')).to.equal('Hovor, 8:10–8:20, 10 min, Reklamace, Fronta Support');
      const tooltip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(tooltip.hidden).to.equal(false);
      expect(tooltip.textContent).to.contain('0:10:00');
      await expect(el).to.be.accessible();
    });

    it('does not open the dialog when the open event is cancelled', async () => {
      const el = await mount();
      el.addEventListener('user-trace-activity-open', (e) => e.preventDefault());
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      const opened = oneEvent(el, 'user-trace-activity-open');
      await sendKeys({ press: 'Enter' });
      const event = await opened;
      expect(event.defaultPrevented).to.equal(true);
      await aTimeout(50);
      expect(detailDialog(el)?.open ?? false).to.equal(false);
    });

    it('opens the detail on click and shows a tooltip on hover', async () => {
      const el = await mount();
      const box = el.positionOf('e1')!;
      const x = Math.round(box.left + box.width / 2);
      const y = Math.round(box.top + box.height / 2);
      await sendMouse({ type: 'move', position: [x, y] });
      await el.updateComplete;
      const tooltip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(tooltip.hidden).to.equal(false);
      expect(tooltip.textContent).to.contain('Email');
      expect(tooltip.textContent).to.contain('Faktura');
      expect(tooltip.textContent).to.contain('0:15:00');
      const opened = oneEvent(el, 'user-trace-activity-open');
      await sendMouse({ type: 'click', position: [x, y] });
      expect((await opened).detail.activity.id).to.equal('e1');
      await waitUntil(() => detailDialog(el)?.open, 'dialog opens');
    });
  });

  describe('zoom and navigation', () => {
    it('zooms with + / − / 0 around the current activity and with Ctrl + wheel', async () => {
      const el = await mount();
      await new TimelineHarness(el).wholeDay();
      const before = el.positionOf('c2')!;
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: '+' });
      await sendKeys({ press: '+' });
      await el.updateComplete;
      const zoomed = el.positionOf('c2')!;
      expect(zoomed.width).to.be.closeTo(before.width * 4, 1);
      // Finer ticks when zoomed: a one-hour call spans several labelled ticks.
      const reset = [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Whole day')!;
      expect(reset.disabled).to.equal(false);
      await sendKeys({ press: '0' });
      await el.updateComplete;
      expect(el.positionOf('c2')!.width).to.be.closeTo(before.width, 0.5);
      expect(reset.disabled).to.equal(true);
      const plot = shadow(el).querySelector<HTMLElement>('.plot')!;
      plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, ctrlKey: true, clientX: before.left, clientY: before.top, bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(el.positionOf('c2')!.width).to.be.greaterThan(before.width * 1.5);
      // Shift + arrows pan.
      const panned0 = el.positionOf('c2')!.left;
      lanes(el).focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ up: 'Shift' });
      await el.updateComplete;
      const after = el.positionOf('c2');
      expect(after === null || after.left < panned0).to.equal(true);
    });

    it('pans by dragging when zoomed in', async () => {
      const el = await mount();
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: '+' });
      await el.updateComplete;
      const start = el.positionOf('c2')!;
      const y = Math.round(start.top - 40 > 0 ? start.top + start.height / 2 : start.top);
      const x = Math.round(start.left + start.width / 2);
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + 100, y] });
      await sendMouse({ type: 'up' });
      await el.updateComplete;
      expect(el.positionOf('c2')!.left).to.be.closeTo(start.left + 100, 2);
    });

    it('fires user-trace-change from the date controls and the period switch', async () => {
      const el = await mount();
      const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="controls"] button')];
      let changed = oneEvent(el, 'user-trace-change');
      buttons.find((b) => b.getAttribute('aria-label') === 'Next day')!.click();
      expect((await changed).detail.query.date).to.equal('2026-03-11');
      changed = oneEvent(el, 'user-trace-change');
      buttons.find((b) => b.textContent!.trim() === 'Week')!.click();
      expect((await changed).detail.query.period).to.equal('week');
      expect(el.getAttribute('period')).to.equal('week');
      await el.updateComplete;
      const minutes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((c) =>
        c.parentElement!.textContent!.includes('Minutes'),
      )!;
      expect(minutes.disabled).to.equal(true);
    });
  });

  describe('states', () => {
    const never: UserTraceProvider = {
      listUsers: async () => [{ id: 'u1', name: 'Jana' }],
      loadTrace: () => new Promise(() => {}),
    };
    const bad: TraceData = {
      sessions: [],
      pauses: [],
      activities: [
        ...DAY.activities,
        { id: 'bad', type: 'call', start: '2026-03-10T10:00:00Z', end: '2026-03-10T09:00:00Z' },
        { id: 'c1', type: 'call', start: 'not a time' },
      ],
    };
    const cases: [string, () => Options][] = [
      ['idle', () => ({ userId: null })],
      ['loading', () => ({ provider: never, status: 'loading' })],
      ['empty', () => ({ provider: testProvider({ traces: {} }), status: 'empty' })],
      ['error', () => ({ provider: testProvider({ fail: new Error('Server down') }), status: 'error' })],
      ['denied', () => ({ provider: denyingProvider(), status: 'denied' })],
      ['ready', () => ({})],
      ['bad records', () => ({ provider: testProvider({ traces: { u1: bad } }) })],
      ['week', () => ({ period: 'week' as const })],
      ['minutes', () => ({ minutes: true })],
    ];
    for (const theme of ['light', 'dark'] as const) {
      for (const lang of ['cs', 'en']) {
        for (const [name, options] of cases) {
          it(`is accessible: ${name} (${lang}, ${theme})`, async () => {
            const el = await mount({ ...options(), lang, theme });
            await expect(el).to.be.accessible();
          });
        }
      }
    }

    it('shows the error with a working retry', async () => {
      const provider = testProvider({ fail: new Error('Server down') });
      const el = await mount({ provider, status: 'error' });
      const state = shadow(el).querySelector('[data-state="error"]')!;
      expect(state.textContent).to.contain('Server down');
      state.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => provider.calls.length === 2, 'retried');
    });

    it('drops the data on denial', async () => {
      let deny = false;
      const base = testProvider({ traces: { u1: DAY } });
      const provider: UserTraceProvider = {
        listUsers: (q) => base.listUsers(q),
        loadTrace: (q) => (deny ? denyingProvider().loadTrace(q) : base.loadTrace(q)),
      };
      const el = await mount({ provider });
      expect(el.activityCount).to.equal(5);
      deny = true;
      el.date = '2026-03-11';
      await settled(el, 'denied');
      expect(el.activityCount).to.equal(0);
      expect(shadow(el).querySelector('canvas')).to.equal(null);
      expect(shadow(el).querySelector('[data-state="denied"]')).to.exist;
    });

    it('shows a non-blocking notice for invalid records and still draws the valid ones', async () => {
      const el = await mount({ provider: testProvider({ traces: { u1: bad } }) });
      const notice = shadow(el).querySelector('[part="notice"]')!;
      expect(notice.textContent).to.match(/2/);
      expect(el.activityCount).to.equal(5);
      expect(shadow(el).querySelector('canvas')).to.exist;
    });

    it('draws a running activity up to now and says it runs', async () => {
      const now = Date.now();
      const today = new Date(now).toISOString().slice(0, 10);
      // Half an hour ago, or since midnight when today is younger than that.
      const start = Math.max(now - 1_800_000, Date.parse(`${today}T00:00:00Z`));
      const running: TraceData = {
        sessions: [{ start: new Date(start).toISOString(), end: null }],
        pauses: [],
        activities: [{ id: 'r', type: 'call', start: new Date(start).toISOString(), end: null }],
      };
      const el = await mount({ date: today, provider: testProvider({ traces: { u1: running } }) });
      await new TimelineHarness(el).wholeDay();
      const box = el.positionOf('r')!;
      const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
      expect(box.width / plot.width).to.be.closeTo((now - start) / 86_400_000, 0.002);
      lanes(el).focus();
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(currentOption(el)!.getAttribute('aria-label')).to.contain('running');
      expect(shadow(el).querySelector('.sw-now')).to.exist;
    });
  });

  it('renders realistic demo data for a week and stays bounded in DOM size', async () => {
    const provider = new DemoProvider({ seed: 2, heavyUserId: 'heavy', heavyActivitiesPerWeek: 20_000 });
    const el = await mount({ provider, userId: 'heavy', period: 'week', timeZone: 'Europe/Prague' });
    expect(el.activityCount).to.be.greaterThan(15_000);
    expect(shadow(el).querySelectorAll('*').length).to.be.lessThan(800);
    // The first paint of more than 20 000 activities comes in the next animation frame (or, in a page
    // that gets none, a moment later).
    await waitUntil(() => (lastPaintOf(el)?.stats.binned ?? 0) > 15_000, 'the week was painted', { timeout: 10_000 });
    expect(lastPaintOf(el)!.stats.rects).to.be.lessThan(7 * 6 * 1100);
  });
});
