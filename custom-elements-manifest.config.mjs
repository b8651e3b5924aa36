/**
 * Custom Elements Manifest from the elements' JSDoc, shaped for the package (scripts/manifest-shape.mjs):
 * shipped module paths, public API only, typed events, stable order. `npm run analyze` writes it
 * with the editor data derived from it (scripts/manifest.mjs).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { input } from './rollup.config.mjs';
import { entryModules, literalAliases, shapeManifest, tagsOf } from './scripts/manifest-shape.mjs';

const sources = readdirSync('src', { recursive: true })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join('src', file))
  .sort();
const rootExports = new Set(
  [...readFileSync('src/index.ts', 'utf8').matchAll(/export\s*\{([^}]*)\}/g)]
    .flatMap((match) => match[1].split(','))
    .map((name) => name.trim())
    .filter((name) => name && !name.startsWith('type ')),
);

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/export/**', 'dist/**', 'stories/**', 'node_modules/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      name: 'user-trace:package-shape',
      packageLinkPhase({ customElementsManifest }) {
        const shaped = shapeManifest(customElementsManifest, {
          entries: entryModules(input),
          tags: tagsOf(sources.filter((file) => /\/define[\w-]*\.ts$/.test(file))),
          rootExports,
          aliases: literalAliases(sources),
        });
        for (const key of Object.keys(customElementsManifest)) delete customElementsManifest[key];
        Object.assign(customElementsManifest, shaped);
      },
    },
  ],
};
