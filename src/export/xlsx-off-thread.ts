/**
 * The Excel export off the main thread (off-thread.ts): xlsx-worker.ts writes the workbook, or
 * the main thread where no worker starts, with the same result.
 */
import type { ExportReport } from '../report/report.js';
import { cloneable, NoWorker, startWorker, writeInWorker } from './off-thread.js';

/** Where the last workbook was written: `worker` or `main` (read by the tests and the bench). */
export let lastXlsxThread: 'worker' | 'main' | null = null;
/** How long the last workbook's write took where it ran, from its report to the file (for the bench). */
export let lastXlsxWriteMs = 0;

/** Writes the workbook of `report` in a worker, else on the main thread. */
export async function writeXlsxOffThread(report: ExportReport): Promise<Blob> {
  let worker: Worker | null = null;
  try {
    // The literal form bundlers find; the package build emits the file next to this chunk.
    worker = startWorker(() => new Worker(new URL('./xlsx-worker.js', import.meta.url), { type: 'module' }), new URL('./xlsx-worker.js', import.meta.url).href);
    const { blob, ms } = await writeInWorker(worker, report, 'Excel export', { report: cloneable(report, false) });
    lastXlsxWriteMs = ms;
    lastXlsxThread = 'worker';
    return blob;
  } catch (error) {
    if (!(error instanceof NoWorker)) throw error;
  } finally {
    worker?.terminate();
  }
  const { writeXlsx } = await import('./xlsx.js');
  const start = performance.now();
  const blob = await writeXlsx(report);
  lastXlsxWriteMs = performance.now() - start;
  lastXlsxThread = 'main';
  return blob;
}
