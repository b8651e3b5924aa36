#!/usr/bin/env node
// The layers of src/ point one way (docs/architecture.md, "Layers"): a module may import only from
// its own layer and the layers it is allowed to build on, and no import cycle may appear.
// esbuild reads the TypeScript and reports every module's imports (its metafile); nothing is written.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project to check (default: this one); the tests point it at small fixtures. */
const root = resolve(process.argv[2] ?? '.');

/** Each layer and the layers it may import from (besides itself). Entry modules (src/*.ts) may import anything. */
export const LAYERS = {
  model: [],
  time: ['model'],
  stats: ['model', 'time'],
  i18n: ['model', 'time'],
  data: ['model', 'time', 'stats'],
  report: ['model', 'time', 'stats', 'i18n'],
  export: ['report', 'model', 'time', 'i18n'],
  adapters: ['model', 'time', 'stats', 'data'],
  elements: ['model', 'time', 'stats', 'i18n', 'data', 'report', 'export'],
  react: ['elements', 'model', 'data', 'report'],
};

const layerOf = (path) => {
  const m = /^src\/([^/]+)\//.exec(path);
  return m ? m[1] : path.startsWith('src/') ? 'entry' : null;
};

const list = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : []);
const entryPoints = [
  ...list('src').filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`),
  ...list('src/elements').filter((d) => statSync(join(root, 'src/elements', d)).isDirectory()).flatMap((d) => list(`src/elements/${d}`).filter((f) => f.startsWith('define') && f.endsWith('.ts')).map((f) => `src/elements/${d}/${f}`)),
  ...list('src/react').filter((f) => f === 'index.ts').map((f) => `src/react/${f}`),
];

const result = await build({
  absWorkingDir: root,
  entryPoints,
  bundle: true,
  write: false,
  metafile: true,
  format: 'esm',
  splitting: true,
  outdir: 'out',
  platform: 'browser',
  logLevel: 'silent',
  packages: 'external',
  loader: { '.ttf': 'empty' },
});

/** Every import, for the layers; static ones only, for cycles (a lazy `import()` back is no cycle at load). */
const graph = new Map();
const staticGraph = new Map();
for (const [path, input] of Object.entries(result.metafile.inputs)) {
  if (!path.startsWith('src/')) continue;
  const own = input.imports.filter((i) => i.path.startsWith('src/'));
  graph.set(path, own.map((i) => i.path));
  staticGraph.set(path, own.filter((i) => i.kind === 'import-statement').map((i) => i.path));
}

const problems = [];
for (const [from, imports] of graph) {
  const layer = layerOf(from);
  if (layer === 'entry') continue;
  const allowed = LAYERS[layer];
  if (!allowed) {
    problems.push(`${from}: src/${layer}/ is not a known layer (add it to LAYERS in scripts/check-layers.mjs)`);
    continue;
  }
  for (const to of imports) {
    const target = layerOf(to);
    if (target !== layer && !allowed.includes(target)) problems.push(`${from} imports ${to}: ${layer} may not depend on ${target}`);
  }
}

// Cycles: depth-first search over the module graph.
const state = new Map();
const stack = [];
const visit = (node) => {
  state.set(node, 'open');
  stack.push(node);
  for (const next of staticGraph.get(node) ?? []) {
    if (state.get(next) === 'open') problems.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' → ')}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
};
for (const node of graph.keys()) if (!state.has(node)) visit(node);

if (problems.length) {
  console.error(`check-layers: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`check-layers: ${graph.size} modules in ${new Set([...graph.keys()].map(layerOf)).size} layers, no upward import, no cycle.`);
