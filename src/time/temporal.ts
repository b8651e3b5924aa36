import type { Temporal as PolyfillTypes } from 'temporal-polyfill';

/** The Temporal API shape this library is written against (the polyfill's types). */
export type TemporalApi = typeof PolyfillTypes;

const native = (globalThis as { Temporal?: TemporalApi }).Temporal;

/** `true` when the browser ships Temporal itself, so the polyfill is never loaded. */
export const hasNativeTemporal: boolean = typeof native === 'object' && native !== null;

/**
 * Temporal to compute with: the browser's own when present (several times faster, and on the
 * same tz database as the rest of `Intl`), else `temporal-polyfill`, loaded only then — it is
 * about 20 kB gzip that browsers with Temporal never download. A live binding, set once
 * `temporalReady` settles; no top-level await, which Vite's default target and es2020 refuse.
 */
export let Temporal: TemporalApi = (hasNativeTemporal ? native : undefined) as TemporalApi;

/**
 * Resolves once `Temporal` is usable: at once with a native Temporal, else when the polyfill has
 * loaded. The element registration modules wait for it (src/elements/define-element.ts), so no
 * element runs src/time before. Exported: a host that calls `periodRange` from the package root
 * right after importing it awaits this first (or imports `user-trace/core.js`, which loads the
 * polyfill eagerly).
 */
export const temporalReady: Promise<void> = hasNativeTemporal
  ? Promise.resolve()
  : import('temporal-polyfill/implementation').then((module) => useTemporal(module.Temporal));

/** Sets the implementation (src/time/temporal-eager.ts does it synchronously); the first one wins. */
export function useTemporal(implementation: TemporalApi): void {
  Temporal ??= implementation;
}

export type ZonedDateTime = PolyfillTypes.ZonedDateTime;
export type PlainDate = PolyfillTypes.PlainDate;
