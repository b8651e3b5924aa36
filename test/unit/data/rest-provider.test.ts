import { expect } from '@open-wc/testing';
import { normalizeTrace } from '../../../src/model/normalize.js';
import { AccessDeniedError, isAbortError, isAccessDenied } from '../../../src/data/provider.js';
import { RestProvider, retryDelay } from '../../../src/data/rest-provider.js';
import { activity, rejection, restError, scenario, signal } from './rest-helpers.js';

// Real HTTP endpoints served by server/wtr-api-plugin.mjs (registered in web-test-runner.config.mjs).

const DAY = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-04T00:00:00+01:00' };
const TOKEN = 'Bearer s3cret-token-value';

describe('RestProvider', () => {
  describe('answers', () => {
    it('lists users and asks for deactivated ones only when told to', async () => {
      const { baseUrl, log } = scenario('ok');
      const provider = new RestProvider({ baseUrl });
      const active = await provider.listUsers({ includeDeactivated: false, signal: signal() });
      const all = await provider.listUsers({ includeDeactivated: true, signal: signal() });
      expect(active.map((u) => u.id)).to.deep.equal(['u1', 'u/2 ?&#']);
      expect(all).to.have.length(3);
      const { requests } = await log();
      expect(requests.map((r) => r.query.includeDeactivated)).to.deep.equal(['false', 'true']);
      expect(requests[0]!.accept).to.equal('application/json');
    });

    it('loads a trace with URL-encoded ids and the period as query parameters', async () => {
      const { baseUrl, log } = scenario('ok');
      const provider = new RestProvider({ baseUrl, pageSize: 500 });
      const data = await provider.loadTrace({ userId: 'u/2 ?&#', ...DAY, signal: signal() });
      expect(data.activities[0]!.title).to.equal('u/2 ?&#');
      const { warnings, data: valid } = normalizeTrace(data);
      expect(warnings).to.deep.equal([]);
      expect(valid.sessions).to.have.length(1);
      expect(valid.pauses).to.have.length(1);
      const [request] = (await log()).requests;
      expect(request!.rawPath).to.equal('users/u%2F2%20%3F%26%23/trace');
      expect(request!.query).to.deep.equal({ start: DAY.start, end: DAY.end, limit: '500' });
    });

    it('sends the headers, calling a header function before every request', async () => {
      const { baseUrl, log } = scenario('ok');
      let calls = 0;
      const provider = new RestProvider({
        baseUrl,
        headers: async () => {
          calls++;
          return { Authorization: `${TOKEN}-${calls}`, 'X-Test-Header': 'yes' };
        },
      });
      await provider.listUsers({ includeDeactivated: false, signal: signal() });
      await provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() });
      const { requests } = await log();
      expect(requests.map((r) => r.authorization)).to.deep.equal([`${TOKEN}-1`, `${TOKEN}-2`]);
      expect(requests[0]!.extra).to.equal('yes');
      const fixed = scenario('ok');
      await new RestProvider({ baseUrl: fixed.baseUrl, headers: { Authorization: TOKEN } }).listUsers({
        includeDeactivated: false,
        signal: signal(),
      });
      expect((await fixed.log()).requests[0]!.authorization).to.equal(TOKEN);
    });

    it('loads an activity detail by encoded user and activity id', async () => {
      const { baseUrl, log } = scenario('ok');
      const provider = new RestProvider({ baseUrl: `${baseUrl}/` });
      const detail = await provider.loadActivityDetail({ userId: 'u1', activity: activity('a:1/x'), signal: signal() });
      expect(detail).to.deep.equal({ activityId: 'a:1/x', userId: 'u1', recording: 'REC-1' });
      expect((await log()).requests[0]!.rawPath).to.equal('users/u1/activities/a%3A1%2Fx');
    });

    it('uses the fetch it is given', async () => {
      const { baseUrl } = scenario('ok');
      const seen: string[] = [];
      const provider = new RestProvider({
        baseUrl,
        fetch: (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        },
      });
      await provider.listUsers({ includeDeactivated: false, signal: signal() });
      expect(seen).to.have.length(1);
      expect(seen[0]).to.equal(new URL(`${baseUrl}/users?includeDeactivated=false`, location.href).href);
    });
  });

    it('decodes UTF-8 that arrives split inside characters, with a byte-order mark, as response.text() would', async () => {
      const body = JSON.stringify({
        sessions: [],
        pauses: [],
        activities: [{ id: 'a1', type: 'call', start: '2025-03-03T08:00:00Z', end: '2025-03-03T08:05:00Z', title: 'Žluťoučký kůň 📞 úpěl' }],
        nextCursor: null,
      });
      const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
      const expected = await new Response(bytes).text();
      // One byte per chunk: every multi-byte character is split across chunks.
      const provider = new RestProvider({
        baseUrl: '/nowhere',
        fetch: async () => {
          let at = 0;
          const stream = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (at < bytes.length) controller.enqueue(bytes.slice(at, ++at));
              else controller.close();
            },
          });
          return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
        },
      });
      const data = await provider.loadTrace({ userId: 'u1', start: '2025-03-03T00:00:00Z', end: '2025-03-04T00:00:00Z', signal: signal() });
      expect(data.activities[0]!.title).to.equal('Žluťoučký kůň 📞 úpěl');
      expect(JSON.parse(expected).activities[0].title).to.equal(data.activities[0]!.title);
    });

  describe('a body that is already in', () => {
    it('is decoded with turns of the event loop between megabytes, not in one task', async () => {
      const activities = Array.from({ length: 40_000 }, (_, i) => ({ id: `a${i}`, type: 'call', start: '2025-03-03T09:00:00Z', title: 'x'.repeat(80) }));
      const bytes = new TextEncoder().encode(JSON.stringify({ sessions: [], pauses: [], activities, nextCursor: null }));
      expect(bytes.length).to.be.greaterThan(5 * 1024 * 1024);
      // Every chunk is queued before the first read: reads resolve in microtasks, as for a body the network already delivered.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 65_536) controller.enqueue(bytes.subarray(at, at + 65_536));
          controller.close();
        },
      });
      const provider = new RestProvider({ baseUrl: '/x', fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }) });
      const scheduler = (globalThis as unknown as { scheduler: { postTask: (task: () => void, options: object) => Promise<void> } }).scheduler;
      const order: string[] = [];
      const loading = provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }).then((data) => {
        order.push('loaded');
        return data;
      });
      // Posted once the request is out: it runs at the first turn the reading gives, before the load ends.
      await Promise.resolve();
      void scheduler.postTask(() => order.push('other task'), { priority: 'user-blocking' });
      const data = await loading;
      expect(data.activities).to.have.length(40_000);
      expect(order).to.deep.equal(['other task', 'loaded']);
    });
  });

  describe('paging', () => {
    it('concatenates the pages in order until nextCursor is null', async () => {
      const { baseUrl, log } = scenario('paged');
      const data = await new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() });
      expect(data.sessions).to.have.length(1);
      expect(data.pauses).to.have.length(1);
      expect(data.activities.map((a) => a.id)).to.deep.equal(['p1-a1', 'p2-a1', 'p2-a2', 'p3-a1']);
      expect(normalizeTrace(data).warnings).to.deep.equal([]);
      const { requests } = await log();
      expect(requests.map((r) => r.query.cursor ?? null)).to.deep.equal([null, 'page 2/3', 'page 3/3']);
      for (const r of requests) expect([r.query.start, r.query.end]).to.deep.equal([DAY.start, DAY.end]);
    });

    it('hands the first page of several to partial, once, before the whole', async () => {
      const { baseUrl } = scenario('paged');
      const parts: string[][] = [];
      const data = await new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal(), partial: (first) => parts.push(first.activities.map((a) => a.id)) });
      expect(parts).to.deep.equal([['p1-a1']]);
      expect(data.activities.map((a) => a.id)).to.deep.equal(['p1-a1', 'p2-a1', 'p2-a2', 'p3-a1']);
    });

    it('stops with a clear error when a cursor comes back', async () => {
      const { baseUrl, log } = scenario('repeat-cursor');
      const error = await restError(new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('paging');
      expect(error.message).to.match(/paging does not end.*"same".*twice/);
      expect((await log()).attempts).to.equal(2);
    });

    it('stops after maxPages', async () => {
      const { baseUrl, log } = scenario('endless');
      const provider = new RestProvider({ baseUrl, maxPages: 5 });
      const error = await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('paging');
      expect(error.message).to.contain('after 5 pages');
      expect((await log()).attempts).to.equal(5);
    });
  });

  describe('denial', () => {
    it('maps 401 to AccessDeniedError with status 401', async () => {
      const { baseUrl } = scenario('status-401');
      const provider = new RestProvider({ baseUrl, headers: { Authorization: TOKEN } });
      const error = await rejection(provider.listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error).to.be.instanceOf(AccessDeniedError);
      expect(isAccessDenied(error)).to.equal(true);
      expect((error as AccessDeniedError).status).to.equal(401);
      expect((error as Error).message).to.contain(`GET ${new URL(baseUrl, location.href).pathname}/users`);
      expect((error as Error).message).to.contain('Sign in again');
      expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.to.contain('s3cret');
    });

    it('maps 403 to AccessDeniedError with status 403, for every endpoint', async () => {
      const { baseUrl } = scenario('status-403');
      const provider = new RestProvider({ baseUrl });
      for (const call of [
        provider.listUsers({ includeDeactivated: false, signal: signal() }),
        provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }),
        provider.loadActivityDetail({ userId: 'u1', activity: activity('a1'), signal: signal() }),
      ]) {
        const error = await rejection(call);
        expect(error).to.be.instanceOf(AccessDeniedError);
        expect((error as AccessDeniedError).status).to.equal(403);
      }
    });
  });

  describe('HTTP errors', () => {
    it('names the path, the status and the server message', async () => {
      const { baseUrl } = scenario('status-400');
      const error = await restError(new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.status).to.equal(400);
      expect(error.kind).to.equal('http');
      expect(error.message).to.contain('/users/u1/trace');
      expect(error.message).to.contain('HTTP 400');
      expect(error.message).to.contain('start is missing');
      expect(error.url).to.contain('/users/u1/trace?start=');
    });

    it('says which user was not found on 404', async () => {
      const { baseUrl } = scenario('status-404');
      const error = await restError(new RestProvider({ baseUrl }).loadTrace({ userId: 'nobody', ...DAY, signal: signal() }));
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('user "nobody" not found');
    });

    it('reports 5xx without quoting an HTML error page', async () => {
      const { baseUrl, log } = scenario('status-500');
      const error = await restError(new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error.status).to.equal(500);
      expect(error.message).to.match(/GET \/test-api\/status-500\/[^ ]+\/users failed: HTTP 500/);
      expect(error.message).not.to.contain('<h1>');
      expect((await log()).attempts, '500 is not retried').to.equal(1);
    });

    it('quotes a plain-text error body, whitespace collapsed', async () => {
      const { baseUrl } = scenario('status-502');
      const error = await restError(new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error.message).to.contain('upstream timed out');
    });
  });

  describe('retries', () => {
    it('waits Retry-After seconds on 429, then succeeds', async () => {
      const { baseUrl, log } = scenario('retry-once-429');
      const began = performance.now();
      const users = await new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: signal() });
      expect(users).to.have.length(2);
      expect(performance.now() - began).to.be.greaterThan(900);
      expect((await log()).attempts).to.equal(2);
    });

    it('waits a Retry-After HTTP date on 503, then succeeds', async () => {
      const { baseUrl, log } = scenario('retry-date');
      const data = await new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() });
      expect(data.activities).to.have.length(1);
      expect((await log()).attempts).to.equal(2);
    });

    it('gives up after maxRetries with a clear error', async () => {
      const { baseUrl, log } = scenario('busy-forever');
      const error = await restError(
        new RestProvider({ baseUrl, maxRetries: 2 }).listUsers({ includeDeactivated: false, signal: signal() }),
      );
      expect(error.kind).to.equal('retries-exhausted');
      expect(error.status).to.equal(429);
      expect(error.message).to.contain('HTTP 429');
      expect(error.message).to.contain('after 2 retries');
      expect((await log()).attempts).to.equal(3);
    });

    it('caps a long Retry-After at maxRetryAfterMs', async () => {
      const { baseUrl, log } = scenario('busy-long');
      const began = performance.now();
      const provider = new RestProvider({ baseUrl, maxRetries: 1, maxRetryAfterMs: 200 });
      const error = await restError(provider.listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error.kind).to.equal('retries-exhausted');
      expect(performance.now() - began).to.be.lessThan(3000);
      expect((await log()).attempts).to.equal(2);
    });

    it('stops waiting at once when aborted during a Retry-After wait', async () => {
      const { baseUrl, log } = scenario('busy-long');
      const abort = new AbortController();
      const began = performance.now();
      const pending = new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: abort.signal });
      setTimeout(() => abort.abort(), 300);
      const error = await rejection(pending);
      expect(isAbortError(error), String(error)).to.equal(true);
      expect(performance.now() - began).to.be.lessThan(1500);
      expect((await log()).attempts).to.equal(1);
    });

    it('computes Retry-After delays: seconds, HTTP date, backoff without a header, cap', () => {
      const now = Date.parse('2025-03-03T10:00:00Z');
      expect(retryDelay('2', 0, 30_000, now)).to.equal(2000);
      expect(retryDelay(' 0 ', 0, 30_000, now)).to.equal(0);
      expect(retryDelay('Mon, 03 Mar 2025 10:00:05 GMT', 0, 30_000, now)).to.equal(5000);
      expect(retryDelay('Mon, 03 Mar 2025 09:00:00 GMT', 0, 30_000, now)).to.equal(0);
      expect(retryDelay(null, 0, 30_000, now)).to.equal(1000);
      expect(retryDelay('soon', 2, 30_000, now)).to.equal(4000);
      expect(retryDelay('3600', 0, 30_000, now)).to.equal(30_000);
    });
  });

  describe('malformed answers', () => {
    it('rejects a body that is not JSON', async () => {
      const { baseUrl } = scenario('malformed');
      const error = await restError(new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error.kind).to.equal('invalid-json');
      expect(error.status).to.equal(200);
      expect(error.message).to.match(/GET \/test-api\/malformed\/[^ ]+\/users: the answer is not valid JSON \(HTTP 200, application\/json\)/);
    });

    it('rejects an HTML page answered with 200 (e.g. a login redirect)', async () => {
      const { baseUrl } = scenario('html');
      const error = await restError(new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('invalid-json');
      expect(error.message).to.contain('text/html');
    });

    it('rejects a wrong top-level shape on every endpoint', async () => {
      const { baseUrl } = scenario('wrong-shape');
      const provider = new RestProvider({ baseUrl });
      const users = await restError(provider.listUsers({ includeDeactivated: false, signal: signal() }));
      expect(users.kind).to.equal('invalid-shape');
      expect(users.message).to.contain('expected an object with a "users" array, got an object with "data"');
      const trace = await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(trace.message).to.contain('got an array of 0');
      const detail = await restError(provider.loadActivityDetail({ userId: 'u1', activity: activity('a1'), signal: signal() }));
      expect(detail.kind).to.equal('invalid-shape');
    });

    it('rejects arrays that are not arrays and a cursor that is not a string', async () => {
      const { baseUrl } = scenario('bad-array');
      const provider = new RestProvider({ baseUrl });
      expect((await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }))).message).to.contain(
        '"sessions" must be an array',
      );
      expect((await restError(provider.listUsers({ includeDeactivated: false, signal: signal() }))).kind).to.equal('invalid-shape');
      const cursor = scenario('bad-cursor-type');
      const error = await restError(new RestProvider({ baseUrl: cursor.baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.message).to.contain('"nextCursor" must be a string or null');
    });
  });

  describe('abort and network', () => {
    it('rejects with AbortError soon after an abort while the server is slow', async () => {
      const { baseUrl } = scenario('slow');
      const abort = new AbortController();
      const began = performance.now();
      const pending = new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: abort.signal });
      setTimeout(() => abort.abort(), 100);
      const error = await rejection(pending);
      expect(isAbortError(error), String(error)).to.equal(true);
      expect(performance.now() - began).to.be.lessThan(1000);
    });

    it('rejects with AbortError when aborted while the body is arriving', async () => {
      const { baseUrl } = scenario('slow-body');
      const abort = new AbortController();
      const began = performance.now();
      const pending = new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: abort.signal });
      setTimeout(() => abort.abort(), 300);
      const error = await rejection(pending);
      expect(isAbortError(error), String(error)).to.equal(true);
      expect(performance.now() - began).to.be.lessThan(1500);
    });

    it('does not even ask when the signal is already aborted', async () => {
      const { baseUrl, log } = scenario('ok');
      const abort = new AbortController();
      abort.abort();
      const error = await rejection(new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: abort.signal }));
      expect(isAbortError(error)).to.equal(true);
      expect((await log()).attempts).to.equal(0);
    });

    it('turns a network failure into a clear error naming the path', async () => {
      const { url } = (await (await fetch('/test-api/_closed-port')).json()) as { url: string };
      const provider = new RestProvider({ baseUrl: `${url}/api`, headers: { Authorization: TOKEN } });
      const error = await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('network');
      expect(error.status).to.equal(null);
      expect(error.message).to.contain('GET /api/users/u1/trace failed: no answer from the server');
      expect(error.message).not.to.contain('s3cret');
      expect(error.cause).to.be.instanceOf(TypeError);
    });
  });

  describe('options', () => {
    it('rejects invalid options early', () => {
      expect(() => new RestProvider({ baseUrl: '' })).to.throw(TypeError, /baseUrl/);
      expect(() => new RestProvider({ baseUrl: '/api', pageSize: 0 })).to.throw(RangeError, /pageSize/);
      expect(() => new RestProvider({ baseUrl: '/api', maxRetries: -1 })).to.throw(RangeError, /maxRetries/);
      expect(() => new RestProvider({ baseUrl: '/api', maxRetryAfterMs: Number.NaN })).to.throw(RangeError, /maxRetryAfterMs/);
    });
  });

  describe('the demo API (server/demo-api.mjs at /api)', () => {
    const WEEK = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-10T00:00:00+01:00' };

    it('lists the demo users, deactivated ones only on request', async () => {
      const provider = new RestProvider({ baseUrl: '/api' });
      const active = await provider.listUsers({ includeDeactivated: false, signal: signal() });
      const all = await provider.listUsers({ includeDeactivated: true, signal: signal() });
      expect(active.some((u) => u.id === 'jana.novakova')).to.equal(true);
      expect(active.some((u) => u.deactivated)).to.equal(false);
      expect(all.some((u) => u.deactivated)).to.equal(true);
    });

    it('serves a week that passes normalizeTrace, the same in one page or many', async () => {
      const whole = await new RestProvider({ baseUrl: '/api' }).loadTrace({ userId: 'jana.novakova', ...WEEK, signal: signal() });
      const { data, warnings } = normalizeTrace(whole);
      expect(warnings).to.deep.equal([]);
      expect(data.activities.length).to.be.greaterThan(50);
      expect(data.sessions.length).to.be.greaterThan(0);
      expect(data.pauses.length).to.be.greaterThan(0);
      const paged = await new RestProvider({ baseUrl: '/api', pageSize: 37 }).loadTrace({
        userId: 'jana.novakova',
        ...WEEK,
        signal: signal(),
      });
      expect(paged).to.deep.equal(whole);
    });

    it('answers the detail of an activity it served', async () => {
      const provider = new RestProvider({ baseUrl: '/api' });
      const { activities } = await provider.loadTrace({ userId: 'jana.novakova', ...DAY, signal: signal() });
      const call = activities.find((a) => a.type === 'call')!;
      const detail = await provider.loadActivityDetail({ userId: 'jana.novakova', activity: call, signal: signal() });
      expect(detail).to.have.property('callId');
      const missing = await restError(
        provider.loadActivityDetail({ userId: 'jana.novakova', activity: activity('jana.novakova:2025-03-03:99999'), signal: signal() }),
      );
      expect(missing.status).to.equal(404);
    });

    it('denies the agent role (header or token) and rejects an unknown token', async () => {
      const agentHeaders: HeadersInit[] = [{ 'X-Demo-Role': 'agent' }, { Authorization: 'Bearer agent-token' }];
      for (const headers of agentHeaders) {
        const error = await rejection(new RestProvider({ baseUrl: '/api', headers }).listUsers({ includeDeactivated: false, signal: signal() }));
        expect(error).to.be.instanceOf(AccessDeniedError);
        expect((error as AccessDeniedError).status).to.equal(403);
      }
      const supervisor = new RestProvider({ baseUrl: '/api', headers: { Authorization: 'Bearer supervisor-token' } });
      expect(await supervisor.listUsers({ includeDeactivated: false, signal: signal() })).not.to.be.empty;
      const wrong = await rejection(
        new RestProvider({ baseUrl: '/api', headers: { Authorization: TOKEN } }).loadTrace({ userId: 'jana.novakova', ...DAY, signal: signal() }),
      );
      expect((wrong as AccessDeniedError).status).to.equal(401);
    });

    it('answers 404 for an unknown user', async () => {
      const error = await restError(new RestProvider({ baseUrl: '/api' }).loadTrace({ userId: 'nobody', ...DAY, signal: signal() }));
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('user "nobody" not found');
      expect(error.message).to.contain('User "nobody" not found.');
    });

    it('pages the 100 000-activity week of the load-test user', async () => {
      const data = await new RestProvider({ baseUrl: '/api' }).loadTrace({ userId: 'load-test', ...WEEK, signal: signal() });
      expect(data.activities.length).to.be.greaterThan(99_000);
      expect(new Set(data.activities.map((a) => a.id)).size).to.equal(data.activities.length);
    });
  });
});
