import { UserTracePickerElement } from './user-picker.js';
import { defineElement } from '../define-element.js';

export { UserTracePickerElement };
export type { UserPickerTexts } from './user-picker.js';

defineElement('user-trace-user-picker', UserTracePickerElement);

declare global {
  interface HTMLElementTagNameMap {
    'user-trace-user-picker': UserTracePickerElement;
  }
}
