/**
 * Axis ticks at wall-clock times of the chosen zone. d3 time scales know only the browser's
 * zone and UTC, so whole hours come from `hourTicks` (src/time) and finer ticks are minutes
 * added to those hour instants. Pure.
 */
import { hourTicks } from '../../time/index.js';
import { tickStepMinutes, type TimelineMode, type TimelineRow } from './layout.js';

export interface AxisTick {
  /** Epoch ms. */
  at: number;
  /** Labelled tick (major) or only a mark (minor). */
  major: boolean;
  /** At a wall-clock full hour of the zone (day and week views). */
  hour?: boolean;
  /** Minutes view: minutes from the row's start (0–60); otherwise undefined. */
  minute?: number;
}

/**
 * Least room between tick marks, and between labelled ticks before their labels are measured, in
 * CSS px; the space kept between two labels.
 */
export const LABEL_GAP_PX = 56;
export const MARK_GAP_PX = 22;
export const LABEL_SPACE_PX = 10;

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * Ticks for the visible part `[start, end]` of `row`, for a plot `widthPx` wide: labelled ticks at
 * least `labelPx` apart (the widest label as measured plus `LABEL_SPACE_PX`), marks at least ~22 px
 * apart. At full zoom on a day every clock hour is a mark, so a 23-hour day has 23 hour slots and a
 * 25-hour day 25.
 */
export function axisTicks(
  mode: TimelineMode,
  row: TimelineRow,
  start: number,
  end: number,
  timeZone: string,
  widthPx: number,
  labelPx = LABEL_GAP_PX,
): AxisTick[] {
  const visible = end - start;
  const labelStep = tickStepMinutes(visible, widthPx, labelPx);
  const markStep = Math.min(labelStep, tickStepMinutes(visible, widthPx, MARK_GAP_PX));
  if (mode === 'minutes') {
    const out: AxisTick[] = [];
    const first = Math.ceil((start - row.axisStart) / (markStep * MINUTE)) * markStep;
    for (let m = first; row.axisStart + m * MINUTE <= end + 1e-6 && m <= 60; m += markStep) {
      out.push({ at: row.axisStart + m * MINUTE, major: m % labelStep === 0, minute: m });
    }
    return out;
  }
  // The row's end is the next day's first instant: its tick belongs to the next row.
  const last = Math.min(end, row.axisEnd - 1);
  if (markStep >= 60) {
    const markHours = markStep / 60;
    const labelHours = labelStep / 60;
    return hourTicks(start, last, timeZone, markHours).map((t) => ({
      at: t.at,
      major: hourOf(t.label) % labelHours === 0,
      hour: true,
    }));
  }
  // Sub-hour: take every hour from the one before `start`, then step through each hour.
  const hours = hourTicks(start - HOUR, last, timeZone, 1);
  const out: AxisTick[] = [];
  for (let i = 0; i < hours.length; i++) {
    const h = hours[i]!;
    const next = hours[i + 1]?.at ?? h.at + HOUR;
    for (let t = h.at, m = 0; t < next; t += markStep * MINUTE, m += markStep) {
      if (t < start || t > last) continue;
      const major = labelStep >= 60 ? m === 0 && hourOf(h.label) % (labelStep / 60) === 0 : m % labelStep === 0;
      out.push({ at: t, major, hour: m === 0 });
    }
  }
  return out;
}

/**
 * Where each labelled tick's label goes on a plot `width` px wide, its ticks at `xs` (px, in
 * order), every label at most `labelWidth` wide: centred on its tick, or pinned to the plot's
 * edge where centring would cut it (`align` -1 left, 1 right). A pinned label that would come
 * closer to its neighbour than `LABEL_SPACE_PX` is left out (null; its tick still shows), so no two
 * labels touch and those shown keep the ticks' even spacing (leaving out the neighbour instead left
 * a gap of two steps beside the edge: "12:00 AM", no "6:00 AM", "12:00 PM"). Centred labels never
 * touch, their ticks being at least `labelWidth + LABEL_SPACE_PX` apart.
 */
export function placeLabels(xs: readonly number[], width: number, labelWidth: number): ({ x: number; align: -1 | 0 | 1 } | null)[] {
  const half = labelWidth / 2;
  const out: ({ x: number; align: -1 | 0 | 1 } | null)[] = xs.map((x) => ({ x, align: x < half ? -1 : x > width - half ? 1 : 0 }));
  const n = xs.length - 1;
  const room = labelWidth + LABEL_SPACE_PX;
  if (n > 0 && out[0]!.align < 0 && xs[1]! - half < room) out[0] = null;
  if (n > 0 && out[n]!.align > 0 && xs[n - 1]! + half > width - room) out[n] = null;
  return out;
}

function hourOf(label: string): number {
  return Number(label.slice(0, 2));
}

