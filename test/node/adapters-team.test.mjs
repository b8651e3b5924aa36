// The team adapters of user-trace/adapters.js: one platform answer holding many agents →
// `Record<userId, TraceData>` (what `loadTeamTrace` answers), each agent's part equal to what the
// one-agent adapter gives for that agent alone; and DaktelaProvider.loadTeamTrace against a local
// server in Daktela's envelope. Runs in Node on the built package: `npm run build && npm run test:node`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  DaktelaProvider,
  teamTraceFromConnectAgentEvents,
  teamTraceFromGenesysDetails,
  teamTraceFromStatusEvents,
  traceFromConnectAgentEvents,
  traceFromGenesysDetails,
  traceFromStatusEvents,
} from 'user-trace/adapters.js';
import { AccessDeniedError, normalizeTrace } from 'user-trace/core.js';
import { nightShiftSpringForward } from './fixtures/connect.mjs';
import { USER_ID, nightShiftFallBackConversations, nightShiftFallBackUsers } from './fixtures/genesys.mjs';
import { activity } from './fixtures/daktela.mjs';

const valid = (data) => assert.deepEqual(normalizeTrace(data).warnings, []);

describe('teamTraceFromStatusEvents', () => {
  const log = [
    { at: '2026-03-03T08:00:00+01:00', kind: 'login', userId: 'jana' },
    { at: '2026-03-03T09:00:00+01:00', kind: 'login', userId: 'petr' },
    { at: '2026-03-03T12:00:00+01:00', kind: 'status', status: 'Lunch', userId: 'jana' },
    { at: '2026-03-03T12:30:00+01:00', kind: 'status', status: 'Ready', userId: 'jana' },
    { at: '2026-03-03T13:00:00+01:00', kind: 'status', status: 'Coffee', userId: 'petr' },
    { at: '2026-03-03T13:10:00+01:00', kind: 'status', status: 'Ready', userId: 'petr' },
    { at: '2026-03-03T16:00:00+01:00', kind: 'logout', userId: 'jana' },
    { at: 'yesterday', kind: 'logout', userId: 'petr' },
    { at: '2026-03-03T17:00:00+01:00', kind: 'logout' },
  ];
  const statuses = { Lunch: { pause: 'Lunch', paid: false } };

  it('groups the events per agent, each the trace the one-agent reducer gives for that agent alone', () => {
    const team = teamTraceFromStatusEvents(log, { statuses });
    assert.deepEqual(Object.keys(team.data).sort(), ['jana', 'petr']);
    for (const userId of ['jana', 'petr']) {
      const alone = traceFromStatusEvents(log.filter((e) => e.userId === userId), { statuses });
      assert.deepEqual(team.data[userId], alone.data, userId);
      valid(team.data[userId]);
    }
    assert.deepEqual(team.data.jana.sessions, [{ start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T15:00:00.000Z' }]);
    assert.deepEqual(team.data.petr.sessions, [{ start: '2026-03-03T08:00:00.000Z', end: null }]);
    // Warnings: per agent, with the index and the message of the record in the whole list.
    assert.deepEqual(
      team.agentWarnings.petr.map((w) => [w.kind, w.index ?? null]),
      [
        ['event-invalid-at', 7],
        ['status-unknown', null],
      ],
    );
    assert.match(team.agentWarnings.petr[0].message, /^Status event 7 /);
    assert.equal(team.agentWarnings.jana, undefined);
    assert.deepEqual(team.warnings.map((w) => [w.kind, w.index]), [['event-without-agent', 8]]);
  });

  it('answers every agent asked for, also one without events, and no other', () => {
    const team = teamTraceFromStatusEvents(log, { statuses, userIds: ['jana', 'eva'], until: '2026-03-03T14:00:00+01:00' });
    assert.deepEqual(Object.keys(team.data), ['jana', 'eva']);
    assert.deepEqual(team.data.eva, { sessions: [], pauses: [], activities: [] });
    assert.deepEqual(team.data.jana.sessions, [{ start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T13:00:00.000Z' }]);
  });

  it('never throws on bad input', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    for (const input of [null, 42, 'x', {}, [null, 1, hostile, { userId: {} }]]) {
      const team = teamTraceFromStatusEvents(input, { userIds: ['a'] });
      assert.deepEqual(Object.keys(team.data), ['a']);
      valid(team.data.a);
    }
    const kinds = teamTraceFromStatusEvents([null, hostile, { at: 1, kind: 'login' }]).warnings.map((w) => w.kind);
    assert.deepEqual(kinds, ['event-not-an-object', 'event-unreadable', 'event-without-agent']);
    assert.deepEqual(teamTraceFromStatusEvents('nope').warnings.map((w) => w.kind), ['events-not-an-array']);
  });
});

describe('teamTraceFromConnectAgentEvents', () => {
  const arn = nightShiftSpringForward[0].AgentARN;
  const other = 'arn:aws:connect:eu-central-1:123456789012:instance/x/agent/other';
  const otherRecords = nightShiftSpringForward.map((r) => ({ ...r, AgentARN: other, EventId: `${r.EventId}-other` }));
  const batch = { Records: [...nightShiftSpringForward, ...otherRecords] };

  it('groups a batch by AgentARN, each the trace of that agent alone', () => {
    const team = teamTraceFromConnectAgentEvents(batch);
    assert.deepEqual(Object.keys(team.data).sort(), [arn, other].sort());
    assert.deepEqual(team.data[arn], traceFromConnectAgentEvents(nightShiftSpringForward).data);
    assert.deepEqual(team.data[other], traceFromConnectAgentEvents(otherRecords).data);
    valid(team.data[arn]);
    assert.ok(team.data[arn].activities.length > 0);
  });

  it('keys the agents by the host’s user ids, answering each of them and no other', () => {
    const team = teamTraceFromConnectAgentEvents(batch, { agents: { 'jana.novakova': arn, 'eva.mala': 'arn:none' }, paidStatuses: ['Break'] });
    assert.deepEqual(Object.keys(team.data), ['jana.novakova', 'eva.mala']);
    assert.deepEqual(team.data['jana.novakova'], traceFromConnectAgentEvents(nightShiftSpringForward, { paidStatuses: ['Break'] }).data);
    assert.deepEqual(team.data['eva.mala'], { sessions: [], pauses: [], activities: [] });
  });

  it('reports records of no agent and never throws', () => {
    const team = teamTraceFromConnectAgentEvents([{ EventType: 'HEART_BEAT' }, 7, ...nightShiftSpringForward.slice(0, 3)]);
    assert.deepEqual(team.warnings.map((w) => [w.kind, w.index]), [['record-without-agent', 0], ['record-not-an-object', 1]]);
    assert.deepEqual(teamTraceFromConnectAgentEvents(null).warnings.map((w) => w.kind), ['records-not-an-array']);
  });
});

describe('teamTraceFromGenesysDetails', () => {
  const input = { userDetails: nightShiftFallBackUsers, conversations: nightShiftFallBackConversations };

  it('gives each agent its presence and the conversations it took part in', () => {
    const team = teamTraceFromGenesysDetails(input, { queueNames: { 'q-support': 'Support' } });
    assert.ok(USER_ID in team.data);
    assert.deepEqual(team.data[USER_ID], traceFromGenesysDetails(input, { userId: USER_ID, queueNames: { 'q-support': 'Support' } }).data);
    valid(team.data[USER_ID]);
    assert.ok(team.data[USER_ID].activities.length >= 3);
  });

  it('answers an agent without details or conversations with an empty day, without a warning', () => {
    const team = teamTraceFromGenesysDetails(input, { userIds: [USER_ID, 'nobody'] });
    assert.deepEqual(Object.keys(team.data), [USER_ID, 'nobody']);
    assert.deepEqual(team.data.nobody, { sessions: [], pauses: [], activities: [] });
    assert.equal(team.agentWarnings.nobody, undefined);
    assert.deepEqual(teamTraceFromGenesysDetails({ conversations: 'x' }, {}).warnings.map((w) => w.kind), ['conversations-not-an-array']);
    assert.doesNotThrow(() => teamTraceFromGenesysDetails(null, null));
  });
});

describe('DaktelaProvider.loadTeamTrace', { timeout: 30_000 }, () => {
  const TOKEN = 'daktela-secret-token';
  const DAY = { start: '2026-03-03T00:00:00+01:00', end: '2026-03-04T00:00:00+01:00' };
  const user = (name) => ({ name, title: name });
  // 1 500 activities of three users (and of one not asked for), one a minute: two pages.
  const ACTIVITIES = Array.from({ length: 1500 }, (_, i) => {
    const minute = i % 1380;
    const time = `2026-03-03 ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    return activity({ name: `act_${i}`, time_open: time, time_close: time, duration: 30, user: user(['jana', 'petr', 'eva', 'stranger'][i % 4]) });
  });
  let server;
  let origin;
  const requests = [];

  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
      if (req.headers['x-auth-token'] !== TOKEN) return res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: ['Forbidden'], result: null }));
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const take = Number(url.searchParams.get('take') ?? 100);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: [], result: { data: ACTIVITIES.slice(skip, skip + take), total: ACTIVITIES.length } }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('loads the whole team with one paged list filtered on time, grouped by user, with each agent’s history', async () => {
    requests.length = 0;
    const asked = [];
    let inFlight = 0;
    let most = 0;
    const daktela = new DaktelaProvider({
      baseUrl: origin,
      accessToken: TOKEN,
      timeZone: 'Europe/Prague',
      statusHistory: async ({ userId }) => {
        asked.push(userId);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        if (userId === 'petr') throw new AccessDeniedError();
        return [{ at: '2026-03-03T08:00:00+01:00', kind: 'login', userId }, { at: '2026-03-03T16:00:00+01:00', kind: 'logout', userId }];
      },
    });
    const ids = ['jana', 'petr', 'eva', 'nobody', ...Array.from({ length: 10 }, (_, i) => `extra${i}`)];
    const team = await daktela.loadTeamTrace({ userIds: ids, ...DAY, signal: new AbortController().signal });
    // Two pages of one list, no user filter, the period in the instance's wall clock.
    assert.equal(requests.length, 2);
    for (const r of requests) {
      assert.equal(r.path, '/api/v6/activities.json');
      assert.equal(r.query['filter[0][field]'], 'time');
      assert.equal(r.query['filter[0][operator]'], 'gte');
      assert.ok(!Object.values(r.query).includes('user'));
    }
    assert.deepEqual(asked.sort(), [...ids].sort());
    assert.ok(most <= 6, `at most six history calls at once, was ${most}`);
    // The denied agent is left out (its row shows "no access"); everyone else is there.
    assert.deepEqual(Object.keys(team).sort(), ids.filter((id) => id !== 'petr').sort());
    assert.equal(team.jana.activities.length, 375);
    assert.equal(team.eva.activities.length, 375);
    assert.deepEqual(team.nobody.activities, []);
    assert.deepEqual(team.jana.sessions, [{ start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T15:00:00.000Z' }]);
    valid(team.jana);
    // The same activities loadTrace gives for the agent alone (the test server ignores the user filter; the adapter does not).
    const jana = await daktela.loadTrace({ userId: 'jana', ...DAY, signal: new AbortController().signal });
    assert.deepEqual(team.jana.activities, jana.activities);
  });

  it('takes the whole team’s history from teamStatusHistory in one call', async () => {
    const calls = [];
    const daktela = new DaktelaProvider({
      baseUrl: origin,
      accessToken: TOKEN,
      timeZone: 'Europe/Prague',
      statusHistory: async () => assert.fail('statusHistory must not be called when teamStatusHistory is given'),
      teamStatusHistory: async (q) => {
        calls.push(q.userIds);
        return {
          events: [
            { at: '2026-03-03T08:00:00+01:00', kind: 'login', userId: 'jana' },
            { at: '2026-03-03T10:00:00+01:00', kind: 'status', status: 'Lunch', userId: 'jana' },
            { at: '2026-03-03T09:00:00+01:00', kind: 'login', userId: 'eva' },
          ],
          statuses: { Lunch: { pause: 'Lunch', paid: false } },
        };
      },
    });
    const team = await daktela.loadTeamTrace({ userIds: ['jana', 'eva'], ...DAY, signal: new AbortController().signal });
    assert.deepEqual(calls, [['jana', 'eva']]);
    assert.deepEqual(team.jana.pauses.map((p) => [p.name, p.paid, p.end]), [['Lunch', false, null]]);
    assert.deepEqual(team.eva.sessions, [{ start: '2026-03-03T08:00:00.000Z', end: null }]);
  });

  it('rejects with AccessDeniedError when the list is denied', async () => {
    const daktela = new DaktelaProvider({ baseUrl: origin, accessToken: 'wrong', timeZone: 'Europe/Prague' });
    await assert.rejects(daktela.loadTeamTrace({ userIds: ['jana'], ...DAY, signal: new AbortController().signal }), (error) => error.name === 'AccessDeniedError' && error.status === 403);
  });
});
