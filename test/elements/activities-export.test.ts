import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import readXlsxFile from 'read-excel-file/browser';
import '../../src/elements/activities/define.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { DAY, TZ, fixtureProvider, manyActivities } from '../export/fixtures.js';
import { pdfPages } from '../export/pdf-text.js';
import { writePdf } from '../../src/export/pdf.js';
import { ActivitiesHarness } from '../harness/activities.js';

async function listFor(provider: UserTraceProvider, lang = 'cs', period = 'day') {
  const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities
    lang=${lang}
    time-zone=${TZ}
    date=${DAY}
    period=${period}
    user-id="u1"
  ></user-trace-activities>`);
  el.provider = provider;
  await waitUntil(() => new ActivitiesHarness(el).rows()[0], 'rows did not render');
  // The user list names the file: wait for it too.
  await waitUntil(() => el.store.snapshot.user !== null, 'user not known');
  return el;
}

/** Clicks an export button, cancels the download and returns the file. */
async function exportVia(el: UserTraceActivitiesElement, format: 'pdf' | 'xlsx') {
  el.addEventListener('user-trace-export-done', (e) => e.preventDefault(), { once: true });
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-format="${format}"]`)!;
  const started = oneEvent(el, 'user-trace-export');
  const done = oneEvent(el, 'user-trace-export-done');
  button.click();
  const start = await started;
  await el.updateComplete;
  // Busy while the writer loads and works: both buttons disabled, this one aria-busy.
  expect(button.getAttribute('aria-busy')).to.equal('true');
  expect(button.disabled).to.equal(true);
  expect(el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-format="${format === 'pdf' ? 'xlsx' : 'pdf'}"]`)!.disabled).to.equal(true);
  const end = await done;
  await el.updateComplete;
  expect(button.getAttribute('aria-busy')).to.equal('false');
  expect(button.disabled).to.equal(false);
  return { start: start.detail, end: end.detail };
}

const cellTexts = (row: Element) =>
  [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

/** `YYYY-MM-DDTHH:mm:ss` of an instant in the zone — what an Excel cell must read. */
function wallClock(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
const cellWallClock = (cell: unknown) =>
  new Date(Math.round((cell as Date).getTime() / 1000) * 1000).toISOString().slice(0, 19);
const cellSeconds = (cell: unknown) => Math.round(((cell as Date).getTime() - Date.UTC(1899, 11, 30)) / 1000);

describe('<user-trace-activities> export', () => {
  it('Excel holds exactly the listed rows, in list order, with real dates and durations', async () => {
    const el = await listFor(fixtureProvider());
    // Sort by duration, longest first, and hide the calls: the export must follow.
    el.sortColumn = 'duration';
    el.sortDirection = 'descending';
    el.filterText = 'a';
    await el.updateComplete;
    const listed = el.rows;
    expect(listed.length).to.be.greaterThan(3);
    const { start, end } = await exportVia(el, 'xlsx');
    expect(start).to.deep.equal({ format: 'xlsx', fileName: 'user-trace_Jana-Novakova_2026-03-03_day.xlsx', rows: listed.length });
    expect(end.fileName).to.equal(start.fileName);
    const sheets = await readXlsxFile(end.blob);
    expect(sheets.map((s) => s.sheet)).to.deep.equal(['Aktivity', 'Statistika']);
    const [header, ...rows] = sheets[0]!.data;
    expect(header).to.deep.equal(['Typ', 'Začátek', 'Konec', 'Trvání', 'Název', 'Fronta', 'Kontakt', 'Směr', 'Uzavřeno']);
    expect(rows.length).to.equal(listed.length);
    const domRows = new ActivitiesHarness(el).rows();
    listed.forEach((a, i) => {
      const row = rows[i]!;
      const dom = cellTexts(domRows[i]!);
      expect(row[0], `type ${i}`).to.equal(dom[0]);
      expect(cellWallClock(row[1]), `start ${i}`).to.equal(wallClock(a.start));
      expect(cellWallClock(row[2]), `end ${i}`).to.equal(wallClock(a.end!));
      const [h, m, s] = dom[3]!.split(':').map(Number);
      expect(cellSeconds(row[3]), `duration ${i}`).to.equal(h! * 3600 + m! * 60 + s!);
      expect(row.slice(4).map((v) => v ?? ''), `text ${i}`).to.deep.equal(dom.slice(4, 9));
    });
    const stats = sheets[1]!.data;
    expect(stats[0]![0]).to.equal('Trasování uživatelů — Jana Nováková');
    expect(stats.find((r) => r[0] === 'Filtr')?.[1]).to.equal('„a“');
    expect(stats.find((r) => r[0] === 'Řádků')?.[1]).to.equal(listed.length); // a number cell
    // Durations in the statistics sheet are real duration cells too.
    expect(cellSeconds(stats.find((r) => r[1] === 'Doba přihlášení')?.[2])).to.equal(8 * 3600);
  });

  it('the PDF holds every listed row with Czech diacritics and states the filter', async () => {
    const el = await listFor(fixtureProvider());
    el.filterType = 'whatsapp';
    await el.updateComplete;
    const { start, end } = await exportVia(el, 'pdf');
    expect(start.fileName).to.equal('user-trace_Jana-Novakova_2026-03-03_day.pdf');
    expect(start.rows).to.equal(2);
    expect(end.blob.type).to.equal('application/pdf');
    const pages = await pdfPages(end.blob);
    const text = pages.join(' ');
    expect(text).to.contain('Trasování uživatelů — Jana Nováková');
    expect(text).to.contain('Filtr: WhatsApp');
    expect(text).to.contain('Časové pásmo: Europe/Prague (UTC+01:00)');
    expect(text).to.contain('úterý 3. března 2026');
    for (const a of el.rows) {
      expect(text).to.contain(a.record.title!);
      expect(text).to.contain(a.record.contact!);
    }
    expect(text).to.contain('Ěščřžýáíéůú – chat');
    expect(text).to.not.contain('Reklamace zásilky'); // filtered out
    expect(text).to.contain('Čas na hovorech');
    expect(text).to.contain('Strana 1 z 1');
  });

  it('a PDF of many rows repeats the header and numbers every page', async () => {
    const el = await listFor(fixtureProvider({ trace: manyActivities(300) }), 'en');
    const { end } = await exportVia(el, 'pdf');
    const pages = await pdfPages(end.blob);
    expect(pages.length).to.be.greaterThan(5);
    pages.forEach((page, i) => {
      expect(page).to.contain('Start');
      expect(page).to.contain('Duration');
      expect(page).to.contain(`Page ${i + 1} of ${pages.length}`);
    });
    const text = pages.join(' ');
    for (const a of el.rows) expect(text).to.contain(a.record.title!);
  });

  it('names a week export after the first day of the week', async () => {
    const el = await listFor(fixtureProvider(), 'cs', 'week');
    const exported = oneEvent(el, 'user-trace-export');
    el.addEventListener('user-trace-export', (e) => e.preventDefault(), { once: true });
    const result = await el.exportAs('pdf');
    expect(result).to.equal(null);
    expect((await exported).detail.fileName).to.equal('user-trace_Jana-Novakova_2026-03-02_week.pdf');
  });

  it('a week PDF’s per-day table says the days still to come have not come yet, with dashes, not zeros', async () => {
    // Wednesday noon of the week of the hand-made Tuesday: Thursday to Sunday are to come.
    const realNow = Date.now;
    Date.now = () => Date.parse('2026-03-04T12:00:00+01:00');
    try {
      const el = await listFor(fixtureProvider(), 'cs', 'week');
      const report = (await el.exportReport('pdf'))!;
      expect(report.days.map((d) => d.future)).to.deep.equal([false, false, false, true, true, true, true]);
      const text = (await pdfPages(await writePdf(report))).join(' ').replace(/\s+/g, ' ');
      expect(text).to.match(/út 03\.03\.26 8:00:00 7:15:00 5:05:00 0:45:00 9 5/);
      expect(text).to.contain('st 04.03.26 0:00:00');
      for (const day of ['čt 05.03.26', 'pá 06.03.26', 'so 07.03.26', 'ne 08.03.26']) expect(text).to.contain(`${day} (zatím ne) – – – – – –`);
    } finally {
      Date.now = realNow;
    }
  });

  it('a cancelled export builds nothing', async () => {
    const el = await listFor(fixtureProvider());
    let done = false;
    el.addEventListener('user-trace-export', (e) => e.preventDefault());
    el.addEventListener('user-trace-export-done', () => (done = true));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-format="xlsx"]')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(done).to.equal(false);
    expect(el.shadowRoot!.querySelector('[data-format="xlsx"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('downloads through an object URL by default', async () => {
    const el = await listFor(fixtureProvider());
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      const blob = await el.exportAs('xlsx');
      expect(blob).to.be.instanceOf(Blob);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked.length).to.equal(1);
    expect(clicked[0]!.download).to.equal('user-trace_Jana-Novakova_2026-03-03_day.xlsx');
    expect(clicked[0]!.href.startsWith('blob:')).to.equal(true);
  });
});
