// The demo server: the REST API of docs/rest-api.md from the demo data, plus static files.
// Node 20, ESM, node:http only.
import { createServer } from 'node:http';
import { createDemoApi } from './demo-api.mjs';
import { createDaktelaDemoApi } from './daktela-demo-api.mjs';
import { REPO_ROOT } from './load-demo-provider.mjs';
import { createStaticHandler } from './static-files.mjs';
import { compressAnswer } from './compress.mjs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { staticImportGraph } from '../scripts/static-imports.mjs';

export { createDemoApi, DEMO_ROLES, DEMO_TOKENS } from './demo-api.mjs';

/**
 * A strict Content-Security-Policy (docs/spec.md#access-and-safety: no `unsafe-inline`, no `unsafe-eval`,
 * Trusted Types enforced) to pass as `staticHeaders` when the demo page should prove it.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'";

/**
 * @typedef {import('./demo-api.mjs').DemoApiOptions & {
 *   root?: string;
 *   port?: number;
 *   host?: string;
 *   index?: string | null;
 *   allow?: string[] | null;
 *   staticHeaders?: Record<string, string>;
 * }} DemoServerOptions
 *   `root`: folder served as static files at `/` (default: the repository root, so `/dist/…`,
 *   `/demo/…` and `/node_modules/…` resolve). `port`: default 8000; `0` picks a free one.
 *   `host`: default `127.0.0.1`. `index`: where `/` redirects (default `/demo/`; `null` serves
 *   `root/index.html`). `allow`: top-level folders that may be served (default: all but dot-files).
 *   `staticHeaders`: extra headers of every static answer (e.g. `{ 'content-security-policy': STRICT_CSP }`).
 *   API options (`apiBase` default `/api`, `latencyMs`, `seed`, `heavyUserId` default `load-test`,
 *   `deniedUserIds`, `defaultRole`, `now`, `cors`, page sizes) are those of `createDemoApi`.
 */

/**
 * Starts the demo server and resolves once it listens (and the demo data module is bundled).
 *
 * @param {DemoServerOptions} [options]
 * @returns {Promise<{ server: import('node:http').Server; url: string; port: number; api: ReturnType<typeof createDemoApi>; close: () => Promise<void> }>}
 */
export async function createDemoServer(options = {}) {
  const { root = REPO_ROOT, port = 8000, host = '127.0.0.1', index = '/demo/', allow = null, staticHeaders = {} } = options;
  const api = createDemoApi(options);
  // The same demo data in Daktela's v6 envelope, for DaktelaProvider (under /daktela/…).
  const daktela = createDaktelaDemoApi(options);
  const serveStatic = createStaticHandler({ root, allow, headers: staticHeaders });
  await Promise.all([api.ready(), daktela.ready()]);

  const server = createServer(async (req, res) => {
    try {
      const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
      const found = (await daktela.handle(request)) ?? (await api.handle(request));
      if (found) {
        // JSON gzipped when the request accepts it: the load-test week is ≈ 18 MB, ≈ 1.5 MB gzipped.
        const answer = await compressAnswer(found, req.headers['accept-encoding']);
        res.writeHead(answer.status, answer.headers);
        res.end(req.method === 'HEAD' ? undefined : answer.body);
        return;
      }
      const { pathname, search } = new URL(req.url ?? '/', 'http://demo.invalid');
      if (pathname === '/' && index) {
        // The query string is the view (user, date, period…): keep it.
        res.writeHead(302, { location: `${index}${search}` }).end();
        return;
      }
      if (index?.endsWith('/') && (pathname === index || pathname === `${index}index.html`)) {
        const page = await pageWithPreloads(join(root, ...index.split('/').filter(Boolean), 'index.html'), root);
        if (page !== null) {
          const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...staticHeaders };
          const answer = await compressAnswer({ status: 200, headers, body: page }, req.headers['accept-encoding']);
          res.writeHead(answer.status, answer.headers);
          res.end(req.method === 'HEAD' ? undefined : answer.body);
          return;
        }
      }
      if (await serveStatic(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}\n`);
    } catch (error) {
      // Never the request headers: they may carry a token.
      console.error(`demo server: ${req.method} ${req.url?.split('?')[0]} failed:`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'The demo server failed; see its console.' } }));
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    api,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections?.();
      }),
  };
}

/**
 * The console page with a `<link rel="modulepreload">` for every module its module scripts load
 * statically (the library's entry and its chunks, the console's own modules), ahead of the first
 * `<script type="module">`: the browser fetches them all at once instead of level by level as it
 * finds each import, a round trip per level of the import graph on a real network. `null` when the
 * page is not there.
 *
 * @param {string} file the page's path
 * @param {string} root the folder served at `/`
 * @returns {Promise<string | null>}
 */
async function pageWithPreloads(file, root) {
  let html;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const scripts = [...html.matchAll(/<script type="module" src="(\.{1,2}\/[^"]+)"><\/script>/g)].map((m) => join(dirname(file), m[1]));
  const modules = new Set();
  for (const script of scripts) {
    try {
      for (const module of staticImportGraph(script)) if (module !== script) modules.add(module);
    } catch {
      // A module not built yet (dist/ before `npm run build`): the page loads without the hints.
    }
  }
  const links = [...modules].map((module) => `<link rel="modulepreload" href="/${relative(root, module).split(sep).join('/')}" />`);
  const first = html.indexOf('<script type="module"');
  return links.length && first >= 0 ? `${html.slice(0, first)}${links.join('\n    ')}\n    ${html.slice(first)}` : html;
}
