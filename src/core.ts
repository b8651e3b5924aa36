/**
 * `user-trace/core.js`, the pure API: periods, validation, statistics, providers — no DOM, no
 * elements. Hosts reuse it for server-side reports. It loads temporal-polyfill up front where
 * there is no native Temporal, so every function works from the first call, in Node.js too.
 */
import './time/temporal-eager.js';

export * from './core-api.js';
