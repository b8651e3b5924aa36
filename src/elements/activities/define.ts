import { UserTraceActivitiesElement } from './activities.js';
import { defineElement } from '../define-element.js';

export { UserTraceActivitiesElement };

defineElement('user-trace-activities', UserTraceActivitiesElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-activities': UserTraceActivitiesElement;
  }
}
