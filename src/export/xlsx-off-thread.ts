/**
 * The Excel export off the main thread (off-thread.ts): xlsx-worker.ts writes the workbook, or
 * the main thread where no worker starts, with the same result.
 */
import type { ExportReport } from '../report/report.js';
import { cloneable, startWorker, writeInWorker, writeOffThread } from './off-thread.js';

/** Where the last workbook was written: `worker` or `main` (read by the tests and the bench). */
export let lastXlsxThread: 'worker' | 'main' | null = null;
/** How long the last workbook's write took where it ran, from its report to the file (for the bench). */
export let lastXlsxWriteMs = 0;

/** Writes the workbook of `report` in a worker, else on the main thread. */
export async function writeXlsxOffThread(report: ExportReport): Promise<Blob> {
  const { blob, ms, thread } = await writeOffThread(
    // The literal form bundlers find; the package build emits the file next to this chunk.
    () => startWorker(() => new Worker(new URL('./xlsx-worker.js', import.meta.url), { type: 'module' }), new URL('./xlsx-worker.js', import.meta.url).href),
    (worker) => writeInWorker(worker, report, 'Excel export', { report: cloneable(report, false) }),
    async () => (await import('./xlsx.js')).writeXlsx(report),
  );
  lastXlsxWriteMs = ms;
  lastXlsxThread = thread;
  return blob;
}
