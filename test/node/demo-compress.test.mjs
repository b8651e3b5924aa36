// The demo server gzips API JSON and static text files when the request accepts it (issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, compressAnswer } from '../../server/compress.mjs';

/** A raw GET (node:http does not decompress): status, headers and the body's bytes as sent. */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

test('Accept-Encoding: gzip listed, refused with q=0, or allowed through *', () => {
  assert.equal(acceptsGzip('gzip, deflate, br, zstd'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.5'), true);
  assert.equal(acceptsGzip('gzip;q=0, *'), false);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('*;q=0'), false);
  assert.equal(acceptsGzip('br'), false);
  assert.equal(acceptsGzip(''), false);
  assert.equal(acceptsGzip(undefined), false);
});

test('a small or binary answer goes out as it is', async () => {
  const small = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"users":[]}' };
  const out = await compressAnswer(small, 'gzip');
  assert.equal(out.body, small.body);
  assert.equal(out.headers['content-encoding'], undefined);
  assert.equal(out.headers.vary, 'accept-encoding');
  const png = { status: 200, headers: { 'content-type': 'image/png' }, body: 'x'.repeat(5000) };
  assert.equal(await compressAnswer(png, 'gzip'), png);
});

test('the demo server gzips the trace JSON and the static files only for clients that accept it', async () => {
  const { createDemoServer } = await import('../../server/demo-server.mjs');
  const demo = await createDemoServer({ port: 0, host: '127.0.0.1', latencyMs: 0, heavyActivitiesPerWeek: 10_000 });
  try {
    const trace = `${demo.url}api/users/load-test/trace?start=2026-03-02T00%3A00%3A00%2B01%3A00&end=2026-03-09T00%3A00%3A00%2B01%3A00`;
    const plain = await rawGet(trace);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.headers.vary, /accept-encoding/);
    const zipped = await rawGet(trace, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    assert.ok(zipped.body.length * 4 < plain.body.length, `${zipped.body.length} gzipped vs ${plain.body.length} bytes`);
    const json = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
    assert.deepEqual(json, JSON.parse(plain.body.toString('utf8')));
    assert.ok(json.activities.length > 1000);

    const refused = await rawGet(trace, { 'accept-encoding': 'gzip;q=0, *' });
    assert.equal(refused.headers['content-encoding'], undefined);

    const file = `${demo.url}demo/console.js`;
    const source = readFileSync(new URL('../../demo/console.js', import.meta.url));
    const js = await rawGet(file, { 'accept-encoding': 'gzip' });
    assert.equal(js.status, 200);
    assert.equal(js.headers['content-encoding'], 'gzip');
    assert.match(js.headers['content-type'], /javascript/);
    assert.equal(js.headers['content-length'], undefined);
    assert.deepEqual(gunzipSync(js.body), source);
    const jsPlain = await rawGet(file);
    assert.equal(jsPlain.headers['content-encoding'], undefined);
    assert.deepEqual(jsPlain.body, source);
    const icon = await rawGet(`${demo.url}demo/favicon.svg`, { 'accept-encoding': 'gzip' });
    assert.equal(icon.status, 200);
    assert.ok(Number(icon.headers['content-length']) < 1024 ? icon.headers['content-encoding'] === undefined : icon.headers['content-encoding'] === 'gzip');
  } finally {
    await demo.close();
  }
});
