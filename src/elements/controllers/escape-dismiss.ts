import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Escape dismisses hover content wherever focus is (WCAG 1.4.13): listens on the document while
 * the host is connected and calls `dismiss` when `shown()` says there is something to dismiss.
 * The key is not consumed, so a dialog or a field still gets its Escape.
 */
export class EscapeDismissController implements ReactiveController {
  readonly #shown: () => boolean;
  readonly #dismiss: () => void;

  constructor(host: ReactiveControllerHost, shown: () => boolean, dismiss: () => void) {
    this.#shown = shown;
    this.#dismiss = dismiss;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKey, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKey, true);
  }

  #onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.#shown()) this.#dismiss();
  };
}
