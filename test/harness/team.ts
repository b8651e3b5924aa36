import { waitUntil } from '@open-wc/testing';
import type { UserTraceTeamElement } from '../../src/elements/team/team.js';

/** Drives a `<user-trace-team>` as a person does, through its public markup (English names). */
export class TeamHarness {
  constructor(readonly element: UserTraceTeamElement) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Waits until every agent has answered and the grid is drawn. */
  async loaded(): Promise<void> {
    await waitUntil(() => {
      const { done, total } = this.element.progress;
      return total > 0 && done === total && this.grid() !== null;
    }, 'the team did not finish loading', { timeout: 15000 });
    await this.element.updateComplete;
  }

  grid(): HTMLElement | null {
    return this.root.querySelector('[role="grid"]');
  }

  /** The rendered (visible) rows, top to bottom. */
  domRows(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.body > [role="row"]')].sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
  }

  row(userId: string): HTMLElement | null {
    return this.root.querySelector(`.body > [role="row"][data-user="${CSS.escape(userId)}"]`);
  }

  /** A figure's text in a rendered row. */
  figure(userId: string, key: string): string {
    return this.row(userId)?.querySelector(`[data-figure="${key}"]`)?.textContent?.trim() ?? '';
  }

  /** The user ids in the order shown (all rows, also those scrolled out). */
  order(): string[] {
    return this.element.rows.map((r) => r.user.id);
  }

  sort(label: string): void {
    const button = [...this.root.querySelectorAll<HTMLButtonElement>('[role="columnheader"] button')].find((b) => b.textContent!.replace(/[▲▼]/g, '').trim() === label);
    if (!button) throw new Error(`No column "${label}"`);
    button.click();
  }

  checkbox(name: string): HTMLInputElement {
    const label = [...this.root.querySelectorAll('label')].find((l) => l.textContent!.trim() === name);
    const input = label?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!input) throw new Error(`No checkbox "${name}"`);
    return input;
  }

  filter(text: string): void {
    const input = this.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  key(key: string, options: KeyboardEventInit = {}): void {
    this.grid()!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...options }));
  }

  /** The accessible name of the keyboard's current cell. */
  currentLabel(): string {
    const id = this.grid()!.getAttribute('aria-activedescendant');
    return id ? (this.root.getElementById(id)?.getAttribute('aria-label') ?? '') : '';
  }
}
