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
    const spec = formats.find((f) => f.format === format);
    if (this.exporting !== null || !spec) return null;
    const host = this.#host;
    const shown = this.#options.shown();
    this.exporting = format;
    this.failed = false;
    host.requestUpdate();
    try {
      const report = await this.#options.report(format);
      if (!report || !emit(host, 'user-trace-export', { format, fileName: report.fileName, rows: report.rows.length }, { cancelable: true })) return null;
      const blob = await spec.write(report, this.#options.writerOptions());
      // Access denied or another user loaded meanwhile: the file must not leave the element.
      if (shown === null || this.#options.shown() !== shown) return null;
      if (emit(host, 'user-trace-export-done', { format, fileName: report.fileName, blob }, { cancelable: true })) {
        this.#download(blob, report.fileName);
      }
      return blob;
    } catch (error) {
      this.failed = true;
      emit(host, 'user-trace-error', { error: toError(error), operation: 'export' });
      return null;
    } finally {
      this.exporting = null;
      host.requestUpdate();
    }
  }

  #download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.hidden = true;
    (this.#host.shadowRoot ?? this.#host).appendChild(link);
    link.click();
    link.remove();
    // The download reads the URL asynchronously; free it once it surely has.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
