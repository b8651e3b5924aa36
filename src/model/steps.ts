/**
 * Stepped computations: long work written as a generator that `yield`s between small steps, so a
 * caller may run it at once ({@link runSteps}) or in time slices that serve the event loop
 * (src/data/slices.ts). No dependencies: the elements use it without loading validation.
 */

/** Entries visited between two pauses of the stepped validation (a few ms of work each). */
export const STEP_RECORDS = 4096;

/** Runs a stepped computation to its end without pausing. */
export function runSteps<R>(steps: Generator<void, R, void>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
