// The demo server's Daktela v6 endpoints (/daktela/api/v6/…) show the same agent through
// DaktelaProvider as its REST API shows through RestProvider.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DaktelaProvider } from 'user-trace/adapters.js';
import { RestProvider } from 'user-trace/rest.js';
import { computeStats, periodRange } from 'user-trace/core.js';
import { createDemoServer } from '../../server/demo-server.mjs';

const NOW = Date.parse('2026-03-11T18:00:00Z');
let demo;

before(async () => {
  demo = await createDemoServer({ port: 0, host: '127.0.0.1', latencyMs: 0, now: () => NOW, heavyUserId: null });
});

after(async () => {
  await demo.close();
});

function daktela(token = 'supervisor-token') {
  const origin = demo.url.replace(/\/$/, '');
  return new DaktelaProvider({
    baseUrl: `${origin}/daktela`,
    accessToken: token,
    timeZone: 'Europe/Prague',
    statusHistory: async ({ userId, start, end, signal }) => {
      const query = new URLSearchParams({ user: userId, start, end });
      const response = await fetch(`${origin}/daktela/host/status-events.json?${query}`, { headers: { 'x-auth-token': token }, signal });
      return (await response.json()).result;
    },
  });
}

describe('demo server in Daktela’s envelope', { timeout: 60_000 }, () => {
  it('shows the same agent through DaktelaProvider as through RestProvider', async () => {
    const range = periodRange({ date: '2026-03-10', period: 'week', timeZone: 'Europe/Prague' });
    const query = { userId: 'jana.novakova', start: range.start, end: range.end, signal: new AbortController().signal };
    const rest = new RestProvider({ baseUrl: `${demo.url}api` });
    const [viaRest, viaDaktela, users] = await Promise.all([
      rest.loadTrace(query),
      daktela().loadTrace(query),
      daktela().listUsers({ includeDeactivated: true, signal: query.signal }),
    ]);
    assert.ok(users.some((u) => u.id === 'jana.novakova' && u.name === 'Jana Nováková'));
    assert.ok(viaRest.activities.length > 0);
    assert.deepEqual(
      viaDaktela.activities.map((a) => [a.id, a.type]).sort(),
      viaRest.activities.map((a) => [a.id, a.type]).sort(),
    );
    const restStats = computeStats(viaRest, range, NOW);
    const daktelaStats = computeStats(viaDaktela, range, NOW);
    assert.deepEqual(daktelaStats.login, restStats.login);
    assert.deepEqual(daktelaStats.pauses, restStats.pauses);
    assert.deepEqual(daktelaStats.calls.closed, restStats.calls.closed);
    assert.deepEqual(daktelaStats.tickets, restStats.tickets);
  });

  it('answers a token without the right with 403 and a wrong token with 401', async () => {
    const signal = new AbortController().signal;
    const agent = await daktela('agent-token').listUsers({ includeDeactivated: false, signal }).catch((e) => e);
    assert.equal(agent.status, 403);
    const wrong = await daktela('nope').listUsers({ includeDeactivated: false, signal }).catch((e) => e);
    assert.equal(wrong.status, 401);
  });
});
