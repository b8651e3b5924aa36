import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/activities/define.js';
import '../../src/elements/stats/define.js';
import '../../src/elements/timeline/define.js';
import '../../src/elements/container/define.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceStatsElement } from '../../src/elements/stats/stats.js';
import { AccessDeniedError, abortError, type UserTraceProvider } from '../../src/data/provider.js';
import type { TraceData } from '../../src/model/types.js';
import { RestProviderError } from '../../src/data/rest-provider.js';
import { DAY, HAND_TRACE, TZ, USERS, fixtureProvider } from '../export/fixtures.js';
import { ActivitiesHarness } from '../harness/activities.js';

/** A week of the hand-made day with long texts everywhere, so cells must cut. */
function longTexts(): TraceData {
  const trace = structuredClone(HAND_TRACE);
  for (const a of trace.activities) {
    a.title = `${a.title} — velmi dlouhý název, který se do sloupce nevejde`;
    a.contact = `${a.contact ?? '+420 720 777 111'} (zákaznická linka pro reklamace)`;
  }
  return trace;
}

async function listAt(width: number, period: 'day' | 'week', lang: string) {
  const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities lang=${lang} style="width: ${width}px" time-zone=${TZ} date=${DAY} period=${period} user-id="u1"></user-trace-activities>`);
  el.provider = fixtureProvider({ trace: longTexts() });
  await waitUntil(() => new ActivitiesHarness(el).rows()[0], 'rows did not render');
  return el;
}

const scroller = (el: UserTraceActivitiesElement) => el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;

/**
 * The width the list gets in the demo console at a 1024 px window (demo/console.css): the window
 * less the page's scrollbar, the 13rem side menu and main's 1.5rem padding on each side.
 * (test/e2e/demo-list-fit.test.ts checks the console itself.)
 */
const DEMO_1024 = 1024 - 15 - 13 * 16 - 2 * 24;

describe('<user-trace-activities> fits its width', () => {
  for (const lang of ['cs', 'en']) {
    for (const period of ['day', 'week'] as const) {
      it(`needs no sideways scrolling at the width of the demo console at 1024 px (${period}, ${lang})`, async () => {
        const el = await listAt(DEMO_1024, period, lang);
        const r = el.getBoundingClientRect();
        await executeServerCommand('save-screenshot', { name: `list-1024-${period}-${lang}`, clip: { x: r.left, y: r.top, width: r.width, height: Math.min(r.height, 500) } });
        expect(scroller(el).scrollWidth, `the table in a scroller ${scroller(el).clientWidth} px wide`).to.be.at.most(scroller(el).clientWidth);
        const headers = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent!.trim());
        const row = new ActivitiesHarness(el).rows()[0]!;
        const cells = [...row.querySelectorAll<HTMLElement>('[role="cell"]')];
        if (period === 'week') {
          // A date column; Start and End hold times only.
          expect(headers[1]).to.equal(lang === 'cs' ? 'Datum' : 'Date');
          expect(cells[1]!.textContent!.trim()).to.equal(lang === 'cs' ? 'út 03.03.26' : 'Tue 3/3/26');
          expect(cells[2]!.textContent!.trim()).to.match(/^8:10:00( AM)?$/);
        } else {
          expect(headers).to.not.include(lang === 'cs' ? 'Datum' : 'Date');
        }
        // Nothing of the times is cut: date, start, end and duration read whole, and so do the
        // Type, Date, Start and End headers; the eye button is whole inside the scroller.
        for (const cell of cells.filter((c) => /col-(date|start|end|duration)/.test(c.className))) {
          expect(cell.scrollWidth, `${cell.className} ${cell.textContent}`).to.be.at.most(cell.clientWidth);
        }
        for (const label of [...el.shadowRoot!.querySelectorAll<HTMLElement>('.sort-button span')].slice(0, period === 'week' ? 4 : 3)) {
          expect(label.scrollWidth, label.textContent!).to.be.at.most(label.clientWidth);
        }
        const eye = row.querySelector('.detail-button')!.getBoundingClientRect();
        expect(eye.right).to.be.at.most(scroller(el).getBoundingClientRect().right);
      });
    }
  }

  for (const lang of ['cs', 'en']) {
    it(`needs no sideways scrolling at 1024 px in a day with an activity from the evening before (dates shown, ${lang})`, async () => {
      const trace = longTexts();
      const midnight = Date.parse(`${DAY}T00:00:00Z`);
      // 22:00–00:10 UTC: it starts the evening before in any European zone and ends inside the day.
      trace.activities.push({ id: 'night', type: 'call', start: new Date(midnight - 2 * 3_600_000).toISOString(), end: new Date(midnight + 600_000).toISOString(), title: 'Noční hovor' });
      const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities lang=${lang} style="width: ${DEMO_1024}px" time-zone=${TZ} date=${DAY} user-id="u1"></user-trace-activities>`);
      el.provider = fixtureProvider({ trace });
      await waitUntil(() => new ActivitiesHarness(el).rows()[0], 'rows did not render');
      expect(scroller(el).scrollWidth, `the table in a scroller ${scroller(el).clientWidth} px wide`).to.be.at.most(scroller(el).clientWidth);
      const start = new ActivitiesHarness(el).rows()[0]!.querySelector<HTMLElement>('.col-start')!;
      // Day and month with the time, whole (the year goes without saying beside the period).
      expect(start.textContent!.trim()).to.match(lang === 'cs' ? /^2\. 3\. 23:00:00$/ : /^3\/2, 11:00:00\sPM$/);
      expect(start.scrollWidth).to.be.at.most(start.clientWidth);
    });
  }

  it('sorts by start from the week’s date column too', async () => {
    const el = await listAt(DEMO_1024, 'week', 'en');
    const date = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.sort-button')[1]!;
    expect(date.textContent!.trim()).to.equal('Date');
    expect(date.parentElement!.getAttribute('aria-sort')).to.equal('ascending');
    date.click();
    await el.updateComplete;
    expect([el.sortColumn, el.sortDirection]).to.deep.equal(['start', 'descending']);
    expect(date.parentElement!.getAttribute('aria-sort')).to.equal('descending');
    await expect(el).to.be.accessible();
  });

  it('shows every weekday’s date whole in week view ("po" is wider than "st")', async () => {
    for (const lang of ['cs', 'en']) {
      const trace = structuredClone(HAND_TRACE);
      const first = trace.activities[0]!;
      // One activity on each day of the week around DAY (seven days back and forth from the first).
      trace.activities = [-1, 0, 1, 2, 3, 4, 5].map((d) => ({
        ...first,
        id: `d${d}`,
        start: new Date(new Date(first.start).getTime() + d * 86_400_000).toISOString(),
        end: first.end ? new Date(new Date(first.end).getTime() + d * 86_400_000).toISOString() : first.end,
      }));
      const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities lang=${lang} style="width: ${DEMO_1024}px" time-zone=${TZ} date=${DAY} period="week" user-id="u1"></user-trace-activities>`);
      el.provider = fixtureProvider({ trace });
      await waitUntil(() => new ActivitiesHarness(el).rows().length >= 6, 'rows did not render');
      const cells = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.tbody .col-date')];
      for (const cell of cells) expect(cell.scrollWidth, `${lang} ${cell.textContent}`).to.be.at.most(cell.clientWidth);
    }
  });

  it('keeps the eye column in view when a narrow host scrolls the table sideways', async () => {
    const el = await listAt(600, 'week', 'cs');
    const s = scroller(el);
    expect(s.scrollWidth).to.be.greaterThan(s.clientWidth);
    const eye = new ActivitiesHarness(el).rows()[0]!.querySelector('.detail-button')!;
    const box = s.getBoundingClientRect();
    expect(eye.getBoundingClientRect().right).to.be.at.most(box.right + 0.5);
    expect(eye.getBoundingClientRect().left).to.be.at.least(box.left);
  });

  it('shows a cut cell’s full text on hover and while its row has focus', async () => {
    const el = await listAt(1024 - 47, 'day', 'cs');
    const row = new ActivitiesHarness(el).rows()[0]!;
    const title = row.querySelector<HTMLElement>('.col-title .text')!;
    expect(title.scrollWidth).to.be.greaterThan(title.clientWidth);
    title.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(title.title).to.equal('Reklamace zásilky — velmi dlouhý název, který se do sloupce nevejde');
    // A text that fits gets no tooltip.
    const type = row.querySelector<HTMLElement>('.col-type .text')!;
    type.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(type.hasAttribute('title')).to.equal(false);
    // Focus: the row grows and shows every text whole.
    row.querySelector<HTMLButtonElement>('.detail-button')!.focus();
    expect(title.scrollWidth).to.be.at.most(title.clientWidth);
    expect(row.querySelector<HTMLElement>('.col-contact .text')!.scrollWidth).to.be.at.most(row.querySelector<HTMLElement>('.col-contact .text')!.clientWidth);
  });

  it('gives every column header its full text as a tooltip', async () => {
    const el = await listAt(1024 - 47, 'day', 'cs');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.sort-button')];
    expect(buttons.map((b) => b.title)).to.deep.equal(['Typ', 'Začátek', 'Konec', 'Trvání', 'Název', 'Fronta', 'Kontakt', 'Směr', 'Uzavřeno']);
  });
});

describe('loading and errors', () => {
  it('says which period the dimmed list and statistics still show while a new one loads', async () => {
    let second = false;
    const provider: UserTraceProvider = {
      listUsers: async () => USERS,
      loadTrace: ({ signal }) =>
        new Promise((resolve, reject) => {
          signal.addEventListener('abort', () => reject(abortError()));
          if (second) return; // the next period never arrives
          second = true;
          queueMicrotask(() => resolve(structuredClone(HAND_TRACE)));
        }),
    };
    const el = await fixture<UserTraceContainerElement>(html`<user-trace lang="en" time-zone=${TZ} date=${DAY} user-id="u1" .provider=${provider}>
      <user-trace-stats></user-trace-stats><user-trace-activities></user-trace-activities>
    </user-trace>`);
    const [stats, list] = [...el.children] as [UserTraceStatsElement, UserTraceActivitiesElement];
    await waitUntil(() => el.store.snapshot.status === 'ready', 'not ready');
    el.date = '2026-03-04';
    await waitUntil(() => el.store.snapshot.status === 'loading', 'not loading');
    await Promise.all([stats.updateComplete, list.updateComplete]);
    for (const child of [stats, list]) {
      expect(child.shadowRoot!.querySelector('[part="stale"]')?.textContent).to.equal('Still showing Tuesday, March 3, 2026.');
      expect(child.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    }
  });

  const kinds = [
    ['timeout', 'The server did not answer in time.'],
    ['http', 'The server answered with an error.'],
    ['invalid-shape', 'The server sent data of an unknown form.'],
    ['retries-exhausted', 'The server is busy; try again later.'],
  ] as const;
  for (const [kind, reason] of kinds) {
    it(`inside <user-trace>, shows a ${kind} error in full once, with one retry, and a line elsewhere`, async () => {
      const fail = new RestProviderError(`GET /api/users/u1/trace failed (${kind})`, { status: kind === 'http' ? 500 : null, url: '/api/users/u1/trace', kind });
      const el = await fixture<UserTraceContainerElement>(html`<user-trace lang="en" time-zone=${TZ} date=${DAY} user-id="u1" .provider=${fixtureProvider({ fail })}></user-trace>`);
      await waitUntil(() => el.store.snapshot.status === 'error', 'no error');
      const children = [...el.shadowRoot!.querySelectorAll<UserTraceActivitiesElement>('user-trace-timeline, user-trace-stats, user-trace-activities')];
      await Promise.all(children.map((c) => c.updateComplete));
      const states = children.map((c) => c.shadowRoot!.querySelector<HTMLElement>('[data-state="error"]')!);
      expect(states.every(Boolean)).to.equal(true);
      expect(children.flatMap((c) => [...c.shadowRoot!.querySelectorAll('[part~="retry-button"]')])).to.have.length(1);
      const [full, ...brief] = states;
      expect(full!.textContent).to.contain(reason);
      const details = full!.querySelector('details')!;
      expect(details.open).to.equal(false);
      expect(details.textContent).to.contain(`GET /api/users/u1/trace failed (${kind})`);
      for (const line of brief) {
        expect(line.classList.contains('brief')).to.equal(true);
        expect(line.textContent!.trim()).to.equal('The data could not be loaded.');
      }
    });
  }

  it('inside <user-trace>, shows a denial in full once and disables what cannot work', async () => {
    const provider: UserTraceProvider = {
      listUsers: async () => {
        throw new AccessDeniedError();
      },
      loadTrace: async () => {
        throw new AccessDeniedError();
      },
    };
    const el = await fixture<UserTraceContainerElement>(html`<user-trace lang="cs" time-zone=${TZ} date=${DAY} user-id="u1" .provider=${provider}>
      <user-trace-stats></user-trace-stats><user-trace-activities></user-trace-activities>
    </user-trace>`);
    await waitUntil(() => el.store.snapshot.status === 'denied', 'not denied');
    const [stats, list] = [...el.children] as [UserTraceStatsElement, UserTraceActivitiesElement];
    await Promise.all([stats.updateComplete, list.updateComplete]);
    // The first element of the host's layout shows it in full.
    expect(stats.shadowRoot!.querySelector('[data-state="denied"]')!.textContent).to.contain('Administrátor');
    const line = list.shadowRoot!.querySelector('[data-state="denied"]')!;
    expect(line.textContent!.trim()).to.equal('Nemáte přístup k Trasování uživatelů');
    for (const button of list.shadowRoot!.querySelectorAll<HTMLButtonElement>('.export-button')) expect(button.disabled).to.equal(true);
    expect(list.shadowRoot!.querySelector('[part="type-filter"]')).to.equal(null);
  });

  it('in the default layout, the timeline shows the denial in full, without its legend, the picker disabled', async () => {
    const provider: UserTraceProvider = {
      listUsers: async () => {
        throw new AccessDeniedError();
      },
      loadTrace: async () => {
        throw new AccessDeniedError();
      },
    };
    const el = await fixture<UserTraceContainerElement>(html`<user-trace lang="en" time-zone=${TZ} date=${DAY} user-id="u1" .provider=${provider}></user-trace>`);
    await waitUntil(() => el.store.snapshot.status === 'denied', 'not denied');
    const [timeline, stats, list] = [...el.shadowRoot!.querySelectorAll<UserTraceActivitiesElement>('user-trace-timeline, user-trace-stats, user-trace-activities')];
    await Promise.all([timeline!.updateComplete, stats!.updateComplete, list!.updateComplete]);
    const root = timeline!.shadowRoot!;
    expect(root.querySelector('[data-state="denied"] .state-text')).to.not.equal(null);
    expect(root.querySelector('[part~="legend"]')).to.equal(null);
    expect(root.querySelector('user-trace-user-picker')!.hasAttribute('disabled')).to.equal(true);
    for (const other of [stats!, list!]) expect(other.shadowRoot!.querySelector('[data-state="denied"]')!.classList.contains('brief')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
