import { UserTraceTeamElement } from './team.js';
import { defineElement } from '../define-element.js';

export { UserTraceTeamElement };

defineElement('user-trace-team', UserTraceTeamElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-team': UserTraceTeamElement;
  }
}
