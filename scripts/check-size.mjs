#!/usr/bin/env node
// Size budget: what a host pays for `import 'user-trace'` — a page importing the package root for
// its elements (every element registered, Lit and the other dependencies included; exports the
// page does not use, such as DemoProvider, dropped as its bundler would) — bundled (rollup, as Vite
// does) and minified (terser) just for this measurement, since dist/ leaves its dependencies as
// bare imports; gzipped: ≤ 50 kB, aim ≤ 45 kB (docs/spec.md#targets). Code reached only through `import()` (PDF and Excel
// export, the detail dialog, the Temporal polyfill…) loads on demand and does not count.
// `--verbose` lists the modules by minified size.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const BUDGET_BYTES = 50 * 1024;
const AIM_BYTES = 45 * 1024;
const entry = resolve(process.argv[2] ?? 'dist/index.js');

if (!existsSync(entry)) {
  console.error(`check-size: ${entry} does not exist; run \`npm run build\` first.`);
  process.exit(1);
}

const HOST = '\0size:host-page';
const bundle = await rollup({
  input: HOST,
  plugins: [
    { name: 'size:host-page', resolveId: (id) => (id === HOST ? id : null), load: (id) => (id === HOST ? `import ${JSON.stringify(entry)};` : null) },
    // Dynamic imports stay imports, with the specifier as written (not the checkout's absolute path,
    // which would make the figure depend on where the repository lives): what they load is not paid up front.
    { name: 'size:keep-dynamic-imports', resolveDynamicImport: (specifier) => (typeof specifier === 'string' ? { id: specifier, external: true } : false) },
    nodeResolve({ browser: true, exportConditions: ['production'] }),
  ],
  onwarn: () => {},
});
const { output } = await bundle.generate({
  format: 'esm',
  plugins: [terser({ ecma: 2022, module: true, format: { comments: false } })],
});
const [chunk] = output;
const gzipped = gzipSync(chunk.code, { level: 9 }).length;
const modules = Object.entries(chunk.modules).filter(([id, info]) => id !== HOST && info.renderedLength > 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(
  `Main bundle (a page importing ${relative(process.cwd(), entry)}, with its static imports: ${modules.length} modules, dependencies included, ` +
    `bundled by rollup, minified by terser): ${kb(chunk.code.length)} raw, ${kb(gzipped)} gzip; budget ${kb(BUDGET_BYTES)}, aim ${kb(AIM_BYTES)}.`,
);
if (process.argv.includes('--verbose')) {
  for (const [id, info] of modules.sort((a, b) => b[1].renderedLength - a[1].renderedLength)) {
    console.log(`  ${kb(info.renderedLength).padStart(9)}  ${relative(process.cwd(), id)} (before terser)`);
  }
}

const forbidden = modules.map(([id]) => id).filter((id) => /node_modules\/(jspdf|write-excel-file|html2canvas|canvg|dompurify|fflate|temporal-polyfill)\//.test(id));
if (forbidden.length) {
  console.error(`check-size: code that must load on demand reached the main bundle: ${forbidden.join(', ')}.`);
  process.exit(1);
}
if (gzipped > BUDGET_BYTES) {
  console.error(`check-size: over budget by ${gzipped - BUDGET_BYTES} bytes.`);
  process.exit(1);
}
