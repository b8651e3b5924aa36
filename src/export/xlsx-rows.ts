/**
 * The "Activities" sheet's rows, written as SpreadsheetML text straight into the workbook that
 * write-excel-file made with that sheet's header only (xlsx.ts). The library builds every cell
 * through objects, a style key (`JSON.stringify` of each styled cell) and five `replaceAll`s per
 * string: at 100 000 rows that was 6–7 s of the 5 s an Excel export may take (docs/spec.md#targets).
 * Here a row is one string of nine cells with styles known in advance, and strings are shared by
 * one `Map`. The cells are those the library writes (shared strings, the same number text, the
 * same style attributes), so readers see the same workbook; the library still writes the rest
 * (workbook, header, column widths, the frozen row, the other sheets).
 *
 * Pure string work and fflate; nothing here touches the DOM (it runs in the export worker).
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough, zipSync } from 'fflate';
import { looksLikeFormula, visibleText } from './cell-text.js';
import type { ExportActivityRow } from '../report/report.js';

const DAY_MS = 86_400_000;
/** Days from Excel's epoch (1899-12-30) to 1970-01-01, as write-excel-file counts them. */
const EPOCH_DAYS = 25_569;
const DAY_SECONDS = 86_400;

/** The cell styles (`cellXfs` positions) the rows use. */
export interface RowStyles {
  date: number;
  duration: number;
  /** Formula-like text: the Text format with the quote prefix. */
  formulaText: number;
  /** The word "running" in a running activity's end cell: italic, right-aligned. */
  running: number;
}

/** Escapes an attribute value as write-excel-file does. */
function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('>', '&gt;').replaceAll('<', '&lt;').replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

const SPECIAL = /[&<>]/;

/** Escapes element text (`&`, `<`, `>`), as write-excel-file does. */
function textContent(value: string): string {
  return SPECIAL.test(value) ? value.replaceAll('&', '&amp;').replaceAll('>', '&gt;').replaceAll('<', '&lt;') : value;
}

/** `<tag count="n">…</tag>` with `items` appended and the count raised; or the block created before `before`. */
function appendTo(xml: string, tag: string, items: string[], before: string): string {
  if (items.length === 0) return xml;
  const block = new RegExp(`<${tag} count="(\\d+)">([\\s\\S]*?)</${tag}>`);
  const match = block.exec(xml);
  if (!match) {
    const at = xml.indexOf(before);
    if (at < 0) throw new Error(`styles.xml has no <${tag}> and no ${before}.`);
    return `${xml.slice(0, at)}<${tag} count="${items.length}">${items.join('')}</${tag}>${xml.slice(at)}`;
  }
  return xml.replace(block, `<${tag} count="${Number(match[1]) + items.length}">${match[2]}${items.join('')}</${tag}>`);
}

/** How many entries a `count`ed block of `styles.xml` has (0 when it is missing). */
function countOf(xml: string, tag: string): number {
  return Number(new RegExp(`<${tag} count="(\\d+)">`).exec(xml)?.[1] ?? 0);
}

/**
 * Adds the rows' cell styles to write-excel-file's `styles.xml`: number formats it lacks (it made
 * those of the other sheets), an italic font, and four `cellXfs` entries in the form the library
 * writes them. Returns the new XML and the styles' positions.
 */
export function addRowStyles(stylesXml: string, dateFormat: string): { xml: string; styles: RowStyles } {
  const formats = new Map<string, number>();
  let nextFormat = 164; // the first id of custom formats in SpreadsheetML
  for (const match of stylesXml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) {
    formats.set(match[2]!, Number(match[1]));
    nextFormat = Math.max(nextFormat, Number(match[1]) + 1);
  }
  const newFormats: string[] = [];
  const formatId = (code: string): number => {
    const escaped = attribute(code);
    let id = formats.get(escaped);
    if (id === undefined) {
      id = nextFormat++;
      formats.set(escaped, id);
      newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    }
    return id;
  };
  const date = formatId(dateFormat);
  const duration = formatId('[h]:mm:ss');
  const textFormat = formatId('@');
  let xml = appendTo(stylesXml, 'numFmts', newFormats, '<fonts');
  // The default font (the first), italic.
  const firstFont = /<font>([\s\S]*?)<\/font>/.exec(xml)?.[1];
  if (firstFont === undefined) throw new Error('styles.xml has no font.');
  const italicFont = countOf(xml, 'fonts');
  xml = appendTo(xml, 'fonts', [`<font>${firstFont.replace(/<[bi]\/>/g, '')}<i/></font>`], '<fills');
  const first = countOf(xml, 'cellXfs');
  xml = appendTo(
    xml,
    'cellXfs',
    [
      `<xf numFmtId="${date}" applyNumberFormat="1" fontId="0" applyFont="1"></xf>`,
      `<xf numFmtId="${duration}" applyNumberFormat="1" fontId="0" applyFont="1"></xf>`,
      `<xf quotePrefix="1" numFmtId="${textFormat}" applyNumberFormat="1" fontId="0" applyFont="1"></xf>`,
      `<xf fontId="${italicFont}" applyFont="1" applyAlignment="1"><alignment horizontal="right"/></xf>`,
    ],
    '</styleSheet>',
  );
  return { xml, styles: { date: first, duration: first + 1, formulaText: first + 2, running: first + 3 } };
}

/** write-excel-file's shared strings, and the ones the rows add. */
export class SharedStrings {
  readonly #index = new Map<string, number>();
  readonly #added: string[] = [];
  #xml: string;

  constructor(xml: string) {
    this.#xml = xml;
    for (const match of xml.matchAll(/<si><t(?: xml:space="preserve")?>([\s\S]*?)<\/t><\/si>/g)) {
      const text = match[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
      if (!this.#index.has(text)) this.#index.set(text, this.#index.size);
    }
    // Entries are counted as the library wrote them (duplicates included), so that indices match.
    const written = xml.match(/<si>/g)?.length ?? 0;
    if (written !== this.#index.size) throw new Error('sharedStrings.xml holds entries this writer does not read.');
  }

  /** The index of `text` (already visible: no control characters). */
  of(text: string): number {
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.#index.size;
      this.#index.set(text, i);
      this.#added.push(`<si><t${text.trim().length === text.length ? '' : ' xml:space="preserve"'}>${textContent(text)}</t></si>`);
    }
    return i;
  }

  xml(): string {
    const at = this.#xml.lastIndexOf('</sst>');
    return this.#xml.slice(0, at) + this.#added.join('') + this.#xml.slice(at);
  }
}

const COLUMNS = 'ABCDEFGHI';

/**
 * One row of the sheet (`r`, 1-based). Empty text is no cell, as in the library; formula-like
 * text gets the Text format with the quote prefix.
 */
function rowXml(row: ExportActivityRow, r: number, styles: RowStyles, strings: SharedStrings, wallClock: (ms: number) => number, running: string): string {
  let xml = `<row r="${r}">`;
  const text = (column: number, value: string): void => {
    if (!value) return;
    // The default style (0) needs no attribute.
    const style = looksLikeFormula(value) ? ` s="${styles.formulaText}"` : '';
    xml += `<c r="${COLUMNS[column]}${r}"${style} t="s"><v>${strings.of(visibleText(value))}</v></c>`;
  };
  const date = (column: number, ms: number): void => {
    xml += `<c r="${COLUMNS[column]}${r}" s="${styles.date}"><v>${String(wallClock(Math.floor(ms / 1000) * 1000) / DAY_MS + EPOCH_DAYS)}</v></c>`;
  };
  text(0, row.type);
  date(1, row.start);
  if (row.end === null) xml += `<c r="C${r}" s="${styles.running}" t="s"><v>${strings.of(visibleText(running))}</v></c>`;
  else date(2, row.end);
  xml += `<c r="D${r}" s="${styles.duration}"><v>${String(Math.floor(row.duration) / DAY_SECONDS)}</v></c>`;
  text(4, row.title);
  text(5, row.queue);
  text(6, row.contact);
  text(7, row.direction);
  text(8, row.closed);
  return `${xml}</row>`;
}

/**
 * Adds `rows` to the first sheet of the zipped workbook `bytes` (which holds its header row) and
 * zips it again. `wallClock` turns an instant into the epoch ms of its wall-clock time in the
 * report's zone; `running` is the localised end of a running activity.
 */
export async function withActivityRows(bytes: Uint8Array, rows: readonly ExportActivityRow[], dateFormat: string, wallClock: (ms: number) => number, running: string): Promise<Blob> {
  const files = unzipSync(bytes);
  const sheet = 'xl/worksheets/sheet1.xml';
  for (const name of [sheet, 'xl/styles.xml', 'xl/sharedStrings.xml']) if (!files[name]) throw new Error(`The workbook has no ${name}.`);
  const { xml: stylesXml, styles } = addRowStyles(strFromU8(files['xl/styles.xml']!), dateFormat);
  const strings = new SharedStrings(strFromU8(files['xl/sharedStrings.xml']!));
  const sheetXml = strFromU8(files[sheet]!);
  const end = sheetXml.lastIndexOf('</sheetData>');
  if (end < 0) throw new Error('The first sheet has no <sheetData>.');
  const parts: string[] = [sheetXml.slice(0, end)];
  rows.forEach((row, i) => parts.push(rowXml(row, i + 2, styles, strings, wallClock, running)));
  parts.push(sheetXml.slice(end));
  files[sheet] = strToU8(parts.join(''));
  files['xl/styles.xml'] = strToU8(stylesXml);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipped(files);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Zips the workbook's parts, deflated by the platform (`CompressionStream('deflate-raw')`, native
 * code: a 40 MB sheet in a fraction of the 2–3 s fflate's JavaScript deflate takes) where it has
 * one, else by fflate. fflate still writes the archive around them.
 */
export async function zipped(files: Record<string, Uint8Array>): Promise<Blob> {
  if (!nativeDeflate()) return new Blob([zipSync(files) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  return new Promise((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk as Uint8Array<ArrayBuffer>);
      if (final) resolve(new Blob(chunks, { type: XLSX_TYPE }));
    });
    for (const [name, data] of Object.entries(files)) {
      const entry = new NativeDeflate(name);
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
  });
}

/** Whether the platform deflates raw streams (Chromium 103, Firefox 113, Safari 16.4). */
function nativeDeflate(): boolean {
  try {
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    // No CompressionStream, or one without 'deflate-raw': fflate deflates.
    return false;
  }
}

/**
 * A zip entry deflated by `CompressionStream` (fflate's documented way to add a compression of
 * one's own: `push` gets the original bytes, for the CRC and size; `process` hands on the
 * compressed ones).
 */
class NativeDeflate extends ZipPassThrough {
  #writer: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>> | null = null;

  constructor(name: string) {
    super(name);
    this.compression = 8;
  }

  override process(chunk: Uint8Array, final: boolean): void {
    const fail = (error: unknown): void => {
      const flate = Object.assign(new Error(`Compression failed: ${error instanceof Error ? error.message : String(error)}`), { code: 0 });
      this.ondata(flate, new Uint8Array(0), true);
    };
    if (!this.#writer) {
      const stream = new CompressionStream('deflate-raw');
      this.#writer = stream.writable.getWriter();
      const reader = stream.readable.getReader();
      const pump = (): Promise<void> =>
        reader.read().then(({ done, value }) => {
          if (done) return this.ondata(null, new Uint8Array(0), true);
          this.ondata(null, value, false);
          return pump();
        });
      pump().catch(fail);
    }
    this.#writer.write(chunk as Uint8Array<ArrayBuffer>).catch(fail);
    if (final) this.#writer.close().catch(fail);
  }
}
