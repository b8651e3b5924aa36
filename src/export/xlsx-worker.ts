/**
 * The Excel writer in a module Web Worker (started by xlsx-off-thread.ts): the report arrives in
 * parts (its rows in chunks, then the rest), the workbook is written here with the same code as
 * on the main thread (xlsx.ts) and goes back as a Blob. Nothing in this module touches the DOM.
 *
 * Messages in: `{ kind: 'rows' | 'status', rows }` (any number), then `{ kind: 'write', report }`.
 * Messages out: `{ kind: 'ready' }` once loaded, then `{ kind: 'done', blob, ms }` (`ms`: the write) or `{ kind: 'failed', message }`.
 */
import type { ExportReport } from '../report/report.js';
import { RowsInbox, scope } from './worker-inbox.js';
import { temporalReady } from '../time/temporal.js';
import { writeXlsx } from './xlsx.js';

const inbox = new RowsInbox();
const { rows, statusRows } = inbox;

scope.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { kind: string; rows?: unknown[]; report?: Omit<ExportReport, 'rows' | 'statusRows'> };
  if (inbox.take(message)) return;
  if (message.kind === 'write') {
    const start = performance.now();
    temporalReady
      .then(() => writeXlsx({ ...(message.report as ExportReport), rows, statusRows }))
      .then(
        (blob) => scope.postMessage({ kind: 'done', blob, ms: performance.now() - start }),
        (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
  }
});
scope.postMessage({ kind: 'ready' });
