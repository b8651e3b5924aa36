import { UserTraceDetailElement } from './detail.js';

export { UserTraceDetailElement };

if (!customElements.get('user-trace-detail')) {
  customElements.define('user-trace-detail', UserTraceDetailElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-detail': UserTraceDetailElement;
  }
}
