import type { TraceActivity } from '../../model/types.js';
import type { UserTraceElement } from '../base/user-trace-element.js';

/** Parts of the dialog, re-exported by the origin element as `detail-<part>`. */
const EXPORTED_PARTS = 'dialog:detail-dialog, base:detail-base, header:detail-header, title:detail-title, close-button:detail-close-button, fields:detail-fields, more:detail-more';

/**
 * Shows the built-in detail dialog for `activity` (the default action of
 * `user-trace-activity-open`). The dialog lives in the origin element's shadow root, so it
 * inherits the origin's language, theme and custom properties; its parts are exported as
 * `detail-*` parts of the origin (`user-trace-timeline::part(detail-dialog)`).
 * One dialog per origin element, reused. The dialog's code loads on the first open: it is not
 * needed to draw anything, so it stays out of the main bundle. `stillCurrent` is asked once the
 * code has loaded: an activity of a view that is gone by then is not shown.
 */
export async function showActivityDetail(
  origin: UserTraceElement,
  activity: TraceActivity,
  trigger: HTMLElement | null,
  stillCurrent: () => boolean,
): Promise<void> {
  await import('./define.js');
  if (!stillCurrent()) return;
  const root = origin.shadowRoot ?? origin.renderRoot;
  let dialog = root.querySelector('user-trace-detail');
  if (!dialog) {
    dialog = document.createElement('user-trace-detail');
    dialog.setAttribute('exportparts', EXPORTED_PARTS);
    root.appendChild(dialog);
  }
  dialog.provider = origin.store.provider;
  dialog.userId = origin.store.snapshot.query.userId;
  dialog.timeZone = origin.effectiveTimeZone;
  await dialog.show(activity, trigger);
}
