/**
 * Long work in short tasks: a stepped computation (a generator that `yield`s between small steps,
 * e.g. `prepareSteps` of src/model/prepared.ts) run in time slices, the event loop served between
 * slices, so that no task of a large load holds the main thread for long (issue 15: no task over
 * 50 ms). Stoppable between slices.
 */
import { abortError } from './provider.js';
import { yieldToMain } from '../model/yield.js';

/** Longest run of steps before the event loop gets a turn, in ms. */
export const SLICE_MS = 8;

export { yieldToMain };

/**
 * Runs `steps` to its end, in slices of about {@link SLICE_MS} ms with a {@link yieldToMain} between
 * them and after the last (what the caller then does with the result starts a task of its own). Rejects with an `AbortError` as soon as
 * `stop()` says so at a slice boundary (the answer is no longer wanted; the rest is not computed).
 */
export async function runInSlices<R>(steps: Generator<void, R, void>, stop: () => boolean, sliceMs = SLICE_MS): Promise<R> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    // What the caller does with the result (a large view's statistics) starts a task of its own.
    if (step.done) return yieldToMain().then(() => step.value);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToMain();
      if (stop()) {
        steps.return(undefined as R);
        throw abortError();
      }
      sliceStart = performance.now();
    }
  }
}

/**
 * Hands `value` to each of `listeners` after a {@link yieldToMain} of its own (the elements of a
 * container showing a large view render in separate tasks, not in one long one, nor in the task
 * that made the view), then calls `done`. Stops when `current()` says a newer value
 * has gone to every listener; skips a listener that `subscribed` no longer knows.
 */
export async function inTurns<T>(
  listeners: readonly ((value: T) => void)[],
  value: T,
  current: () => boolean,
  subscribed: (listener: (value: T) => void) => boolean,
  done: () => void,
): Promise<void> {
  for (const listener of listeners) {
    await yieldToMain();
    if (!current()) return;
    if (subscribed(listener)) listener(value);
  }
  done();
}
