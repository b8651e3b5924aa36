import { expect } from '@open-wc/testing';
import readXlsxFile from 'read-excel-file/browser';
import { excelDateTimeFormat, writeXlsx } from '../../src/export/xlsx.js';
import { addRowStyles, SharedStrings } from '../../src/export/xlsx-rows.js';
import { czechReport } from './report-fixture.js';

/** A date cell as `YYYY-MM-DDTHH:mm:ss`; serial days are floats, so round to the second first. */
function cellWallClock(cell: unknown): string {
  return new Date(Math.round((cell as Date).getTime() / 1000) * 1000).toISOString().slice(0, 19);
}

/** Excel serial dates come back as `Date`s whose UTC fields are the cell's wall-clock fields. */
function wallClockOf(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

describe('xlsx writer', () => {
  it('writes the locale pattern as an Excel date-time format', () => {
    expect(excelDateTimeFormat('cs')).to.equal('d". "m". "yyyy h:mm:ss');
    expect(excelDateTimeFormat('en-US')).to.equal('m/d/yyyy, h:mm:ss AM/PM');
    expect(excelDateTimeFormat('en-GB')).to.match(/^dd\/mm\/yyyy, h{1,2}:mm:ss$/);
  });

  it('writes every row with real date and duration cells, Czech intact', async () => {
    const report = czechReport(3);
    const blob = await writeXlsx(report);
    expect(blob.type).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await readXlsxFile(blob);
    expect(sheets.map((s) => s.sheet)).to.deep.equal(['Aktivity', 'Stav', 'Statistiky']);
    // The logins and pauses: kind, name, start and end as date cells, duration as a duration cell.
    const status = sheets[1]!.data;
    expect(status[0]).to.deep.equal(['Typ', 'Název', 'Začátek', 'Konec', 'Trvání']);
    report.statusRows.forEach((expected, i) => {
      const row = status[i + 1]!;
      expect([row[0], row[1]]).to.deep.equal([expected.kind, expected.name || null]);
      expect(cellWallClock(row[2])).to.equal(wallClockOf(expected.start, report.timeZone));
      expect(cellWallClock(row[3])).to.equal(wallClockOf(expected.end!, report.timeZone));
      expect(Math.round(((row[4] as unknown as Date).getTime() - Date.UTC(1899, 11, 30)) / 1000)).to.equal(expected.duration);
    });
    const rows = sheets[0]!.data;
    expect(rows[0]).to.deep.equal(['Typ', 'Začátek', 'Konec', 'Trvání', 'Název', 'Fronta', 'Kontakt', 'Směr', 'Uzavřeno']);
    expect(rows.length).to.equal(report.rows.length + 1);
    report.rows.forEach((expected, i) => {
      const row = rows[i + 1]!;
      expect(row[0]).to.equal(expected.type);
      expect(row[1]).to.be.instanceOf(Date);
      expect(cellWallClock(row[1])).to.equal(wallClockOf(expected.start, report.timeZone));
      if (expected.end === null) expect(row[2]).to.equal('probíhá');
      else expect(cellWallClock(row[2])).to.equal(wallClockOf(expected.end, report.timeZone));
      // [h]:mm:ss reads back as a date on Excel's 1899-12-30 epoch: its offset is the duration.
      const duration = row[3] as unknown as Date;
      expect(Math.round((duration.getTime() - Date.UTC(1899, 11, 30)) / 1000)).to.equal(expected.duration);
      expect(row.slice(4)).to.deep.equal(
        [expected.title, expected.queue, expected.contact, expected.direction, expected.closed].map((v) => v || null),
      );
    });
    const stats = sheets[2]!.data;
    expect(stats[0]![0]).to.equal('Trasování uživatele — Jana Nováková');
    expect(stats.some((row) => row[0] === 'Filtr' && row[1] === 'všechny typy')).to.equal(true);
    // The row count is a number, not text.
    expect(stats.find((row) => row[0] === 'Řádků')?.[1]).to.equal(3);
    const occupancy = stats.find((row) => row[1] === 'Vytížení');
    expect(occupancy?.[2]).to.equal(0.8125);
  });

  it('adds the rows\' styles to the library\'s styles.xml, reusing the formats it has', () => {
    const library =
      '<?xml version="1.0" ?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="100" formatCode="[h]:mm:ss"/></numFmts>' +
      '<fonts count="2"><font><name val="Calibri"/><sz val="11"/></font><font><name val="Calibri"/><sz val="11"/><b/></font></fonts>' +
      '<fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders>' +
      '<cellXfs count="2"><xf fontId="0" applyFont="1"></xf><xf fontId="1" applyFont="1"></xf></cellXfs></styleSheet>';
    const { xml, styles } = addRowStyles(library, 'd". "m". "yyyy h:mm:ss');
    expect(styles).to.deep.equal({ date: 2, duration: 3, formulaText: 4, running: 5 });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).to.have.length(0);
    const formats = [...doc.getElementsByTagName('numFmt')].map((f) => [f.getAttribute('numFmtId'), f.getAttribute('formatCode')]);
    expect(formats).to.deep.equal([['100', '[h]:mm:ss'], ['164', 'd". "m". "yyyy h:mm:ss'], ['165', '@']]);
    expect(doc.getElementsByTagName('numFmts')[0]!.getAttribute('count')).to.equal('3');
    const xfs = [...doc.getElementsByTagName('cellXfs')[0]!.getElementsByTagName('xf')];
    expect(doc.getElementsByTagName('cellXfs')[0]!.getAttribute('count')).to.equal(String(xfs.length));
    expect(xfs.map((xf) => xf.getAttribute('numFmtId'))).to.deep.equal([null, null, '164', '100', '165', null]);
    expect(xfs[4]!.getAttribute('quotePrefix')).to.equal('1');
    // The running end: the default font in italics (not bold), right-aligned.
    const fonts = [...doc.getElementsByTagName('font')];
    expect(doc.getElementsByTagName('fonts')[0]!.getAttribute('count')).to.equal('3');
    expect(xfs[5]!.getAttribute('fontId')).to.equal('2');
    expect(fonts[2]!.getElementsByTagName('i')).to.have.length(1);
    expect(fonts[2]!.getElementsByTagName('b')).to.have.length(0);
    expect(xfs[5]!.getElementsByTagName('alignment')[0]!.getAttribute('horizontal')).to.equal('right');
    // No number formats at all: the block is made.
    const bare = addRowStyles(library.replace(/<numFmts[\s\S]*<\/numFmts>/, ''), 'yyyy-mm-dd hh:mm:ss').xml;
    expect(bare).to.contain('<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/>');
  });

  it('shares strings with those the library wrote, escaped once', () => {
    const strings = new SharedStrings('<?xml version="1.0"?><sst xmlns="x"><si><t>A &amp; B</t></si><si><t xml:space="preserve"> x</t></si></sst>');
    expect(strings.of('A & B')).to.equal(0);
    expect(strings.of(' x')).to.equal(1);
    expect(strings.of('<c> & d ')).to.equal(2);
    expect(strings.of('<c> & d ')).to.equal(2);
    expect(strings.xml()).to.equal('<?xml version="1.0"?><sst xmlns="x"><si><t>A &amp; B</t></si><si><t xml:space="preserve"> x</t></si><si><t xml:space="preserve">&lt;c&gt; &amp; d </t></si></sst>');
  });

  it('zips with fflate\'s deflate where the platform has none, the same workbook', async () => {
    const report = czechReport(50);
    const native = await readXlsxFile(await writeXlsx(report));
    const Real = globalThis.CompressionStream;
    (globalThis as { CompressionStream?: unknown }).CompressionStream = undefined;
    try {
      expect(await readXlsxFile(await writeXlsx(report))).to.deep.equal(native);
    } finally {
      globalThis.CompressionStream = Real;
    }
    expect(native[0]!.data).to.have.length(51);
  });

  it('writes a large workbook where the page forbids blob: workers (strict CSP, Trusted Types)', async () => {
    const report = czechReport(20_000); // the sheet XML is megabytes: fflate would use a worker
    const RealWorker = globalThis.Worker;
    let refused = 0;
    class RefusingWorker {
      constructor(url: string | URL) {
        if (String(url).startsWith('blob:')) {
          refused++;
          throw new DOMException(`Refused to create a worker from '${String(url)}'.`, 'SecurityError');
        }
        return new RealWorker(url) as unknown as RefusingWorker;
      }
    }
    globalThis.Worker = RefusingWorker as unknown as typeof Worker;
    let blob: Blob;
    try {
      blob = await writeXlsx(report);
    } finally {
      globalThis.Worker = RealWorker;
    }
    expect(refused).to.equal(0);
    expect(globalThis.Worker).to.equal(RealWorker);
    const rows = (await readXlsxFile(blob))[0]!.data;
    expect(rows.length).to.equal(20_001);
    expect(rows[20_000]![4]).to.equal(report.rows[19_999]!.title);
  });
});
