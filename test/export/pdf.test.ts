import { expect } from '@open-wc/testing';
import { writePdf } from '../../src/export/pdf.js';
import { estimatePdfPages, idleStripes } from '../../src/export/pdf-pages.js';
import { czechReport } from './report-fixture.js';
import { pdfPages } from './pdf-text.js';

describe('pdf writer', () => {
  it('writes an A4 landscape report whose text keeps Czech diacritics', async () => {
    const report = czechReport(3, 'pdf');
    const blob = await writePdf(report);
    expect(blob.type).to.equal('application/pdf');
    const pages = await pdfPages(blob);
    expect(pages.length).to.equal(1);
    const text = pages[0]!;
    expect(text).to.contain('Trasování uživatele — Jana Nováková');
    expect(text).to.contain('Reklamace – žluťoučký kůň');
    expect(text).to.contain('Dotaz ěščřžýáíéůú');
    expect(text).to.contain('Jiří Řezníček');
    expect(text).to.contain('probíhá');
    expect(text).to.contain('Strana 1 z 1');
  });

  it('repeats the header on every page and numbers the pages', async () => {
    const report = czechReport(200, 'pdf');
    const pages = await pdfPages(await writePdf(report));
    expect(pages.length).to.be.greaterThan(3);
    pages.forEach((text, index) => {
      expect(text).to.contain('Začátek');
      expect(text).to.contain(`Strana ${index + 1} z ${pages.length}`);
    });
    for (const row of report.rows) expect(pages.join(' ')).to.contain(row.title.slice(0, 12));
  });

  it('pictures the period on the first page and lists the logins and pauses after the activities', async () => {
    const report = czechReport(3, 'pdf');
    const pages = await pdfPages(await writePdf(report));
    const first = pages[0]!;
    for (const text of ['Přehled', 'Stav', 'Hovory', 'E-maily', '08:00', '16:00', 'Připraven', 'Nečinný (připraven, bez aktivity)', 'Pauza (placená)']) expect(first, text).to.contain(text);
    const all = pages.join(' ');
    expect(all.lastIndexOf('Přihlášení')).to.be.greaterThan(all.indexOf('Běžící chat'));
    expect(all).to.contain('Placená pauza');
    expect(all).to.contain('Přestávka – káva');
  });

  it('knows its page count before writing (the long-PDF question relies on it)', async () => {
    for (const rows of [3, 200, 700]) {
      const report = czechReport(rows, 'pdf');
      const pages = await pdfPages(await writePdf(report));
      expect(Math.abs(estimatePdfPages(report) - pages.length), `${rows} rows`).to.be.at.most(1);
    }
  });

  it('stripes idle time: two light lines along the bar per stretch, stretches closer than the merge gap as one, none thinner than the minimum', () => {
    const stripes = idleStripes([[10, 12], [12.1, 13], [20, 20.05]], 100, 6, 0.25, 0.15);
    // [10, 13] (the first two merged) and [20, 20.15] (widened to the minimum), two stripes each.
    expect(stripes.map(([x, , w]) => [x, +(x + w).toFixed(2)])).to.deep.equal([[10, 13], [10, 13], [20, 20.15], [20, 20.15]]);
    for (const [, y, , h] of stripes) {
      expect(y).to.be.greaterThan(100);
      expect(y + h).to.be.lessThan(106);
    }
    expect(stripes[0]![1]).to.not.equal(stripes[1]![1]);
    expect(idleStripes([], 0, 6, 0.25, 0.15)).to.deep.equal([]);
  });
});
