/**
 * The team view's Excel export: one sheet, a header row (frozen), one row per agent with the
 * figures as real cells (durations `[h]:mm:ss`, occupancy %, counts). Loaded only through
 * `await import()`, like the activity list's writer whose cell helpers it uses.
 */
import writeXlsxFile, { type SheetData } from 'write-excel-file/browser';
import type { TeamExportReport } from '../report/team-figures.js';
import { header, statCell, withInThreadCompression } from './xlsx.js';

/** Rows of the sheet: the header, then one row per agent. */
export function teamSheetData(report: TeamExportReport): SheetData {
  return [header(report.headers), ...report.rows.map((row) => [row.name, row.state || null, ...row.figures.map((f) => (f.value === null && !f.text ? null : statCell(f)))])];
}

export async function writeTeamXlsx(report: TeamExportReport): Promise<Blob> {
  const blob = await withInThreadCompression(() =>
    writeXlsxFile(
      [
        {
          data: teamSheetData(report),
          sheet: report.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
          columns: [{ width: 26 }, { width: 14 }, ...report.headers.slice(2).map(() => ({ width: 14 }))],
          stickyRowsCount: 1,
        },
      ],
      { fontFamily: 'Calibri', fontSize: 11 },
    ).toBlob(),
  );
  return new Blob([blob], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
