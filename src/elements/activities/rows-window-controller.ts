import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowsWindowOptions {
  /** The scrolling element, the body that holds the rows, and a probe of one row's height. */
  scroller: () => HTMLElement | null;
  body: () => HTMLElement | null;
  probe: () => HTMLElement | null;
  /** How many rows the list has now. */
  count: () => number;
  /** At most this many rows in the DOM, whatever the count. */
  max: number;
  /** Rows rendered beyond the visible ones on each side. */
  overscan: number;
  /** The height of a row until the probe is measured. */
  rowHeight: number;
}

/**
 * Windowing of a long list of fixed-height rows: which rows to render (the visible ones plus an
 * overscan), paddings so the scrollbar stands for every row, and scrolling a row into view.
 * Sizes are watched with a `ResizeObserver`, which reports after layout, outside Lit's update, so
 * resizing never re-enters an update. Paddings go through the CSSOM (a strict CSP allows it).
 */
export class RowsWindowController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: RowsWindowOptions;
  #start = 0;
  #size = 40;
  #rowHeight: number;
  #observer: ResizeObserver | null = null;
  #observed: HTMLElement[] = [];

  constructor(host: ReactiveControllerHost, options: RowsWindowOptions) {
    this.#host = host;
    this.#options = options;
    this.#rowHeight = options.rowHeight;
    host.addController(this);
  }

  get rowHeight(): number {
    return this.#rowHeight;
  }

  /** The rows to render, `[start, end)`, for a list of `count` rows. */
  range(count: number): { start: number; end: number } {
    const start = Math.min(this.#start, Math.max(0, count - 1));
    return { start, end: Math.min(count, start + Math.min(this.#size, this.#options.max)) };
  }

  hostUpdated(): void {
    this.#observe();
    this.#pad();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observed = [];
  }

  onScroll = (e: Event): void => {
    this.#fit(e.currentTarget as HTMLElement);
  };

  /** Back to the first row (a new sort or filter). */
  toTop(): void {
    const scroller = this.#options.scroller();
    if (scroller) scroller.scrollTop = 0;
    this.#set(0, this.#size);
  }

  /** Scrolls row `index` into view below a sticky header `headerHeight` px high. */
  reveal(index: number, headerHeight: number): void {
    const scroller = this.#options.scroller();
    const body = this.#options.body();
    if (!scroller || !body) return;
    const rowTop = body.offsetTop + index * this.#rowHeight;
    if (rowTop - headerHeight < scroller.scrollTop) scroller.scrollTop = rowTop - headerHeight;
    else if (rowTop + this.#rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = rowTop + this.#rowHeight - scroller.clientHeight;
    this.#fit(scroller);
  }

  /** Rows that fit the scroller's height (a page for PageUp / PageDown). */
  page(): number {
    return Math.max(1, Math.floor((this.#options.scroller()?.clientHeight ?? 400) / this.#rowHeight) - 1);
  }

  #set(start: number, size: number): void {
    if (start === this.#start && size === this.#size) return;
    this.#start = start;
    this.#size = size;
    this.#host.requestUpdate();
  }

  #observe(): void {
    const targets = [this.#options.scroller(), this.#options.probe()].filter((el): el is HTMLElement => el !== null);
    if (targets.length === this.#observed.length && targets.every((el, i) => el === this.#observed[i])) return;
    this.#observer ??= new ResizeObserver(() => this.#onResize());
    this.#observer.disconnect();
    for (const el of targets) this.#observer.observe(el);
    this.#observed = targets;
  }

  #onResize(): void {
    const height = this.#options.probe()?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - this.#rowHeight) > 0.01) {
      this.#rowHeight = height;
      this.#pad();
    }
    const scroller = this.#options.scroller();
    if (scroller) this.#fit(scroller);
  }

  #pad(): void {
    const body = this.#options.body();
    if (!body) return;
    const count = this.#options.count();
    const { start, end } = this.range(count);
    body.style.paddingTop = `${start * this.#rowHeight}px`;
    body.style.paddingBottom = `${Math.max(0, count - end) * this.#rowHeight}px`;
  }

  #fit(scroller: HTMLElement): void {
    const body = this.#options.body();
    if (!body) return;
    const top = Math.max(0, scroller.scrollTop - body.offsetTop);
    const visible = Math.ceil((scroller.clientHeight || 480) / this.#rowHeight) + 1;
    const { overscan, max } = this.#options;
    this.#set(Math.max(0, Math.floor(top / this.#rowHeight) - overscan), Math.min(max, visible + 2 * overscan));
  }
}
