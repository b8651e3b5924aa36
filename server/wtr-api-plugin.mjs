// web-test-runner middleware: real HTTP endpoints for the RestProvider browser tests.
//
//   /test-api/{scenario}/{runId}/…   scripted answers (see SCENARIOS below)
//   /test-api/_log/{runId}           what the server received for that run (paths, queries, headers)
//   /test-api/_closed-port           { url } of a 127.0.0.1 port that was just closed (network failure)
//   /api/…                           the demo REST API (server/demo-api.mjs), as `npm start` serves it
//   /daktela/…                       the same demo data in Daktela's v6 envelope (server/daktela-demo-api.mjs)
//   /bench-api/{size}/…              the demo API whose load-test user has {size} activities a week
//                                    (1000, 10000, 100000, 1000000), on a fixed clock, for bench/http-path.bench.ts
//
// `runId` is unique per test, so attempts are counted per test even when test files run in parallel.
// Register in web-test-runner.config.mjs:
//   import { restTestMiddleware } from './server/wtr-api-plugin.mjs';
//   export default { …, middleware: [restTestMiddleware()] };
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { createDemoApi } from './demo-api.mjs';
import { createDaktelaDemoApi } from './daktela-demo-api.mjs';
import { decodePathSegment } from './path-segment.mjs';
import { acceptsGzip, compressAnswer } from './compress.mjs';
import { acceptsColumns } from './trace-columns.mjs';

/** Scripted trace data: valid records a test can check after normalisation. */
const USERS = [
  { id: 'u1', name: 'Jana Nováková' },
  { id: 'u/2 ?&#', name: 'Odd Id' },
  { id: 'u3', name: 'Old Account', deactivated: true },
];

function traceFor(userId, label) {
  return {
    sessions: [{ start: '2025-03-03T08:00:00+01:00', end: '2025-03-03T16:00:00+01:00' }],
    pauses: [{ start: '2025-03-03T12:00:00+01:00', end: '2025-03-03T12:30:00+01:00', name: 'Oběd', paid: false }],
    activities: [
      { id: `${label}-a1`, type: 'call', start: '2025-03-03T09:00:00+01:00', end: '2025-03-03T09:05:00+01:00', closed: true, title: userId },
    ],
  };
}

/** Three pages: 1 session + 1 activity, 1 pause + 2 activities, 1 activity. */
const PAGES = {
  '': {
    sessions: [{ start: '2025-03-03T08:00:00Z', end: '2025-03-03T16:00:00Z' }],
    pauses: [],
    activities: [{ id: 'p1-a1', type: 'call', start: '2025-03-03T09:00:00Z', end: '2025-03-03T09:01:00Z' }],
    nextCursor: 'page 2/3',
  },
  'page 2/3': {
    sessions: [],
    pauses: [{ start: '2025-03-03T12:00:00Z', end: '2025-03-03T12:15:00Z', name: 'Break', paid: true }],
    activities: [
      { id: 'p2-a1', type: 'email', start: '2025-03-03T10:00:00Z', end: '2025-03-03T10:10:00Z' },
      { id: 'p2-a2', type: 'sms', start: '2025-03-03T11:00:00Z', end: '2025-03-03T11:02:00Z' },
    ],
    nextCursor: 'page 3/3',
  },
  'page 3/3': {
    activities: [{ id: 'p3-a1', type: 'ticket', ticketId: 'T-1', start: '2025-03-03T13:00:00Z', end: '2025-03-03T13:30:00Z' }],
    nextCursor: null,
  },
};

/** Longest any hostile scenario keeps a request open: each one ends by itself. */
const HOSTILE_MAX_MS = 15_000;
const KIB = 1024;

/**
 * A body written by `next()` chunk after chunk, every `everyMs`, until `next` returns null, the
 * client goes away or {@link HOSTILE_MAX_MS} has passed. Counts what it sent in `run.sent`.
 */
function drip(run, everyMs, next) {
  const began = Date.now();
  let timer = null;
  const stream = new Readable({
    read() {
      if (timer !== null) return;
      const tick = () => {
        timer = null;
        const chunk = Date.now() - began < HOSTILE_MAX_MS ? next() : null;
        if (chunk === null) {
          stream.push(null);
          return;
        }
        run.sent += chunk.length;
        // Keep pushing while the consumer wants more; then wait for the next read().
        if (stream.push(chunk)) timer = setTimeout(tick, everyMs);
      };
      // The first chunk at once: it carries the headers.
      timer = setTimeout(tick, run.sent === 0 ? 0 : everyMs);
    },
  });
  stream.on('close', () => clearTimeout(timer));
  return stream;
}

/** A valid JSON body `[0,0,…,0]` of `pairs` + 1 zeros, `pairsPerChunk` of them per chunk. */
function jsonZeros(pairs, pairsPerChunk) {
  let left = pairs;
  let first = true;
  return () => {
    if (left < 0) return null;
    if (left === 0) {
      left = -1;
      return Buffer.from('0]');
    }
    const count = Math.min(pairsPerChunk, left);
    left -= count;
    const text = (first ? '[' : '') + '0,'.repeat(count);
    first = false;
    return Buffer.from(text);
  };
}

/** Built on first use, then kept: 6 MB. */
let badRecordsBody = null;

/** 50 MB: `[` + 25 000 000 × `0,` + `0]`. */
const HUGE_PAIRS = 25_000_000;
const HUGE_BYTES = 1 + 2 * HUGE_PAIRS + 2;

/**
 * Scenarios. Each gets `(req, run)` and returns `{ status, headers?, body?, delayMs?, bodyDelayMs?, waitMs? }`;
 * `req` is `{ path, query, segments, host }` with `segments` the decoded path after `/{scenario}/{runId}`.
 * `waitMs`: headers only after that long, or never when the client gives up first.
 */
const SCENARIOS = {
  ok: (req) => okAnswer(req),
  paged: (req) => {
    if (!isTrace(req)) return okAnswer(req);
    const page = PAGES[req.query.get('cursor') ?? ''];
    return page ? json(200, page) : json(400, { error: { code: 'bad-cursor', message: 'unknown cursor' } });
  },
  'retry-once-429': (req, run) => (run.attempts === 1 ? busy(429, '1') : okAnswer(req)),
  'retry-once-503': (req, run) => (run.attempts === 1 ? busy(503, '1') : okAnswer(req)),
  'retry-date': (req, run) => (run.attempts === 1 ? busy(503, new Date(Date.now() + 1000).toUTCString()) : okAnswer(req)),
  'retry-no-header': (req, run) => (run.attempts === 1 ? busy(429, null) : okAnswer(req)),
  'busy-forever': () => busy(429, '0'),
  'busy-long': () => busy(429, '3600'),
  'status-400': () => json(400, { error: { code: 'bad-parameter', message: 'start is missing' } }),
  'status-401': () => json(401, { error: { code: 'unauthenticated', message: 'Sign in again' } }),
  'status-403': () => json(403, { error: { code: 'forbidden', message: 'No User tracing right' } }),
  'status-404': () => json(404, { error: { code: 'user-not-found', message: 'No such user' } }),
  'status-500': () => ({ status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Internal Server Error</h1>' }),
  'status-502': () => ({ status: 502, headers: { 'content-type': 'text/plain' }, body: 'upstream   timed\nout' }),
  malformed: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"users": [{"id": "u1",' }),
  html: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Login</title>' }),
  'wrong-shape': (req) => json(200, isTrace(req) ? [] : isDetail(req) ? [1, 2] : { data: [] }),
  'bad-array': (req) => json(200, isTrace(req) ? { sessions: {}, pauses: [], activities: [] } : { users: 'u1' }),
  'bad-cursor-type': () => json(200, { sessions: [], pauses: [], activities: [], nextCursor: 42 }),
  'repeat-cursor': () => json(200, { sessions: [], pauses: [], activities: [], nextCursor: 'same' }),
  endless: (req) => json(200, { sessions: [], pauses: [], activities: [], nextCursor: `c${Number(req.query.get('cursor')?.slice(1) ?? 0) + 1}` }),
  slow: (req) => ({ ...okAnswer(req), delayMs: 2000 }),
  'slow-body': (req) => ({ ...okAnswer(req), bodyDelayMs: 2000 }),
  // Hostile servers (test/unit/data/rest-faults.test.ts); each ends by itself within HOSTILE_MAX_MS.
  'headers-late': (req) => ({ ...okAnswer(req), waitMs: HOSTILE_MAX_MS }),
  silent: () => ({ status: 200, waitMs: HOSTILE_MAX_MS }),
  'byte-per-second': (req, run) => {
    const body = Buffer.from(okAnswer(req).body);
    let at = 0;
    return { status: 200, headers: jsonType(), body: drip(run, 1000, () => (at < body.length ? body.subarray(at, ++at) : null)) };
  },
  'endless-body': (req, run) => {
    let first = true;
    return {
      status: 200,
      headers: jsonType(),
      body: drip(run, 1, () => {
        const chunk = (first ? '[0' : '') + ',0'.repeat(32 * KIB);
        first = false;
        return Buffer.from(chunk);
      }),
    };
  },
  'huge-body': (req, run) => ({
    status: 200,
    headers: { ...jsonType(), 'content-length': String(HUGE_BYTES) },
    body: drip(run, 1, jsonZeros(HUGE_PAIRS, 32 * KIB)),
  }),
  'huge-body-chunked': (req, run) => ({ status: 200, headers: jsonType(), body: drip(run, 1, jsonZeros(HUGE_PAIRS, 32 * KIB)) }),
  'huge-error': (req, run) => ({ status: 500, headers: { 'content-type': 'text/plain' }, body: drip(run, 1, jsonZeros(HUGE_PAIRS, 32 * KIB)) }),
  'redirect-302': (req) => redirectElsewhere(req, 302),
  'redirect-307': (req) => redirectElsewhere(req, 307),
  'redirect-same-origin': (req) => ({
    status: 302,
    headers: { location: `/test-api/ok/${req.runId}/${req.rawRest}${req.search}` },
  }),
  // bench/bad-input.bench.ts: a 6 MB trace of 3 000 000 bad records, {"activities":[0,0,…]}.
  'bad-records': () => {
    badRecordsBody ??= `{"activities":[${'0,'.repeat(2_999_999)}0]}`;
    return { status: 200, headers: jsonType(), body: badRecordsBody };
  },
  'cors-ok': (req) => {
    const answer = okAnswer(req);
    answer.headers['access-control-allow-origin'] = '*';
    return answer;
  },
};

function jsonType() {
  return { 'content-type': 'application/json; charset=utf-8' };
}

/** A redirect to the `cors-ok` scenario on the other host name of this server: another origin. */
function redirectElsewhere(req, status) {
  const [hostname, port] = req.host.split(':');
  const other = hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return {
    status,
    headers: {
      location: `http://${other}:${port}/test-api/cors-ok/${req.runId}/${req.rawRest}${req.search}`,
      'access-control-allow-origin': '*',
    },
  };
}

function isTrace(req) {
  return req.segments[0] === 'users' && req.segments[2] === 'trace';
}

function isDetail(req) {
  return req.segments[0] === 'users' && req.segments[2] === 'activities';
}

function okAnswer(req) {
  const [first, userId, what, activityId] = req.segments;
  if (first !== 'users') return json(404, { error: { code: 'not-found', message: 'no endpoint' } });
  if (userId === undefined) {
    const all = req.query.get('includeDeactivated') === 'true';
    return json(200, { users: USERS.filter((u) => all || !u.deactivated) });
  }
  if (what === 'trace') return json(200, { ...traceFor(userId, 'ok'), nextCursor: null });
  if (what === 'activities') return json(200, { activityId, userId, recording: 'REC-1' });
  return json(404, { error: { code: 'not-found', message: 'no endpoint' } });
}

function json(status, body) {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

function busy(status, retryAfter) {
  const answer = json(status, { error: { code: 'busy', message: 'Too many requests' } });
  if (retryAfter !== null) answer.headers['retry-after'] = retryAfter;
  return answer;
}

/** A port on 127.0.0.1 nobody listens on: bound, read and closed again. */
function closedPort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Week sizes of the load-test user under `/bench-api/{size}/`. */
export const BENCH_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** The bench API's clock: after every benchmarked week, so nothing in them is running. */
const BENCH_NOW = Date.parse('2026-12-01T00:00:00Z');
/** Bodies up to this many bytes in all are kept per size, so that repeated loads cost the server nothing. */
const BENCH_CACHE_BYTES = 512 * 1024 * 1024;

/**
 * The demo API of one bench size, with a fixed clock (so cursors, and hence page URLs, repeat) and
 * answers kept by URL, gzipped as the demo server sends them (server/compress.mjs) when the request
 * accepts it: a load measured after a warm-up costs the server a map look-up, and the floor the
 * bench measures reads exactly the same bytes.
 */
function benchApi(size) {
  const api = createDemoApi({ latencyMs: 0, apiBase: `/bench-api/${size}`, heavyActivitiesPerWeek: size, now: () => BENCH_NOW });
  const answers = new Map();
  let bytes = 0;
  return async (request) => {
    const key = `${acceptsGzip(request.headers['accept-encoding'])} ${acceptsColumns(request.headers.accept)} ${request.url}`;
    const cached = answers.get(key);
    if (cached) return cached;
    const found = await api.handle(request);
    const answer = found && (await compressAnswer(found, request.headers['accept-encoding']));
    if (answer && answer.status === 200 && bytes + answer.body.length <= BENCH_CACHE_BYTES) {
      bytes += answer.body.length;
      answers.set(key, answer);
    }
    return answer;
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Koa-style middleware for `middleware: [...]` of web-test-runner / @web/dev-server.
 *
 * @param {{ testApiBase?: string; demoApiBase?: string; demo?: import('./demo-api.mjs').DemoApiOptions }} [options]
 *   `demo`: options of the demo API mounted at `demoApiBase` (default `/api`, no latency).
 * @returns {(ctx: any, next: () => Promise<void>) => Promise<void>}
 */
export function restTestMiddleware({ testApiBase = '/test-api', demoApiBase = '/api', demo = {} } = {}) {
  const demoApi = createDemoApi({ latencyMs: 0, ...demo, apiBase: demoApiBase });
  const daktelaApi = createDaktelaDemoApi({ latencyMs: 0, ...demo });
  /** @type {Map<number, (request: object) => Promise<any>>} */
  const benchApis = new Map();
  /** @type {Map<string, { attempts: number; log: object[] }>} */
  const runs = new Map();
  const MAX_RUNS = 2000;

  function runOf(runId) {
    let run = runs.get(runId);
    if (!run) {
      run = { attempts: 0, log: [], sent: 0, clientLeft: false };
      runs.set(runId, run);
      if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value);
    }
    return run;
  }

  function send(ctx, answer) {
    ctx.status = answer.status;
    // Set headers before the body, or Koa guesses a content type.
    ctx.set({ 'cache-control': 'no-store', ...answer.headers });
    ctx.body = answer.body ?? '';
  }

  return async function restTestApi(ctx, next) {
    const path = ctx.path;
    if (path.startsWith(`${testApiBase}/`)) {
      await handleTest(ctx, path.slice(testApiBase.length + 1));
      return;
    }
    const request = { method: ctx.method, url: ctx.url, headers: ctx.headers };
    const bench = /^\/bench-api\/(\d+)\//.exec(path);
    if (bench && BENCH_SIZES.includes(Number(bench[1]))) {
      const size = Number(bench[1]);
      if (!benchApis.has(size)) benchApis.set(size, benchApi(size));
      const answer = await benchApis.get(size)(request);
      if (answer) {
        send(ctx, answer);
        return;
      }
    }
    const answer = (await daktelaApi.handle(request)) ?? (await demoApi.handle(request));
    if (answer) {
      send(ctx, answer);
      return;
    }
    await next();
  };

  async function handleTest(ctx, rest) {
    // Raw (still encoded) segments, so an encoded "/" inside an id stays inside its segment.
    const raw = ctx.url.slice(ctx.url.indexOf(testApiBase) + testApiBase.length + 1).split('?')[0].split('/');
    const [scenario, runId] = raw.map((s) => decodeURIComponent(s));
    if (scenario === '_closed-port') {
      send(ctx, json(200, { url: `http://127.0.0.1:${await closedPort()}` }));
      return;
    }
    if (scenario === '_log' && runId) {
      const run = runs.get(runId);
      send(ctx, json(200, { attempts: run?.attempts ?? 0, requests: run?.log ?? [], sent: run?.sent ?? 0, clientLeft: run?.clientLeft ?? false }));
      return;
    }
    const script = SCENARIOS[scenario];
    if (!script || !runId) {
      send(ctx, json(404, { error: { code: 'no-scenario', message: `No test scenario "${rest}".` } }));
      return;
    }
    const segments = raw.slice(2).filter(Boolean).map(decodePathSegment);
    if (segments.some((segment) => segment === null)) {
      send(ctx, json(400, { error: { code: 'bad-path', message: 'bad percent-encoding' } }));
      return;
    }
    const run = runOf(runId);
    run.attempts += 1;
    run.log.push({
      at: Date.now(),
      method: ctx.method,
      rawPath: raw.slice(2).join('/'),
      segments,
      query: Object.fromEntries(new URLSearchParams(ctx.querystring)),
      authorization: ctx.get('authorization') || null,
      accept: ctx.get('accept') || null,
      extra: ctx.get('x-test-header') || null,
    });
    const answer = script(
      {
        path: ctx.path,
        query: new URLSearchParams(ctx.querystring),
        segments,
        host: ctx.get('host'),
        runId,
        rawRest: raw.slice(2).join('/'),
        search: ctx.search,
      },
      run,
    );
    if (answer.delayMs) await sleep(answer.delayMs);
    if (answer.waitMs) {
      // Until the client gives up (its timeout) or waitMs has passed.
      const gone = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), answer.waitMs);
        ctx.res.once('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      run.clientLeft = gone;
      if (gone) return;
    }
    if (answer.bodyDelayMs) {
      // Headers now, body later: an abort must also stop the reading of the body.
      const body = answer.body;
      const stream = new Readable({ read() {} });
      const timer = setTimeout(() => {
        stream.push(body);
        stream.push(null);
      }, answer.bodyDelayMs);
      stream.on('close', () => clearTimeout(timer));
      send(ctx, { ...answer, body: stream });
      stream.push(' '); // leading whitespace is valid JSON and flushes the headers
      return;
    }
    send(ctx, answer);
  }
}
