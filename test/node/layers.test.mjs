// The layer check (scripts/check-layers.mjs) passes on the project and fails on an upward import or a cycle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';

const check = (root) => spawnSync(process.execPath, ['scripts/check-layers.mjs', ...(root ? [root] : [])], { encoding: 'utf8' });

function project(files) {
  const root = mkdtempSync(join(tmpdir(), 'user-trace-layers-'));
  for (const [path, code] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), code);
  }
  return root;
}

test('the project has no upward import and no cycle', () => {
  const run = check();
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /no upward import, no cycle/);
});

test('a lower layer importing a higher one fails', () => {
  const root = project({
    'src/index.ts': "export * from './model/a.js';\n",
    'src/model/a.ts': "import { x } from '../elements/base/x.js';\nexport const a = x;\n",
    'src/elements/base/x.ts': 'export const x = 1;\n',
  });
  try {
    const run = check(root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /src\/model\/a\.ts imports src\/elements\/base\/x\.ts: model may not depend on elements/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an import cycle fails', () => {
  const root = project({
    'src/index.ts': "export * from './stats/a.js';\n",
    'src/stats/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
    'src/stats/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  });
  try {
    const run = check(root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /import cycle: src\/stats\/(a|b)\.ts → src\/stats\/(a|b)\.ts → src\/stats\/(a|b)\.ts/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
