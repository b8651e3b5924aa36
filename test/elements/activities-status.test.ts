import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import readXlsxFile from 'read-excel-file/browser';
import '../../src/elements/activities/define.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import type { TraceData } from '../../src/model/types.js';
import { DAY, HAND_TRACE, TZ, at, fixtureProvider, manyActivities } from '../export/fixtures.js';
import { pdfPages } from '../export/pdf-text.js';
import { ActivitiesHarness } from '../harness/activities.js';

async function listFor(provider: UserTraceProvider, lang = 'cs', period = 'day') {
  const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities lang=${lang} time-zone=${TZ} date=${DAY} period=${period} user-id="u1"></user-trace-activities>`);
  el.provider = provider;
  await waitUntil(() => new ActivitiesHarness(el).rows()[0], 'rows did not render');
  await waitUntil(() => el.store.snapshot.user !== null, 'user not known');
  return el;
}

const h = (el: UserTraceActivitiesElement) => new ActivitiesHarness(el);
const cellTexts = (row: Element) => [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

async function filterBy(el: UserTraceActivitiesElement, type: string) {
  el.filterType = type;
  await el.updateComplete;
}

describe('<user-trace-activities> status rows (logins and pauses)', () => {
  it('lists none by default, and offers them in the type filter', async () => {
    const el = await listFor(fixtureProvider());
    expect(h(el).rows()).to.have.length(9);
    expect(h(el).rows().some((r) => r.classList.contains('status-row'))).to.equal(false);
    const options = [...el.shadowRoot!.querySelectorAll('[part="type-filter"] option')].map((o) => [o.getAttribute('value'), o.textContent!.trim()]);
    expect(options).to.deep.include(['all', 'Vše včetně přihlášení a pauz']);
    expect(options).to.deep.include(['login', 'Přihlášení']);
    expect(options).to.deep.include(['pause', 'Pauzy']);
  });

  it('lists the pauses with their name, paid or unpaid, start, end and duration', async () => {
    const el = await listFor(fixtureProvider());
    await filterBy(el, 'pause');
    const rows = h(el).rows();
    expect(rows.map((r) => cellTexts(r).slice(0, 5))).to.deep.equal([
      ['Placená pauza', '10:00:00', '10:15:00', '0:15:00', 'Přestávka'],
      ['Neplacená pauza', '12:00:00', '12:30:00', '0:30:00', 'Oběd'],
    ]);
    // No detail of its own: the row is the keyboard's stop and is named by its text.
    expect(rows[0]!.querySelector('button')).to.equal(null);
    expect(rows[0]!.getAttribute('tabindex')).to.equal('0');
    expect(rows[0]!.getAttribute('aria-label')).to.equal('Placená pauza, 10:00:00 – 10:15:00, Přestávka');
    expect(el.shadowRoot!.querySelector('[part="count"]')!.textContent).to.contain('přihlášení a pauzy: 2');
    await expect(el).to.be.accessible();
  });

  it('sorts logins and pauses with the activities', async () => {
    const el = await listFor(fixtureProvider(), 'en');
    await filterBy(el, 'all');
    expect(el.rows.map((r) => r.id)).to.deep.equal(['login-0', 'c1', 'c2', 'e1', 's1', 'pause-0', 'pause-1', 'w1', 'w2', 't1', 't2', 't3']);
    el.sortColumn = 'duration';
    el.sortDirection = 'descending';
    await el.updateComplete;
    // The login (8 h) is the longest row, the 5-minute chat the shortest.
    expect(el.rows[0]!.id).to.equal('login-0');
    expect(el.rows[el.rows.length - 1]!.id).to.equal('w2');
    expect(cellTexts(h(el).rows()[0]!)[0]).to.equal('Logged in');
    // ↓ from the login row moves the focus on, through activities and pauses alike.
    (h(el).rows()[0] as HTMLElement).focus();
    h(el).rows()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.closest('.row')?.getAttribute('data-index')).to.equal('1');
  });

  it('clips a pause across the period edge and says so', async () => {
    const trace: TraceData = {
      sessions: [{ start: at('22:00', '2026-03-02'), end: at('02:00') }],
      pauses: [{ start: at('23:50', '2026-03-02'), end: at('00:20'), name: 'Noční', paid: true }],
      activities: [{ id: 'x', type: 'call', start: at('23:55', '2026-03-02'), end: at('00:05'), title: 'Přes půlnoc' }],
    };
    const el = await listFor(fixtureProvider({ trace }));
    await filterBy(el, 'pause');
    const cell = h(el).rows()[0]!.querySelector<HTMLElement>('.col-duration')!;
    expect(cell.classList.contains('clipped')).to.equal(true);
    expect(cell.querySelector('.clip-mark')).to.not.equal(null);
    expect(cell.title).to.equal('Z celkových 0:30:00 spadá do zobrazeného času 0:20:00');
  });
});

describe('<user-trace-activities> exports with status rows', () => {
  async function exported(el: UserTraceActivitiesElement, format: 'pdf' | 'xlsx') {
    el.addEventListener('user-trace-export-done', (e) => e.preventDefault(), { once: true });
    const done = oneEvent(el, 'user-trace-export-done');
    void el.exportAs(format);
    return (await done).detail.blob as Blob;
  }

  it('Excel has a Status sheet with the logins and pauses the list holds', async () => {
    const el = await listFor(fixtureProvider());
    await filterBy(el, 'all');
    const sheets = await readXlsxFile(await exported(el, 'xlsx'));
    expect(sheets.map((s) => s.sheet)).to.deep.equal(['Aktivity', 'Stav', 'Statistika']);
    const [header, ...rows] = sheets[1]!.data;
    expect(header).to.deep.equal(['Typ', 'Název', 'Začátek', 'Konec', 'Trvání']);
    expect(rows.map((r) => [r[0], r[1]])).to.deep.equal([['Přihlášení', null], ['Placená pauza', 'Přestávka'], ['Neplacená pauza', 'Oběd']]);
    // Durations are duration cells: 8 h, 15 min, 30 min.
    const seconds = rows.map((r) => Math.round(((r[4] as unknown as Date).getTime() - Date.UTC(1899, 11, 30)) / 1000));
    expect(seconds).to.deep.equal([8 * 3600, 900, 1800]);
    expect(sheets[0]!.data.length).to.equal(HAND_TRACE.activities.length + 1);
  });

  it('without status rows listed, Excel has no Status sheet', async () => {
    const el = await listFor(fixtureProvider());
    const sheets = await readXlsxFile(await exported(el, 'xlsx'));
    expect(sheets.map((s) => s.sheet)).to.deep.equal(['Aktivity', 'Statistika']);
  });

  it('the PDF pictures the day, and lists the pauses in a section of their own', async () => {
    const el = await listFor(fixtureProvider());
    await filterBy(el, 'pause');
    const pages = await pdfPages(await exported(el, 'pdf'));
    const text = pages.join(' ');
    expect(pages[0]).to.contain('Přehled');
    expect(pages[0]).to.contain('Hovory');
    expect(text).to.contain('Stav');
    expect(text).to.contain('Placená pauza');
    expect(text).to.contain('Oběd');
    expect(text).to.contain('Filtr: Pauzy');
  });

  it('a week’s PDF has seven rows pictured and a table of per-day totals', async () => {
    const el = await listFor(fixtureProvider(), 'cs', 'week');
    const pages = await pdfPages(await exported(el, 'pdf'));
    const first = pages[0]!;
    expect(first).to.contain('Přehled');
    // Seven day labels (Monday 2 March to Sunday 8 March), each at least twice: picture and table.
    for (const day of ['po 02.03.26', 'út 03.03.26', 'ne 08.03.26']) expect(first.split(day).length - 1, day).to.be.at.least(2);
    expect(first).to.contain('Týden');
    // The Tuesday's totals: logged in 8:00:00, ready 7:15:00, idle 5:05:00, paused 0:45:00, 9 activities.
    const tuesday = first.slice(first.lastIndexOf('út 03.03.26')).replace(/\s+/g, ' ');
    expect(tuesday).to.match(/^út 03\.03\.26 8:00:00 7:15:00 5:05:00 0:45:00 9 5 st/);
  });
});

describe('<user-trace-activities> a very long PDF', () => {
  async function longList() {
    return listFor(fixtureProvider({ trace: manyActivities(7_200) }), 'en');
  }
  const dialog = (el: UserTraceActivitiesElement) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.long-pdf');

  it('asks before writing more than 200 pages, and Cancel writes nothing', async () => {
    const el = await longList();
    let started = false;
    el.addEventListener('user-trace-export', () => (started = true));
    const result = el.exportAs('pdf');
    await waitUntil(() => dialog(el)?.open, 'no question asked');
    expect(dialog(el)!.textContent).to.contain('The PDF would have about 213 pages.');
    await expect(el).to.be.accessible();
    dialog(el)!.querySelector<HTMLButtonElement>('[data-answer="cancel"]')!.click();
    expect(await result).to.equal(null);
    expect(started).to.equal(false);
    expect(dialog(el)).to.equal(null);
  });

  it('offers Excel instead, which exports the same rows', async () => {
    const el = await longList();
    el.addEventListener('user-trace-export-done', (e) => e.preventDefault(), { once: true });
    const start = oneEvent(el, 'user-trace-export');
    const result = el.exportAs('pdf');
    await waitUntil(() => dialog(el)?.open, 'no question asked');
    dialog(el)!.querySelector<HTMLButtonElement>('[data-answer="xlsx"]')!.click();
    const detail = (await start).detail;
    expect(detail.format).to.equal('xlsx');
    expect(detail.fileName).to.match(/\.xlsx$/);
    expect(detail.rows).to.equal(7_200);
    expect((await result)!.type).to.contain('spreadsheetml');
  });
});
