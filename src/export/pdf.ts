/**
 * PDF export (docs/spec.md#export). Loaded only through `await import()`: jspdf stays out of the main bundle.
 *
 * A4 landscape: a title block (user, period, time zone, filter, row count, export time), the
 * period pictured (a day: the Status lane and the activity lanes; a week: seven rows) and, for a
 * week, a table of per-day totals; the statistics in columns; then the activity table drawn with
 * jspdf primitives — header repeated on every page, "page x of y" in every footer — and, when the
 * list held them, the logins and pauses. Text is set in DejaVu Sans, embedded (jspdf subsets it),
 * because the 14 standard PDF fonts cannot show Czech ěščřžůň.
 */
import { jsPDF } from 'jspdf';
import { visibleText } from './cell-text.js';
import { ACTIVITY_COLUMNS, type ActivityColumn, type ExportReport } from '../report/report.js';
import { CONTENT_BOTTOM, HEADER_H, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W, ROW_H, footerTexts, idleStripes } from './pdf-pages.js';
import { yieldToMain } from '../model/yield.js';
import { DEFAULT_PDF_FONTS, loadPdfFonts, type PdfFonts } from './pdf-fonts.js';

export { DEFAULT_PDF_FONTS, loadPdfFonts, type PdfFonts } from './pdf-fonts.js';

/** Table rows drawn between two turns of the event loop. */
const ROWS_PER_TURN = 400;

const FAMILY = 'DejaVuSans';

// Geometry in millimetres (the page's in pdf-pages.ts).
const FOOTER_Y = PAGE_H - 7;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const CELL_PAD = 1.4;

/** Columns that take the width left over, by weight, never narrower than their minimum (mm). */
const FLEXIBLE: Partial<Record<ActivityColumn, { weight: number; min: number }>> = {
  title: { weight: 2.2, min: 40 },
  queue: { weight: 1, min: 18 },
  contact: { weight: 1.3, min: 24 },
};
/** The table's font size (pt). */
const TABLE_FONT = 7.5;
const RIGHT_ALIGNED = new Set<ActivityColumn>(['duration']);
/** Extra space after a right-aligned number, so it does not run into the next column's text. */
const NUMBER_GAP = 3;

export const INK = [33, 37, 41] as const;
export const MUTED = [92, 102, 112] as const;
export const RULE = [170, 180, 190] as const;
export const HEADER_FILL = [232, 238, 244] as const;
export const STRIPE_FILL = [246, 248, 250] as const;
/** The picture's lane background (logged out) and the time window's shade. */
const LANE_FILL = [236, 239, 243] as const;
const WINDOW_FILL = [214, 228, 250] as const;
/** Idle time's stripes over the ready colour (the screen draws them in the plot's surface colour). */
const WHITE = [255, 255, 255] as const;

type Rgb = readonly [number, number, number];

/** `#rrggbb` → RGB. */
function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A column of a plain table: header, width (mm), right-aligned numbers. */
interface GridColumn {
  label: string;
  width: number;
  right?: boolean;
}

export type Doc = InstanceType<typeof jsPDF>;

class PdfWriter {
  readonly doc: Doc;
  readonly report: ExportReport;
  readonly hasBold: boolean;
  readonly widths: Record<ActivityColumn, number>;
  y = MARGIN_TOP;
  /** Cache of fitted cell texts: type, direction and closed repeat a lot. */
  #fitted = new Map<string, string>();

  constructor(report: ExportReport, regular: string, bold: string | null) {
    this.report = report;
    this.doc = pdfDocument({ regular, bold }, report.locale, report.title, report.meta.map((m) => `${m.label}: ${m.value}`).join('; '));
    this.hasBold = bold !== null;
    this.widths = this.#columnWidths();
  }

  /**
   * Fixed-content columns (type, times, duration, direction, closed) get the width their text
   * needs — measured on the header and a sample of rows — and title, queue and contact share the
   * rest. So `3/1/2026, 3:02:45 PM` is never cut while a day's `8:10:00` takes little room.
   */
  #columnWidths(): Record<ActivityColumn, number> {
    const { report } = this;
    const rows = report.rows.length > 400 ? [...report.rows.slice(0, 200), ...report.rows.slice(-200)] : report.rows;
    // A date and time with every field two digits wide, so a sample without one still fits.
    const widest = Date.UTC(2026, 11, 28, 22, 58, 58);
    const texts: Partial<Record<ActivityColumn, Set<string>>> = {
      type: new Set(rows.map((r) => r.type)),
      start: new Set([...rows.map((r) => this.instant(r.start)), report.formatDateTime(widest)]),
      end: new Set([...rows.map((r) => (r.end === null ? report.text.running : this.instant(r.end))), report.formatDateTime(widest)]),
      duration: new Set([...rows.map((r) => report.formatDuration(r.duration)), report.formatDuration(99 * 3600 + 59 * 60 + 59)]),
      direction: new Set(rows.map((r) => r.direction)),
      closed: new Set(rows.map((r) => r.closed)),
    };
    if (report.singleDay && !rows.some((r) => r.start < report.singleDay!.startMs || (r.end ?? 0) >= report.singleDay!.endMs)) {
      // Only times: measure a wide time instead of a date.
      texts.start!.delete(report.formatDateTime(widest));
      texts.end!.delete(report.formatDateTime(widest));
      texts.start!.add(report.formatTime(widest));
      texts.end!.add(report.formatTime(widest));
    }
    const widths = {} as Record<ActivityColumn, number>;
    let fixed = 0;
    for (const column of ACTIVITY_COLUMNS) {
      if (FLEXIBLE[column]) continue;
      this.font(TABLE_FONT, 'bold');
      let need = this.doc.getTextWidth(report.columns[column]);
      this.font(TABLE_FONT, 'normal');
      for (const text of texts[column] ?? []) need = Math.max(need, this.doc.getTextWidth(text));
      widths[column] = need + 2 * CELL_PAD + 1 + (RIGHT_ALIGNED.has(column) ? NUMBER_GAP : 0);
      fixed += widths[column];
    }
    const flexible = ACTIVITY_COLUMNS.filter((column) => FLEXIBLE[column]);
    const weight = flexible.reduce((sum, column) => sum + FLEXIBLE[column]!.weight, 0);
    const left = CONTENT_W - fixed;
    const minimum = flexible.reduce((sum, column) => sum + FLEXIBLE[column]!.min, 0);
    if (left >= minimum) {
      for (const column of flexible) widths[column] = (left * FLEXIBLE[column]!.weight) / weight;
    } else {
      // Extremely long labels (a host translation): shrink everything in proportion.
      const scale = CONTENT_W / (fixed + minimum);
      for (const column of ACTIVITY_COLUMNS) widths[column] = (FLEXIBLE[column]?.min ?? widths[column]) * scale;
    }
    return widths;
  }

  font(size: number, weight: 'normal' | 'bold' = 'normal', color: readonly [number, number, number] = INK): void {
    setFont(this.doc, this.hasBold, size, weight, color);
  }

  /** `text` with control characters shown as symbols, cut with an ellipsis to fit `width` mm in the current font. */
  fit(raw: string, width: number): string {
    return fitText(this.doc, raw, width, this.#fitted);
  }

  /** Title and the label: value lines under it. */
  title(): void {
    const { doc, report } = this;
    this.font(15, 'bold');
    doc.text(this.fit(report.title, CONTENT_W), MARGIN_X, this.y, { baseline: 'top' });
    this.y += 8.5;
    let x = MARGIN_X;
    const lineH = 4.6;
    for (const { label, value } of report.meta) {
      this.font(8.5, 'bold', MUTED);
      const labelText = `${label}: `;
      const labelW = doc.getTextWidth(labelText);
      this.font(8.5, 'normal');
      const valueText = this.fit(value, CONTENT_W - labelW);
      const itemW = labelW + doc.getTextWidth(valueText) + 7;
      if (x > MARGIN_X && x + itemW > PAGE_W - MARGIN_X) {
        x = MARGIN_X;
        this.y += lineH;
      }
      this.font(8.5, 'bold', MUTED);
      doc.text(labelText, x, this.y, { baseline: 'top' });
      this.font(8.5, 'normal');
      doc.text(valueText, x + labelW, this.y, { baseline: 'top' });
      x += itemW;
    }
    this.y += lineH + 3;
    this.rule(this.y);
    this.y += 4;
  }

  rule(y: number, color: readonly [number, number, number] = RULE, width = 0.2): void {
    this.doc.setDrawColor(color[0], color[1], color[2]);
    this.doc.setLineWidth(width);
    this.doc.line(MARGIN_X, y, PAGE_W - MARGIN_X, y);
  }

  sectionHeading(text: string): void {
    this.font(11, 'bold');
    this.doc.text(text, MARGIN_X, this.y, { baseline: 'top' });
    this.y += 6;
  }

  /** The statistics groups in four columns, each group placed under the shortest column. */
  statistics(): void {
    const { doc, report } = this;
    if (!report.stats.length) return;
    const columns = 4;
    const gap = 6;
    const colW = (CONTENT_W - gap * (columns - 1)) / columns;
    const lineH = 4.2;
    // Measured first (the same placement as below), so the block is never split across pages.
    const measured = new Array<number>(columns).fill(0);
    for (const group of report.stats) {
      const col = measured.indexOf(Math.min(...measured));
      measured[col] = (measured[col] ?? 0) + 4.6 + group.stats.length * lineH + 3;
    }
    this.ensure(6 + Math.max(...measured));
    this.sectionHeading(report.text.statistics);
    const heights = new Array<number>(columns).fill(0);
    const top = this.y;
    for (const group of report.stats) {
      let col = 0;
      for (let i = 1; i < columns; i++) if ((heights[i] ?? 0) < (heights[col] ?? 0)) col = i;
      const x = MARGIN_X + col * (colW + gap);
      let y = top + (heights[col] ?? 0);
      this.font(9, 'bold');
      doc.text(this.fit(group.heading, colW), x, y, { baseline: 'top' });
      y += 4.6;
      doc.setDrawColor(RULE[0], RULE[1], RULE[2]);
      doc.setLineWidth(0.15);
      doc.line(x, y - 0.8, x + colW, y - 0.8);
      for (const stat of group.stats) {
        this.font(8, 'bold');
        const valueW = doc.getTextWidth(stat.text);
        doc.text(stat.text, x + colW, y, { baseline: 'top', align: 'right' });
        this.font(8, 'normal', MUTED);
        doc.text(this.fit(stat.label, colW - valueW - 2), x, y, { baseline: 'top' });
        y += lineH;
      }
      heights[col] = y - top + 3;
    }
    this.y = top + Math.max(...heights) + 1;
  }

  /** Starts a new page unless `height` mm still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > CONTENT_BOTTOM) this.newPage();
  }

  fill(color: Rgb, x: number, y: number, w: number, h: number): void {
    this.doc.setFillColor(color[0], color[1], color[2]);
    this.doc.rect(x, y, w, h, 'F');
  }

  /** Idle time's stripes (white) over the ready colour, `spans` as `[left, right]` mm (see `idleStripes`). */
  stripes(spans: Iterable<readonly [number, number]>, y: number, h: number, mergeMm: number, minMm: number): void {
    for (const [x, sy, w, sh] of idleStripes(spans, y, h, mergeMm, minMm)) this.fill(WHITE, x, sy, w, sh);
  }

  /**
   * The period pictured: a day as the Status lane over the activity lanes, a week as seven rows
   * (each a thin Status lane over thinner activity lanes), hour ticks on top, the time window
   * shaded, a legend under it.
   */
  overview(): void {
    const { doc, report } = this;
    const o = report.overview;
    if (!o.rows.length) return;
    const week = o.rows.length > 1;
    const labelW = week ? 22 : 20;
    const x0 = MARGIN_X + labelW;
    const w = CONTENT_W - labelW;
    const statusH = week ? 3.2 : 6;
    const laneH = week ? 1.6 : 4.6;
    const laneGap = week ? 0 : 0.8;
    const rowH = statusH + o.lanes.length * (laneH + laneGap);
    const rowGap = week ? 1.2 : 0;
    this.ensure(6 + 4 + o.rows.length * (rowH + rowGap) + 8);
    this.sectionHeading(report.text.overview);
    this.font(6.5, 'normal', MUTED);
    for (const tick of o.rows[0]!.ticks) doc.text(tick.label, x0 + tick.at * w, this.y, { baseline: 'top', align: 'center' });
    this.y += 3.6;
    for (const row of o.rows) {
      const top = this.y;
      this.fill(LANE_FILL, x0, top, w, rowH);
      if (row.window) this.fill(WINDOW_FILL, x0 + row.window.from * w, top, Math.max(0.2, (row.window.to - row.window.from) * w), rowH);
      doc.setDrawColor(RULE[0], RULE[1], RULE[2]);
      doc.setLineWidth(0.1);
      for (const tick of row.ticks) doc.line(x0 + tick.at * w, top, x0 + tick.at * w, top + rowH);
      const bar = (spans: typeof row.status, y: number, h: number) => {
        for (const span of spans) this.fill(rgb(span.colour), x0 + span.from * w, y, Math.max(0.15, (span.to - span.from) * w), h);
      };
      bar(row.status, top, statusH);
      this.stripes(row.idle.map((s) => [x0 + s.from * w, x0 + s.to * w] as const), top, statusH, 0.25, 0.15);
      row.lanes.forEach((spans, i) => bar(spans, top + statusH + laneGap + i * (laneH + laneGap), laneH));
      if (week) {
        this.font(7.5, 'normal');
        doc.text(this.fit(row.label, labelW - 2), MARGIN_X, top + rowH / 2, { baseline: 'middle' });
      } else {
        this.font(7, 'normal', MUTED);
        doc.text(this.fit(o.statusLabel, labelW - 2), MARGIN_X, top + statusH / 2, { baseline: 'middle' });
        o.lanes.forEach((lane, i) => doc.text(this.fit(lane, labelW - 2), MARGIN_X, top + statusH + laneGap + i * (laneH + laneGap) + laneH / 2, { baseline: 'middle' }));
      }
      this.y = top + rowH + rowGap;
    }
    // The legend: a swatch and a name per colour, on as many lines as needed.
    this.y += 2;
    let x = x0;
    this.font(7, 'normal');
    for (const item of o.legend) {
      const itemW = 4 + doc.getTextWidth(item.label) + 5;
      if (x > x0 && x + itemW > PAGE_W - MARGIN_X) {
        x = x0;
        this.y += 4;
      }
      this.fill(rgb(item.colour), x, this.y, 2.6, 2.6);
      if (item.stripes) this.stripes([[x, x + 2.6]], this.y, 2.6, 0, 0);
      doc.text(item.label, x + 3.6, this.y + 1.3, { baseline: 'middle' });
      x += itemW;
    }
    this.y += 7;
  }

  /** A plain table (the per-day totals, the logins and pauses): header repeated on each page. */
  grid(heading: string, columns: GridColumn[], rows: string[][]): void {
    if (!rows.length) return;
    // A short table (a week's days) stays on one page; a long one starts where a few rows still fit.
    this.ensure(6 + HEADER_H + ROW_H * (rows.length <= 12 ? rows.length : 3));
    this.sectionHeading(heading);
    const header = () => {
      this.fill(HEADER_FILL, MARGIN_X, this.y, CONTENT_W, HEADER_H);
      this.font(TABLE_FONT, 'bold');
      this.cells(columns, columns.map((c) => c.label), this.y + HEADER_H / 2);
      this.y += HEADER_H;
    };
    header();
    rows.forEach((row, index) => {
      if (this.y + ROW_H > CONTENT_BOTTOM) {
        this.newPage();
        header();
      }
      if (index % 2 === 1) this.fill(STRIPE_FILL, MARGIN_X, this.y, CONTENT_W, ROW_H);
      this.font(TABLE_FONT, 'normal');
      this.cells(columns, row, this.y + ROW_H / 2);
      this.y += ROW_H;
    });
    this.rule(this.y, RULE, 0.2);
    this.y += 5;
  }

  cells(columns: GridColumn[], texts: string[], mid: number): void {
    let x = MARGIN_X;
    columns.forEach((column, i) => {
      const text = this.fit(texts[i] ?? '', column.width - 2 * CELL_PAD);
      if (column.right) this.doc.text(text, x + column.width - CELL_PAD - NUMBER_GAP, mid, { baseline: 'middle', align: 'right' });
      else this.doc.text(text, x + CELL_PAD, mid, { baseline: 'middle' });
      x += column.width;
    });
  }

  /** A week's totals per day, under the picture. */
  days(): void {
    const { report } = this;
    const c = report.text.dayColumns;
    const d = report.formatDuration;
    const n = (value: number) => value.toLocaleString(report.locale);
    const rest = (CONTENT_W - 40) / 6;
    const columns: GridColumn[] = [
      { label: c.day, width: 40 },
      ...[c.logged, c.ready, c.idle, c.paused, c.activities, c.closed].map((label) => ({ label, width: rest, right: true })),
    ];
    // A day still to come has no figures (as in the timeline's week rows), not zeros.
    this.grid(report.text.days, columns, report.days.map((day) => day.future
      ? [`${day.label} (${report.text.notYet})`, '–', '–', '–', '–', '–', '–']
      : [day.label, d(day.logged), d(day.ready), d(day.idle), d(day.paused), n(day.activities), n(day.closed)]));
  }

  /** The logins and pauses the list held, after the activities. */
  statusTable(): void {
    const { report } = this;
    const c = report.text.statusColumns;
    const w = this.widths;
    const fixed = 40 + w.start + w.end + w.duration;
    const columns: GridColumn[] = [
      { label: c.kind, width: 40 },
      { label: c.name, width: CONTENT_W - fixed },
      { label: c.start, width: w.start },
      { label: c.end, width: w.end },
      { label: c.duration, width: w.duration, right: true },
    ];
    this.y += 4;
    this.grid(report.text.status, columns, report.statusRows.map((r) => [r.kind, r.name, this.instant(r.start), r.end === null ? report.text.running : this.instant(r.end), report.formatDuration(r.duration)]));
  }

  tableHeader(): void {
    const { doc, report } = this;
    doc.setFillColor(HEADER_FILL[0], HEADER_FILL[1], HEADER_FILL[2]);
    doc.rect(MARGIN_X, this.y, CONTENT_W, HEADER_H, 'F');
    this.font(TABLE_FONT, 'bold');
    let x = MARGIN_X;
    const mid = this.y + HEADER_H / 2;
    for (const column of ACTIVITY_COLUMNS) {
      const w = this.widths[column];
      const label = this.fit(report.columns[column], w - 2 * CELL_PAD);
      if (RIGHT_ALIGNED.has(column)) doc.text(label, x + w - CELL_PAD - NUMBER_GAP, mid, { baseline: 'middle', align: 'right' });
      else doc.text(label, x + CELL_PAD, mid, { baseline: 'middle' });
      x += w;
    }
    this.y += HEADER_H;
    doc.setDrawColor(MUTED[0], MUTED[1], MUTED[2]);
    doc.setLineWidth(0.3);
    doc.line(MARGIN_X, this.y, PAGE_W - MARGIN_X, this.y);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN_TOP;
  }

  instant(ms: number): string {
    const day = this.report.singleDay;
    return day && ms >= day.startMs && ms < day.endMs ? this.report.formatTime(ms) : this.report.formatDateTime(ms);
  }

  /** The activities' table, a few hundred rows per task (a long list would hold the page for seconds). */
  async table(): Promise<void> {
    const { doc, report } = this;
    // Start the table on a new page unless a header and a few rows still fit.
    if (this.y + 6 + HEADER_H + ROW_H * 3 > CONTENT_BOTTOM) this.newPage();
    this.sectionHeading(report.text.activities);
    this.tableHeader();
    if (!report.rows.length) {
      this.font(8.5, 'normal', MUTED);
      doc.text(report.text.noRows, MARGIN_X + CELL_PAD, this.y + ROW_H / 2 + 1, { baseline: 'middle' });
      return;
    }
    const w = this.widths;
    for (let index = 0; index < report.rows.length; index++) {
      if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldToMain();
      const row = report.rows[index]!;
      if (this.y + ROW_H > CONTENT_BOTTOM) {
        this.newPage();
        this.tableHeader();
      }
      if (index % 2 === 1) {
        doc.setFillColor(STRIPE_FILL[0], STRIPE_FILL[1], STRIPE_FILL[2]);
        doc.rect(MARGIN_X, this.y, CONTENT_W, ROW_H, 'F');
      }
      const mid = this.y + ROW_H / 2;
      let x = MARGIN_X;
      const cell = (column: ActivityColumn, text: string, color: readonly [number, number, number] = INK) => {
        const width = w[column];
        if (text) {
          this.font(TABLE_FONT, 'normal', color);
          const fitted = this.fit(text, width - 2 * CELL_PAD);
          if (RIGHT_ALIGNED.has(column)) doc.text(fitted, x + width - CELL_PAD - NUMBER_GAP, mid, { baseline: 'middle', align: 'right' });
          else doc.text(fitted, x + CELL_PAD, mid, { baseline: 'middle' });
        }
        x += width;
      };
      cell('type', row.type);
      cell('start', this.instant(row.start));
      if (row.end === null) cell('end', report.text.running, MUTED);
      else cell('end', this.instant(row.end));
      cell('duration', report.formatDuration(row.duration));
      cell('title', row.title);
      cell('queue', row.queue);
      cell('contact', row.contact);
      cell('direction', row.direction);
      cell('closed', row.closed);
      this.y += ROW_H;
    }
    this.rule(this.y, RULE, 0.2);
  }

  /** "Page x of y" and the report's title on every page, once the page count is known. */
  /** "Page x of y" in every footer; `texts[i]` is page `i + 1`'s. */
  footers(texts: readonly string[]): void {
    drawFooters(this.doc, this.hasBold, this.report.title, (page) => texts[page - 1] ?? '', this.#fitted);
  }
}

/** A4 landscape document in mm with DejaVu Sans embedded (bold when given), its language and title set. */
export function pdfDocument(fonts: { regular: string; bold: string | null }, locale: string, title: string, subject: string): Doc {
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FAMILY, 'normal');
  if (fonts.bold !== null) {
    doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
    doc.addFont('DejaVuSans-Bold.ttf', FAMILY, 'bold');
  }
  doc.setLanguage(languageOf(locale));
  doc.setDocumentProperties({ title, subject, creator: 'user-trace' });
  return doc;
}

/** Sets the text font (bold only when the document has the bold face), size (pt) and colour. */
export function setFont(doc: Doc, hasBold: boolean, size: number, weight: 'normal' | 'bold' = 'normal', color: readonly [number, number, number] = INK): void {
  doc.setFont(FAMILY, weight === 'bold' && hasBold ? 'bold' : 'normal');
  doc.setFontSize(size);
  doc.setTextColor(color[0], color[1], color[2]);
}

/** `raw` with control characters shown as symbols, cut with an ellipsis to fit `width` mm in the current font; `cache` keeps results. */
export function fitText(doc: Doc, raw: string, width: number, cache: Map<string, string>): string {
  if (!raw) return '';
  const text = visibleText(raw, 'replacement-character');
  const key = `${doc.getFontSize()}\u0000${width}\u0000${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let result = text;
  if (doc.getTextWidth(text) > width) {
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (doc.getTextWidth(text.slice(0, mid) + '…') <= width) low = mid;
      else high = mid - 1;
    }
    result = text.slice(0, low).trimEnd() + '…';
  }
  if (cache.size < 5000) cache.set(key, result);
  return result;
}

/** A thin rule and, on every page, `title` on the left and "page x of y" on the right. */
export function drawFooters(doc: Doc, hasBold: boolean, title: string, pageOf: (page: number, pages: number) => string, cache: Map<string, string>): void {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setDrawColor(RULE[0], RULE[1], RULE[2]);
    doc.setLineWidth(0.15);
    doc.line(MARGIN_X, FOOTER_Y - 3.2, PAGE_W - MARGIN_X, FOOTER_Y - 3.2);
    setFont(doc, hasBold, 7.5, 'normal', MUTED);
    doc.text(fitText(doc, title, CONTENT_W * 0.7, cache), MARGIN_X, FOOTER_Y, { baseline: 'middle' });
    doc.text(pageOf(page, pages), PAGE_W - MARGIN_X, FOOTER_Y, { baseline: 'middle', align: 'right' });
  }
}

/** `cs-CZ` → `cs`: jspdf's `setLanguage` takes the tags of its own list. */
function languageOf(locale: string): 'cs' | 'en' {
  const lang = locale.toLowerCase().split('-')[0];
  return lang === 'cs' ? 'cs' : 'en';
}

/** Writes the report as an A4 landscape PDF. */
export async function writePdf(report: ExportReport, fonts: PdfFonts = DEFAULT_PDF_FONTS): Promise<Blob> {
  return writePdfWith(report, await loadPdfFonts(fonts), async (pages) => footerTexts(report, pages));
}

/**
 * Writes the PDF with its fonts loaded; `footers` gives the "page x of y" texts once the number
 * of pages is known (a worker asks the page for them: the words are a function of the viewer's
 * language, which it cannot receive).
 */
export async function writePdfWith(report: ExportReport, fonts: { regular: string; bold: string | null }, footers: (pages: number) => Promise<readonly string[]>): Promise<Blob> {
  const writer = new PdfWriter(report, fonts.regular, fonts.bold);
  writer.title();
  writer.overview();
  if (report.days.length) writer.days();
  writer.statistics();
  await writer.table();
  writer.statusTable();
  writer.footers(await footers(writer.doc.getNumberOfPages()));
  return writer.doc.output('blob');
}

