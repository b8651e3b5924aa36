import { UserTraceContainerElement } from './container.js';
import { defineElement } from '../define-element.js';

defineElement('user-trace', UserTraceContainerElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace': UserTraceContainerElement;
  }
}
