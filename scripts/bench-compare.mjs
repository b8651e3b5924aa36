#!/usr/bin/env node
// Old commit vs new commit in one run: `npm run bench` figures of two revisions, measured on this
// machine in alternating rounds (old, new, new, old, …) so that a noisy neighbour hits both alike.
//
//   node scripts/bench-compare.mjs <old-rev> [<new-rev>] [--rounds N] [bench/x.bench.ts …]
//
// <new-rev> defaults to the working tree itself (uncommitted changes included). Each other revision
// is exported with `git archive` into a temporary folder and installed with `npm ci` from its own
// lock file. Each revision runs its own benchmark files (a file only one of them has is skipped);
// rows are matched by their label (with the label of the row they are indented under), and the
// table shows the median over the rounds of each revision and new ÷ old. Lower is better for
// every row except those counting elements or "× faster". Both sides run on Lit's production build
// (a revision whose bench config predates that runs through a config that sets it), so a change
// of build is not read as a change of code.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const rounds = Number(flag('--rounds', '2'));
const files = args.filter((a) => a.endsWith('.ts'));
const revs = args.filter((a) => !a.endsWith('.ts'));
if (revs.length < 1 || revs.length > 2 || !(rounds >= 1)) {
  console.error('usage: node scripts/bench-compare.mjs <old-rev> [<new-rev>] [--rounds N] [bench/x.bench.ts …]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();

/** A folder holding `rev` with its dependencies installed; the working tree for `null`. */
function checkout(rev) {
  if (rev === null) return { name: 'working tree', dir: root };
  const sha = git('rev-parse', '--verify', `${rev}^{commit}`);
  const dir = join(tmpdir(), `user-trace-bench-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'node_modules'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
    console.log(`bench-compare: npm ci for ${sha.slice(0, 12)} in ${dir}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  return { name: `${rev} (${sha.slice(0, 12)})`, dir };
}

const benchFiles = (dir) =>
  existsSync(join(dir, 'bench')) ? readdirSync(join(dir, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => `bench/${f}`) : [];

/** label → value for every figure row printed in a web-test-runner bench log. */
function parseRows(output, file) {
  const rows = new Map();
  const parents = []; // [indent, label] of the rows above, by indentation
  const logLines = output.split('\n').filter((line) => /^\s{6,}\S/.test(line)); // the browser-log block is indented
  const put = (label, value, unit) => {
    const key = [file.replace(/^bench\/|\.bench\.ts$/g, ''), ...parents.map(([, l]) => l), label].join(' › ');
    rows.set(key, { value, unit });
  };
  for (const raw of logLines) {
    const line = raw.replace(/\s+$/, '');
    const indent = line.length - line.trimStart().length;
    const text = line.trim().replace(/\s+/g, ' ');
    while (parents.length && parents.at(-1)[0] >= indent) parents.pop();
    const figure = /^(.*?\S)\s{2,}(-?\d+(?:\.\d+)?)\s*(ms|MB|kB|s|%)?(?=\s|$)/.exec(line.trim());
    // vis-timeline rows: "10000 items: vis 2596.8 ms (40052 elements) ours 122.4 ms → 21× faster"
    const versus = /^(.*?):.*\bours\s+(\d+(?:\.\d+)?)\s*ms\s*→\s*(\d+(?:\.\d+)?)× faster$/.exec(text);
    // export rows: "Excel export, 100 000 rows (target ≤ 5000 ms): first 4012 ms (…), then median 3377 ms; …"
    const repeated = /^(.*?):\s*first\s+(\d+(?:\.\d+)?)\s*ms.*?\bmedian\s+(\d+(?:\.\d+)?)\s*ms/.exec(text);
    if (versus) {
      put(`${versus[1]}: user-trace`, Number(versus[2]), 'ms');
      put(`${versus[1]}: × faster than vis-timeline`, Number(versus[3]), '×');
    } else if (repeated) {
      put(`${repeated[1]}: first`, Number(repeated[2]), 'ms');
      put(`${repeated[1]}: median`, Number(repeated[3]), 'ms');
    } else if (figure) {
      put(figure[1].replace(/\s+/g, ' '), Number(figure[2]), figure[3] ?? '');
    }
    // As a parent, a row is named by its words before any ":" outside parentheses.
    const name = figure && !versus && !repeated ? figure[1] : text;
    parents.push([indent, name.replace(/\s*\([^)]*\)/g, '').split(':')[0].replace(/\s+/g, ' ').trim()]);
  }
  return rows;
}

const sides = [checkout(revs[0]), checkout(revs[1] ?? null)];
const wanted = files.length ? files : benchFiles(sides[0].dir).filter((f) => benchFiles(sides[1].dir).includes(f));
const results = sides.map(() => new Map()); // key → { values, unit }
let failed = false;

for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [0, 1] : [1, 0];
  for (const file of wanted) {
    for (const s of order) {
      const side = sides[s];
      if (!existsSync(join(side.dir, file))) continue;
      console.log(`bench-compare: round ${round + 1}/${rounds}, ${side.name}, ${file}`);
      const config = join(side.dir, 'bench-compare.config.mjs');
      writeFileSync(
        config,
        "import c from './web-test-runner.bench.config.mjs';\nexport default { ...c, nodeResolve: { exportConditions: ['production', 'browser'] } };\n",
      );
      const run = spawnSync('npx', ['web-test-runner', '--config', 'bench-compare.config.mjs', file], {
        cwd: side.dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status !== 0) {
        console.error(run.stdout.slice(-4000), run.stderr.slice(-4000));
        console.error(`bench-compare: ${file} failed in ${side.name}; its rows are missing from this side`);
        failed = true;
      }
      for (const [key, { value, unit }] of parseRows(run.stdout, file)) {
        const entry = results[s].get(key) ?? { values: [], unit };
        entry.values.push(value);
        results[s].set(key, entry);
      }
    }
  }
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const keys = [...new Set([...results[0].keys(), ...results[1].keys()])];
const width = Math.min(110, Math.max(...keys.map((k) => k.length)));
console.log(`\nbench-compare: median of ${rounds} round(s) each, alternating; old = ${sides[0].name}, new = ${sides[1].name}`);
console.log(`${'row'.padEnd(width)}  ${'old'.padStart(10)}  ${'new'.padStart(10)}  new÷old`);
for (const key of keys) {
  const [a, b] = results.map((r) => r.get(key));
  const fmt = (e) => (e ? `${median(e.values).toFixed(1)} ${e.unit}`.trim().padStart(10) : '—'.padStart(10));
  const ratio = a && b && median(a.values) !== 0 ? (median(b.values) / median(a.values)).toFixed(2) : '';
  const label = key.length > width ? `${key.slice(0, width - 1)}…` : key.padEnd(width);
  console.log(`${label}  ${fmt(a)}  ${fmt(b)}  ${ratio}`);
}
if (failed) process.exitCode = 1;
