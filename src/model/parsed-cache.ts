/**
 * What validation hands to the prepared form: the parsed instants of each validated data object,
 * and the prepared forms already built (src/model/records.ts writes, src/model/prepared.ts reads).
 */
import type { PreparedTrace, TraceData } from './types.js';

/** Parsed instants of the valid records, kept so the prepared form never re-parses ISO strings. */
export interface ParsedInstants {
  sessionStart: Float64Array;
  sessionEnd: Float64Array;
  pauseStart: Float64Array;
  pauseEnd: Float64Array;
  activityStart: Float64Array;
  activityEnd: Float64Array;
}

/** Validated data → its prepared form; filled lazily by {@link getPrepared}. */
export const preparedCache = new WeakMap<TraceData, PreparedTrace>();
/** Validated data whose prepared form has not been asked for yet. */
export const pendingPrepare = new WeakMap<TraceData, ParsedInstants>();

/** The parsed instants of data with no records. */
export const EMPTY_PARSED: ParsedInstants = {
  sessionStart: new Float64Array(0),
  sessionEnd: new Float64Array(0),
  pauseStart: new Float64Array(0),
  pauseEnd: new Float64Array(0),
  activityStart: new Float64Array(0),
  activityEnd: new Float64Array(0),
};

/** Lists the library parsed itself and handed over (`handOver`, src/model/hand-over.ts): their records may be checked in place. */
export const handedOver = new WeakSet<readonly unknown[]>();
