import { expect } from '@open-wc/testing';
import { writePdf, DEFAULT_PDF_FONTS } from '../../src/export/pdf.js';
import * as offThread from '../../src/export/pdf-off-thread.js';
import { czechReport } from './report-fixture.js';
import { pdfPages } from './pdf-text.js';

// The PDF export writes in a module worker where one starts, else on the main thread: the same
// pages either way (the files differ only in their creation time).

describe('PDF export off the main thread', () => {
  it('writes in a worker the same pages the main thread writes, with the page\'s footers', async () => {
    const report = czechReport(600);
    const inWorker = await offThread.writePdfOffThread(report, DEFAULT_PDF_FONTS);
    expect(offThread.lastPdfThread).to.equal('worker');
    expect(inWorker.type).to.equal('application/pdf');
    const pages = await pdfPages(inWorker);
    expect(pages.length).to.be.above(2);
    expect(pages).to.deep.equal(await pdfPages(await writePdf(report)));
    // "Strana x z y", the Czech words of the page that asked, on every page; times in the report's zone.
    pages.forEach((text, i) => expect(text).to.contain(`Strana ${i + 1} z ${pages.length}`));
    expect(pages[0]).to.contain(`Hovor   ${report.formatTime(report.rows[0]!.start)}   ${report.formatTime(report.rows[0]!.end!)}`);
  });

  it('writes on the main thread where no worker starts', async () => {
    const RealWorker = globalThis.Worker;
    const report = czechReport(5);
    globalThis.Worker = function () {
      throw new DOMException('Refused', 'SecurityError');
    } as unknown as typeof Worker;
    try {
      const blob = await offThread.writePdfOffThread(report, DEFAULT_PDF_FONTS);
      expect(offThread.lastPdfThread).to.equal('main');
      expect(await pdfPages(blob)).to.deep.equal(await pdfPages(await writePdf(report)));
    } finally {
      globalThis.Worker = RealWorker;
    }
  });
});
