/**
 * A turn of the event loop for long work done in parts (validation slices, the export report, the
 * rows sent to the Excel worker). No dependencies: every layer may use it.
 */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Gives the event loop a turn (input, rendering, other tasks): `scheduler.yield()` where the
 * browser has it (the continuation keeps its priority), else a `MessageChannel` message (no 4 ms
 * timer clamp), else `setTimeout`.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    if (channel === null) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
      // Node keeps a process alive for a port that listens: never for this one.
      (channel.port1 as { unref?: () => void }).unref?.();
    }
    const port = channel.port2;
    return new Promise((resolve) => {
      waiting.push(resolve);
      port.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
