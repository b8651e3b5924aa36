import { isServer } from 'lit';
import { Temporal, temporalReady } from '../time/temporal.js';

/**
 * The one place that registers the library's custom elements (each element's define.ts calls it).
 * Skips a tag that is already defined; registers nothing on a server (Lit's `node` build, where
 * `isServer` is true), so SSR frameworks can import every entry; and, in a browser without a
 * native Temporal, registers once the polyfill has loaded — elements in the page upgrade then,
 * and `customElements.whenDefined()` tells hosts when. Calls keep their order, so the container
 * is still defined before the elements inside it.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (isServer) return;
  const define = () => {
    if (!customElements.get(tag)) customElements.define(tag, element);
  };
  if (Temporal) define();
  else void temporalReady.then(define);
}
