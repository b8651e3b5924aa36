#!/usr/bin/env node
// Size budget: the main entry plus every chunk it imports statically, gzipped, must stay ≤ 50 kB.
// Chunks reached only through `import()` (PDF and Excel export) do not count: they load on demand.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { staticImportGraph } from './static-imports.mjs';

const BUDGET_BYTES = 50 * 1024;
const entry = resolve(process.argv[2] ?? 'dist/index.js');

if (!existsSync(entry)) {
  console.error(`check-size: ${entry} does not exist; run \`npm run build\` first.`);
  process.exit(1);
}

const files = staticImportGraph(entry);
const source = files.map((file) => readFileSync(file)).reduce((all, buf) => Buffer.concat([all, buf]), Buffer.alloc(0));
const gzipped = gzipSync(source, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`Main bundle (${files.length} files, static imports of ${entry.replace(process.cwd() + '/', '')}): ${kb(source.length)} raw, ${kb(gzipped)} gzip; budget ${kb(BUDGET_BYTES)} gzip.`);
const forbidden = files.filter((file) => /jspdf|write-excel-file|html2canvas|canvg|dompurify/i.test(readFileSync(file, 'utf8').slice(0, 200000)) && /jsPDF|writeXlsxFile/.test(readFileSync(file, 'utf8')));
if (forbidden.length) {
  console.error(`check-size: export libraries reached the main bundle through ${forbidden.join(', ')}.`);
  process.exit(1);
}
if (gzipped > BUDGET_BYTES) {
  console.error(`check-size: over budget by ${kb(gzipped - BUDGET_BYTES)}.`);
  process.exit(1);
}
