// `npm start` serves the demo as plain files: a browser resolves no bare specifier (`lit`,
// `@lit/context`…), so everything the console page loads must be relative — it uses dist/cdn/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { staticImportGraph } from '../../scripts/static-imports.mjs';

// A package name (`lit`, `@lit/context/x.js`): the only thing a bare specifier can be.
const PACKAGE = String.raw`(@?[a-z0-9][\w.-]*(?:\/[\w.@-]+)*)`;
const BARE_IMPORT = new RegExp(String.raw`(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']${PACKAGE}["']`, 'g');
const DYNAMIC_BARE = new RegExp(String.raw`import\(\s*["']${PACKAGE}["']\s*\)`, 'g');
// jspdf's own optional imports, which it guards and never needs for the export.
const OPTIONAL = new Set(['canvg', 'dompurify', 'html2canvas']);

test('every module the demo console loads, statically or on demand, resolves in a plain browser', () => {
  const files = new Set();
  for (const page of ['demo/console.js']) for (const file of staticImportGraph(join(process.cwd(), page))) files.add(file);
  // Chunks loaded on demand (exports, the detail, the demo data) must resolve as well.
  for (const file of [...files]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
      for (const more of staticImportGraph(join(file, '..', m[1]))) files.add(more);
    }
  }
  const bare = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(BARE_IMPORT)) bare.push(`${file}: ${m[1]}`);
    for (const m of code.matchAll(DYNAMIC_BARE)) if (!OPTIONAL.has(m[1])) bare.push(`${file}: import(${m[1]})`);
  }
  assert.ok(files.size > 3, `the console loads ${files.size} modules`);
  assert.deepEqual(bare, []);
});

test('the demo server keeps the view when it sends / to the console', async () => {
  const { createDemoServer } = await import('../../server/demo-server.mjs');
  const demo = await createDemoServer({ port: 0, host: '127.0.0.1', latencyMs: 0, heavyUserId: null });
  try {
    const response = await fetch(`${demo.url}?user=petr.dvorak&date=2026-11-24&period=week`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/demo/?user=petr.dvorak&date=2026-11-24&period=week');
  } finally {
    await demo.close();
  }
});

test('the console page asks for every module it loads statically up front (modulepreload), each of which resolves', async () => {
  const { createDemoServer } = await import('../../server/demo-server.mjs');
  const demo = await createDemoServer({ port: 0, host: '127.0.0.1', latencyMs: 0, heavyUserId: null });
  try {
    for (const path of ['demo/', 'demo/index.html']) {
      const response = await fetch(`${demo.url}${path}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const html = await response.text();
      const hrefs = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)" \/>/g)].map((m) => m[1]);
      const expected = staticImportGraph(join(process.cwd(), 'demo/console.js'))
        .slice(1)
        .map((file) => `/${file.slice(process.cwd().length + 1).split('\\').join('/')}`);
      assert.deepEqual([...hrefs].sort(), [...expected].sort());
      assert.ok(hrefs.length > 10, `${hrefs.length} hints`);
      // Ahead of the module script that needs them.
      assert.ok(html.indexOf('modulepreload') < html.indexOf('<script type="module"'));
      for (const href of hrefs) assert.equal((await fetch(new URL(href, demo.url), { method: 'HEAD' })).status, 200, href);
    }
  } finally {
    await demo.close();
  }
});
