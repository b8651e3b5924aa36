/**
 * Validation at the boundary: provider data is untrusted (docs/spec.md#untrusted-data). Every record is checked
 * once here; a bad one is left out and reported as a {@link DataWarning}, nothing ever throws.
 * After this module, instants are epoch milliseconds ({@link PreparedTrace}) or ISO UTC strings.
 *
 * Decisions on points the contract leaves open:
 * - Instant strings must carry `Z` or an offset (`±HH:MM`, `±HHMM`, `±HH`); the date/time separator
 *   may be `T`, `t` or a space (RFC 3339), fractional seconds are truncated to milliseconds. Invalid
 *   calendar values (2026-02-30, 24:00, 23:60, leap second 60) and instants outside the years
 *   0000–9999 (UTC) are rejected, so every accepted instant round-trips through `toISOString()`.
 * - Epoch-millisecond numbers must be finite; fractions are truncated, as `new Date(n)` does.
 * - `id` (and `ticketId`) may be a non-empty string or a finite number; numbers become strings,
 *   because many back ends use numeric keys.
 * - An optional field that is `null` counts as absent and is dropped from the copy; `end: null`
 *   and an absent `end` both become `end: null` (running).
 * - A record with any field of the wrong type is left out whole (one warning, for the first problem).
 * - Duplicate activity ids: the first *valid* record wins; later ones are dropped with a warning.
 * - Activity `type` is case-sensitive: `Call` is an unknown type (lane `other`), kept as is.
 * - Pause `name` may be any string, including the empty one.
 */
export { parseInstant } from './instant.js';
export { normalizeTrace, MAX_LISTED_WARNINGS, MAX_RECORDS_PER_LIST } from './records.js';
export { runSteps, STEP_RECORDS } from './steps.js';
export { getPrepared, prepareSteps, prepareTrace } from './prepared.js';
export { normalizeUsers } from './users.js';
