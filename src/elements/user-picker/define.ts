import { UserTracePickerElement } from './user-picker.js';

export { UserTracePickerElement };
export type { UserPickerTexts } from './user-picker.js';

if (!customElements.get('user-trace-user-picker')) {
  customElements.define('user-trace-user-picker', UserTracePickerElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-user-picker': UserTracePickerElement;
  }
}
