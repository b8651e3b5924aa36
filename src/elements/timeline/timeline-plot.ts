/**
 * The timeline's plot: row labels, the axis, the canvas, the window band, the lanes' listbox with
 * the current item, and the tooltip. A template over the model; the element passes its handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController, Messages } from '../../i18n/index.js';
import { cssomStyles } from '../base/cssom-styles.js';
import { isFullWindow, type ZoomWindow } from './layout.js';
import { statusOf, type Hit, type TimelineModel } from './timeline-model.js';
import { periodName, periodSummary, renderLabelProbe, renderRowLabel, renderTicks, renderWindowBand } from './timeline-text.js';
import type { TimelineInteraction } from './timeline-interaction.js';

type WeekRows = typeof import('./week-rows.js');

export interface PlotInput {
  l: LocalizeController;
  model: TimelineModel;
  zoom: ZoomWindow;
  width: number;
  /** The widest axis label, as measured. */
  labelWidth: number;
  now: number;
  /** A newer query is loading: what is shown is dimmed. */
  stale: boolean;
  dragging: boolean;
  /** The window's band: the one being dragged, else the selected one. */
  band: { startMs: number; endMs: number } | null;
  /** The keyboard walk, window selection and tooltip, once their code has loaded. */
  ix: TimelineInteraction | null;
  hover: Hit | null;
  /** The week rows' code, once loaded (week view); a week row's day button opens that day. */
  week: WeekRows | null;
  openDay: (date: string) => void;
  plot: {
    down: (e: PointerEvent) => unknown;
    move: (e: PointerEvent) => unknown;
    up: (e: PointerEvent) => unknown;
    leave: () => unknown;
    wheel: (e: WheelEvent, overAxis: boolean) => void;
  };
}

export function renderPlot({ l, model, zoom, width, labelWidth, now, stale, dragging, band, ix, hover, week, openDay, plot }: PlotInput): TemplateResult {
  const t = l.t;
  const walk = ix?.walk;
  const axis = ix?.windowSelect;
  const { layout, rows, mode } = model;
  const firstRow = rows[0];
  const at = (top: number) => cssomStyles({ top: `${top}px` });
  const gutter =
    mode === 'day'
      ? layout.lanes.map((band) => html`<span class="lane-label" style=${at(band.top + band.height / 2 - 6)}>${t.common.lanes[band.lane]}</span>`)
      : mode === 'week' && week
        ? week.renderWeekGutter(l, model, openDay)
        : rows.map(
            (row, r) =>
              html`<span class=${r > 0 && rows[r - 1]!.endMs < row.startMs ? 'row-label after-gap' : 'row-label'} style=${at(r * layout.rowHeight + layout.lanes[0]!.top + 4)}>${renderRowLabel(l, mode, row)}</span>`,
          );
      const name = periodName(l, model.view.period);
  const onWheel = (overAxis: boolean) => (e: WheelEvent) => plot.wheel(e, overAxis);
  return html`<p id="summary" class="visually-hidden">${periodSummary(l, model)}</p>
  <div class="chart-scroll"><div part="chart" class=${`chart ${mode}`} aria-busy=${stale ? 'true' : 'false'}>
    ${mode !== 'week'
      ? html`<div></div>
          <div part="axis" class="axis" aria-hidden="true" @wheel=${onWheel(true)} @pointerdown=${axis?.onPointerDown}
            @pointermove=${axis?.onPointerMove} @pointerup=${axis?.onPointerUp} @pointercancel=${axis?.onPointerUp}>${firstRow ? [renderTicks(l, model, firstRow, zoom, width, labelWidth), renderLabelProbe(l, mode, firstRow)] : nothing}</div>`
      : nothing}
    <div class="gutter" aria-hidden=${mode === 'week' && week ? nothing : 'true'} style=${cssomStyles({ height: `${layout.height}px` })}>${gutter}</div>
    <div
      part="lanes"
      class=${`plot${isFullWindow(zoom) ? '' : ' zoomed'}${dragging ? ' dragging' : ''}`}
      style=${cssomStyles({ height: `${layout.height}px`, opacity: stale ? '0.55' : '1' })}
      @pointerdown=${plot.down}
      @pointermove=${plot.move}
      @pointerup=${plot.up}
      @pointercancel=${plot.up}
      @pointerleave=${plot.leave}
      @wheel=${onWheel(false)}
    >
      <canvas style=${cssomStyles({ height: `${layout.height}px` })} aria-hidden="true"></canvas>
      ${renderWindowBand(model, zoom, band)}
      ${mode === 'week' ? rows.map((row, r) => html`<div class="row-axis" aria-hidden="true" style=${at(r * layout.rowHeight)}>${renderTicks(l, model, row, zoom, width, labelWidth, false)}${r ? nothing : renderLabelProbe(l, mode, row)}</div>`) : nothing}
      ${mode === 'week' && week ? week.renderNoSuchTime(model, zoom, t.timeline.noSuchTime) : nothing}
      ${model.order.length > 0 || statusOf(model, now).segments.length > 0
        ? html`<div class="lanes" role="listbox" tabindex="0" aria-label=${`${t.timeline.activities} – ${name}`} aria-describedby="summary lanes-hint"
            aria-activedescendant=${walk && (walk.activity || walk.step) ? ix.optionId(walk) : nothing} @keydown=${walk?.onKeyDown} @focus=${walk?.onFocus} @blur=${walk?.onBlur}>
            ${walk ? ix.renderCurrent(l, model, walk, width, zoom, now) : nothing}
          </div>`
        : html`<div class="lanes" role="img" aria-label=${`${name}: ${t.timeline.noActivities}`}></div>`}
      ${ix ? ix.renderTimelineTooltip(l, model, ix.walk, hover, width, zoom, now) : nothing}
    </div>
  </div></div>
  <span id="lanes-hint" class="visually-hidden">${t.timeline.activitiesHint}</span>`;
}

/** Minutes view: the toggle between the hours with a session, a pause or an activity and every hour of the day. */
export function renderHoursToggle(m: Messages, model: TimelineModel | null, toggle: () => void): TemplateResult | typeof nothing {
  if (model?.mode !== 'minutes') return nothing;
  return html`<label class="check all-hours"><input type="checkbox" .checked=${model.allHours} @change=${toggle} />${m.timeline.allHours}</label>`;
}
