import { UserTraceDetailElement } from './detail.js';
import { defineElement } from '../define-element.js';

export { UserTraceDetailElement };

defineElement('user-trace-detail', UserTraceDetailElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-detail': UserTraceDetailElement;
  }
}
