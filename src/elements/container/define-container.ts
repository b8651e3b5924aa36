import { UserTraceContainerElement } from './container.js';

if (!customElements.get('user-trace')) customElements.define('user-trace', UserTraceContainerElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace': UserTraceContainerElement;
  }
}
