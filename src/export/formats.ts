/**
 * The export formats: one entry per file format, with the label of its button and its writer,
 * which loads on demand (jspdf and write-excel-file never reach the main bundle). The activity
 * list's export buttons come from this list; adding a format is a writer module, an entry here
 * and its name in `ExportFormat` (docs/architecture.md).
 */
import type { Messages } from '../i18n/index.js';
import type { ExportFormat, ExportReport } from '../report/report.js';
import type { TeamExportReport } from '../report/team-figures.js';
import type { PdfFonts } from './pdf-fonts.js';

export interface ExportWriterOptions {
  /** TTF files for the PDF (default: DejaVu Sans shipped next to the PDF chunk). */
  pdfFonts?: PdfFonts | undefined;
}

export interface ExportFormatSpec<R = ExportReport> {
  format: ExportFormat;
  /** The label of its export button. */
  label: (t: Messages) => string;
  write: (report: R, options: ExportWriterOptions) => Promise<Blob>;
}

export const EXPORT_FORMATS: readonly ExportFormatSpec[] = [
  {
    format: 'pdf',
    label: (t) => t.export.pdf,
    // In a worker where one can start (the page stays responsive), else on the main thread.
    write: async (report, options) => {
      const [{ writePdfOffThread }, { DEFAULT_PDF_FONTS }] = await Promise.all([import('./pdf-off-thread.js'), import('./pdf-fonts.js')]);
      return writePdfOffThread(report, options.pdfFonts ?? DEFAULT_PDF_FONTS);
    },
  },
  {
    format: 'xlsx',
    label: (t) => t.export.excel,
    // In a worker where one can start (the page stays responsive), else on the main thread.
    write: async (report) => (await import('./xlsx-off-thread.js')).writeXlsxOffThread(report),
  },
];

/** The team view's formats: PDF with the team's timeline, and Excel; one row per agent with the columns of `TEAM_FIGURES`. */
export const TEAM_EXPORT_FORMATS: readonly ExportFormatSpec<TeamExportReport>[] = [
  {
    format: 'pdf',
    label: (t) => t.export.pdf,
    write: async (report, options) => {
      const { writeTeamPdf } = await import('./team-pdf.js');
      return writeTeamPdf(report, options.pdfFonts);
    },
  },
  {
    format: 'xlsx',
    label: (t) => t.export.excel,
    write: async (report) => (await import('./team-xlsx.js')).writeTeamXlsx(report),
  },
];
