import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { TraceData } from '../../src/model/types.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { formatDuration } from '../../src/i18n/format.js';
import { periodRange } from '../../src/time/index.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';

const ZONE = 'Europe/Prague';

/** Tuesday and Thursday of the week of 2026-03-09 (Monday, cs): sessions, a pause, activities, one across midnight. */
const WEEK: TraceData = {
  sessions: [
    { start: '2026-03-10T07:00:00+01:00', end: '2026-03-10T15:30:00+01:00' },
    { start: '2026-03-12T22:00:00+01:00', end: '2026-03-13T02:00:00+01:00' },
  ],
  pauses: [{ start: '2026-03-10T11:00:00+01:00', end: '2026-03-10T11:30:00+01:00', name: 'Oběd', paid: false }],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T08:00:00+01:00', end: '2026-03-10T08:40:00+01:00' },
    { id: 'c2', type: 'call', start: '2026-03-10T08:20:00+01:00', end: '2026-03-10T09:00:00+01:00' },
    { id: 'e1', type: 'email', start: '2026-03-10T11:10:00+01:00', end: '2026-03-10T11:50:00+01:00' },
    { id: 'n1', type: 'call', start: '2026-03-12T23:30:00+01:00', end: '2026-03-13T00:30:00+01:00' },
  ],
};

async function mount(o: { date: string; data: TraceData; lang?: string }): Promise<UserTraceTimelineElement> {
  const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
    lang=${o.lang ?? 'cs'}
    style="width: 1200px"
    user-id="u1"
    time-zone=${ZONE}
    date=${o.date}
    period="week"
    .provider=${testProvider({ traces: { u1: o.data } })}
  ></user-trace-timeline>`);
  await settled(el, 'ready');
  return el;
}

function summaries(el: Element): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('.day-summary')];
}

describe('<user-trace-timeline> week rows', () => {
  it('states each day’s logged-in, ready and idle time and its activities, as computeStats has them for that day', async () => {
    const el = await mount({ date: '2026-03-11', data: WEEK });
    const days = periodRange({ date: '2026-03-11', period: 'week', timeZone: ZONE, locale: 'cs' }).days;
    const rows = summaries(el);
    expect(rows.map((r) => r.dataset.date)).to.deep.equal(days.map((d) => d.date));
    const counts: Record<string, number> = { '2026-03-10': 3, '2026-03-12': 1, '2026-03-13': 1 };
    for (const [i, day] of days.entries()) {
      const { login } = computeStats(WEEK, day);
      const figures = [...rows[i]!.querySelectorAll('dd')].map((dd) => dd.textContent!.replace(/\s+/g, ' ').trim());
      expect(figures.slice(0, 3), day.date).to.deep.equal([formatDuration(login.logged), formatDuration(login.ready), formatDuration(login.idle)]);
      const count = counts[day.date] ?? 0;
      expect(figures[3], day.date).to.match(new RegExp(`^${count} aktivit`));
    }
    // Tuesday by hand: 8.5 h logged, half an hour paused, busy 8:00–9:00 and 11:30–11:50 of the ready time.
    const tuesday = [...rows[1]!.querySelectorAll('dd')].map((dd) => dd.textContent!.trim());
    expect(tuesday.slice(0, 3)).to.deep.equal(['8:30:00', '8:00:00', '6:40:00']);
    // Compact lane labels beside each row.
    const labels = [...shadow(el).querySelectorAll('.week-lane-label')].map((s) => s.textContent);
    expect(labels.slice(0, 5)).to.deep.equal(['Stav', 'Hovory', 'Emaily', 'Chaty', 'Tickety']);
    expect(labels).to.have.length(7 * 5);
    await expect(el).to.be.accessible();
  });

  it('says of the days still to come that they have not come yet, not 0:00:00; today keeps its running figures', async () => {
    // Thursday noon of the week of 2026-03-09: logged in since 8:00, a call at 9:00.
    const now = Date.parse('2026-03-12T12:00:00+01:00');
    const week: TraceData = {
      sessions: [{ start: '2026-03-10T07:00:00+01:00', end: '2026-03-10T15:30:00+01:00' }, { start: '2026-03-12T08:00:00+01:00', end: null }],
      pauses: [],
      activities: [{ id: 'c1', type: 'call', start: '2026-03-12T09:00:00+01:00', end: '2026-03-12T09:30:00+01:00' }],
    };
    const realNow = Date.now;
    Date.now = () => now;
    try {
      for (const [lang, notYet] of [['cs', 'zatím ne'], ['en', 'not yet']] as const) {
        const el = await mount({ date: '2026-03-11', data: week, lang });
        const figures = (date: string) => [...shadow(el).querySelectorAll(`.day-summary[data-date="${date}"] dd`)].map((dd) => dd.textContent!.replace(/\s+/g, ' ').trim());
        // Past days and today: their figures, today's up to now.
        expect(figures('2026-03-10').slice(0, 3), lang).to.deep.equal(['8:30:00', '8:30:00', '8:30:00']);
        expect(figures('2026-03-11').slice(0, 3), lang).to.deep.equal(['0:00:00', '0:00:00', '0:00:00']);
        expect(figures('2026-03-12'), lang).to.deep.equal(['4:00:00', '4:00:00', '3:30:00', lang === 'cs' ? '1 aktivita' : '1 activity']);
        // Friday to the week's end (Sunday in cs, Saturday in en): dashes, "not yet" to screen readers, and "not yet" for the activities.
        const future = periodRange({ date: '2026-03-11', period: 'week', timeZone: ZONE, locale: lang }).days.map((d) => d.date).filter((date) => date > '2026-03-12');
        expect(future).to.have.length(lang === 'cs' ? 3 : 2);
        for (const date of future) {
          const day = shadow(el).querySelector<HTMLElement>(`.day-summary[data-date="${date}"]`)!;
          expect(figures(date), `${lang} ${date}`).to.deep.equal([`–${notYet}`, `–${notYet}`, `–${notYet}`, notYet]);
          const dashes = day.querySelectorAll('dd [aria-hidden="true"]');
          expect([...dashes].map((d) => d.textContent)).to.deep.equal(['–', '–', '–']);
          for (const dash of dashes) expect(dash.nextElementSibling!.matches('.visually-hidden')).to.equal(true);
        }
        await expect(el).to.be.accessible();
      }
    } finally {
      Date.now = realNow;
    }
  });

  it('opens a day from its label: period day, that date, exactly one user-trace-change', async () => {
    const el = await mount({ date: '2026-03-11', data: WEEK, lang: 'en' });
    const changes: CustomEvent[] = [];
    el.addEventListener('user-trace-change', (e) => changes.push(e as CustomEvent));
    const button = shadow(el).querySelector('.day-summary[data-date="2026-03-12"] button')!;
    expect(button.getAttribute('aria-label')).to.equal(`${button.textContent!.trim()} – open the day`);
    (button as HTMLButtonElement).click();
    await el.updateComplete;
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail.query).to.include({ period: 'day', date: '2026-03-12' });
    expect(el.period).to.equal('day');
    expect(el.date).to.equal('2026-03-12');
    await settled(el, 'ready');
    expect(changes).to.have.length(1);
  });

  it('opens a day inside <user-trace>: the container’s query changes', async () => {
    const page = await fixture<UserTraceContainerElement>(html`<user-trace lang="en" time-zone=${ZONE} date="2026-03-11" period="week" user-id="u1"
      .provider=${testProvider({ traces: { u1: WEEK } })}><user-trace-timeline></user-trace-timeline></user-trace>`);
    await waitUntil(() => page.store.snapshot.status === 'ready', 'loaded', { timeout: 5000 });
    const timeline = page.querySelector<UserTraceTimelineElement>('user-trace-timeline')!;
    await settled(timeline);
    const button = shadow(timeline).querySelector<HTMLButtonElement>('.day-summary[data-date="2026-03-10"] button')!;
    setTimeout(() => button.click());
    const change = await oneEvent(page, 'user-trace-change');
    expect(change.detail.query).to.include({ period: 'day', date: '2026-03-10' });
    expect(page.getAttribute('period')).to.equal('day');
    expect(page.getAttribute('date')).to.equal('2026-03-10');
    expect(page.store.snapshot.query).to.include({ period: 'day', date: '2026-03-10' });
  });

  /** An activity at 01:00–01:30 and at 08:00–08:30 wall-clock time on each day of the week of `monday`. */
  function everyDay(monday: string): TraceData {
    const days = periodRange({ date: monday, period: 'week', timeZone: ZONE, locale: 'cs' }).days;
    const at = (date: string, hhmm: string) => {
      // Before 02:00 the offset the day starts with, after 03:00 the one it ends with.
      const range = periodRange({ date, period: 'day', timeZone: ZONE });
      return `${date}T${hhmm}:00${(hhmm < '02:00' ? range.start : range.end).slice(-6)}`;
    };
    return {
      sessions: [],
      pauses: [],
      activities: days.flatMap((d) => [
        { id: `early-${d.date}`, type: 'call' as const, start: at(d.date, '01:00'), end: at(d.date, '01:30') },
        { id: `late-${d.date}`, type: 'call' as const, start: at(d.date, '08:00'), end: at(d.date, '08:30') },
      ]),
    };
  }

  for (const [name, monday, sunday, gapsOn] of [
    ['the last week of March (23-hour Sunday)', '2026-03-23', '2026-03-29', ['2026-03-29']],
    ['the last week of October (25-hour Sunday)', '2026-10-19', '2026-10-25', ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24']],
  ] as const) {
    it(`lines up wall-clock times across the rows in ${name}`, async () => {
      const data = everyDay(monday);
      const el = await mount({ date: monday, data });
      const days = periodRange({ date: monday, period: 'week', timeZone: ZONE, locale: 'cs' }).days;
      expect(days[6]!.date).to.equal(sunday);
      for (const kind of ['early', 'late']) {
        const boxes = days.map((d) => el.positionOf(`${kind}-${d.date}`)!);
        for (const box of boxes) {
          expect(box.left, `${kind} start`).to.be.closeTo(boxes[0]!.left, 0.6);
          expect(box.width, `${kind} width`).to.be.closeTo(boxes[0]!.width, 0.6);
        }
      }
      // The hour a day does not have is marked, on the days that lack it and only there.
      const plot = shadow(el).querySelector('.plot')!.getBoundingClientRect();
      const rowHeight = plot.height / 7;
      const marked = [...shadow(el).querySelectorAll<HTMLElement>('.no-such-time')].map((m) => days[Math.floor((m.getBoundingClientRect().top - plot.top) / rowHeight)]!.date);
      expect(marked).to.deep.equal([...gapsOn]);
      const gap = shadow(el).querySelector<HTMLElement>('.no-such-time')!;
      expect(gap.title).to.match(/neexistuje/);
      // The gap is one hour of the axis wide, from 02:00 on the axis (just after the 01:00 activity's hour).
      const early = el.positionOf(`early-${days[0]!.date}`)!;
      const hourPx = early.width * 2;
      const rect = gap.getBoundingClientRect();
      expect(rect.width).to.be.closeTo(hourPx, 1);
      expect(rect.left - early.left).to.be.closeTo(name.includes('March') ? hourPx : 2 * hourPx, 1);
    });
  }
});
