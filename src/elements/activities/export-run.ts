/**
 * One export's flow, for {@link ExportController}: the report, the viewer's go-ahead (`confirm`),
 * the cancelable `user-trace-export`, the file, `user-trace-export-done` (cancelable) and the
 * download — and nothing leaves the element when what it shows changed meanwhile. Loaded with the
 * first export. Throws on failure (the controller reports it).
 */
import type { ExportFormat } from '../../report/report.js';
import type { ExportFormatSpec } from '../../export/formats.js';
import { emit } from '../base/events.js';
import type { ExportableReport, ExportControllerOptions } from './export-controller.js';

export async function runExport<R extends ExportableReport>(
  host: HTMLElement,
  options: ExportControllerOptions<R>,
  formats: readonly ExportFormatSpec<R>[],
  asked: ExportFormat,
  shown: unknown,
  switchTo: (format: ExportFormat) => void,
): Promise<Blob | null> {
  let format = asked;
  let report = await options.report(format);
  const chosen = report && options.confirm ? await options.confirm(format, report) : format;
  if (chosen === null) return null;
  if (chosen !== format) {
    // The viewer chose another format instead (Excel for a very long PDF).
    format = chosen;
    switchTo(chosen);
    report = await options.report(chosen);
  }
  const spec = formats.find((f) => f.format === format);
  if (!spec || !report || !emit(host, 'user-trace-export', { format, fileName: report.fileName, rows: report.rows.length }, { cancelable: true })) return null;
  const blob = await spec.write(report, options.writerOptions());
  // Access denied or another user loaded meanwhile: the file must not leave the element.
  if (shown === null || options.shown() !== shown) return null;
  if (emit(host, 'user-trace-export-done', { format, fileName: report.fileName, blob }, { cancelable: true })) download(host, blob, report.fileName);
  return blob;
}

function download(host: HTMLElement, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  (host.shadowRoot ?? host).appendChild(link);
  link.click();
  link.remove();
  // The download reads the URL asynchronously; free it once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
