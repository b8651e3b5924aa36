/**
 * The timeline's tooltip — of what the pointer is over, else of the keyboard's current item — and
 * the pointer's way to it. Not needed for the first paint: it loads with the interaction code
 * (timeline-interaction.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/index.js';
import { cssomStyles } from '../base/cssom-styles.js';
import type { ActivityWalkController } from './activity-walk-controller.js';
import type { ZoomWindow } from './layout.js';
import { boxOf, spanBox, type ActivityBox, type Hit, type TimelineModel } from './timeline-model.js';
import { idleIn, renderActivityTip, renderStatusTip } from './timeline-text.js';

/** The tooltip: the pointer's, else the keyboard's current item's when it is in view. */
export function renderTimelineTooltip(l: LocalizeController, model: TimelineModel, walk: ActivityWalkController, hover: Hit | null, width: number, zoom: ZoomWindow, now: number): TemplateResult {
  const a = walk.activity;
  const step = walk.step;
  let content: TemplateResult | typeof nothing = nothing;
  let x = 0;
  let y = 0;
  let below = 0;
  if (hover) {
    ({ x, y } = hover);
    below = 18;
    content =
      hover.kind === 'activity'
        ? renderActivityTip(l, model.mode, model.view.prepared.activities[hover.index]!, hover.count, now)
        : renderStatusTip(l, hover.segment, hover.idle, hover.segment?.kind === 'ready' ? idleIn(model, hover.segment, now) : undefined);
  } else if (walk.focusTooltip && (a || step)) {
    const box: ActivityBox | null = step ? spanBox(model, 'status', step.step.start, step.step.end, width, zoom) : boxOf(model, a!, width, zoom, now);
    if (box && box.to > 0 && box.from < 1) {
      x = box.left + Math.max(0, box.width) / 2;
      y = box.top + box.height;
      below = 8;
      content = step ? renderStatusTip(l, step.step, null, step.step.kind === 'ready' ? idleIn(model, step.step, now) : undefined) : renderActivityTip(l, model.mode, a!, 1, now);
    }
  }
  const left = Math.max(0, Math.min(x + 12, width - 260));
  const height = model.layout.height;
  const pos = y + below + 90 > height && y > 100 ? { left: `${left}px`, bottom: `${height - y + 12}px` } : { left: `${left}px`, top: `${y + below}px` };
  return html`<div part="tooltip" class="tooltip" id="tooltip" role="tooltip" ?hidden=${content === nothing} style=${cssomStyles(pos)}>${content}</div>`;
}

/** How long the pointer may rest on the way to the tooltip before what is under it takes over. */
const GRACE_MS = 400;

function same(a: Hit | null, b: Hit): boolean {
  return a?.kind === b.kind && (a.kind === 'activity' ? a.index === (b as typeof a).index : a.segment?.start === (b as typeof a).segment?.start);
}

export interface HoverBridge {
  /** The pointer is at (`x`, `y`) of the plot, over `hit`; `shown` is the hover the tooltip shows. */
  move(x: number, y: number, hit: Hit | null, shown: Hit | null): void;
  /** The pointer reached the tooltip: nothing pending. */
  cancel(): void;
  /** The pointer left, a drag began, or the data changed: no hover, nothing pending (true, for chaining). */
  clear(): true;
}

/**
 * The way from what the pointer is over to its tooltip (WCAG 1.4.13, hoverable): while the pointer
 * crosses the gap towards the tooltip — between the point the tooltip belongs to and the tooltip's
 * box, moving away from that point's row — the tooltip stays as it is instead of switching to
 * whatever lies in between. Resting there for a moment, or leaving that way, shows what is under
 * the pointer again. `tooltip` is a child of the plot (its offsets are plot coordinates); `apply`
 * shows the hover of a hit (null: none).
 */
export function hoverBridge(tooltip: () => HTMLElement | null, apply: (hit: Hit | null) => void): HoverBridge {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  return {
    move(x, y, hit, shown) {
      cancel();
      const tip = tooltip();
      if (shown && !same(hit, shown) && tip && !tip.hidden) {
        const top = tip.offsetTop;
        const inX = x >= Math.min(shown.x, tip.offsetLeft) - 2 && x <= Math.max(shown.x, tip.offsetLeft + tip.offsetWidth);
        const inY = top > shown.y ? y > shown.y + 2 && y <= top : y < shown.y - 2 && y >= top + tip.offsetHeight;
        if (inX && inY) {
          timer = setTimeout(() => apply(hit), GRACE_MS);
          return;
        }
      }
      apply(hit);
    },
    cancel,
    clear() {
      cancel();
      apply(null);
      return true;
    },
  };
}
