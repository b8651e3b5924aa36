// Minimal static file serving for the demo server: GET/HEAD only, no directory listings,
// no dot-files, never outside the root.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { compressFile } from './compress.mjs';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A node:http handler part that serves files under `root`. Resolves `true` when it answered.
 *
 * @param {{ root: string; allow?: string[] | null; headers?: Record<string, string> }} options
 *   `allow`: top-level folders that may be served (e.g. `['dist', 'demo', 'node_modules']`); `null` = all.
 *   `headers`: added to every file answer (e.g. a Content-Security-Policy for the demo page).
 */
export function createStaticHandler({ root, allow = null, headers = {} }) {
  const base = resolve(root);
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  return async function serveStatic(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://static.invalid').pathname;
    let segments;
    try {
      segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return false;
    }
    // No dot-files (.git, .env), no traversal, no separators smuggled inside a segment.
    if (segments.some((s) => s.startsWith('.') || s.includes('/') || s.includes('\\') || s.includes('\0'))) return false;
    if (allow && segments.length > 0 && !allow.includes(segments[0])) return false;
    let file = join(base, ...segments);
    if (file !== base && !file.startsWith(base + sep)) return false;
    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${pathname}/` }).end();
          return true;
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
    } catch {
      return false;
    }
    if (!info.isFile()) return false;
    const plain = {
      'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...headers,
    };
    // Text files gzipped when the request accepts it (the JS bundles are ~4× smaller).
    const gzip = compressFile(plain, req.headers['accept-encoding']);
    res.writeHead(200, gzip ? gzip.headers : plain);
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise((done) => {
      const stream = createReadStream(file);
      const failed = () => {
        res.destroy();
        done();
      };
      stream.on('error', failed);
      if (gzip) {
        gzip.stream.on('error', failed);
        res.on('close', done);
        stream.pipe(gzip.stream).pipe(res);
      } else {
        stream.on('end', done);
        stream.pipe(res);
      }
    });
    return true;
  };
}
