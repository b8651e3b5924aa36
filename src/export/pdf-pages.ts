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
 * About how many pages the report's PDF has: the title, the picture and the statistics take about
 * as much room as {@link FRONT_ROWS} table rows (a week's, with its day table, more), then come the
 * activity table and the logins-and-pauses table, header and heading each.
 */
export function estimatePdfPages(report: Pick<ExportReport, 'rows' | 'statusRows' | 'days'>): number {
  const front = report.days.length ? FRONT_ROWS + 30 : FRONT_ROWS;
  const rows = front + report.rows.length + (report.statusRows.length ? report.statusRows.length + 3 : 0);
  return Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
}

/** The room of a day report's first part (title, picture, statistics), in table rows. */
export const FRONT_ROWS = 22;

/**
 * Idle time on a PDF's Status bar: the ready colour stays, with two light stripes along it (the
 * screen's horizontal pattern). `spans` are `[left, right]` in mm, in order; those closer than
 * `mergeMm` become one (a busy day has hundreds of short idle gaps), each at least `minMm` wide.
 * Returns the stripes' rectangles `[x, y, w, h]` for a bar at `y` of height `h`.
 */
export function idleStripes(spans: Iterable<readonly [number, number]>, y: number, h: number, mergeMm: number, minMm: number): [number, number, number, number][] {
  const merged: [number, number][] = [];
  for (const [left, right] of spans) {
    const last = merged[merged.length - 1];
    const r = Math.max(right, left + minMm);
    if (last && left - last[1] <= mergeMm) last[1] = Math.max(last[1], r);
    else merged.push([left, r]);
  }
  const stripeH = h * 0.16;
  return merged.flatMap(([left, right]) => [0.24, 0.6].map((at): [number, number, number, number] => [left, y + h * at, right - left, stripeH]));
}

/** The footers' "page x of y" of a PDF of `pages` pages, in the report's language. */
export function footerTexts(report: ExportReport, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => report.text.pageOf(i + 1, pages));
}
