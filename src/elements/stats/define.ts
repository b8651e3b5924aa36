import { UserTraceStatsElement } from './stats.js';
import { defineElement } from '../define-element.js';

export { UserTraceStatsElement };

defineElement('user-trace-stats', UserTraceStatsElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-stats': UserTraceStatsElement;
  }
}
