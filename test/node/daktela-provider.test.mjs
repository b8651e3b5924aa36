// DaktelaProvider against a local server (127.0.0.1, started here, closed after) that answers in
// Daktela's v6 envelope: paging past 1000 records, an error in a 200 body, 401, 403, 429.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { DaktelaProvider, DaktelaProviderError } from 'user-trace/adapters.js';
import { normalizeTrace } from 'user-trace/core.js';
import { activity } from './fixtures/daktela.mjs';

const TOKEN = 'daktela-secret-token';
const TOTAL = 2500;
const PERIOD = { userId: 'jana.novakova', start: '2026-10-25T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00' };

/** 2 500 calls of one day, one a minute from 00:00 (local wall clock, as Daktela writes it). */
const ACTIVITIES = Array.from({ length: TOTAL }, (_, i) => {
  const minute = i % 1380;
  const time = `2026-10-25 ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
  return activity({ name: `activities_${i}`, title: `Call ${i}`, time_open: time, time_close: time, duration: 30 });
});
const USERS = [
  { name: 'jana.novakova', title: 'Jana Nováková', deactivated: false, timezone: 'Europe/Prague' },
  { name: 'petr.dvorak', title: 'Petr Dvořák', deactivated: false, timezone: 'Europe/Prague' },
  { name: 'old.account', title: 'Old Account', deactivated: true, timezone: 'Europe/Prague' },
];

const envelope = (result, error = []) => JSON.stringify({ error, result, _time: '2026-10-25 12:00:00' });

let server;
let origin;
/** Requests by scenario: path, query, token header. */
const log = new Map();

function answer(scenario, endpoint, query, attempts) {
  if (scenario === 'unauthorized') return [401, envelope(null, ['Invalid access token'])];
  if (scenario === 'forbidden') return [403, envelope(null, ['Insufficient rights'])];
  if (scenario === 'error-in-200') return [200, envelope(null, { filter: ['Unknown field "tiem"'] })];
  if (scenario === 'busy-once' && attempts === 1) return [429, envelope(null, ['Too many requests']), { 'retry-after': '0' }];
  if (scenario === 'busy-forever') return [429, envelope(null, ['Too many requests']), { 'retry-after': '0' }];
  if (scenario === 'not-json') return [200, '<html>login</html>'];
  const skip = Number(query.get('skip') ?? 0);
  const take = Math.min(1000, Number(query.get('take') ?? 100));
  if (endpoint === 'users.json') return [200, envelope({ data: USERS.slice(skip, skip + take), total: USERS.length })];
  if (endpoint === 'activities.json') {
    return [200, envelope({ data: ACTIVITIES.slice(skip, skip + take), total: ACTIVITIES.length })];
  }
  const detail = /^activities\/(.+)\.json$/.exec(endpoint);
  if (detail) return [200, envelope({ data: ACTIVITIES.find((a) => a.name === decodeURIComponent(detail[1])) ?? null })];
  return [404, envelope(null, ['Not found'])];
}

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const match = /^\/([^/]+)\/api\/v6\/(.+)$/.exec(url.pathname);
    if (!match) return res.writeHead(404).end();
    const [, scenario, endpoint] = match;
    const entry = log.get(scenario) ?? { attempts: 0, requests: [] };
    log.set(scenario, entry);
    entry.attempts++;
    entry.requests.push({ endpoint, query: Object.fromEntries(url.searchParams), token: req.headers['x-auth-token'] ?? null });
    if (req.headers['x-auth-token'] !== TOKEN) {
      return res.writeHead(401, { 'content-type': 'application/json' }).end(envelope(null, ['Invalid access token']));
    }
    const [status, body, headers = {}] = answer(scenario, endpoint, url.searchParams, entry.attempts);
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const provider = (scenario, extra = {}) =>
  new DaktelaProvider({ baseUrl: `${origin}/${scenario}`, accessToken: TOKEN, timeZone: 'Europe/Prague', ...extra });
const signal = () => new AbortController().signal;

describe('DaktelaProvider', { timeout: 30_000 }, () => {
  it('pages activities past 1000 records with skip/take until total, sending X-AUTH-TOKEN', async () => {
    const trace = await provider('paged').loadTrace({ ...PERIOD, signal: signal() });
    assert.equal(trace.activities.length, TOTAL);
    assert.deepEqual(normalizeTrace(trace).warnings, []);
    const requests = log.get('paged').requests;
    assert.deepEqual(requests.map((r) => [r.query.skip, r.query.take]), [['0', '1000'], ['1000', '1000'], ['2000', '1000']]);
    assert.ok(requests.every((r) => r.token === TOKEN));
    const query = requests[0].query;
    assert.deepEqual(
      [query['filter[0][field]'], query['filter[0][operator]'], query['filter[0][value]']],
      ['user', 'eq', 'jana.novakova'],
    );
    // The period in the instance's wall clock, widened: a day back for activities still open, an hour for fall-back.
    assert.deepEqual([query['filter[1][field]'], query['filter[1][operator]'], query['filter[1][value]']], ['time', 'gte', '2026-10-23 23:00:00']);
    assert.deepEqual([query['filter[2][field]'], query['filter[2][operator]'], query['filter[2][value]']], ['time', 'lt', '2026-10-26 01:00:00']);
    assert.ok(!requests.some((r) => JSON.stringify(r.query).includes(TOKEN)), 'the token is never in the URL');
  });

  it('lists users with their zones and leaves deactivated ones out unless asked', async () => {
    const daktela = provider('users');
    const active = await daktela.listUsers({ includeDeactivated: false, signal: signal() });
    const all = await daktela.listUsers({ includeDeactivated: true, signal: signal() });
    assert.deepEqual(active.map((u) => [u.id, u.name, u.timeZone]), [
      ['jana.novakova', 'Jana Nováková', 'Europe/Prague'],
      ['petr.dvorak', 'Petr Dvořák', 'Europe/Prague'],
    ]);
    assert.equal(all.at(-1).deactivated, true);
  });

  it('merges the status history of the host callback', async () => {
    const asked = [];
    const daktela = provider('history', {
      statusHistory: async (q) => {
        asked.push([q.userId, q.start, q.end]);
        return {
          events: [
            { at: '2026-10-24T20:00:00Z', kind: 'login', userId: 'jana.novakova' },
            { at: '2026-10-25T08:00:00Z', kind: 'status', status: 'Lunch' },
            { at: '2026-10-25T08:30:00Z', kind: 'status', status: 'Ready' },
            { at: '2026-10-25T15:00:00Z', kind: 'logout' },
          ],
          statuses: { Lunch: { pause: 'Lunch', paid: false } },
        };
      },
    });
    const trace = await daktela.loadTrace({ ...PERIOD, signal: signal() });
    assert.deepEqual(asked, [[PERIOD.userId, PERIOD.start, PERIOD.end]]);
    assert.deepEqual(trace.sessions, [{ start: '2026-10-24T20:00:00.000Z', end: '2026-10-25T15:00:00.000Z' }]);
    assert.deepEqual(trace.pauses.map((p) => [p.name, p.paid]), [['Lunch', false]]);
    assert.equal(trace.activities.length, TOTAL);
  });

  it('rejects an error in a 200 body with DaktelaProviderError kind api', async () => {
    const error = await provider('error-in-200').loadTrace({ ...PERIOD, signal: signal() }).catch((e) => e);
    assert.ok(error instanceof DaktelaProviderError, String(error));
    assert.equal(error.kind, 'api');
    assert.equal(error.status, 200);
    assert.deepEqual(error.errors, ['filter: Unknown field "tiem"']);
    assert.ok(!error.message.includes(TOKEN));
  });

  it('rejects 401 and 403 with AccessDeniedError of that status', async () => {
    for (const [scenario, status] of [['unauthorized', 401], ['forbidden', 403]]) {
      const error = await provider(scenario).listUsers({ includeDeactivated: false, signal: signal() }).catch((e) => e);
      assert.equal(error.name, 'AccessDeniedError');
      assert.equal(error.status, status);
    }
    const wrongToken = await provider('paged', { accessToken: () => 'expired' }).listUsers({ includeDeactivated: false, signal: signal() }).catch((e) => e);
    assert.equal(wrongToken.status, 401);
    assert.ok(!wrongToken.message.includes('expired'));
  });

  it('retries 429 after Retry-After, and gives up after maxRetries', async () => {
    const users = await provider('busy-once').listUsers({ includeDeactivated: true, signal: signal() });
    assert.equal(users.length, 3);
    assert.equal(log.get('busy-once').attempts, 2);
    const error = await provider('busy-forever', { maxRetries: 2 }).listUsers({ includeDeactivated: true, signal: signal() }).catch((e) => e);
    assert.equal(error.kind, 'retries-exhausted');
    assert.equal(log.get('busy-forever').attempts, 3);
  });

  it('rejects an answer that is not JSON, and an aborted load with AbortError', async () => {
    const error = await provider('not-json').listUsers({ includeDeactivated: true, signal: signal() }).catch((e) => e);
    assert.equal(error.kind, 'invalid-json');
    const controller = new AbortController();
    controller.abort();
    const aborted = await provider('paged').loadTrace({ ...PERIOD, signal: controller.signal }).catch((e) => e);
    assert.equal(aborted.name, 'AbortError');
  });

  it('loads an activity detail with foreign keys as their titles', async () => {
    const detail = await provider('detail').loadActivityDetail({
      userId: PERIOD.userId,
      activity: { id: 'activities_7', type: 'call', start: '2026-10-25T00:07:00+02:00' },
      signal: signal(),
    });
    assert.equal(detail.name, 'activities_7');
    assert.equal(detail.queue, 'Support');
    assert.equal(detail.user, 'Jana Nováková');
  });
});
