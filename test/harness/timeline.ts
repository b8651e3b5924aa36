import { waitUntil } from '@open-wc/testing';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';

/**
 * Drives a timeline's query controls the way a person does: by the buttons' and fields'
 * accessible names (English), through the element's public markup only.
 */
export class TimelineHarness {
  constructor(readonly element: UserTraceTimelineElement) {}

  get #root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  #button(name: string | RegExp): HTMLButtonElement {
    const buttons = [...this.#root.querySelectorAll<HTMLButtonElement>('button')];
    const found = buttons.find((b) => {
      const label = b.getAttribute('aria-label') ?? b.textContent!.trim();
      return typeof name === 'string' ? label === name : name.test(label);
    });
    if (!found) throw new Error(`No button "${name}" in <${this.element.localName}>`);
    return found;
  }

  #checkbox(name: string): HTMLInputElement {
    const label = [...this.#root.querySelectorAll('label')].find((l) => l.textContent!.trim() === name);
    const input = label?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!input) throw new Error(`No checkbox "${name}"`);
    return input;
  }

  /** The activity lanes: the listbox of the period's activities (an image when there are none). */
  lanes(): HTMLElement | null {
    return this.#root.querySelector<HTMLElement>('[role="listbox"], [part~="lanes"] [role="img"]');
  }

  /** The listbox's active descendant: the activity the keyboard is on. */
  currentOption(): HTMLElement | null {
    const id = this.lanes()?.getAttribute('aria-activedescendant');
    return id ? this.#root.getElementById(id) : null;
  }

  /** The heading: the period shown and the user's name. */
  heading(): string {
    return this.#root.querySelector('[part~="heading"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  next(): void {
    this.#button(/^Next (day|week)$/).click();
  }

  previous(): void {
    this.#button(/^Previous (day|week)$/).click();
  }

  today(): void {
    this.#button('Today').click();
  }

  day(): void {
    this.#button('Day').click();
  }

  week(): void {
    this.#button('Week').click();
  }

  /** Types a date into the date field and commits it, as the native picker does. */
  setDate(value: string): void {
    const input = this.#root.querySelector<HTMLInputElement>('input[type="date"]')!;
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  toggleMinutes(): void {
    this.#checkbox('Minutes').click();
  }

  /** Minutes view: every hour of the day, or only those with a session, a pause or an activity. */
  toggleAllHours(): void {
    this.#checkbox('All hours').click();
  }

  /** The whole day (0–24 h) after the view opened fitted to the shift, as the "Whole day" button does. */
  async wholeDay(): Promise<void> {
    const button = this.#button('Whole day');
    if (!button.disabled) button.click();
    await this.element.updateComplete;
  }

  toggleDeactivated(): void {
    this.#checkbox('Show deactivated users').click();
  }

  /** Types part of a name into the user picker and takes the first match with Enter. */
  async pickUser(name: string): Promise<void> {
    // The picker's code loads with the first controls rendered.
    await customElements.whenDefined('user-trace-user-picker');
    const picker = this.#root.querySelector('user-trace-user-picker')!;
    await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    input.focus();
    input.value = name;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => picker.shadowRoot!.querySelector('[role="option"]'), 'options shown');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  }
}
