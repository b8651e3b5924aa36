import { Temporal as Polyfill } from 'temporal-polyfill';

/** The Temporal API shape this library is written against (the polyfill's types). */
export type TemporalApi = typeof Polyfill;

/** `true` when the browser ships Temporal itself, so the polyfill stays unused at run time. */
export const hasNativeTemporal: boolean =
  typeof (globalThis as { Temporal?: unknown }).Temporal === 'object' &&
  (globalThis as { Temporal?: unknown }).Temporal !== null;

/**
 * Temporal to compute with: the browser's own when present (several times faster here, and on the same
 * tz database as the rest of `Intl`), else `temporal-polyfill`. The polyfill's root export makes
 * the same choice today; choosing here keeps that a contract of ours, not of its version.
 */
export const Temporal: TemporalApi = hasNativeTemporal
  ? (globalThis as unknown as { Temporal: TemporalApi }).Temporal
  : Polyfill;

/** The polyfill itself, for tests that compare it with the native implementation. */
export const TemporalPolyfill: TemporalApi = Polyfill;

export type ZonedDateTime = Polyfill.ZonedDateTime;
export type PlainDate = Polyfill.PlainDate;
