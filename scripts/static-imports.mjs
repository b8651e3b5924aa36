// The files a built entry loads before it runs: the entry and every chunk it imports statically
// (chunks reached only through `import()` load on demand and are not in it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** @param {string} entry absolute path of a built module @returns {string[]} the entry first, then its static imports */
export function staticImportGraph(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(join(dirname(file), match[1]));
  }
  return [...seen];
}
