import { expect } from '@open-wc/testing';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/browser';
import { looksLikeFormula, visibleText } from '../../src/export/cell-text.js';
import { writePdf } from '../../src/export/pdf.js';
import { writeXlsx } from '../../src/export/xlsx.js';
import type { ExportReport } from '../../src/report/report.js';
import { pdfPages } from './pdf-text.js';
import { czechReport } from './report-fixture.js';

const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '  =1', '＝1+1'];
const CONTROLS = 'a\u0000b\u0007c\u001bd\u007fe\u0085f\ud800g';
const CONTROLS_SHOWN = 'a\u2400b\u2407c\u241bd\u2421e\u2426f\u2426g';

/** The report with these titles, one row each (times of the fixture's first row). */
function reportWithTitles(titles: string[], format: 'pdf' | 'xlsx'): ExportReport {
  const report = czechReport(titles.length, format);
  report.rows.forEach((row, i) => (row.title = titles[i]!));
  return report;
}

interface Workbook {
  /** Cell reference → { style index, shared-string or inline text }. */
  cells: Map<string, { style: number }>;
  /** Per cell style index: quote prefix and the number format's code. */
  styles: { quotePrefix: boolean; format: string | null }[];
}

/** The first sheet's cells and the cell styles, read from the xlsx's XML. */
async function workbookOf(blob: Blob): Promise<Workbook> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const sheet = new DOMParser().parseFromString(strFromU8(files['xl/worksheets/sheet1.xml']!), 'application/xml');
  const stylesXml = new DOMParser().parseFromString(strFromU8(files['xl/styles.xml']!), 'application/xml');
  const formats = new Map([...stylesXml.getElementsByTagName('numFmt')].map((f) => [f.getAttribute('numFmtId'), f.getAttribute('formatCode')]));
  const xfs = [...stylesXml.getElementsByTagName('cellXfs')[0]!.getElementsByTagName('xf')];
  const cells = new Map<string, { style: number }>();
  for (const c of sheet.getElementsByTagName('c')) cells.set(c.getAttribute('r')!, { style: Number(c.getAttribute('s') ?? 0) });
  return {
    cells,
    styles: xfs.map((xf) => ({ quotePrefix: xf.getAttribute('quotePrefix') === '1', format: formats.get(xf.getAttribute('numFmtId')) ?? null })),
  };
}

describe('exports keep hostile text as text', () => {
  it('tells formula-like text and replaces control characters visibly', () => {
    for (const text of FORMULAS) expect(looksLikeFormula(text), JSON.stringify(text)).to.equal(true);
    for (const text of ['Reklamace', 'a=b', '1-2', '', 'e-mail', '’=1']) expect(looksLikeFormula(text), text).to.equal(false);
    expect(visibleText(CONTROLS)).to.equal(CONTROLS_SHOWN);
    expect(visibleText('line\nbreak\ttab')).to.equal('line\u240abreak\u2409tab');
    expect(visibleText('emoji 😀 and ěščř')).to.equal('emoji 😀 and ěščř');
    expect(visibleText('lost \ufffd')).to.equal('lost \u2426');
    expect(visibleText('a\u0007b\u0085c', 'replacement-character')).to.equal('a\ufffdb\ufffdc');
  });

  it('stores formula-like titles as Text cells with the quote-prefix style, other text plain', async () => {
    const titles = [...FORMULAS, 'Reklamace'];
    const blob = await writeXlsx(reportWithTitles(titles, 'xlsx'));
    const { cells, styles } = await workbookOf(blob);
    titles.forEach((title, i) => {
      const style = styles[cells.get(`E${i + 2}`)!.style]!;
      const formulaLike = title !== 'Reklamace';
      expect(style.quotePrefix, JSON.stringify(title)).to.equal(formulaLike);
      expect(style.format === '@', JSON.stringify(title)).to.equal(formulaLike);
    });
    const rows = (await readXlsxFile(blob))[0]!.data;
    // The value is the text itself (no formula, no apostrophe in it), control characters shown
    // (read-excel-file trims; the file keeps the spaces: xml:space="preserve").
    expect(rows.slice(1).map((row) => row[4])).to.deep.equal(titles.map((title) => visibleText(title).trim()));
    expect(rows[5]![4]).to.equal('\u2409=1+1');
    const strings = strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))['xl/sharedStrings.xml']!);
    expect(strings).to.contain('<t xml:space="preserve">  =1</t>');
  });

  it('replaces control characters visibly in Excel and in the PDF', async () => {
    const xlsx = await readXlsxFile(await writeXlsx(reportWithTitles([CONTROLS], 'xlsx')));
    expect(xlsx[0]!.data[1]![4]).to.equal(CONTROLS_SHOWN);
    // The PDF font has no Control Pictures: there every one is U+FFFD.
    const text = (await pdfPages(await writePdf(reportWithTitles([CONTROLS], 'pdf')))).join(' ');
    expect(text).to.contain('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg');
  });

  it('writes times in whole seconds, cut as the list cuts them', async () => {
    const report = czechReport(1, 'xlsx');
    const start = Date.parse('2026-03-03T08:00:00.999+01:00');
    const end = Date.parse('2026-03-03T08:02:05.500+01:00');
    Object.assign(report.rows[0]!, { start, end, duration: 124.501 });
    const row = (await readXlsxFile(await writeXlsx(report)))[0]!.data[1]!;
    // Serial days are floats: compare to the millisecond.
    const offBy = (cell: unknown, wallClock: string) => Math.abs((cell as Date).getTime() - Date.parse(wallClock));
    expect(offBy(row[1], '2026-03-03T08:00:00Z')).to.be.at.most(1);
    expect(offBy(row[2], '2026-03-03T08:02:05Z')).to.be.at.most(1);
    expect(report.formatDateTime(start)).to.contain('8:00:00');
    expect(report.formatDateTime(end)).to.contain('8:02:05');
  });
});
