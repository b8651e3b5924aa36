/**
 * The exports' writers off the main thread: a workbook of 100 000 rows or a PDF of 10 000 takes
 * seconds to write, and on the main thread that is long tasks (the page does not answer
 * meanwhile). A writer's module worker (xlsx-worker.ts, pdf-worker.ts) is started same-origin (a
 * strict CSP allows it with `worker-src 'self'`), gets the report in chunks of rows with a turn of
 * the event loop between them (copying 100 000 rows into a worker at once is itself a long task),
 * then the rest, and answers with the file.
 *
 * Under Trusted Types a worker's URL comes from a policy named `user-trace-worker` that allows the
 * writers' worker URLs and nothing else. Where no worker can start — no `Worker`, a CSP without
 * `worker-src 'self'` or whose `trusted-types` list leaves the policy out, a bundler that did not
 * emit the worker file (esbuild, plain rollup), or its bare imports unresolved — the caller writes
 * on the main thread instead ({@link NoWorker}), with the same result.
 */
import type { ExportReport } from '../report/report.js';
import { yieldToMain } from '../model/yield.js';

/** Rows per message to the worker: each copy a few ms. */
const CHUNK_ROWS = 2000;
/** How long a worker may take to load before the main thread writes instead. */
const START_MS = 10_000;

/** No worker could start or load: write on the main thread. */
class NoWorker extends Error {}

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

declare const __USER_TRACE_CDN__: boolean | undefined;
/**
 * `dist/cdn` (defined by its build): no bundler will rewrite a worker's URL, so the worker starts
 * from the policy's URL at once; the package build tries the literal form first, for bundlers.
 */
const CDN = typeof __USER_TRACE_CDN__ === 'boolean' && __USER_TRACE_CDN__;

let policy: { createScriptURL(url: string): unknown } | undefined;
/** The worker URLs the policy allows: those the writers asked for. */
const allowed = new Set<string>();

/**
 * Starts a writer's worker: `literal` is the writer's own `new Worker(new URL('./…', import.meta.url),
 * { type: 'module' })` — the form Vite and webpack find and bundle, so it must be written out where
 * the file sits — and `href` the same URL, for the Trusted Types policy.
 */
export function startWorker(literal: () => Worker, href: string): Worker {
  if (typeof Worker !== 'function') throw new NoWorker();
  if (!CDN) {
    try {
      return literal();
    } catch {
      // Trusted Types enforced (the URL must be trusted), or a CSP that refuses workers.
    }
  }
  try {
    allowed.add(href);
    // Under Trusted Types the URL must be a TrustedScriptURL: from a policy that allows the
    // writers' URLs and nothing else (a CSP whose `trusted-types` list leaves the name out refuses it).
    const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
    policy ??= trustedTypes?.createPolicy('user-trace-worker', {
      createScriptURL: (url) => {
        if (!allowed.has(url)) throw new TypeError(`user-trace-worker: not an export worker: ${url}`);
        return url;
      },
    });
    return new Worker((policy ? policy.createScriptURL(href) : href) as string, { type: 'module' });
  } catch {
    throw new NoWorker(); // a CSP that refuses workers or the policy, or no module workers
  }
}

/**
 * Writes in the worker `start` gives (`inWorker`), terminating it after; where none starts or
 * loads ({@link NoWorker}), on the page (`onPage`). Returns the file, how long its write took where
 * it ran, and where that was.
 */
export async function writeOffThread(
  start: () => Worker,
  inWorker: (worker: Worker) => Promise<{ blob: Blob; ms: number }>,
  onPage: () => Promise<Blob>,
): Promise<{ blob: Blob; ms: number; thread: 'worker' | 'main' }> {
  let worker: Worker | null = null;
  try {
    worker = start();
    return { ...(await inWorker(worker)), thread: 'worker' };
  } catch (error) {
    if (!(error instanceof NoWorker)) throw error;
  } finally {
    worker?.terminate();
  }
  const begin = performance.now();
  const blob = await onPage();
  return { blob, ms: performance.now() - begin, thread: 'main' };
}

/** The report without what a worker cannot receive (functions) and, for a workbook, the PDF's picture. */
export function cloneable(report: ExportReport, picture: boolean): Omit<ExportReport, 'rows' | 'statusRows'> {
  const { rows: _rows, statusRows: _status, formatDateTime: _a, formatTime: _b, formatDuration: _c, overview, days, text, ...rest } = report;
  const { pageOf: _pageOf, ...words } = text;
  return { ...rest, ...(picture ? { overview, days } : {}), text: words } as unknown as Omit<ExportReport, 'rows' | 'statusRows'>;
}

/**
 * Hands `report` to a started worker once it is `ready` — its rows and status rows in chunks, then
 * `{ kind: 'write', report: cloneable(report), ...extra }` — and resolves with its file and how
 * long the write took there. `answer` replies to the worker's other messages (`kind` not `ready`,
 * `done` or `failed`). Rejects with {@link NoWorker} when the worker does not load.
 */
export function writeInWorker(
  worker: Worker,
  report: ExportReport,
  what: string,
  write: Record<string, unknown>,
  answer?: (data: { kind: string } & Record<string, unknown>) => void,
): Promise<{ blob: Blob; ms: number }> {
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => reject(new NoWorker()), START_MS);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      // Before it is ready: it could not load (no file, an import it cannot resolve); write here.
      reject(ready ? new Error(`The ${what} failed in its worker: ${event.message || 'unknown error'}`) : new NoWorker());
    });
    worker.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { kind: string; blob?: Blob; message?: string; ms?: number } & Record<string, unknown>;
      if (data.kind === 'ready') {
        if (ready) return;
        ready = true;
        clearTimeout(timer);
        send(worker, report, write).catch(reject);
      } else if (data.kind === 'done' && data.blob instanceof Blob) resolve({ blob: data.blob, ms: data.ms ?? 0 });
      else if (data.kind === 'failed') reject(new Error(data.message ?? `The ${what} failed.`));
      else answer?.(data);
    });
  });
}

async function send(worker: Worker, report: ExportReport, write: Record<string, unknown>): Promise<void> {
  for (const [kind, rows] of [['rows', report.rows], ['status', report.statusRows]] as const) {
    for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
      worker.postMessage({ kind, rows: rows.slice(at, at + CHUNK_ROWS) });
      await yieldToMain();
    }
  }
  worker.postMessage({ kind: 'write', ...write });
}
