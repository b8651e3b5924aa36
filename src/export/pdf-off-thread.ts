/**
 * The PDF export off the main thread (off-thread.ts): the page loads the fonts, pdf-worker.ts
 * writes the PDF (jspdf's layout of every table row and its final serialisation, a task of about
 * a second at 10 000 rows, run there), or the main thread where no worker starts, with the same
 * result.
 */
import type { ExportReport } from '../report/report.js';
import { loadPdfFonts, type PdfFonts } from './pdf-fonts.js';
import { cloneable, NoWorker, startWorker, writeInWorker } from './off-thread.js';

/** Where the last PDF was written: `worker` or `main` (read by the tests and the bench). */
export let lastPdfThread: 'worker' | 'main' | null = null;
/** How long the last PDF's write took where it ran (for the bench). */
export let lastPdfWriteMs = 0;

/** Writes the PDF of `report` in a worker, else on the main thread. */
export async function writePdfOffThread(report: ExportReport, fonts: PdfFonts): Promise<Blob> {
  const loaded = await loadPdfFonts(fonts);
  let worker: Worker | null = null;
  try {
    // The literal form bundlers find; the package build emits the file next to this chunk.
    worker = startWorker(() => new Worker(new URL('./pdf-worker.js', import.meta.url), { type: 'module' }), new URL('./pdf-worker.js', import.meta.url).href);
    const started = worker;
    const { blob, ms } = await writeInWorker(started, report, 'PDF export', { report: cloneable(report, true), fonts: loaded }, (data) => {
      if (data.kind !== 'pages' || typeof data.pages !== 'number') return;
      const pages = data.pages;
      started.postMessage({ kind: 'footers', texts: Array.from({ length: pages }, (_, i) => report.text.pageOf(i + 1, pages)) });
    });
    lastPdfWriteMs = ms;
    lastPdfThread = 'worker';
    return blob;
  } catch (error) {
    if (!(error instanceof NoWorker)) throw error;
  } finally {
    worker?.terminate();
  }
  const { writePdfWith } = await import('./pdf.js');
  const start = performance.now();
  const pageOf = report.text.pageOf;
  const blob = await writePdfWith(report, loaded, async (pages) => Array.from({ length: pages }, (_, i) => pageOf(i + 1, pages)));
  lastPdfWriteMs = performance.now() - start;
  lastPdfThread = 'main';
  return blob;
}
