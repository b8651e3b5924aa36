import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Entry points: the package root (everything), the pure API, one registration module per element,
 * the React wrappers, the REST provider and the JSX / Vue types. Each is `dist/<name>.js` and a subpath in package.json
 * `exports`; add a subpath by adding a line here and there.
 */
export const input = {
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
  // Types for the raw tags in JSX (React 19) and Vue templates; the modules themselves are empty.
  jsx: 'src/jsx.ts',
  vue: 'src/vue.ts',
};

/** Entries whose module starts with a directive (React Server Components: `'use client'`). */
const directives = { react: 'use client' };

/**
 * Every bare import stays a bare import: lit, @lit/*, temporal-polyfill, jspdf, write-excel-file…
 * are package.json `dependencies`, resolved by the host's bundler (one Lit per page, Lit's `node`
 * and `development` conditions) or by an import map.
 */
const isExternal = (id) => !id.startsWith('.') && !id.startsWith('\0') && !path.isAbsolute(id);

/**
 * The PDF export's fonts (`new URL('…/DejaVuSans.ttf', import.meta.url)` in src/export) become
 * assets of the build, with the URL rewritten to them: the export fetches them on demand.
 * The files keep their names (`dist/assets/DejaVuSans.ttf`) and ship once: the no-bundler build
 * (`cdn`) points at the same files instead of copying them.
 */
function fontAssets({ cdn = false } = {}) {
  const pattern = /new URL\(\s*(['"])([^'"]+\.ttf)\1\s*,\s*import\.meta\.url\s*\)/g;
  const PLACEHOLDER = '__USER_TRACE_ASSETS__/';
  return {
    name: 'user-trace:font-assets',
    transform(code, id) {
      if (!id.includes(`${path.sep}src${path.sep}export${path.sep}`) || !code.includes('.ttf')) return null;
      let changed = false;
      const out = code.replace(pattern, (_match, _quote, relative) => {
        const file = path.resolve(path.dirname(id), relative);
        this.addWatchFile(file);
        changed = true;
        if (cdn) return `new URL(${JSON.stringify(PLACEHOLDER + path.basename(file))}, import.meta.url)`;
        const ref = this.emitFile({ type: 'asset', fileName: `assets/${path.basename(file)}`, source: fs.readFileSync(file) });
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      });
      return changed ? { code: out, map: null } : null;
    },
    renderChunk(code, chunk, options) {
      if (!cdn || !code.includes(PLACEHOLDER)) return null;
      const from = path.dirname(path.join(options.dir, chunk.fileName));
      const assets = path.relative(from, 'dist/assets').split(path.sep).join('/');
      return { code: code.replaceAll(PLACEHOLDER, `${assets}/`), map: null };
    },
  };
}

/**
 * Rollup drops module-level directives of the sources and terser removes the ones it does not
 * know, so the directives of `directives` are written into the finished entry chunks.
 */
function entryDirectives() {
  return {
    name: 'user-trace:entry-directives',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const directive = chunk.type === 'chunk' && chunk.isEntry ? directives[chunk.name] : undefined;
        if (!directive) continue;
        chunk.code = `'${directive}';\n${chunk.code}`;
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}

/**
 * The export writers' workers (src/export/xlsx-worker.ts, pdf-worker.ts) as `chunks/xlsx-worker.js`
 * and `chunks/pdf-worker.js`: beside the chunks of xlsx-off-thread.ts and pdf-off-thread.ts, whose
 * `new Worker(new URL('./xlsx-worker.js', import.meta.url), …)` names them. A bundler that knows
 * that form (Vite, webpack) bundles the worker from there; in `dist/cdn` they are self-contained
 * like everything else.
 */
function exportWorkers() {
  return {
    name: 'user-trace:export-workers',
    buildStart() {
      this.emitFile({ type: 'chunk', id: 'src/export/xlsx-worker.ts', fileName: 'chunks/xlsx-worker.js' });
      this.emitFile({ type: 'chunk', id: 'src/export/pdf-worker.ts', fileName: 'chunks/pdf-worker.js' });
    },
  };
}

const minify = [
  // Lit's html`` and css`` literals keep their whitespace and comments unless minified here.
  minifyTemplateLiterals({ include: ['src/**/*.ts'] }),
  // `/*@__PURE__*/` marks stay, so a host's bundler can drop what its page never uses.
  terser({ ecma: 2022, module: true, format: { comments: false, preserve_annotations: true } }),
];

/** The package: ESM with its dependencies as bare imports, for bundlers, import maps and Node. */
const packageBuild = {
  input,
  external: isExternal,
  output: {
    dir: 'dist',
    format: 'esm',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    assetFileNames: 'assets/[name]-[hash][extname]',
  },
  plugins: [fontAssets(), exportWorkers(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }), ...minify, entryDirectives()],
  onwarn(warning, warn) {
    if (warning.code === 'EMPTY_BUNDLE' && /"(jsx|vue)"/.test(warning.message)) return; // types only
    warn(warning);
  },
};

/**
 * `dist/cdn/`: the same entries for pages without a bundler (a `<script type="module">`, an
 * import map of one line), with Lit and the other dependencies bundled in; PDF and Excel export
 * and the Temporal polyfill stay chunks loaded on demand. jspdf's optional helpers for HTML and
 * SVG (html2canvas, dompurify, canvg) are never called by the export and stay out.
 */
const cdnBuild = {
  input: Object.fromEntries(Object.entries(input).filter(([name]) => !['react', 'jsx', 'vue'].includes(name))),
  external: (id) => /^(html2canvas|dompurify|canvg|core-js)(\/|$)/.test(id),
  output: {
    dir: 'dist/cdn',
    format: 'esm',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs(),
    fontAssets({ cdn: true }),
    exportWorkers(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false, define: { __USER_TRACE_CDN__: 'true' } }),
    ...minify,
  ],
  onwarn(warning, warn) {
    // `this` at module level in jspdf's UMD parts; cycles inside dependencies.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    warn(warning);
  },
};

export default [packageBuild, cdnBuild];
