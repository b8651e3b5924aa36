/**
 * The PDF writer in a module Web Worker (started by pdf-off-thread.ts): the report arrives in
 * parts (its rows in chunks, then the rest with the loaded fonts), the PDF is written here with
 * the same code as on the main thread (pdf.ts) and goes back as a Blob. The report's formatters
 * are made again here from its locale and zone, as build-report.ts makes them; the footers' "page
 * x of y" come from the page once the number of pages is known (they are the viewer's language's
 * function, which a worker cannot receive). Nothing in this module touches the DOM.
 *
 * Messages in: `{ kind: 'rows' | 'status', rows }` (any number), then `{ kind: 'write', report,
 * fonts }`, and `{ kind: 'footers', texts }` when asked. Messages out: `{ kind: 'ready' }` once
 * loaded, `{ kind: 'pages', pages }`, then `{ kind: 'done', blob, ms }` or `{ kind: 'failed', message }`.
 */
import type { ExportReport } from '../report/report.js';
import { RowsInbox, scope } from './worker-inbox.js';
import { temporalReady } from '../time/temporal.js';
import { formatDateTime, formatDuration, formatTime } from '../i18n/format.js';
import { writePdfWith } from './pdf.js';

const inbox = new RowsInbox();
const { rows, statusRows } = inbox;
let footers: ((texts: readonly string[]) => void) | null = null;

scope.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as {
    kind: string;
    rows?: unknown[];
    texts?: string[];
    report?: Omit<ExportReport, 'rows' | 'statusRows' | 'formatDateTime' | 'formatTime' | 'formatDuration'>;
    fonts?: { regular: string; bold: string | null };
  };
  if (inbox.take(message)) return;
  if (message.kind === 'footers') footers?.(message.texts ?? []);
  else if (message.kind === 'write') {
    const start = performance.now();
    const given = message.report!;
    const { locale, timeZone } = given;
    const report: ExportReport = {
      ...given,
      rows,
      statusRows,
      formatDateTime: (ms) => formatDateTime(ms, locale, timeZone, true),
      formatTime: (ms) => formatTime(ms, locale, timeZone, true),
      formatDuration,
      // Not called: the footers' texts come from the page.
      text: { ...given.text, pageOf: () => '' },
    };
    const pageTexts = (pages: number) =>
      new Promise<readonly string[]>((resolve) => {
        footers = resolve;
        scope.postMessage({ kind: 'pages', pages });
      });
    temporalReady
      .then(() => writePdfWith(report, message.fonts!, pageTexts))
      .then(
        (blob) => scope.postMessage({ kind: 'done', blob, ms: performance.now() - start }),
        (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
  }
});
scope.postMessage({ kind: 'ready' });
