// gzip for the demo server's answers (node:zlib): API JSON and static text files, when the request
// accepts it. A 100 000-activity week is ≈ 18 MB of JSON and ≈ 1.5 MB gzipped.
import { createGzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzip);

/** Bodies shorter than this are sent as they are: gzip would not pay for its header. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Media types worth compressing: text, JSON, JavaScript, SVG, YAML. */
export function isCompressible(contentType) {
  const type = String(contentType ?? '').split(';')[0].trim().toLowerCase();
  return type.startsWith('text/') || type === 'application/json' || type === 'image/svg+xml' || type.endsWith('+json') || type === 'application/javascript';
}

/**
 * The entries of an `Accept`-style header (`Accept`, `Accept-Encoding`), in order: each name in
 * lower case and whether it is allowed (no `q`, or a `q` above 0).
 *
 * @param {string | string[] | undefined} header
 * @returns {{ name: string; allowed: boolean }[]}
 */
export function acceptedEntries(header) {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').map((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { name: name.trim(), allowed: q === undefined || Number(q.slice(2)) > 0 };
  });
}

/**
 * Whether `Accept-Encoding` allows gzip: `gzip` (or `*`) listed without `q=0`, and gzip not refused
 * with `gzip;q=0` even when `*` allows everything else.
 *
 * @param {string | string[] | undefined} header
 */
export function acceptsGzip(header) {
  let star = false;
  for (const { name, allowed } of acceptedEntries(header)) {
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star;
}

/**
 * An API answer (`{ status, headers, body }`, body a string) gzipped when the request accepts it and
 * it is worth it; otherwise the answer as it was. `Vary: Accept-Encoding` is set on every
 * compressible answer, compressed or not, so caches keep both forms apart.
 *
 * @param {{ status: number; headers: Record<string, string>; body: string }} answer
 * @param {string | string[] | undefined} acceptEncoding
 * @returns {Promise<{ status: number; headers: Record<string, string>; body: string | Buffer }>}
 */
export async function compressAnswer(answer, acceptEncoding) {
  if (!isCompressible(answer.headers['content-type'])) return answer;
  const headers = { ...answer.headers, vary: varyWith(answer.headers.vary) };
  if (!acceptsGzip(acceptEncoding) || Buffer.byteLength(answer.body) < MIN_COMPRESSED_BYTES) return { ...answer, headers };
  const large = answer.body.length >= LARGE_BODY_CHARS;
  let body = large ? gzipped.get(answer.body) : undefined;
  if (body === undefined) {
    // Level 1 for a large body, as nginx gzips by default: the 7.5 MB week of 100 000 activities in
    // columns in ≈ 60 ms (1.0 MB) instead of ≈ 200 ms at level 6 (0.86 MB).
    body = await gzipAsync(answer.body, large ? { level: 1 } : {});
    if (large) {
      gzipped.set(answer.body, body);
      while (gzipped.size > GZIPPED_KEPT) gzipped.delete(gzipped.keys().next().value);
    }
  }
  return { ...answer, headers: { ...headers, 'content-encoding': 'gzip', 'content-length': String(body.length) }, body };
}

/** Bodies of at least this many characters are gzipped fast and their gzip kept ({@link compressAnswer}). */
const LARGE_BODY_CHARS = 1024 * 1024;
/**
 * The last large bodies gzipped, by their text: the demo API answers a past week's page with the
 * same string each time (server/demo-api.mjs), so a second load of it is not compressed again.
 * A look-up hashes a string once (the engine keeps the hash with it).
 */
const gzipped = new Map();
const GZIPPED_KEPT = 4;

/**
 * For a static file: a gzip stream to pipe it through and the headers to send instead of
 * `headers`, or `null` when it goes out as it is.
 *
 * @param {Record<string, string>} headers the file's headers (content-type, content-length, …)
 * @param {string | string[] | undefined} acceptEncoding
 */
export function compressFile(headers, acceptEncoding) {
  if (!isCompressible(headers['content-type'])) return null;
  headers.vary = varyWith(headers.vary);
  if (!acceptsGzip(acceptEncoding) || Number(headers['content-length']) < MIN_COMPRESSED_BYTES) return null;
  const compressed = { ...headers, 'content-encoding': 'gzip' };
  delete compressed['content-length']; // the length of the gzipped stream is not known up front
  return { stream: createGzip(), headers: compressed };
}

function varyWith(vary) {
  if (!vary) return 'accept-encoding';
  return /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) ? vary : `${vary}, accept-encoding`;
}
