/**
 * The Excel export off the main thread: the workbook of 100 000 rows takes seconds to write, and
 * on the main thread that is one long task (the page does not answer meanwhile). This starts
 * xlsx-worker.ts as a same-origin module worker (a strict CSP allows it with `worker-src 'self'`),
 * hands it the report in chunks of rows with a turn of the event loop between them (copying
 * 100 000 rows into a worker at once is itself a long task), and returns the file it writes.
 *
 * Under Trusted Types the worker's URL comes from a policy named `user-trace-worker` that allows
 * that one URL. Where no worker can start — no `Worker`, a CSP without `worker-src 'self'` or whose
 * `trusted-types` list leaves the policy out, a bundler that did not emit the worker file (esbuild,
 * plain rollup), or its bare imports unresolved — the same writer runs on the main thread instead,
 * with the same result.
 */
import type { ExportReport } from '../report/report.js';
import { yieldToMain } from '../model/yield.js';

/** Rows per message to the worker: each copy a few ms. */
const CHUNK_ROWS = 2000;
/** How long a worker may take to load before the main thread writes instead. */
const START_MS = 10_000;

/** Where the last workbook was written: `worker` or `main` (read by the tests and the bench). */
export let lastXlsxThread: 'worker' | 'main' | null = null;
/** How long the last workbook's write took where it ran, from its report to the file (for the bench). */
export let lastXlsxWriteMs = 0;

class NoWorker extends Error {}

/** Writes the workbook of `report` in a worker, else on the main thread. */
export async function writeXlsxOffThread(report: ExportReport): Promise<Blob> {
  let worker: Worker | null = null;
  try {
    worker = startWorker();
    const blob = await inWorker(worker, report);
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

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

declare const __USER_TRACE_CDN__: boolean | undefined;
/**
 * `dist/cdn` (defined by its build): no bundler will rewrite the worker's URL, so the worker starts
 * from the policy's URL at once; the package build tries the literal form first, for bundlers.
 */
const CDN = typeof __USER_TRACE_CDN__ === 'boolean' && __USER_TRACE_CDN__;

function startWorker(): Worker {
  if (typeof Worker !== 'function') throw new NoWorker();
  if (!CDN) {
    try {
      // The literal `new Worker(new URL('./…', import.meta.url), { type: 'module' })` form is the
      // one Vite and webpack find and bundle; the package build emits the file next to this chunk.
      return new Worker(new URL('./xlsx-worker.js', import.meta.url), { type: 'module' });
    } catch {
      // Trusted Types enforced (the URL must be trusted), or a CSP that refuses workers.
    }
  }
  try {
    const href = new URL('./xlsx-worker.js', import.meta.url).href;
    // Under Trusted Types the URL must be a TrustedScriptURL: from a policy that allows this one
    // URL and nothing else (a CSP whose `trusted-types` list leaves the name out refuses it).
    const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    policy ??= trustedTypes?.createPolicy('user-trace-worker', {
      createScriptURL: (url) => {
        if (url !== href) throw new TypeError(`user-trace-worker: not the Excel worker: ${url}`);
        return url;
      },
    });
    return new Worker((policy ? policy.createScriptURL(href) : href) as string, { type: 'module' });
  } catch {
    throw new NoWorker(); // a CSP that refuses workers or the policy, or no module workers
  }
}

let policy: { createScriptURL(url: string): unknown } | undefined;

/** The report without what a worker cannot receive (functions) or does not need (the PDF's picture). */
function cloneable(report: ExportReport): Omit<ExportReport, 'rows' | 'statusRows'> {
  const { rows: _rows, statusRows: _status, formatDateTime: _a, formatTime: _b, formatDuration: _c, overview: _d, days: _e, text, ...rest } = report;
  const { pageOf: _pageOf, ...words } = text;
  return { ...rest, text: words } as unknown as Omit<ExportReport, 'rows' | 'statusRows'>;
}

function inWorker(worker: Worker, report: ExportReport): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => reject(new NoWorker()), START_MS);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      // Before it is ready: it could not load (no file, an import it cannot resolve); write here.
      reject(ready ? new Error(`The Excel export failed in its worker: ${event.message || 'unknown error'}`) : new NoWorker());
    });
    worker.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { kind: string; blob?: Blob; message?: string; ms?: number };
      if (data.kind === 'ready' && !ready) {
        ready = true;
        clearTimeout(timer);
        send(worker, report).catch(reject);
      } else if (data.kind === 'done' && data.blob instanceof Blob) {
        lastXlsxWriteMs = data.ms ?? 0;
        resolve(data.blob);
      }
      else if (data.kind === 'failed') reject(new Error(data.message ?? 'The Excel export failed.'));
    });
  });
}

async function send(worker: Worker, report: ExportReport): Promise<void> {
  for (const [kind, rows] of [['rows', report.rows], ['status', report.statusRows]] as const) {
    for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
      worker.postMessage({ kind, rows: rows.slice(at, at + CHUNK_ROWS) });
      await yieldToMain();
    }
  }
  worker.postMessage({ kind: 'write', report: cloneable(report) });
}
