import { UserTraceStatsElement } from './stats.js';

export { UserTraceStatsElement };

if (!customElements.get('user-trace-stats')) customElements.define('user-trace-stats', UserTraceStatsElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-stats': UserTraceStatsElement;
  }
}
