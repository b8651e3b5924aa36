import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The clock of one frame: every part of an update (the repaint decision, the paint, the labels)
 * reads the same `now`. It moves when the host says so (`set`, e.g. a live recount of the store)
 * and every `intervalMs` while `running()` says the shown period contains now (the now-line).
 */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #read: () => number;
  readonly #running: (now: number) => boolean;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | null = null;
  #now: number;

  constructor(host: ReactiveControllerHost, options: { read: () => number; running: (now: number) => boolean; intervalMs: number }) {
    this.#host = host;
    this.#read = options.read;
    this.#running = options.running;
    this.#intervalMs = options.intervalMs;
    this.#now = options.read();
    host.addController(this);
  }

  get now(): number {
    return this.#now;
  }

  /** Moves the clock to `now` (a new view came with its own "now"). */
  set(now: number): void {
    this.#now = now;
  }

  hostConnected(): void {
    this.#timer = setInterval(() => {
      const now = this.#read();
      if (!this.#running(now)) return;
      this.#now = now;
      this.#host.requestUpdate();
    }, this.#intervalMs);
  }

  hostDisconnected(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}
