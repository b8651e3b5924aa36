import type { Temporal as PolyfillTypes } from 'temporal-polyfill';

/** The Temporal API shape this library is written against (the polyfill's types). */
export type TemporalApi = typeof PolyfillTypes;

/** `true` when the browser ships Temporal itself, so the polyfill is never loaded. */
export const hasNativeTemporal: boolean =
  typeof (globalThis as { Temporal?: unknown }).Temporal === 'object' &&
  (globalThis as { Temporal?: unknown }).Temporal !== null;

/**
 * Temporal to compute with: the browser's own when present (several times faster, and on the
 * same tz database as the rest of `Intl`), else `temporal-polyfill`, loaded only then — it is
 * about 20 kB gzip that browsers with Temporal never download. The top-level await keeps every
 * function of src/time synchronous.
 */
export const Temporal: TemporalApi = hasNativeTemporal
  ? (globalThis as unknown as { Temporal: TemporalApi }).Temporal
  : (await import('temporal-polyfill/implementation')).Temporal;

export type ZonedDateTime = PolyfillTypes.ZonedDateTime;
export type PlainDate = PolyfillTypes.PlainDate;
