// The built package as hosts get it (dist/, after `npm run build`): what it imports, what it
// declares, and that every entry is safe to import on a server (PRODUCT.md §10 "Package").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { transform } from 'esbuild';

const root = new URL('../../', import.meta.url);
const rootDir = root.pathname;
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const dist = new URL('dist/', root).pathname;
const allJsFiles = readdirSync(dist, { recursive: true })
  .filter((file) => file.endsWith('.js'))
  .map((file) => join(dist, file));
// dist/cdn/ is the separate no-bundler build, with its dependencies bundled in.
const cdnFiles = allJsFiles.filter((file) => file.startsWith(join(dist, 'cdn/')));
const jsFiles = allJsFiles.filter((file) => !cdnFiles.includes(file));
const TAGS = ['user-trace', 'user-trace-timeline', 'user-trace-stats', 'user-trace-activities', 'user-trace-team', 'user-trace-detail', 'user-trace-user-picker'];
// Declared for the detail dialog's own load, which moves to @lit/task; not imported yet.
const DECLARED_AHEAD = new Set(['@lit/task']);

/** Package names of the bare specifiers a module imports, statically or with `import()`. */
function importedPackages(code) {
  const specifiers = [
    ...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"'./][^"']*)["']/g),
    ...code.matchAll(/\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g),
  ].map((match) => match[1]);
  return specifiers.map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

test('dist imports its dependencies instead of bundling them, and declares exactly those', () => {
  const imported = new Set(jsFiles.flatMap((file) => importedPackages(readFileSync(file, 'utf8'))));
  const peers = Object.keys(pkg.peerDependencies ?? {});
  const declared = Object.keys(pkg.dependencies);
  for (const name of imported) {
    assert.ok(declared.includes(name) || peers.includes(name), `dist imports ${name}, which is not in dependencies`);
  }
  for (const name of declared) {
    assert.ok(imported.has(name) || DECLARED_AHEAD.has(name), `${name} is a dependency but dist never imports it`);
  }
  for (const lit of ['lit', '@lit/context']) assert.ok(imported.has(lit), `dist should import ${lit}`);
  const bundledLit = jsFiles.filter((file) => readFileSync(file, 'utf8').includes('Lit is in dev mode'));
  assert.deepEqual(bundledLit, [], 'a copy of Lit is bundled into dist');
});

test('dist/cdn/ needs no import map beyond its own files', () => {
  assert.ok(cdnFiles.length > 0, 'dist/cdn/ was not built');
  // jspdf's optional HTML and SVG helpers, which the PDF export never calls.
  const unused = new Set(['html2canvas', 'dompurify', 'canvg']);
  for (const file of cdnFiles) {
    const bare = importedPackages(readFileSync(file, 'utf8')).filter((name) => !unused.has(name));
    assert.deepEqual(bare, [], `${file} imports packages`);
  }
});

test('no emitted chunk uses top-level await (Vite’s default target and es2020 refuse it)', async () => {
  for (const file of allJsFiles) {
    await assert.doesNotReject(
      transform(readFileSync(file, 'utf8'), { format: 'esm', target: 'es2020', loader: 'js', sourcefile: file }),
      `${file} does not build for es2020`,
    );
  }
});

test('every subpath has the same conditions (one copy of the code in development and production)', () => {
  const conditionSets = Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object')
    .map(([subpath, target]) => [subpath, Object.keys(target).join(',')]);
  const distinct = new Set(conditionSets.map(([, keys]) => keys));
  assert.equal(distinct.size, 1, `subpaths differ in their conditions: ${JSON.stringify(conditionSets)}`);
});

test('react.js starts with the \'use client\' directive', () => {
  assert.match(readFileSync(join(dist, 'react.js'), 'utf8'), /^'use client';/);
});

test('every entry imports in Node without throwing and registers nothing', async () => {
  const subpaths = Object.entries(pkg.exports)
    .filter(([subpath, target]) => typeof target === 'object' && subpath !== './package.json')
    .map(([subpath]) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));
  assert.ok(subpaths.length >= 8);
  for (const specifier of subpaths) await import(specifier);
  const registry = globalThis.customElements;
  for (const tag of TAGS) assert.equal(registry?.get(tag), undefined, `<${tag}> was registered on the server`);
});

test('the pure API works in Node from the first call (user-trace/core.js)', async () => {
  const { periodRange, computeStats } = await import('user-trace/core.js');
  const range = periodRange({ date: '2026-03-29', period: 'day', timeZone: 'Europe/Prague' });
  assert.equal(range.start, '2026-03-29T00:00:00+01:00');
  assert.equal(range.end, '2026-03-30T00:00:00+02:00');
  assert.equal(computeStats({ sessions: [], pauses: [], activities: [] }, range).calls.closed, 0);
});

test('custom-elements.json, vscode.html-custom-data.json and web-types.json are current', () => {
  const result = spawnSync(process.execPath, ['scripts/manifest.mjs', '--check'], { cwd: rootDir, encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
});

test('the manifest describes shipped modules, the public API only, typed events, parts and custom properties', () => {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const elements = manifest.modules.flatMap((module) => module.declarations.filter((d) => d.tagName).map((d) => [module.path, d]));
  assert.deepEqual(elements.map(([, d]) => d.tagName).sort(), ['user-trace', 'user-trace-activities', 'user-trace-stats', 'user-trace-team', 'user-trace-timeline']);
  for (const module of manifest.modules) {
    assert.ok(existsSync(new URL(module.path, root)), `${module.path} is not in the package`);
    assert.ok(pkg.files.some((entry) => module.path.startsWith(`${entry}/`)), `${module.path} is outside package.json files`);
  }
  for (const [path, element] of elements) {
    const hidden = (element.members ?? []).filter((m) => (m.privacy && m.privacy !== 'public') || m.name.startsWith('#') || m.static);
    assert.deepEqual(hidden.map((m) => m.name), [], `${element.tagName} lists non-public members`);
    assert.ok(element.events?.length, `${element.tagName} has no events`);
    for (const event of element.events) assert.match(event.type?.text ?? '', /^UserTraceEvent<'user-trace-[a-z-]+'>$/, `${element.tagName}: ${event.name} is untyped`);
    assert.ok(element.cssParts?.some((part) => part.name === 'base'), `${element.tagName} has no base part`);
    assert.ok(element.cssProperties?.length, `${element.tagName} has no custom properties`);
    for (const attribute of ['user-id', 'date', 'period', 'time-zone']) {
      assert.ok(element.attributes?.some((a) => a.name === attribute), `${element.tagName} (${path}) lacks the ${attribute} attribute`);
    }
  }
});

test('the manifest lists every part an element renders and every custom property it reads', () => {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const read = (path) => readFileSync(new URL(path, root), 'utf8');
  const tokensFile = read('src/elements/base/tokens.styles.ts');
  const publicOf = new Map([...tokensFile.matchAll(/(--_[\w-]+):\s*var\((--user-trace-[\w-]+)/g)].map((m) => [m[1], m[2]]));
  const shared = {
    renderStatus: read('src/elements/base/states.ts'),
    renderStale: read('src/elements/base/stale.ts'),
    tokenStyles: tokensFile.slice(tokensFile.indexOf('export const tokenStyles'), tokensFile.indexOf('export const textStyles')),
    textStyles: tokensFile.slice(tokensFile.indexOf('export const textStyles')),
  };
  for (const module of manifest.modules) {
    for (const element of module.declarations.filter((d) => d.tagName)) {
      const folder = `src/elements/${module.path.replace(/^dist\/|\.js$/g, '')}/`;
      const own = readdirSync(new URL(folder, root)).filter((f) => f.endsWith('.ts')).map((f) => read(folder + f));
      const sources = [...own, ...Object.entries(shared).filter(([name]) => own.some((text) => text.includes(name))).map(([, text]) => text)];
      const parts = new Set(sources.flatMap((text) => [...text.matchAll(/\bpart="([^"]*)"/g)].flatMap((m) => m[1].replace(/\$\{[^}]*\}/g, '\0').split(/\s+/))).filter((p) => /^[a-z][\w-]*$/.test(p)));
      // A private token the element defines itself (`--_gap` in the container) shadows the shared one.
      const localOf = new Map(own.flatMap((text) => [...text.matchAll(/(--_[\w-]+):\s*var\((--user-trace-[\w-]+)/g)].map((m) => [m[1], m[2]])));
      const properties = new Set(
        sources
          // Definitions (`--_font: var(--user-trace-font, …)`) are not reads; the uses of `var(--_font)` are.
          .map((text) => text.replace(/--_[\w-]+:\s*var\(--user-trace-[^;]*;/g, ''))
          .flatMap((text) => [...text.matchAll(/var\((--(?:_|user-trace-)[\w-]+)/g)].map((m) => localOf.get(m[1]) ?? publicOf.get(m[1]) ?? m[1]))
          .filter((name) => name.startsWith('--user-trace-')),
      );
      const documentedParts = new Set((element.cssParts ?? []).map((p) => p.name));
      const documentedProperties = new Set((element.cssProperties ?? []).map((p) => p.name));
      assert.deepEqual([...parts].filter((p) => !documentedParts.has(p)), [], `<${element.tagName}> renders parts its JSDoc does not list`);
      assert.deepEqual([...properties].filter((p) => !documentedProperties.has(p)), [], `<${element.tagName}> reads custom properties its JSDoc does not list`);
    }
  }
});
