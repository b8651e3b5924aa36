#!/usr/bin/env node
// `npm run fuzz`: the boundary properties of test/properties/boundary.ts (which `npm test` runs
// with a fixed seed and a few thousand cases) for a long run in Node, with a fresh seed.
//
//   npm run fuzz                      # each property × 100 of its npm-test cases, random seed
//   npm run fuzz -- --times 10        # × 10
//   npm run fuzz -- --seed 123        # repeat a run
//
// Prints, per property, the cases tried and failed and the time taken, then one line
// "Fuzz: N cases tried, M failed (seed S)"; exits 1 when a case failed (with fast-check's report
// of the smallest failing case).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] !== undefined ? Number(process.argv[at + 1]) : fallback;
}

const times = option('times', 100);
const seed = option('seed', Date.now() % 2_147_483_647);
const dir = mkdtempSync(join(tmpdir(), 'user-trace-fuzz-'));
const bundle = join(dir, 'boundary.mjs');
try {
  await build({
    entryPoints: ['test/properties/boundary.ts'],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  const { BOUNDARY_PROPERTIES } = await import(pathToFileURL(bundle).href);
  let tried = 0;
  let failed = 0;
  for (const { name, runs, check } of BOUNDARY_PROPERTIES) {
    const began = performance.now();
    const details = check(runs * times, seed);
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    tried += details.numRuns;
    if (details.failed) failed += 1;
    console.log(`${details.failed ? 'FAIL' : 'ok  '} ${String(details.numRuns).padStart(8)} cases  ${seconds.padStart(6)} s  ${name}`);
    if (details.failed) console.log(details.report);
  }
  console.log(`\nFuzz: ${tried} cases tried, ${failed} failed (seed ${seed}, ×${times})`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
