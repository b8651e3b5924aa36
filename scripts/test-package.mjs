#!/usr/bin/env node
// `npm run test:package`: the package as a host installs it. Packs dist/ (run `npm run build`
// first), installs the tarball alone into fresh consumer folders in a temp dir
// (`npm install --omit=dev --prefer-offline`), and checks what hosts do with it:
//   - a Vite vanilla-TS app (Vite's default target) and an `esbuild --target=es2020` bundle build,
//     each with one copy of Lit although the host imports Lit itself;
//   - a React 19 app with the wrappers and the raw tags in JSX builds;
//   - the Excel export in Chromium from a Vite bundle (which bundles its worker: it runs there) and
//     from an esbuild bundle (no worker file: it runs on the main thread), a workbook either way;
//   - a Node script imports every subpath of `exports` without throwing;
//   - consumer code (elements, events, provider, wrappers) type-checks strictly with
//     TypeScript 5.0 and the current 5.x, `skipLibCheck: false`;
//   - `lit-analyzer --strict` over a template with every attribute the manifest documents: no errors,
//     and web-component-analyzer finds each element with all of them;
// and prints the install footprint as a figure. The tools run from this project's node_modules
// (`npm ci` installs them); only the tarball is installed into the consumers.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const project = process.cwd();
const bin = (pkg, file) => join(project, 'node_modules', pkg, file);
const work = mkdtempSync(join(tmpdir(), 'user-trace-consumers-'));
const keep = process.argv.includes('--keep');
let failures = 0;

function run(label, command, args, cwd, options = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...options.env } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const ok = result.status === 0 && (!options.check || options.check(output));
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${label}`);
  if (!ok) {
    failures++;
    console.log(output.split('\n').slice(-40).map((line) => `      ${line}`).join('\n'));
  }
  return output;
}

function check(label, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${label}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures++;
}

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** Every `.js` file below `dir`, as one string per file. */
function scripts(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** How many copies of Lit a build holds: each of Lit's three parts registers its version once. */
function litCopies(dir) {
  const texts = scripts(dir);
  // `(globalThis.litHtmlVersions ??= []).push(…)`; lowered to es2020 it reads `x ?? (x = [])`.
  const count = (name) => texts.reduce((n, text) => n + (text.match(new RegExp(`${name}\\s*\\?\\?`, 'g'))?.length ?? 0), 0);
  return ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions'].map(count);
}

/** Packages (directories with a package.json under node_modules, nested too) and their bytes. */
function footprint(dir) {
  let packages = 0;
  let bytes = 0;
  const walk = (path, isPackage) => {
    if (isPackage) packages++;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        const parent = path.endsWith('node_modules') || /node_modules\/@[^/]+$/.test(path);
        walk(child, parent && !entry.name.startsWith('@') && !entry.name.startsWith('.'));
      } else if (entry.isFile()) bytes += statSync(child).size;
    }
  };
  walk(join(dir, 'node_modules'), false);
  return { packages, megabytes: bytes / 1e6 };
}

function consumer(name, tarball, files) {
  const dir = join(work, name);
  write(dir, { 'package.json': JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }, null, 2), ...files });
  run(`${name}: npm install --omit=dev --prefer-offline <tarball>`, 'npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], dir);
  return dir;
}

/** Tools and types the consumer code needs besides the package: linked from this project, not installed. */
/** Serves `dir` over HTTP, opens it in headless Chromium and waits for `window.exported`; counts the Excel worker scripts it loaded. */
async function exportInChromium(dir) {
  const { createServer } = await import('node:http');
  const { default: puppeteer } = await import('puppeteer-core');
  const { findChrome } = await import('./find-chrome.mjs');
  const { createStaticHandler } = await import('../server/static-files.mjs');
  const serveStatic = createStaticHandler({ root: dir });
  const server = createServer(async (req, res) => {
    if (!(await serveStatic(req, res))) res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // The worker's script as served: 200 where the bundler emitted it (then it runs), else 404.
    let workers = 0;
    page.on('response', (response) => {
      if (/xlsx-worker/.test(response.url()) && response.ok()) workers++;
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const exported = await page.waitForFunction('window.exported', { timeout: 120_000 }).then((handle) => handle.jsonValue(), (error) => ({ error: String(error) }));
    return { exported, workers, errors };
  } finally {
    await browser.close();
    server.close();
  }
}

function link(dir, names) {
  for (const name of names) {
    if (existsSync(join(dir, 'node_modules', name))) continue;
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(project, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
}

const TSCONFIG = (extra = {}) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
        ...extra,
      },
      include: ['src'],
    },
    null,
    2,
  );

const HOST_MAIN = `// A host page without a framework: its own provider, the elements, the events.
import { html, render } from 'lit';
import { AccessDeniedError, DemoProvider, registerTranslation, type TraceData, type UserTraceProvider } from 'user-trace';
import { RestProvider } from 'user-trace/rest.js';
import { computeStats, periodRange } from 'user-trace/core.js';

const hostProvider: UserTraceProvider = {
  async listUsers({ includeDeactivated, signal }) {
    signal.throwIfAborted();
    return [{ id: 'u-jana', name: 'Jana', deactivated: false }, ...(includeDeactivated ? [{ id: 'u-old', name: 'Old', deactivated: true }] : [])];
  },
  async loadTrace({ userId, start, end }): Promise<TraceData> {
    if (userId === 'u-old') throw new AccessDeniedError();
    return { sessions: [{ start, end }], pauses: [{ start, end: null, name: 'Lunch', paid: false }], activities: [{ id: 'a1', type: 'call', start, closed: true, talkSeconds: 30 }] };
  },
};

const range = periodRange({ date: '2026-03-29', period: 'day', timeZone: 'Europe/Prague' });
const seconds: number = computeStats({ sessions: [], pauses: [], activities: [] }, range).login.logged;

const page = document.createElement('user-trace');
page.provider = new URLSearchParams(location.search).has('demo') ? new DemoProvider({ seed: 1 }) : hostProvider;
page.timeZone = 'Europe/Prague';
page.period = 'week';
page.userId = 'u-jana';
page.addEventListener('user-trace-change', (event) => {
  const { userId, date, period } = event.detail.query;
  history.replaceState(null, '', \`?user=\${userId ?? ''}&date=\${date}&period=\${period}\`);
});
page.addEventListener('user-trace-activity-open', (event) => {
  if (event.detail.activity.type === 'ticket') event.preventDefault();
});
page.addEventListener('user-trace-export-done', (event) => {
  const file: Blob = event.detail.blob;
  console.log(event.detail.fileName, file.size, seconds);
});
page.addEventListener('user-trace-error', (event) => console.warn(event.detail.operation, event.detail.error.message));
document.body.append(page);

const timeline = document.createElement('user-trace-timeline');
timeline.provider = new RestProvider({ baseUrl: '/api/user-trace' });
timeline.minutes = true;
const stats = document.querySelector('user-trace-stats');
if (stats) stats.showDefinitions = true;
const list = document.querySelector('user-trace-activities');
list?.addEventListener('user-trace-export', (event) => console.log(event.detail.format, event.detail.rows));
registerTranslation('de', {});
// The host uses Lit itself: the bundle must still hold one Lit.
render(html\`<p>\${timeline.localName}</p>\`, document.body.appendChild(document.createElement('div')));
`;

const VUE_TYPES = `// The raw tags in Vue templates, as vue-tsc sees them (user-trace/vue.js).
import type {} from 'user-trace/vue.js';
import type { GlobalComponents } from 'vue';
import { DemoProvider } from 'user-trace';

type TimelineProps = InstanceType<GlobalComponents['user-trace-timeline']>['$props'];
export const timeline: TimelineProps = {
  provider: new DemoProvider({ seed: 1 }),
  userId: 'u-jana',
  period: 'week',
  minutes: false,
  onUserTraceChange: (event) => console.log(event.detail.query.date),
};
type ListProps = InstanceType<GlobalComponents['user-trace-activities']>['$props'];
export const list: ListProps = { sortDirection: 'descending', onUserTraceExportDone: (event) => console.log(event.detail.blob.size) };
`;

const NODE_IMPORTS = `// Every subpath of the package's exports, imported as an SSR framework would on the server.
import { readFileSync } from 'node:fs';
const pkg = JSON.parse(readFileSync(new URL('./node_modules/user-trace/package.json', import.meta.url), 'utf8'));
const subpaths = Object.keys(pkg.exports).filter((s) => !s.endsWith('.json'));
const hasReact = await import('react').then(() => true, () => false);
for (const subpath of subpaths) {
  // user-trace/react.js needs the host's React (an optional peer dependency).
  if (subpath === './react.js' && !hasReact) continue;
  await import(subpath === '.' ? 'user-trace' : \`user-trace/\${subpath.slice(2)}\`);
}
const registered = ['user-trace', 'user-trace-timeline', 'user-trace-stats', 'user-trace-activities'].filter((tag) => globalThis.customElements?.get(tag));
if (registered.length) throw new Error(\`registered on the server: \${registered.join(', ')}\`);
console.log(\`imported \${hasReact ? subpaths.length : subpaths.length - 1} subpaths\`);
`;

const REACT_MAIN = `// The repository's React example (examples/react/App.tsx), the parts on their own, and a raw tag.
import { createRoot } from 'react-dom/client';
import { DemoProvider } from 'user-trace';
import { UserTraceActivities, UserTraceStats, UserTraceTimeline } from 'user-trace/react.js';
import type {} from 'user-trace/jsx.js';
import { App } from './App';

const provider = new DemoProvider({ seed: 3 });

function Parts() {
  return (
    <section>
      <UserTraceTimeline provider={provider} period="week" onActivityOpen={(event) => console.log(event.detail.activity.id)} />
      <UserTraceStats provider={provider} showDefinitions />
      <UserTraceActivities provider={provider} onExportDone={(event) => console.log(event.detail.blob.size)} />
      {/* The raw tag (user-trace/jsx.js): React 19 sets properties and listens to on<event>. */}
      <user-trace-stats provider={provider} showDefinitions lang="en" onuser-trace-load={(event) => console.log(event.detail.activities)} />
    </section>
  );
}

createRoot(document.getElementById('app')!).render(
  <>
    <App />
    <Parts />
  </>,
);
`;

// ── pack ────────────────────────────────────────────────────────────────────────────────────
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--loglevel=error', '--pack-destination', work], { encoding: 'utf8' }));
const tarball = join(work, packed[0].filename);
console.log(`Packed ${packed[0].filename}: ${(packed[0].size / 1e6).toFixed(2)} MB, ${(packed[0].unpackedSize / 1e6).toFixed(2)} MB unpacked, ${packed[0].entryCount} files (in ${work})`);

// ── a host without a framework ──────────────────────────────────────────────────────────────
const host = consumer('host', tarball, {
  'index.html': '<!doctype html><html><body><script type="module" src="/src/main.ts"></script></body></html>\n',
  'src/main.ts': HOST_MAIN,
  'vue/vue-types.ts': VUE_TYPES,
  'node-imports.mjs': NODE_IMPORTS,
  'tsconfig.json': TSCONFIG(),
  'tsconfig.vue.json': JSON.stringify({ extends: './tsconfig.json', include: ['src', 'vue'] }),
});
const { packages, megabytes } = footprint(host);
console.log(`Install footprint of \`npm install --omit=dev user-trace\`: ${packages} packages, ${megabytes.toFixed(1)} MB`);

link(host, ['vue']); // for the Vue template types only; after the footprint is taken
run('host: vite build (default target)', process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', 'out-vite'], host);
check('host: the Vite bundle holds one Lit', litCopies(join(host, 'out-vite')).every((n) => n === 1), `lit-html, lit-element, reactive-element: ${litCopies(join(host, 'out-vite')).join(', ')}`);
run('host: esbuild --target=es2020', bin('esbuild', 'bin/esbuild'), ['src/main.ts', '--bundle', '--splitting', '--format=esm', '--target=es2020', '--outdir=out-esbuild', '--log-level=error'], host);
check('host: the esbuild bundle holds one Lit', litCopies(join(host, 'out-esbuild')).every((n) => n === 1), `lit-html, lit-element, reactive-element: ${litCopies(join(host, 'out-esbuild')).join(', ')}`);
run('host: node imports every subpath', process.execPath, ['node-imports.mjs'], host);
for (const ts of ['typescript-5.0', 'typescript-5']) {
  const version = JSON.parse(readFileSync(bin(ts, 'package.json'), 'utf8')).version;
  run(`host: tsc ${version} --strict, skipLibCheck false`, process.execPath, [bin(ts, 'bin/tsc'), '-p', '.'], host);
}
// Vue 3.5's own declarations need TypeScript 5.4 or later (NoInfer), so only the current 5.x.
run('host: Vue GlobalComponents types (tsc 5.x)', process.execPath, [bin('typescript-5', 'bin/tsc'), '-p', 'tsconfig.vue.json'], host);

// ── lit-analyzer over every documented attribute ────────────────────────────────────────────
const manifest = JSON.parse(readFileSync(join(host, 'node_modules/user-trace/custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);
const sample = (attribute) => {
  const type = attribute.type?.text ?? 'string';
  if (type === 'boolean') return '';
  if (type === 'number') return '="30"';
  const literal = type.match(/'([^']+)'|\b(\d+)\b/);
  if (literal) return `="${literal[1] ?? literal[2]}"`;
  return { date: '="2026-03-10"', 'time-zone': '="Europe/Prague"' }[attribute.name] ?? '="x"';
};
const tags = elements.map((d) => `  <${d.tagName}\n${(d.attributes ?? []).map((a) => `    ${a.name}${sample(a)}`).join('\n')}\n  ></${d.tagName}>`);
const attributeCount = elements.reduce((n, d) => n + (d.attributes ?? []).length, 0);
write(host, {
  'src/analyzer-template.ts': `import { html } from 'lit';\nimport 'user-trace';\nimport 'user-trace/team.js';\n\nexport const page = html\`\n${tags.join('\n')}\n\`;\n`,
  // lit-analyzer needs TypeScript's JS API, which this project's TypeScript 7 does not have.
  'analyze/typescript-5.cjs': `const Module = require('node:module');\nconst resolve = Module._resolveFilename;\nModule._resolveFilename = function (request, ...rest) {\n  return resolve.call(this, request === 'typescript' ? ${JSON.stringify(bin('typescript-5', 'lib/typescript.js'))} : request, ...rest);\n};\n`,
});
run(
  `host: lit-analyzer --strict over ${elements.length} elements, ${attributeCount} attributes`,
  process.execPath,
  ['--require', './analyze/typescript-5.cjs', bin('lit-analyzer', 'cli.js'), '--strict', 'src/analyzer-template.ts'],
  host,
  // Strict, and warnings count too: an unknown attribute is only a warning to lit-analyzer.
  { check: (output) => /Found 0 problems/.test(output) && elements.length >= 4 && attributeCount > 0 },
);

// web-component-analyzer skips node_modules: it reads a copy of the installed declarations.
cpSync(join(host, 'node_modules/user-trace/dist/types'), join(host, 'wca/types'), { recursive: true });
run('host: web-component-analyzer finds the elements and their attributes', process.execPath, [bin('web-component-analyzer', 'cli.js'), 'analyze', 'wca/types/**/*.d.ts', '--format', 'json', '--outFile', 'wca.json'], host, {
  check: () => {
    const found = JSON.parse(readFileSync(join(host, 'wca.json'), 'utf8')).tags;
    return elements.every((element) => {
      const tag = found.find((t) => t.name === element.tagName);
      return tag && (element.attributes ?? []).every((a) => tag.attributes?.some((b) => b.name === a.name));
    });
  },
});

// ── a React 19 app ──────────────────────────────────────────────────────────────────────────
const react = consumer('react', tarball, {
  'index.html': '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
  'src/main.tsx': REACT_MAIN,
  'src/App.tsx': readFileSync(join(project, 'examples/react/App.tsx'), 'utf8'),
  'tsconfig.json': TSCONFIG({ jsx: 'react-jsx', types: [] }),
  'vite.config.mjs': "export default { oxc: { jsx: { runtime: 'automatic' } } };\n",
  'node-imports.mjs': NODE_IMPORTS,
});
link(react, ['react', 'react-dom', 'scheduler', '@types/react', '@types/react-dom', 'csstype']);
run('react: vite build', process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', 'out-vite'], react);
run('react: node imports every subpath, react.js included', process.execPath, ['node-imports.mjs'], react, { check: (output) => /imported \d+ subpaths/.test(output) });
check('react: the bundle holds one Lit', litCopies(join(react, 'out-vite')).every((n) => n === 1), litCopies(join(react, 'out-vite')).join(', '));
for (const ts of ['typescript-5.0', 'typescript-5']) {
  const version = JSON.parse(readFileSync(bin(ts, 'package.json'), 'utf8')).version;
  run(`react: tsc ${version} --strict, skipLibCheck false`, process.execPath, [bin(ts, 'bin/tsc'), '-p', '.'], react);
}

// The Excel export as a host's bundle runs it, in Chromium: Vite finds the worker and bundles it
// (the export runs there); esbuild does not emit it, so the same export runs on the main thread.
const EXPORTER_MAIN = `import 'user-trace/activities.js';
import { DemoProvider } from 'user-trace';
const list = document.createElement('user-trace-activities');
Object.assign(list, { provider: new DemoProvider({ seed: 1 }), userId: 'jana.novakova', date: '2026-11-23', period: 'week', timeZone: 'Europe/Prague' });
list.addEventListener('user-trace-export-done', (event) => event.preventDefault());
document.body.append(list);
const wait = () => new Promise((resolve) => setTimeout(resolve, 50));
void (async () => {
  while (!list.rows?.length) await wait();
  const blob = await list.exportAs('xlsx');
  Object.assign(window, { exported: { type: blob?.type ?? null, size: blob?.size ?? 0, rows: list.rows.length } });
})();
`;
const exporter = consumer('exporter', tarball, {
  'index.html': '<!doctype html><html><body><script type="module" src="/src/main.ts"></script></body></html>\n',
  'src/main.ts': EXPORTER_MAIN,
  'tsconfig.json': TSCONFIG(),
});
run('exporter: vite build', process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', 'out-vite'], exporter);
run('exporter: esbuild --target=es2022', bin('esbuild', 'bin/esbuild'), ['src/main.ts', '--bundle', '--splitting', '--format=esm', '--target=es2022', '--outdir=out-esbuild', '--log-level=error'], exporter);
writeFileSync(join(exporter, 'out-esbuild', 'index.html'), '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>\n');
for (const [name, expectWorker] of [['out-vite', true], ['out-esbuild', false]]) {
  const outcome = await exportInChromium(join(exporter, name));
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  check(
    `exporter (${name}): the Excel export writes a workbook, ${expectWorker ? 'in a worker' : 'on the main thread (no worker file)'}`,
    outcome.exported?.type === xlsx && outcome.exported.size > 5000 && outcome.exported.rows > 10 && (outcome.workers > 0) === expectWorker,
    JSON.stringify(outcome),
  );
}

if (!keep) rmSync(work, { recursive: true, force: true });
console.log(failures ? `test:package: ${failures} check(s) failed` : 'test:package: all checks passed');
process.exit(failures ? 1 : 0);
