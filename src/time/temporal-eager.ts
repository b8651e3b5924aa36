/**
 * Loads temporal-polyfill up front where the runtime has no Temporal (Node.js, older browsers), so
 * the pure functions of `user-trace/core.js` are synchronous from the first call. The package root
 * and the element modules do not import this: they load the polyfill only when it is missing.
 */
import { Temporal as Polyfill } from 'temporal-polyfill/implementation';
import { useTemporal } from './temporal.js';

useTemporal(Polyfill);
