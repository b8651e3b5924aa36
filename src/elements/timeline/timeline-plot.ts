/**
 * The timeline's plot: row labels, the axis, the canvas, the window band, the lanes' listbox with
 * the current item, and the tooltip. A template over the model; the element passes its handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import { cssomStyles } from '../base/cssom-styles.js';
import type { ActivityWalkController } from './activity-walk-controller.js';
import { isFullWindow, type ZoomWindow } from './layout.js';
import { optionId, renderCurrent } from './timeline-current.js';
import { stepsOf, type Hit, type TimelineModel } from './timeline-model.js';
import { periodName, periodSummary, renderLabelProbe, renderRowLabel, renderTicks, renderWindowBand } from './timeline-text.js';
import type { WindowSelectController } from './window-select-controller.js';

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
  walk: ActivityWalkController;
  hover: Hit | null;
  axis: WindowSelectController;
  /** The tooltip's code, once loaded. */
  tooltip: Pick<typeof import('./timeline-tooltip.js'), 'renderTimelineTooltip'> | null;
  plot: {
    down: (e: PointerEvent) => unknown;
    move: (e: PointerEvent) => unknown;
    up: (e: PointerEvent) => unknown;
    leave: () => unknown;
    wheel: (e: WheelEvent, overAxis: boolean) => void;
  };
}

export function renderPlot({ l, model, zoom, width, labelWidth, now, stale, dragging, band, walk, hover, axis, tooltip, plot }: PlotInput): TemplateResult {
  const t = l.t;
  const { layout, rows, mode } = model;
  const firstRow = rows[0];
  const at = (top: number) => cssomStyles({ top: `${top}px` });
  const gutter =
    mode === 'day'
      ? layout.lanes.map((band) => html`<span class="lane-label" style=${at(band.top + band.height / 2 - 6)}>${t.common.lanes[band.lane]}</span>`)
      : rows.map(
          (row, r) => html`<span class="row-label" data-date=${row.date ?? nothing} style=${at(r * layout.rowHeight + layout.lanes[0]!.top + 4)}>${renderRowLabel(l, mode, row)}</span>`,
        );
      const name = periodName(l, model.view.period);
  const onWheel = (overAxis: boolean) => (e: WheelEvent) => plot.wheel(e, overAxis);
  return html`<p id="summary" class="visually-hidden">${periodSummary(l, model)}</p>
  <div class="chart-scroll"><div part="chart" class="chart" aria-busy=${stale ? 'true' : 'false'}>
    ${mode !== 'week'
      ? html`<div></div>
          <div part="axis" class="axis" aria-hidden="true" @wheel=${onWheel(true)} @pointerdown=${axis.onPointerDown}
            @pointermove=${axis.onPointerMove} @pointerup=${axis.onPointerUp} @pointercancel=${axis.onPointerUp}>${firstRow ? [renderTicks(l, model, firstRow, zoom, width, labelWidth), renderLabelProbe(l, mode, firstRow)] : nothing}</div>`
      : nothing}
    <div class="gutter" aria-hidden="true" style=${cssomStyles({ height: `${layout.height}px` })}>${gutter}</div>
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
      ${model.order.length > 0 || stepsOf(model, now).some((s) => s.kind !== 'out')
        ? html`<div class="lanes" role="listbox" tabindex="0" aria-label=${`${t.timeline.activities} – ${name}`} aria-describedby="summary lanes-hint"
            aria-activedescendant=${walk.activity || walk.step ? optionId(walk) : nothing} @keydown=${walk.onKeyDown} @focus=${walk.onFocus} @blur=${walk.onBlur}>
            ${renderCurrent(l, model, walk, width, zoom, now)}
          </div>`
        : html`<div class="lanes" role="img" aria-label=${`${name}: ${t.timeline.noActivities}`}></div>`}
      ${tooltip ? tooltip.renderTimelineTooltip(l, model, walk, hover, width, zoom, now) : nothing}
    </div>
  </div></div>
  <span id="lanes-hint" class="visually-hidden">${t.timeline.activitiesHint}</span>`;
}
