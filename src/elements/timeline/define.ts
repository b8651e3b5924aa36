import { UserTraceTimelineElement } from './timeline.js';
import { defineElement } from '../define-element.js';

export { UserTraceTimelineElement };
export type { ActivityBox } from './timeline.js';

defineElement('user-trace-timeline', UserTraceTimelineElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-timeline': UserTraceTimelineElement;
  }
}
