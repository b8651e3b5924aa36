import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/activities/define.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { DAY, TZ, at, deniedProvider, emptyTrace, fixtureProvider, manyActivities } from '../export/fixtures.js';
import { ActivitiesHarness } from '../harness/activities.js';
import { foldForSearch } from '../../src/i18n/fold.js';

async function listFor(provider: UserTraceProvider, lang = 'en', userId: string | null = 'u1', date = DAY) {
  const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities
    lang=${lang}
    time-zone=${TZ}
    date=${date}
    user-id=${userId ?? ''}
  ></user-trace-activities>`);
  el.provider = provider;
  return el;
}

const root = (el: UserTraceActivitiesElement) => el.shadowRoot!;
const bodyRows = (el: UserTraceActivitiesElement) => new ActivitiesHarness(el).rows();
const cellTexts = (row: HTMLElement) =>
  [...row.querySelectorAll<HTMLElement>('[role="cell"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
const ready = (el: UserTraceActivitiesElement) => waitUntil(() => bodyRows(el).length > 0, 'rows did not render');
const stateOf = (el: UserTraceActivitiesElement) => root(el).querySelector('[data-state]')?.getAttribute('data-state');

describe('<user-trace-activities>', () => {
  it('lists every activity with all columns (Czech)', async () => {
    const el = await listFor(fixtureProvider(), 'cs');
    await ready(el);
    const rows = bodyRows(el);
    expect(rows.length).to.equal(9);
    expect(cellTexts(rows[0]!)).to.deep.equal([
      'Hovor', '8:10:00', '8:20:00', '0:10:00', 'Reklamace zásilky', 'Podpora', '+420 777 111 222', 'Příchozí', 'Ano', '',
    ]);
    expect(root(el).querySelector('[part="count"]')!.textContent).to.contain('9');
    const table = root(el).querySelector('[role="table"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('10');
    expect(rows[0]!.getAttribute('aria-rowindex')).to.equal('2');
    const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Typ', 'Začátek', 'Konec', 'Trvání', 'Název', 'Fronta', 'Kontakt', 'Směr', 'Uzavřeno', 'Akce']);
    const eye = rows[0]!.querySelector('button')!;
    expect(eye.getAttribute('aria-label')).to.equal('Zobrazit detail: Hovor, 8:10:00 – 8:20:00, Reklamace zásilky');
    await expect(el).to.be.accessible();
  });

  it('shows real start and end but counts the duration inside the period', async () => {
    const trace = {
      sessions: [],
      pauses: [],
      activities: [{ id: 'x', type: 'call', start: at('23:50', '2026-03-02'), end: at('00:10'), title: 'Přes půlnoc' }],
    };
    const el = await listFor(fixtureProvider({ trace }), 'cs');
    await ready(el);
    const cells = cellTexts(bodyRows(el)[0]!);
    expect(cells[1]).to.equal('2. 3. 23:50:00');
    expect(cells[2]).to.equal('0:10:00');
    // The part inside the period, marked as cut, the whole duration in its tooltip.
    const duration = bodyRows(el)[0]!.querySelector<HTMLElement>('.col-duration')!;
    expect(duration.querySelector('[aria-hidden="true"]:last-child')!.textContent).to.equal('0:10:00');
    expect(duration.title).to.equal('Z celkových 0:20:00 spadá do zobrazeného času 0:10:00');
  });

  it('shows running activities as running with a live duration', async () => {
    const now = Date.now();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(now);
    const trace = {
      sessions: [{ start: new Date(now - 600_000).toISOString(), end: null }],
      pauses: [],
      activities: [{ id: 'live', type: 'web', start: new Date(now - 5_000).toISOString(), end: null, title: 'Chat' }],
    };
    const el = await listFor(fixtureProvider({ trace }), 'en', 'u1', today);
    await ready(el);
    const row = () => bodyRows(el)[0]!;
    expect(cellTexts(row())[2]).to.equal('running');
    expect(row().getAttribute('part')).to.contain('row-running');
    const first = cellTexts(row())[3];
    await waitUntil(() => cellTexts(row())[3] !== first, 'duration did not grow', { timeout: 3000 });
  });

  it('sorts by any column with aria-sort', async () => {
    const el = await listFor(fixtureProvider());
    await ready(el);
    const header = (column: string) => root(el).querySelector<HTMLButtonElement>(`.sort-button[data-column="${column}"]`)!;
    expect(header('start').parentElement!.getAttribute('aria-sort')).to.equal('ascending');
    header('duration').click();
    await el.updateComplete;
    expect(header('duration').parentElement!.getAttribute('aria-sort')).to.equal('ascending');
    expect(header('start').parentElement!.getAttribute('aria-sort')).to.equal('none');
    expect(el.rows.map((a) => a.id)[0]).to.equal('w2'); // 5 minutes
    header('duration').click();
    await el.updateComplete;
    expect(header('duration').parentElement!.getAttribute('aria-sort')).to.equal('descending');
    expect(el.rows[0]!.id).to.equal('w1'); // 45 minutes
    expect(cellTexts(bodyRows(el)[0]!)[3]).to.equal('0:45:00');
    header('contact').click();
    await el.updateComplete;
    // Collation, not code points: "Jiří" before "Ondřej" before "Zuzana"; empty contacts first.
    const contacts = el.rows.map((a) => a.record.contact ?? '').filter(Boolean);
    expect(contacts.indexOf('Jiří Řezníček')).to.be.lessThan(contacts.indexOf('Ondřej Malý'));
    expect(contacts.indexOf('Ondřej Malý')).to.be.lessThan(contacts.indexOf('Zuzana Kůžová'));
  });

  it('filters by type and by text, ignoring case and diacritics', async () => {
    const el = await listFor(fixtureProvider(), 'cs');
    await ready(el);
    const select = root(el).querySelector<HTMLSelectElement>('[part="type-filter"]')!;
    // The period has a login and pauses: they can be listed too.
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'all', 'call', 'email', 'sms', 'whatsapp', 'ticket', 'login', 'pause']);
    select.value = 'whatsapp';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(bodyRows(el).length).to.equal(2);
    expect(root(el).querySelector('[part="count"]')!.textContent).to.contain('2 z 9');
    const input = root(el).querySelector<HTMLInputElement>('[part="text-filter"]')!;
    input.value = 'KUZOVA';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.rows.map((a) => a.id)).to.deep.equal(['w1']);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    input.value = 'příchozí podpora';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.rows.map((a) => a.id)).to.deep.equal(['c1', 'e1']);
    input.value = 'nic takového';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root(el).querySelector('[part="no-rows"]')!.textContent).to.contain('Filtru neodpovídá');
    await expect(el).to.be.accessible();
  });

  it('opens the detail from the eye button and from the keyboard', async () => {
    const el = await listFor(fixtureProvider());
    await ready(el);
    const opened: string[] = [];
    el.addEventListener('user-trace-activity-open', (e) => {
      e.preventDefault();
      opened.push(e.detail.activity.id);
    });
    bodyRows(el)[2]!.querySelector('button')!.click();
    expect(opened).to.deep.equal(['e1']);
    await el.updateComplete;
    // One tab stop: the active row's button.
    const tabbable = root(el).querySelectorAll('.detail-button[tabindex="0"]');
    expect(tabbable.length).to.equal(1);
    root(el).querySelector<HTMLButtonElement>('.detail-button[tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement!.closest('[role="row"]')!.getAttribute('data-id')).to.equal('s1');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(root(el).activeElement!.closest('[role="row"]')!.getAttribute('data-id')).to.equal('t3');
    await sendKeys({ press: 'Enter' });
    expect(opened).to.deep.equal(['e1', 't3']);
  });

  it('opens the built-in detail dialog by default', async () => {
    const el = await listFor(fixtureProvider());
    await ready(el);
    bodyRows(el)[0]!.querySelector('button')!.click();
    await waitUntil(() => root(el).querySelector('user-trace-detail'), 'no dialog');
  });

  it('keeps at most 200 rows in the DOM with 100 000 activities', async () => {
    const el = await listFor(fixtureProvider({ trace: manyActivities(100_000) }));
    // Validating 100 000 records takes about a second on a busy machine: no deadline here.
    await waitUntil(() => bodyRows(el).length > 0, 'rows did not render', { timeout: 30_000 });
    expect(bodyRows(el).length).to.be.at.most(200);
    const table = root(el).querySelector('[role="table"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('100001');
    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    await waitUntil(() => bodyRows(el).some((r) => r.getAttribute('aria-rowindex') === '100001'), 'last row not reached');
    expect(bodyRows(el).length).to.be.at.most(200);
    // The visible row at the top is the one the scroll position says.
    const top = bodyRows(el).find((r) => r.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top + 40)!;
    expect(Number(top.getAttribute('aria-rowindex'))).to.be.greaterThan(99_980);
  });

  it('filters and sorts a long list in slices: rendered when ready, the newest controls win, `rows` always current', async () => {
    const el = await listFor(fixtureProvider({ trace: manyActivities(60_000) }));
    await waitUntil(() => bodyRows(el).length > 0, 'rows did not render', { timeout: 30_000 });
    const titleOf = (row: HTMLElement) => cellTexts(row)[4]!;
    // Two requests one after the other, as typing does: only the second is ever shown.
    el.filterText = 'reklamace';
    await new Promise((resolve) => setTimeout(resolve));
    el.filterText = 'žluťoučký 99';
    el.sortColumn = 'title';
    el.sortDirection = 'descending';
    await el.updateComplete;
    const all = manyActivities(60_000).activities;
    const matching = (terms: string[]) =>
      all.filter((a) => {
        const text = foldForSearch([a.title, a.queue, a.contact, a.id].join('\u0000'));
        return terms.every((term) => text.includes(foldForSearch(term)));
      }).length;
    const expected = matching(['žluťoučký', '99']);
    expect(root(el).querySelector('[part="count"]')!.textContent).to.contain(expected.toLocaleString('en'));
    const shown = bodyRows(el).map(titleOf);
    expect(shown.length).to.be.greaterThan(0);
    expect(shown.every((title) => title.includes('žluťoučký'))).to.equal(true);
    expect([...shown].sort((a, b) => new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare(b, a))).to.deep.equal(shown);
    // Read from script right after a change: at once, already filtered.
    el.filterText = 'reklamace 1234';
    expect(el.rows.length).to.equal(matching(['reklamace', '1234']));
    await el.updateComplete;
    expect(root(el).querySelector('[part="count"]')!.textContent).to.contain(`${matching(['reklamace', '1234'])} of`);
    expect(bodyRows(el).map(titleOf).every((title) => title.includes('reklamace'))).to.equal(true);
  });

  describe('states', () => {
    it('loading', async () => {
      const el = await listFor(fixtureProvider({ hang: true }));
      await waitUntil(() => stateOf(el) === 'loading');
      expect(root(el).querySelector<HTMLButtonElement>('[data-format="pdf"]')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
    it('empty', async () => {
      const el = await listFor(fixtureProvider({ trace: emptyTrace() }));
      await waitUntil(() => stateOf(el) === 'empty');
      await expect(el).to.be.accessible();
    });
    it('error', async () => {
      const el = await listFor(fixtureProvider({ fail: new Error('Boom') }));
      await waitUntil(() => stateOf(el) === 'error');
      await expect(el).to.be.accessible();
    });
    it('denied: nothing listed or exportable', async () => {
      const el = await listFor(deniedProvider());
      await waitUntil(() => stateOf(el) === 'denied');
      expect(bodyRows(el).length).to.equal(0);
      expect(el.rows.length).to.equal(0);
      expect(await el.exportAs('xlsx')).to.equal(null);
      await expect(el).to.be.accessible();
    });
    it('idle', async () => {
      const el = await listFor(fixtureProvider(), 'en', null);
      await waitUntil(() => stateOf(el) === 'idle');
      await expect(el).to.be.accessible();
    });
  });
});
