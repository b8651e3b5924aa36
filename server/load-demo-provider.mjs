// Loads the TypeScript DemoProvider into Node: bundled in memory with esbuild, imported from a data: URL.
// Nothing is written to disk, so there is nothing to clean up and no stale copy to serve.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The repository root (the folder that holds `src/` and `server/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {Map<string, Promise<any>>} */
const cache = new Map();

/**
 * The module `src/data/demo-provider.ts` (exports `DemoProvider`, `DEMO_USERS`, `DEMO_TIME_ZONE`)
 * together with `demoActivityDetail`, bundled once per process.
 *
 * @param {{ repoRoot?: string }} [options]
 * @returns {Promise<{ DemoProvider: any; DEMO_USERS: readonly any[]; DEMO_TIME_ZONE: string; demoActivityDetail: (seed: number, activity: any) => Record<string, unknown> }>}
 */
export function loadDemoModule({ repoRoot = REPO_ROOT } = {}) {
  let loading = cache.get(repoRoot);
  if (!loading) {
    loading = bundleAndImport(repoRoot);
    cache.set(repoRoot, loading);
    // A failed build may be fixed by editing the source: do not cache the failure.
    loading.catch(() => cache.delete(repoRoot));
  }
  return loading;
}

async function bundleAndImport(repoRoot) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    throw new Error(`The demo server needs the devDependency "esbuild" (run \`npm ci\`): ${error.message}`);
  }
  // One entry that re-exports what the server needs, so the bundle is self-contained.
  const entry = [
    `export * from ${JSON.stringify('./src/data/demo-provider.ts')};`,
    `export { demoActivityDetail } from ${JSON.stringify('./src/data/demo-detail.ts')};`,
    `export { generateDemoTrace } from ${JSON.stringify('./src/data/demo-generate.ts')};`,
    `export { formatDaktelaTime, parseDaktelaTime } from ${JSON.stringify('./src/adapters/daktela.ts')};`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: repoRoot, sourcefile: 'demo-server-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['node', 'import', 'default'],
    write: false,
    logLevel: 'silent',
    sourcemap: 'inline',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no output for src/data/demo-provider.ts');
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
