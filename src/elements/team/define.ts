import { UserTraceTeamElement } from './team.js';

export { UserTraceTeamElement };

if (!customElements.get('user-trace-team')) {
  customElements.define('user-trace-team', UserTraceTeamElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-team': UserTraceTeamElement;
  }
}
