import { expect } from '@open-wc/testing';
import { isAbortError } from '../../../src/data/provider.js';
import {
  REST_DEFAULTS,
  RestProvider,
  decodePathSegment,
  encodePathSegment,
} from '../../../src/data/rest-provider.js';
import { activity, restError, scenario, signal, type RunLog } from './rest-helpers.js';

// The fault suite: hostile servers on the test runner's own HTTP server (server/wtr-api-plugin.mjs,
// scenarios under "Hostile servers"), each of which ends by itself. Limits are small (timeoutMs:
// 300) so the suite stays fast; no assertion measures time.

const DAY = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-04T00:00:00+01:00' };
const SECRET = 's3cret-pass';

/** Polls the run log until `done` holds (the server notices a closed connection a moment later). */
async function logUntil(log: () => Promise<RunLog>, done: (run: RunLog) => boolean): Promise<RunLog> {
  let run = await log();
  for (let i = 0; i < 50 && !done(run); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await log();
  }
  return run;
}

describe('RestProvider against hostile servers', () => {
  describe('time', () => {
    it('gives up on headers that come too late (timeout)', async () => {
      const { baseUrl, log } = scenario('headers-late');
      const error = await restError(new RestProvider({ baseUrl, timeoutMs: 300 }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('timeout');
      expect(error.status).to.equal(null);
      expect(error.message).to.match(/GET \/test-api\/headers-late\/[^ ]+\/users\/u1\/trace failed: no complete answer within 300 ms/);
      expect((await logUntil(log, (run) => run.clientLeft)).clientLeft, 'the connection is closed').to.equal(true);
    });

    it('gives up on a body that arrives at 1 byte per second: the limit covers the body', async () => {
      const { baseUrl, log } = scenario('byte-per-second');
      const error = await restError(new RestProvider({ baseUrl, timeoutMs: 300 }).listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error.kind).to.equal('timeout');
      expect(error.status).to.equal(200);
      const run = await log();
      expect(run.attempts).to.equal(1);
    });

    it('gives up on a body that never ends', async () => {
      const { baseUrl, log } = scenario('endless-body');
      const provider = new RestProvider({ baseUrl, timeoutMs: 300, maxResponseBytes: 1 << 30 });
      const error = await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('timeout');
      // The server stops writing once the client has gone.
      const first = await log();
      const later = await logUntil(log, (run) => run.sent === first.sent);
      expect(later.sent).to.be.lessThan(1 << 30);
    });

    it('ends a call to a server that never answers, through the deadline of the whole load', async () => {
      const { baseUrl } = scenario('silent');
      const error = await restError(
        new RestProvider({ baseUrl, timeoutMs: 10_000, loadTimeoutMs: 300 }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }),
      );
      expect(error.kind).to.equal('timeout');
      expect(error.message).to.contain('the load did not finish within 300 ms (loadTimeoutMs)');
    });

    it('ends endless paging at the load deadline', async () => {
      const { baseUrl, log } = scenario('endless');
      const provider = new RestProvider({ baseUrl, loadTimeoutMs: 300, maxPages: 1_000_000 });
      const error = await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('timeout');
      expect((await log()).attempts).to.be.greaterThan(0);
    });

    it('ends endless paging after maxPages, whose default is a few hundred', async () => {
      expect(REST_DEFAULTS.maxPages).to.be.within(100, 1000);
      const { baseUrl, log } = scenario('endless');
      const error = await restError(new RestProvider({ baseUrl, maxPages: 25 }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('paging');
      expect((await log()).attempts).to.equal(25);
    });

    it('ends a call whose fetch never settles and ignores its signal, or whose header function hangs', async () => {
      const never = new RestProvider({ baseUrl: '/api', timeoutMs: 300, fetch: () => new Promise<Response>(() => {}) });
      expect((await restError(never.listUsers({ includeDeactivated: false, signal: signal() }))).kind).to.equal('timeout');
      const hanging = new RestProvider({ baseUrl: '/api', timeoutMs: 300, headers: () => new Promise<HeadersInit>(() => {}) });
      expect((await restError(hanging.listUsers({ includeDeactivated: false, signal: signal() }))).kind).to.equal('timeout');
    });

    it('still rejects with AbortError, not a timeout, when the caller aborts', async () => {
      const { baseUrl } = scenario('silent');
      const abort = new AbortController();
      const pending = new RestProvider({ baseUrl, timeoutMs: 5000 }).listUsers({ includeDeactivated: false, signal: abort.signal });
      setTimeout(() => abort.abort(), 50);
      let outcome: unknown;
      try {
        await pending;
      } catch (error) {
        outcome = error;
      }
      expect(isAbortError(outcome), String(outcome)).to.equal(true);
    });
  });

  describe('size', () => {
    it('refuses a 50 MB body whose Content-Length says so, before reading it', async () => {
      const { baseUrl, log } = scenario('huge-body');
      const provider = new RestProvider({ baseUrl, maxResponseBytes: 1024 * 1024 });
      const error = await restError(provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      expect(error.kind).to.equal('too-large');
      expect(error.message).to.contain('larger than 1048576 bytes (maxResponseBytes)');
      const first = await log();
      const run = await logUntil(log, (r) => r.sent === first.sent);
      expect(run.sent).to.be.lessThan(25_000_000);
    });

    it('counts a 50 MB chunked body while it streams and stops at the limit', async () => {
      const { baseUrl, log } = scenario('huge-body-chunked');
      const error = await restError(
        new RestProvider({ baseUrl, maxResponseBytes: 1024 * 1024 }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }),
      );
      expect(error.kind).to.equal('too-large');
      const first = await log();
      const run = await logUntil(log, (r) => r.sent === first.sent);
      expect(run.sent).to.be.lessThan(25_000_000);
    });

    it('accepts the 50 MB body under a limit that allows it (the default is 64 MiB)', async () => {
      expect(REST_DEFAULTS.maxResponseBytes).to.equal(64 * 1024 * 1024);
      const { baseUrl } = scenario('huge-body-chunked');
      const error = await restError(new RestProvider({ baseUrl }).loadTrace({ userId: 'u1', ...DAY, signal: signal() }));
      // The whole body was read: it is valid JSON, just not a trace page.
      expect(error.kind).to.equal('invalid-shape');
      expect(error.message).to.contain('got an array of 25000001');
    });

    it('reads only the start of an endless error body', async () => {
      const { baseUrl } = scenario('huge-error');
      const error = await restError(new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: signal() }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(error.message.length).to.be.lessThan(600);
    });
  });

  describe('paths', () => {
    it('keeps the ids "..", "." and "" inside their path segment', async () => {
      const { baseUrl, log } = scenario('ok');
      const provider = new RestProvider({ baseUrl });
      const trace = await provider.loadTrace({ userId: '..', ...DAY, signal: signal() });
      expect(trace.activities[0]!.title, 'the server saw the user id ".."').to.equal('..');
      const detail = await provider.loadActivityDetail({ userId: '.', activity: activity('..'), signal: signal() });
      expect(detail).to.deep.equal({ activityId: '..', userId: '.', recording: 'REC-1' });
      await provider.loadTrace({ userId: '', ...DAY, signal: signal() });
      const { requests } = await log();
      expect(requests.map((r) => r.rawPath)).to.deep.equal(['users/!../trace', 'users/!./activities/!..', 'users/!/trace']);
      expect(requests.map((r) => r.segments)).to.deep.equal([
        ['users', '..', 'trace'],
        ['users', '.', 'activities', '..'],
        ['users', '', 'trace'],
      ]);
    });

    it('keeps an id of dots against the demo API: ".." is an unknown user, not the user list', async () => {
      const provider = new RestProvider({ baseUrl: '/api' });
      const error = await restError(provider.loadTrace({ userId: '..', ...DAY, signal: signal() }));
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('User ".." not found.');
    });

    it('encodes every id so that it decodes back and never leaves its segment', () => {
      for (const id of ['..', '.', '', '!', '!..', '%2e%2e', '.%2E', 'a/b', 'a\\b', '?#', '...', 'ü', '%', '!x!']) {
        const segment = encodePathSegment(id);
        expect(segment, id).to.match(/^[A-Za-z0-9\-_.~*'()%!]+$/);
        expect(['.', '..'], id).not.to.include(segment.replace(/%2e/gi, '.'));
        expect(decodePathSegment(segment), id).to.equal(id);
        const url = new URL(`http://h/api/users/${segment}/trace`);
        expect(url.pathname, id).to.equal(`/api/users/${segment}/trace`);
      }
    });
  });

  describe('origin', () => {
    for (const status of [302, 307]) {
      it(`refuses an answer that a ${status} redirect brought from another origin`, async () => {
        const { baseUrl, log } = scenario(`redirect-${status}`);
        const provider = new RestProvider({ baseUrl, headers: { Authorization: `Bearer ${SECRET}` } });
        const error = await restError(provider.listUsers({ includeDeactivated: false, signal: signal() }));
        expect(error.kind).to.equal('redirect');
        expect(error.message).to.contain('refused an answer redirected to another origin');
        expect(error.message).not.to.contain(SECRET);
        // The other origin did answer (and got no token): only the check refused it.
        const { requests } = await log();
        expect(requests).to.have.length(2);
        expect(requests[1]!.authorization).to.equal(null);
      });
    }

    it('follows a redirect on the same origin', async () => {
      const { baseUrl } = scenario('redirect-same-origin');
      const users = await new RestProvider({ baseUrl }).listUsers({ includeDeactivated: false, signal: signal() });
      expect(users.map((u) => u.id)).to.deep.equal(['u1', 'u/2 ?&#']);
    });
  });

  describe('credentials', () => {
    it('rejects a baseUrl with a user name or password at construction, without repeating them', () => {
      for (const baseUrl of [`http://agent:${SECRET}@127.0.0.1:9/api`, `//agent:${SECRET}@127.0.0.1/api`, 'http://agent@127.0.0.1/api']) {
        let thrown: unknown;
        try {
          new RestProvider({ baseUrl });
        } catch (error) {
          thrown = error;
        }
        expect(thrown, baseUrl).to.be.instanceOf(TypeError);
        const message = (thrown as Error).message;
        expect(message).to.contain('must not contain a user name or password');
        expect(message).not.to.contain(SECRET);
        expect(message).not.to.contain('agent');
      }
    });

    it('rejects invalid bounds early', () => {
      expect(() => new RestProvider({ baseUrl: '/api', timeoutMs: 0 })).to.throw(RangeError, /timeoutMs/);
      expect(() => new RestProvider({ baseUrl: '/api', loadTimeoutMs: Number.NaN })).to.throw(RangeError, /loadTimeoutMs/);
      expect(() => new RestProvider({ baseUrl: '/api', maxResponseBytes: -5 })).to.throw(RangeError, /maxResponseBytes/);
    });
  });
});
