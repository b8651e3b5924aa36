import type { DataWarning, TraceActivity } from '../../model/types.js';
import type { TraceQuery } from '../../data/store.js';

import type { ExportFormat } from '../../report/report.js';

export type { ExportFormat };

/** Detail of every `user-trace-*` event, by event name. */
export interface UserTraceEventDetails {
  /** The query was changed by the UI (not by the host): hosts sync their URL. */
  'user-trace-change': { query: TraceQuery };
  /** Cancelable: the default opens the built-in detail dialog. */
  'user-trace-activity-open': { activity: TraceActivity; userId: string | null };
  'user-trace-load': { query: TraceQuery; start: string; end: string; activities: number; warnings: number };
  'user-trace-error': { error: Error; operation: 'users' | 'trace' | 'detail' | 'export' };
  'user-trace-data-warning': { warnings: DataWarning[]; operation: 'users' | 'trace' };
  /** Cancelable: the default builds the file and downloads it. */
  'user-trace-export': { format: ExportFormat; fileName: string; rows: number };
  'user-trace-export-done': { format: ExportFormat; fileName: string; blob: Blob };
  /** Cancelable: `<user-trace-team>` opens one agent's day; the default shows it in the query (the single-agent elements). */
  'user-trace-user-open': { userId: string; date: string };
}

export type UserTraceEventName = keyof UserTraceEventDetails;
export type UserTraceEvent<K extends UserTraceEventName> = CustomEvent<UserTraceEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'user-trace-change': UserTraceEvent<'user-trace-change'>;
    'user-trace-activity-open': UserTraceEvent<'user-trace-activity-open'>;
    'user-trace-load': UserTraceEvent<'user-trace-load'>;
    'user-trace-error': UserTraceEvent<'user-trace-error'>;
    'user-trace-data-warning': UserTraceEvent<'user-trace-data-warning'>;
    'user-trace-export': UserTraceEvent<'user-trace-export'>;
    'user-trace-export-done': UserTraceEvent<'user-trace-export-done'>;
    'user-trace-user-open': UserTraceEvent<'user-trace-user-open'>;
  }
}

/**
 * Dispatches a typed `user-trace-*` event that bubbles out of shadow roots.
 * Returns false when a listener cancelled it (only cancelable events can be).
 */
export function emit<K extends UserTraceEventName>(
  target: EventTarget,
  name: K,
  detail: UserTraceEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  return target.dispatchEvent(event);
}
