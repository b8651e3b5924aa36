import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The PDF export's fonts (`new URL('…/DejaVuSans.ttf', import.meta.url)` in src/export) become
 * assets of the build, with the URL rewritten to them: the export fetches them on demand.
 */
function fontAssets() {
  const pattern = /new URL\(\s*(['"])([^'"]+\.ttf)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'user-trace:font-assets',
    transform(code, id) {
      if (!id.includes(`${path.sep}src${path.sep}export${path.sep}`) || !code.includes('.ttf')) return null;
      let changed = false;
      const out = code.replace(pattern, (_match, _quote, relative) => {
        const file = path.resolve(path.dirname(id), relative);
        this.addWatchFile(file);
        changed = true;
        const ref = this.emitFile({ type: 'asset', name: path.basename(file), source: fs.readFileSync(file) });
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}

/** Entry points: the package root (everything) and one registration module per element. */
const input = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  timeline: 'src/elements/timeline/define.ts',
  stats: 'src/elements/stats/define.ts',
  activities: 'src/elements/activities/define.ts',
  container: 'src/elements/container/define.ts',
  team: 'src/elements/team/define.ts',
  react: 'src/react/index.ts',
  rest: 'src/rest.ts',
  adapters: 'src/adapters.ts',
};

/** @param {{ dev: boolean }} options */
function build({ dev }) {
  return {
    input,
    // React is the host's: the wrappers use whatever React the application has.
    external: ['react'],
    output: {
      dir: dev ? 'dist/dev' : 'dist',
      format: 'esm',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      assetFileNames: 'assets/[name]-[hash][extname]',
    },
    // jspdf and write-excel-file reach the bundle only through `await import()` in src/export/.
    plugins: [
      nodeResolve({
        browser: true,
        exportConditions: dev ? ['development', 'browser'] : ['browser', 'production'],
      }),
      commonjs(),
      fontAssets(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
      // Lit's html`` and css`` literals keep their whitespace and comments unless minified here.
      ...(dev ? [] : [minifyTemplateLiterals({ include: ['src/**/*.ts'] })]),
      ...(dev ? [] : [terser({ ecma: 2022, module: true, format: { comments: false } })]),
    ],
    onwarn(warning, warn) {
      // jspdf's optional dependencies (html2canvas, dompurify) and `this` at module level in its UMD parts.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
      warn(warning);
    },
  };
}

export default [build({ dev: false }), build({ dev: true })];
