/**
 * The team view's PDF: A4 landscape, one row per agent on one shared time axis — the status lane
 * (logged out, ready, paid and unpaid pause) and the activity lanes — with the agent's figures
 * beside it; the header (axis labels, column names) repeated on every page, "page x of y" in every
 * footer. Loaded only through `await import()`, like the activity list's PDF, whose document,
 * font and footer helpers it uses. Activities closer than a fraction of a millimetre are drawn as
 * one bar, so 500 agents × 300 activities stay a file of a few hundred kB.
 */
import { ACTIVITY_CATALOG, ACTIVITY_LANES, OTHER_KIND, STATUS_COLOURS, type ActivityLane } from '../model/catalog.js';
import { TEAM_FIGURES } from '../report/team-figures.js';
import type { TeamExportReport, TeamTimeline, TeamTimelineRow } from '../report/team-figures.js';
import {
  CONTENT_W,
  DEFAULT_PDF_FONTS,
  HEADER_FILL,
  INK,
  MUTED,
  RULE,
  STRIPE_FILL,
  drawFooters,
  fitText,
  loadPdfFonts,
  pdfDocument,
  setFont,
  type Doc,
  type PdfFonts,
} from './pdf.js';
import { CONTENT_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_W, idleStripes } from './pdf-pages.js';

type Rgb = readonly [number, number, number];

/** Width of the name column and of each kind of figure column (mm). */
const NAME_W = 32;
const FIGURE_W = { duration: 11.4, percent: 10.5, count: 9 } as const;
const GAP = 1.6;
const PAD = 1.2;
/** Row geometry (mm): the status lane, then one thin band per activity lane. */
const ROW_H = 7.4;
const STATUS_TOP = 0.6;
const STATUS_H = 2.3;
const LANES_TOP = STATUS_TOP + STATUS_H + 0.4;
const LANE_H = 0.72;
const LANE_STEP = 0.84;
const HEADER_H = 9.5;
/** Bars of one type nearer than this (mm) are drawn as one. */
const MERGE_MM = 0.25;
/** The narrowest bar drawn (mm), so a short activity still shows. */
const MIN_BAR_MM = 0.2;
const FIGURE_FONT = 6.3;
const HEADER_FONT = 5.8;

const LANE_BG: Rgb = [243, 245, 248];
const GRID: Rgb = [214, 220, 228];
const NOW: Rgb = [201, 42, 42];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const STATUS_RGB: Record<'logged-out' | 'ready' | 'paused-paid' | 'paused-unpaid', Rgb> = Object.fromEntries(STATUS_COLOURS.map((c) => [c.key, rgb(c.light)])) as never;
const KIND_RGB: Record<'ready' | 'paid' | 'unpaid', Rgb> = { ready: STATUS_RGB.ready, paid: STATUS_RGB['paused-paid'], unpaid: STATUS_RGB['paused-unpaid'] };
const TYPE_RGB = new Map<string, Rgb>(ACTIVITY_CATALOG.map((k) => [k.type, rgb(k.light)]));
const OTHER_RGB = rgb(OTHER_KIND.light);
/** The activity lanes below the status lane, top to bottom. */
const LANES: readonly ActivityLane[] = ACTIVITY_LANES;

function fill(doc: Doc, c: Rgb): void {
  doc.setFillColor(c[0], c[1], c[2]);
}

class TeamPdfWriter {
  readonly doc: Doc;
  readonly report: TeamExportReport;
  readonly timeline: TeamTimeline;
  readonly hasBold: boolean;
  readonly #fitted = new Map<string, string>();
  /** Left edge and width of each figure column (mm). */
  readonly figureX: number[] = [];
  readonly figureW: number[] = [];
  readonly plotX = MARGIN_X + NAME_W + GAP;
  readonly plotW: number;
  y = MARGIN_TOP;

  constructor(report: TeamExportReport, timeline: TeamTimeline, fonts: { regular: string; bold: string | null }) {
    this.report = report;
    this.timeline = timeline;
    this.hasBold = fonts.bold !== null;
    this.doc = pdfDocument(fonts, timeline.locale, report.title, timeline.meta.map((m) => `${m.label}: ${m.value}`).join('; '));
    const widths = TEAM_FIGURES.map((f) => FIGURE_W[f.kind]);
    let x = PAGE_W - MARGIN_X;
    for (let i = widths.length - 1; i >= 0; i--) {
      x -= widths[i]!;
      this.figureX[i] = x;
      this.figureW[i] = widths[i]!;
    }
    this.plotW = x - GAP - this.plotX;
  }

  font(size: number, weight: 'normal' | 'bold' = 'normal', color: Rgb = INK): void {
    setFont(this.doc, this.hasBold, size, weight, color);
  }

  fit(text: string, width: number): string {
    return fitText(this.doc, text, width, this.#fitted);
  }

  /** x (mm) of instant `t` on the axis. */
  x(t: number): number {
    const { startMs, endMs } = this.timeline;
    return this.plotX + ((t - startMs) / (endMs - startMs)) * this.plotW;
  }

  /** Title, the lines under it, and the legend. */
  title(): void {
    const { doc, report, timeline } = this;
    this.font(15, 'bold');
    doc.text(this.fit(report.title, CONTENT_W), MARGIN_X, this.y, { baseline: 'top' });
    this.y += 8.5;
    let x = MARGIN_X;
    for (const { label, value } of timeline.meta) {
      this.font(8.5, 'bold', MUTED);
      const labelText = `${label}: `;
      doc.text(labelText, x, this.y, { baseline: 'top' });
      x += doc.getTextWidth(labelText);
      this.font(8.5, 'normal');
      const valueText = this.fit(value, PAGE_W - MARGIN_X - x);
      doc.text(valueText, x, this.y, { baseline: 'top' });
      x += doc.getTextWidth(valueText) + 7;
    }
    this.y += 6;
    this.legend();
    this.y += 3;
    doc.setDrawColor(RULE[0], RULE[1], RULE[2]);
    doc.setLineWidth(0.2);
    doc.line(MARGIN_X, this.y, PAGE_W - MARGIN_X, this.y);
    this.y += 3;
  }

  legend(): void {
    const { doc, timeline } = this;
    const l = timeline.legend;
    const items: { label: string; colour: Rgb; line?: boolean; stripes?: boolean }[] = [
      { label: l.loggedOut, colour: STATUS_RGB['logged-out'] },
      { label: l.ready, colour: KIND_RGB.ready },
      { label: l.idle, colour: KIND_RGB.ready, stripes: true },
      { label: l.paid, colour: KIND_RGB.paid },
      { label: l.unpaid, colour: KIND_RGB.unpaid },
      ...l.types.map((t) => ({ label: t.label, colour: TYPE_RGB.get(t.type) ?? OTHER_RGB })),
    ];
    if (timeline.now !== null) items.push({ label: l.now, colour: NOW, line: true });
    this.font(7, 'normal');
    let x = MARGIN_X;
    for (const item of items) {
      const w = 3 + 1.2 + doc.getTextWidth(item.label) + 4;
      if (x > MARGIN_X && x + w > PAGE_W - MARGIN_X) {
        x = MARGIN_X;
        this.y += 4;
      }
      fill(doc, item.colour);
      if (item.line) doc.rect(x + 1.3, this.y, 0.4, 2.6, 'F');
      else doc.rect(x, this.y, 3, 2.6, 'F');
      if (item.stripes) this.stripes([[x, x + 3]], this.y, 2.6, 0, 0);
      doc.text(item.label, x + 4.2, this.y + 1.3, { baseline: 'middle' });
      x += w;
    }
    this.y += 2.6;
  }

  /** The table's header: "Agent", the axis labels over the plot, the figure names (up to three lines). */
  header(): void {
    const { doc, report, timeline } = this;
    const top = this.y;
    fill(doc, HEADER_FILL);
    doc.rect(MARGIN_X, top, CONTENT_W, HEADER_H, 'F');
    this.font(HEADER_FONT + 1, 'bold');
    doc.text(this.fit(report.headers[0] ?? '', NAME_W - PAD), MARGIN_X + PAD, top + HEADER_H - 1.6, { baseline: 'bottom' });
    TEAM_FIGURES.forEach((_, i) => {
      const w = this.figureW[i]! - 0.8;
      const { lines, size } = this.wrap(report.headers[i + 2] ?? '', w);
      const lineH = size * 0.4;
      lines.forEach((line, k) => {
        doc.text(this.fit(line, w), this.figureX[i]! + this.figureW[i]! - 0.6, top + HEADER_H - 1.2 - (lines.length - 1 - k) * lineH, { baseline: 'bottom', align: 'right' });
      });
    });
    // Axis labels: centred on their tick, kept inside the plot column.
    this.font(HEADER_FONT + 0.4, 'normal', MUTED);
    doc.setDrawColor(MUTED[0], MUTED[1], MUTED[2]);
    doc.setLineWidth(0.15);
    const ticks = timeline.ticks.filter((tick) => tick.at >= timeline.startMs && tick.at <= timeline.endMs);
    // Every `step`-th tick is labelled, the least step at which no two labels touch.
    const widest = Math.max(0, ...ticks.map((tick) => doc.getTextWidth(tick.label)));
    const gap = ticks.length > 1 ? this.x(ticks[1]!.at) - this.x(ticks[0]!.at) : Infinity;
    const step = Math.max(1, Math.ceil((widest + 1.5) / gap));
    ticks.forEach((tick, i) => {
      const x = this.x(tick.at);
      doc.line(x, top + HEADER_H - 1, x, top + HEADER_H);
      if (i % step !== 0) return;
      const w = doc.getTextWidth(tick.label);
      doc.text(tick.label, Math.max(this.plotX, Math.min(this.plotX + this.plotW - w, x - w / 2)), top + HEADER_H - 1.6, { baseline: 'bottom' });
    });
    this.y += HEADER_H;
    doc.setDrawColor(MUTED[0], MUTED[1], MUTED[2]);
    doc.setLineWidth(0.3);
    doc.line(MARGIN_X, this.y, PAGE_W - MARGIN_X, this.y);
  }

  /**
   * A column name in at most three lines of whole words, the font made smaller
   * (down to 4.2 pt) until its longest word fits `width`; what still does not fit is cut with an ellipsis.
   */
  wrap(text: string, width: number): { lines: string[]; size: number } {
    const { doc } = this;
    const words = text.split(/\s+/).filter(Boolean);
    let size = HEADER_FONT;
    this.font(size, 'bold');
    const widest = Math.max(0, ...words.map((word) => doc.getTextWidth(word)));
    if (widest > width) {
      size = Math.max(4.2, (0.97 * size * width) / widest);
      this.font(size, 'bold');
    }
    const lines: string[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && doc.getTextWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    if (lines.length > 3) lines.splice(2, lines.length - 2, lines.slice(2).join(' '));
    return { lines, size };
  }

  rows(): void {
    const { report } = this;
    if (this.y + HEADER_H + ROW_H * 3 > CONTENT_BOTTOM) this.newPage();
    this.header();
    report.rows.forEach((row, index) => {
      if (this.y + ROW_H > CONTENT_BOTTOM) {
        this.newPage();
        this.header();
      }
      this.row(row, this.timeline.rows[index] ?? null, index);
      this.y += ROW_H;
    });
    this.doc.setDrawColor(RULE[0], RULE[1], RULE[2]);
    this.doc.setLineWidth(0.2);
    this.doc.line(MARGIN_X, this.y, PAGE_W - MARGIN_X, this.y);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN_TOP;
  }

  row(row: TeamExportReport['rows'][number], day: TeamTimelineRow | null, index: number): void {
    const { doc } = this;
    const top = this.y;
    if (index % 2 === 1) {
      fill(doc, STRIPE_FILL);
      doc.rect(MARGIN_X, top, CONTENT_W, ROW_H, 'F');
    }
    this.font(7, 'normal');
    doc.text(this.fit(row.name, NAME_W - 2 * PAD), MARGIN_X + PAD, top + ROW_H / 2, { baseline: 'middle' });
    this.font(FIGURE_FONT, 'normal');
    row.figures.forEach((figure, i) => {
      if (figure.text) doc.text(this.fit(figure.text, this.figureW[i]! - 0.8), this.figureX[i]! + this.figureW[i]! - 0.6, top + ROW_H / 2, { baseline: 'middle', align: 'right' });
    });
    if (day) this.plot(day, top);
    else {
      this.font(6.5, 'normal', MUTED);
      doc.text(this.fit(row.state, this.plotW), this.plotX + PAD, top + ROW_H / 2, { baseline: 'middle' });
    }
  }

  /** Idle time's stripes (white) over the ready colour, `spans` as `[left, right]` mm. */
  stripes(spans: Iterable<readonly [number, number]>, y: number, h: number, mergeMm: number, minMm: number): void {
    fill(this.doc, [255, 255, 255]);
    for (const [x, sy, w, sh] of idleStripes(spans, y, h, mergeMm, minMm)) this.doc.rect(x, sy, w, sh, 'F');
  }

  /** One agent's day: lane backgrounds, hour lines, status segments with idle time striped, activity bars, the now-line. */
  plot(day: TeamTimelineRow, top: number): void {
    const { doc, timeline } = this;
    const from = Math.max(timeline.startMs, timeline.dayStartMs);
    const to = Math.min(timeline.endMs, timeline.dayEndMs);
    if (!(to > from)) return;
    const x0 = this.x(from);
    const x1 = this.x(to);
    fill(doc, STATUS_RGB['logged-out']);
    doc.rect(x0, top + STATUS_TOP, x1 - x0, STATUS_H, 'F');
    fill(doc, LANE_BG);
    doc.rect(x0, top + LANES_TOP, x1 - x0, LANE_STEP * (LANES.length - 1) + LANE_H, 'F');
    doc.setDrawColor(GRID[0], GRID[1], GRID[2]);
    doc.setLineWidth(0.1);
    for (const tick of timeline.ticks) {
      if (tick.at <= from || tick.at >= to) continue;
      const x = this.x(tick.at);
      doc.line(x, top + STATUS_TOP, x, top + ROW_H - 0.4);
    }
    for (const segment of day.status) {
      const s = Math.max(segment.start, from);
      const e = Math.min(segment.end, to);
      if (e <= s) continue;
      fill(doc, KIND_RGB[segment.kind]);
      const left = this.x(s);
      doc.rect(left, top + STATUS_TOP, Math.max(MIN_BAR_MM, this.x(e) - left), STATUS_H, 'F');
    }
    this.stripes(
      day.idle.filter((s) => s.end > from && s.start < to).map((s) => [this.x(Math.max(s.start, from)), this.x(Math.min(s.end, to))] as const),
      top + STATUS_TOP,
      STATUS_H,
      MERGE_MM,
      MIN_BAR_MM,
    );
    LANES.forEach((lane, k) => {
      const y = top + LANES_TOP + k * LANE_STEP;
      this.bars(
        day.activities.filter((a) => a.lane === lane),
        from,
        to,
        y,
      );
    });
    if (timeline.now !== null && timeline.now >= from && timeline.now < to) {
      fill(doc, NOW);
      doc.rect(this.x(timeline.now) - 0.15, top + 0.2, 0.3, ROW_H - 0.4, 'F');
    }
  }

  /** The bars of one lane, in start order; bars of one type that (nearly) touch are drawn as one. */
  bars(activities: readonly TeamTimelineRow['activities'][number][], from: number, to: number, y: number): void {
    const { doc } = this;
    const sorted = [...activities].sort((a, b) => a.start - b.start);
    let type = '';
    let left = 0;
    let right = -Infinity;
    const flush = (): void => {
      if (right === -Infinity) return;
      fill(doc, TYPE_RGB.get(type) ?? OTHER_RGB);
      doc.rect(left, y, Math.max(MIN_BAR_MM, right - left), LANE_H, 'F');
    };
    for (const a of sorted) {
      const s = Math.max(a.start, from);
      const e = Math.min(a.end, to);
      if (e < s || a.start >= to || a.end < from) continue;
      const l = this.x(s);
      const r = this.x(e);
      if (a.type === type && l <= right + MERGE_MM) {
        right = Math.max(right, r);
        continue;
      }
      flush();
      type = a.type;
      left = l;
      right = r;
    }
    flush();
  }
}

/** Writes the team's report (with its `timeline`) as an A4 landscape PDF. */
export async function writeTeamPdf(report: TeamExportReport, fonts: PdfFonts = DEFAULT_PDF_FONTS): Promise<Blob> {
  const timeline = report.timeline;
  if (!timeline) throw new Error('The team report has no timeline to draw.');
  const writer = new TeamPdfWriter(report, timeline, await loadPdfFonts(fonts));
  writer.title();
  writer.rows();
  drawFooters(writer.doc, writer.hasBold, report.title, timeline.pageOf, new Map());
  return writer.doc.output('blob');
}
