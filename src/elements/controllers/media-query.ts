import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Follows a media query while the host is connected: `matches`, and `onChange` on every change. */
export class MediaQueryController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #query: string;
  readonly #onChange: () => void;
  #list: MediaQueryList | null = null;

  constructor(host: ReactiveControllerHost, query: string, onChange: () => void = () => {}) {
    this.#host = host;
    this.#query = query;
    this.#onChange = onChange;
    host.addController(this);
  }

  get matches(): boolean {
    return this.#list?.matches ?? false;
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    this.#list = matchMedia(this.#query);
    this.#list.addEventListener('change', this.#changed);
  }

  hostDisconnected(): void {
    this.#list?.removeEventListener('change', this.#changed);
    this.#list = null;
  }

  #changed = (): void => {
    this.#onChange();
    this.#host.requestUpdate();
  };
}
