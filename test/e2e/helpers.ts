import type { UserTraceProvider, LoadTraceQuery, ListUsersQuery } from '../../src/data/provider.js';
import type { TraceData, TraceUser } from '../../src/model/types.js';

/** Wraps a provider and records every call. */
export class CountingProvider implements UserTraceProvider {
  traceCalls: LoadTraceQuery[] = [];
  userCalls: ListUsersQuery[] = [];
  /** Extra latency per user id, in ms. */
  delays = new Map<string, number>();
  /** When set, every loadTrace rejects with it. */
  failWith: unknown = null;

  constructor(private readonly inner: UserTraceProvider) {}

  listUsers(q: ListUsersQuery): Promise<TraceUser[]> {
    this.userCalls.push(q);
    if (this.failWith) return Promise.reject(this.failWith);
    return this.inner.listUsers(q);
  }

  async loadTrace(q: LoadTraceQuery): Promise<TraceData> {
    this.traceCalls.push(q);
    const delay = this.delays.get(q.userId) ?? 0;
    if (delay) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, delay);
        q.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    if (this.failWith) throw this.failWith;
    return this.inner.loadTrace(q);
  }
}

/** All text under `root`, through every open shadow root (what a user or a screen reader could get at). */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    // nodeType, not instanceof: the node may come from an iframe's realm.
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      for (const name of ['aria-label', 'title', 'value', 'alt']) {
        const value = element.getAttribute(name);
        if (value) parts.push(value);
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return parts.join(' ');
}

/** Every element under `root` matching `selector`, through every open shadow root. */
export function deepQueryAll<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const walk = (node: ParentNode): void => {
    found.push(...Array.from(node.querySelectorAll<T>(selector)));
    for (const el of Array.from(node.querySelectorAll('*'))) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  return found;
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The demo console in a frame over HTTP (`/demo/index.html?<search>`), `width` px wide, once it
 * has loaded; the CSP violation reports are cleared first.
 */
export async function openDemoFrame(search: string, width: number): Promise<HTMLIFrameElement> {
  await fetch('/__csp-report', { method: 'DELETE' });
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '900px';
  frame.src = `/demo/index.html?${search}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}
