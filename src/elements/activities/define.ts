import { UserTraceActivitiesElement } from './activities.js';

export { UserTraceActivitiesElement };

if (!customElements.get('user-trace-activities')) {
  customElements.define('user-trace-activities', UserTraceActivitiesElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-activities': UserTraceActivitiesElement;
  }
}
