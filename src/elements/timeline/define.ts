import { UserTraceTimelineElement } from './timeline.js';

export { UserTraceTimelineElement };
export type { ActivityBox } from './timeline.js';

if (!customElements.get('user-trace-timeline')) {
  customElements.define('user-trace-timeline', UserTraceTimelineElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-timeline': UserTraceTimelineElement;
  }
}
