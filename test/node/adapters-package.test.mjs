// user-trace/adapters.js as a package subpath: it imports in Node (no DOM) and its static import
// graph holds no element and no Lit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { staticImportGraph } from '../../scripts/static-imports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
describe('user-trace/adapters.js', () => {
  it('imports in Node, where there is no DOM', async () => {
    assert.equal(typeof globalThis.HTMLElement, 'undefined');
    const adapters = await import('user-trace/adapters.js');
    for (const name of ['traceFromStatusEvents', 'traceFromConnectAgentEvents', 'traceFromGenesysDetails', 'traceFromDaktelaActivities', 'DaktelaProvider']) {
      assert.equal(typeof adapters[name], 'function', name);
    }
  });

  it('is an exports subpath with types and a default, like every subpath', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.exports['./adapters.js'], {
      types: './dist/types/adapters.d.ts',
      default: './dist/adapters.js',
    });
    const require = createRequire(import.meta.url);
    assert.equal(require.resolve('user-trace/package.json'), join(root, 'package.json'));
  });

  it('pulls in no element and no Lit', () => {
    for (const entry of ['dist/adapters.js']) {
      for (const file of staticImportGraph(join(root, entry))) {
        const code = readFileSync(file, 'utf8');
        assert.ok(!/HTMLElement|customElements|lit-html/.test(code), `${entry} imports ${file}, which holds element or Lit code`);
      }
    }
  });
});
