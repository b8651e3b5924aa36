import type { ReactiveControllerHost } from 'lit';
import type { ExportFormat, ExportReport } from '../../report/report.js';
import { EXPORT_FORMATS, type ExportFormatSpec, type ExportWriterOptions } from '../../export/formats.js';
import { toError } from '../../data/provider.js';
import { emit } from '../base/events.js';

/** What an export controller needs of a report: its file name and its rows. */
export interface ExportableReport {
  fileName: string;
  rows: readonly unknown[];
}

export interface ExportControllerOptions<R extends ExportableReport = ExportReport> {
  /** The report an export of `format` would contain now, or null without data. */
  report: (format: ExportFormat) => Promise<R | null> | R | null;
  /** The formats and their writers (default: the activity list's, `EXPORT_FORMATS`). */
  formats?: readonly ExportFormatSpec<R>[];
  /**
   * Asked once the report is built, before anything is written: the format to write (the same, or
   * another one the viewer chose instead), or null to stop. Absent: always the format asked for.
   */
  confirm?: (format: ExportFormat, report: R) => Promise<ExportFormat | null>;
  /** What is shown, as a comparable token (null without data): the file is dropped when it changed meanwhile. */
  shown: () => unknown;
  writerOptions: () => ExportWriterOptions;
}

/**
 * One export at a time, through the writers of src/export/formats.ts: the cancelable
 * `user-trace-export`, the file, `user-trace-export-done` (cancelable) and the download — and
 * nothing leaves the element when the data changed meanwhile.
 */
export class ExportController<R extends ExportableReport = ExportReport> {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ExportControllerOptions<R>;
  /** The export in progress, if any. */
  exporting: ExportFormat | null = null;
  failed = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ExportControllerOptions<R>) {
    this.#host = host;
    this.#options = options;
  }

  /** Exports to `format`; resolves with the file, or null when cancelled, impossible or failed (then `user-trace-error`). */
  async run(format: ExportFormat): Promise<Blob | null> {
    const formats = this.#options.formats ?? (EXPORT_FORMATS as unknown as readonly ExportFormatSpec<R>[]);
    if (this.exporting !== null || !formats.some((f) => f.format === format)) return null;
    const host = this.#host;
    // What is shown when the export starts: the file is dropped if that changes before it is ready.
    const shown = this.#options.shown();
    this.exporting = format;
    this.failed = false;
    host.requestUpdate();
    try {
      // The flow's code loads with the first export, like the writers.
      const { runExport } = await import('./export-run.js');
      return await runExport(host, this.#options, formats, format, shown, (chosen) => {
        this.exporting = chosen;
        host.requestUpdate();
      });
    } catch (error) {
      this.failed = true;
      emit(host, 'user-trace-error', { error: toError(error), operation: 'export' });
      return null;
    } finally {
      this.exporting = null;
      host.requestUpdate();
    }
  }
}
