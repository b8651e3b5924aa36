import type { Messages } from './messages.js';

/**
 * For a namespace whose English loads with the code that shows it (`en-team.ts`, `en-export.ts`):
 * a function that gives messages with namespace `key` completed from `english` where the language
 * lacks it, kept per messages object (the same `t` gives the same result).
 */
export function completing<K extends keyof Messages, E extends object>(key: K, english: E) {
  const done = new WeakMap<Messages, Messages>();
  return <T extends Messages>(t: T): T & Record<K, E & Messages[K]> => {
    let full = done.get(t);
    if (!full) done.set(t, (full = { ...t, [key]: { ...english, ...t[key] } }));
    return full as T & Record<K, E & Messages[K]>;
  };
}
