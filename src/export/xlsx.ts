/**
 * Excel export (docs/spec.md#export). Loaded only through `await import()`: write-excel-file stays out of
 * the main bundle.
 *
 * - Sheet "Activities" (localised name): one header row (frozen), then exactly the report's rows.
 *   Start and end are real date cells showing the wall-clock time of the report's zone (Excel has
 *   no zones); a running activity's end is the localised word "running". Duration is a real
 *   duration cell: a fraction of a day formatted `[h]:mm:ss`, so sums over 24 h stay right.
 * - Sheet "Status", the logins and pauses when the list held any: kind (paid or unpaid pause), name, start, end, duration
 *   (the same cells as the activities).
 * - Sheet "Statistics": what the report is (user, period, zone, filter, rows, export time), then
 *   section / figure / value / definition; durations again as `[h]:mm:ss` cells, occupancy as %.
 * - Times are whole seconds, cut as the list cuts them (`12:00:00.999` is `12:00:00`).
 * - Text goes through `cell-text.ts`: control characters shown as symbols; text that starts like
 *   a formula gets the Text number format (`@`) and the quote-prefix style (`quotePrefix="1"`,
 *   ECMA-376 §18.8.45), so it stays text when a user edits the cell: Excel honours both (the
 *   formula bar shows the `'`), LibreOffice and Google Sheets keep input in a Text-formatted cell
 *   as text.
 */
import writeXlsxFile, { type Cell, type Feature, type Row, type SheetData } from 'write-excel-file/browser';
import { deflateSync, type DeflateOptions } from 'fflate';
import { looksLikeFormula, visibleText } from './cell-text.js';
import { ACTIVITY_COLUMNS, type ActivityColumn, type ExportReport, type ExportStat } from '../report/report.js';
import { wallClockIn } from './wall-clock.js';
import { withActivityRows } from './xlsx-rows.js';

const DAY_SECONDS = 86_400;
const DURATION_FORMAT = '[h]:mm:ss';
const HEADER_STYLE = { fontWeight: 'bold', backgroundColor: '#E8EEF4', bottomBorderStyle: 'thin', bottomBorderColor: '#8A9BAD' } as const;

/** Column widths in characters, by content. */
const WIDTHS: Record<ActivityColumn, number> = {
  type: 14,
  start: 20,
  end: 20,
  duration: 11,
  title: 40,
  queue: 18,
  contact: 24,
  direction: 12,
  closed: 10,
};

/**
 * The locale's numeric date-time pattern as an Excel format code, e.g. `d". "m". "yyyy h:mm:ss` for
 * `cs`, `m/d/yyyy h:mm:ss AM/PM` for `en-US`: the cells read like the list does.
 */
export function excelDateTimeFormat(locale: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'UTC',
    }).formatToParts(Date.UTC(2001, 1, 5, 3, 4, 6)); // single digits show whether a field is padded
  } catch {
    return 'yyyy-mm-dd hh:mm:ss';
  }
  let code = '';
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        code += 'yyyy';
        break;
      case 'month':
        code += part.value.length === 2 ? 'mm' : 'm';
        break;
      case 'day':
        code += part.value.length === 2 ? 'dd' : 'd';
        break;
      case 'hour':
        code += part.value.length === 2 ? 'hh' : 'h';
        break;
      case 'minute':
        code += 'mm';
        break;
      case 'second':
        code += 'ss';
        break;
      case 'dayPeriod':
        code += 'AM/PM';
        break;
      case 'literal': {
        // Separators Excel shows as they are pass through; anything else is quoted text.
        const text = part.value.replace(/[\u00a0\u202f]/g, ' ');
        code += /^[ :/,-]*$/.test(text) ? text : `"${text.replace(/"/g, '')}"`;
        break;
      }
      default:
        break;
    }
  }
  return /yyyy/.test(code) && /ss/.test(code) ? code : 'yyyy-mm-dd hh:mm:ss';
}

/** Excel's Text number format: input in such a cell stays text. */
const TEXT_FORMAT = '@';

export function header(labels: string[]): Row {
  return labels.map((value) => ({ value: visibleText(value), ...HEADER_STYLE }));
}

function text(value: string): Cell {
  if (!value) return null;
  const shown = visibleText(value);
  // Formula-like text: Text format plus quote prefix (added by QUOTE_PREFIX), so an edit keeps it text.
  if (looksLikeFormula(value)) return { value: shown, type: String, format: TEXT_FORMAT };
  // A plain string is a shared-string cell: Excel never re-reads it as a number or a date. (A `@`
  // format on every cell would only matter for later edits and costs ~10 % of the write time at
  // 100 000 rows.)
  return shown;
}

/** Text cells with `extra` style (bold, wrap, …), through {@link text}. */
function styledText(value: string, extra: Omit<Exclude<Cell, null>, 'value' | 'type'>): Cell {
  const cell = text(value);
  if (cell === null) return null;
  return typeof cell === 'string' ? { value: cell, type: String, ...extra } : { ...cell, ...extra };
}

/** Instant → the wall-clock `Date` Excel shows, in whole seconds (floored, as the list's formatter does). */
function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * Marks the cell styles of the Text format with `quotePrefix="1"`. write-excel-file has no option
 * for it; its feature hook gets `xl/styles.xml` as written, e.g.
 * `<numFmt numFmtId="165" formatCode="@"/>` … `<xf numFmtId="165" applyNumberFormat="1" …>`.
 */
export function withQuotePrefix(stylesXml: string): string {
  const ids = new Set<string>();
  for (const match of stylesXml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="@"\/>/g)) ids.add(match[1]!);
  if (ids.size === 0) return stylesXml;
  return stylesXml.replace(/<xf numFmtId="(\d+)"/g, (tag, id: string) => (ids.has(id) ? `<xf quotePrefix="1" numFmtId="${id}"` : tag));
}

const QUOTE_PREFIX: Feature<File | Blob | ArrayBuffer> = {
  files: { transform: { 'xl/styles.xml': { transform: (xml) => withQuotePrefix(xml) } } },
};

export function statCell(stat: ExportStat): Cell {
  if (stat.value === null) return { value: stat.text, type: String, align: 'right' };
  switch (stat.kind) {
    case 'duration':
      return { value: stat.value / DAY_SECONDS, type: Number, format: DURATION_FORMAT };
    case 'percent':
      return { value: stat.value, type: Number, format: '0.0%' };
    default:
      return { value: stat.value, type: Number, format: '0' };
  }
}

/**
 * Start and end as date cells of the zone's wall clock (a running end is the word "running"), and
 * the duration as a duration cell: whole seconds, cut like the list cuts them (formatDuration floors).
 */
function timeCells(report: ExportReport, wallClock: (ms: number) => number): (row: { start: number; end: number | null; duration: number }) => Cell[] {
  const format = excelDateTimeFormat(report.locale);
  const running: Cell = { value: report.text.running, type: String, align: 'right', fontStyle: 'italic' };
  const date = (ms: number): Cell => ({ value: new Date(wallClock(wholeSeconds(ms))), type: Date, format });
  return (row) => [date(row.start), row.end === null ? running : date(row.end), { value: Math.floor(row.duration) / DAY_SECONDS, type: Number, format: DURATION_FORMAT }];
}

/**
 * The wall clock of the report's zone over the activities' span (`wallClockIn`: epoch ms of each
 * instant's wall-clock time).
 */
function activitiesWallClock(report: ExportReport): (ms: number) => number {
  let from = Infinity;
  let to = -Infinity;
  for (const row of report.rows) {
    if (row.start < from) from = row.start;
    const end = row.end ?? row.start;
    if (end > to) to = end;
  }
  return wallClockIn(report.timeZone, Number.isFinite(from) ? from : report.now, Number.isFinite(to) ? to : report.now);
}

/** Rows of the "Logins and pauses" sheet: the header, then one row per login or pause. */
export function statusSheetData(report: ExportReport): SheetData {
  const rows = report.statusRows;
  const from = rows.reduce((min, r) => Math.min(min, r.start), report.now);
  const to = rows.reduce((max, r) => Math.max(max, r.end ?? r.start), report.now);
  const times = timeCells(report, wallClockIn(report.timeZone, from, to));
  const c = report.text.statusColumns;
  const data: SheetData = [header([c.kind, c.name, c.start, c.end, c.duration])];
  for (const row of rows) data.push([text(row.kind), text(row.name), ...times(row)]);
  return data;
}

/** Rows of the "Statistics" sheet: what was exported, then section / figure / value / definition. */
export function statisticsSheetData(report: ExportReport): SheetData {
  const data: SheetData = [
    [styledText(report.title, { fontWeight: 'bold', fontSize: 14 })],
    ...report.meta.map((line): Row => [
      { value: line.label, type: String, fontWeight: 'bold' },
      line.number === undefined ? text(line.value) : { value: line.number, type: Number, format: '0', align: 'left' },
    ]),
    [],
    header([report.text.section, report.text.figure, report.text.value, report.text.definition]),
  ];
  for (const group of report.stats) {
    group.stats.forEach((stat, index) => {
      data.push([
        index === 0 ? { value: group.heading, type: String, fontWeight: 'bold' } : null,
        text(stat.label),
        statCell(stat),
        styledText(stat.description, { wrap: true }),
      ]);
    });
  }
  return data;
}

/**
 * write-excel-file zips with fflate, which compresses every file over 160 kB in a Web Worker made
 * from a `blob:` URL of generated code. A page with a strict Content-Security-Policy
 * (`script-src 'self'`, Trusted Types) refuses such workers (docs/spec.md#access-and-safety), and the export of a
 * long list would fail. While the workbook is written, `Worker` therefore answers fflate's
 * `blob:` workers in this thread with the same `deflateSync` the worker would run; any other
 * worker (a host's own, from a script URL) is the real one. Same bytes, and CSP-proof; the cost is
 * that compression (a quarter of the time) runs on the main thread like the rest of the write.
 */
class InThreadDeflateWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  #terminated = false;

  /** fflate sends its helper table first (ignored: the code is already here), then `[data, options]`. */
  postMessage(message: unknown): void {
    if (!Array.isArray(message)) return;
    const [data, options] = message as [unknown, DeflateOptions | undefined];
    setTimeout(() => {
      if (this.#terminated) return;
      let reply: unknown;
      try {
        if (!(data instanceof Uint8Array)) throw new TypeError('Unexpected compression request.');
        reply = deflateSync(data, options);
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        reply = { $e$: [e.message, (e as { code?: unknown }).code, e.stack] };
      }
      this.onmessage?.({ data: reply });
    }, 0);
  }

  terminate(): void {
    this.#terminated = true;
  }

  addEventListener(): void {}
  removeEventListener(): void {}
}

export async function withInThreadCompression<T>(write: () => Promise<T>): Promise<T> {
  const RealWorker = globalThis.Worker;
  function Worker(this: unknown, url: string | URL, options?: WorkerOptions) {
    if (typeof url === 'string' && url.startsWith('blob:')) return new InThreadDeflateWorker();
    return new RealWorker(url, options);
  }
  globalThis.Worker = Worker as unknown as typeof globalThis.Worker;
  try {
    return await write();
  } finally {
    globalThis.Worker = RealWorker;
  }
}

/**
 * Builds the workbook. Sheet names are cut to Excel's 31 characters. write-excel-file writes the
 * workbook with the "Activities" sheet's header only; `xlsx-rows.ts` then adds its rows, which at
 * 100 000 rows is most of the file and, through the library, was most of the time.
 */
export async function writeXlsx(report: ExportReport): Promise<Blob> {
  const statistics = statisticsSheetData(report);
  const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  const blob = await withInThreadCompression(() => writeXlsxFile(
    [
      {
        data: [header(ACTIVITY_COLUMNS.map((column) => report.columns[column]))],
        sheet: sheetName(report.text.activities),
        columns: ACTIVITY_COLUMNS.map((column) => ({ width: WIDTHS[column] })),
        stickyRowsCount: 1,
      },
      ...(report.statusRows.length
        ? [{
            data: statusSheetData(report),
            sheet: sheetName(report.text.status),
            columns: [{ width: 16 }, { width: 28 }, { width: 20 }, { width: 20 }, { width: 11 }],
            stickyRowsCount: 1,
          }]
        : []),
      {
        data: statistics,
        sheet: sheetName(report.text.statistics),
        columns: [{ width: 22 }, { width: 30 }, { width: 14 }, { width: 70 }],
      },
    ],
    { fontFamily: 'Calibri', fontSize: 11, features: [QUOTE_PREFIX] },
  ).toBlob());
  return withActivityRows(new Uint8Array(await blob.arrayBuffer()), report.rows, excelDateTimeFormat(report.locale), activitiesWallClock(report), report.text.running);
}
