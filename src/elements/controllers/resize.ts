import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders the host whenever it is resized. A plain observer: all `ResizeController`
 * (@lit-labs/observers) would do here, without its directive code.
 */
export class ResizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #observer: ResizeObserver | null;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    this.#observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer?.observe(this.#host);
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}
