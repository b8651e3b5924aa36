/**
 * The worker side of off-thread.ts, shared by the writers' workers: their global scope, and the
 * report's rows as they arrive in chunks before the `write` message. Nothing here touches the DOM.
 */
import type { ExportActivityRow, ExportStatusRow } from '../report/report.js';

export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export const scope = globalThis as unknown as WorkerScope;

export class RowsInbox {
  readonly rows: ExportActivityRow[] = [];
  readonly statusRows: ExportStatusRow[] = [];

  /** Keeps the rows of a `rows` or `status` message; false for any other message. */
  take(message: { kind: string; rows?: unknown[] }): boolean {
    const into = message.kind === 'rows' ? this.rows : message.kind === 'status' ? this.statusRows : null;
    if (!into) return false;
    for (const row of message.rows ?? []) (into as unknown[]).push(row);
    return true;
  }
}
