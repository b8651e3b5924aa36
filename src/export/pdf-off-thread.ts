/**
 * The PDF export off the main thread (off-thread.ts): the page loads the fonts, pdf-worker.ts
 * writes the PDF (jspdf's layout of every table row and its final serialisation, a task of about
 * a second at 10 000 rows, run there), or the main thread where no worker starts, with the same
 * result.
 */
import type { ExportReport } from '../report/report.js';
import { loadPdfFonts, type PdfFonts } from './pdf-fonts.js';
import { footerTexts } from './pdf-pages.js';
import { cloneable, startWorker, writeInWorker, writeOffThread } from './off-thread.js';

/** Where the last PDF was written: `worker` or `main` (read by the tests and the bench). */
export let lastPdfThread: 'worker' | 'main' | null = null;
/** How long the last PDF's write took where it ran (for the bench). */
export let lastPdfWriteMs = 0;

/** Writes the PDF of `report` in a worker, else on the main thread. */
export async function writePdfOffThread(report: ExportReport, fonts: PdfFonts): Promise<Blob> {
  const loaded = await loadPdfFonts(fonts);
  const { blob, ms, thread } = await writeOffThread(
    // The literal form bundlers find; the package build emits the file next to this chunk.
    () => startWorker(() => new Worker(new URL('./pdf-worker.js', import.meta.url), { type: 'module' }), new URL('./pdf-worker.js', import.meta.url).href),
    (worker) =>
      writeInWorker(worker, report, 'PDF export', { report: cloneable(report, true), fonts: loaded }, (data) => {
        // The worker knows the page count: the footers' words are the page's.
        if (data.kind === 'pages' && typeof data.pages === 'number') worker.postMessage({ kind: 'footers', texts: footerTexts(report, data.pages) });
      }),
    async () => (await import('./pdf.js')).writePdfWith(report, loaded, async (pages) => footerTexts(report, pages)),
  );
  lastPdfWriteMs = ms;
  lastPdfThread = thread;
  return blob;
}
