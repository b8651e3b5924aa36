/**
 * The PDF's page geometry (millimetres, A4 landscape) and how many pages a report will take — known
 * before jspdf loads, so the list can ask before writing a very long PDF. Loaded on demand.
 */
import type { ExportReport } from '../report/report.js';

export const PAGE_W = 297;
export const PAGE_H = 210;
export const MARGIN_X = 12;
export const MARGIN_TOP = 12;
export const CONTENT_BOTTOM = PAGE_H - 13;
export const ROW_H = 5.2;
export const HEADER_H = 6.4;

/** Above this many pages the list asks before writing a PDF (and offers Excel). */
export const LONG_PDF_PAGES = 200;

/** Table rows on a page of its own: the header repeated, then rows to the bottom margin. */
export const ROWS_PER_PAGE = Math.floor((CONTENT_BOTTOM - MARGIN_TOP - HEADER_H) / ROW_H);

/**
 * About how many pages the report's PDF has: the first page (title, picture; a week's day table
 * and the statistics may take a second), then the activity table and the logins-and-pauses table.
 */
export function estimatePdfPages(report: Pick<ExportReport, 'rows' | 'statusRows' | 'days'>): number {
  const front = report.days.length ? 2 : 1;
  const table = (rows: number) => (rows ? Math.ceil(rows / ROWS_PER_PAGE) : 0);
  return front + Math.max(1, table(report.rows.length)) + table(report.statusRows.length);
}
