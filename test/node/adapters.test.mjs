// The adapters of user-trace/adapters.js against fixtures in each platform's documented shape.
// Runs in Node on the built package: `npm run build && npm run test:node`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  traceFromConnectAgentEvents,
  traceFromDaktelaActivities,
  traceFromGenesysDetails,
  traceFromStatusEvents,
  parseDaktelaTime,
  formatDaktelaTime,
} from 'user-trace/adapters.js';
import { computeStats, normalizeTrace, periodRange } from 'user-trace/core.js';
import { heartbeatsOnlyFallBack, nightShiftSpringForward, records as connectRecords, contact } from './fixtures/connect.mjs';
import {
  USER_ID,
  neverChangesSpringForward,
  nightShiftFallBackConversations,
  nightShiftFallBackUsers,
} from './fixtures/genesys.mjs';
import { fallBack, springForward } from './fixtures/daktela.mjs';

/** The adapter's data is valid as it is: normalizeTrace leaves everything in and warns about nothing. */
function assertValid(result) {
  const normalized = normalizeTrace(result.data);
  assert.deepEqual(normalized.warnings, []);
  assert.equal(normalized.data.sessions.length, result.data.sessions.length);
  assert.equal(normalized.data.pauses.length, result.data.pauses.length);
  assert.equal(normalized.data.activities.length, result.data.activities.length);
}

/** Statistics of one local day. */
function day(result, date, timeZone, now = '2030-01-01T00:00:00Z') {
  const range = periodRange({ date, period: 'day', timeZone });
  return { hours: (Date.parse(range.end) - Date.parse(range.start)) / 3_600_000, stats: computeStats(result.data, range, now) };
}

const spans = (list) => list.map(({ start, end, name, paid }) => (name === undefined ? { start, end } : { start, end, name, paid }));

function shuffled(list, seed = 7) {
  const out = [...list];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('traceFromStatusEvents', () => {
  const PRAGUE = 'Europe/Prague';
  const statuses = { Break: { pause: 'Break', paid: true }, Lunch: { pause: 'Lunch', paid: false } };
  const nightShift = [
    { at: '2026-03-02T22:00:00+01:00', kind: 'login' },
    { at: '2026-03-02T23:30:00+01:00', kind: 'status', status: 'Break' },
    { at: '2026-03-02T23:45:00+01:00', kind: 'status', status: 'Ready' },
    { at: '2026-03-03T02:00:00+01:00', kind: 'status', status: 'Lunch' },
    { at: '2026-03-03T02:30:00+01:00', kind: 'status', status: 'Ready' },
    { at: '2026-03-03T06:00:00+01:00', kind: 'logout' },
  ];

  it('splits a shift across midnight between the two days', () => {
    const result = traceFromStatusEvents(nightShift, { statuses });
    assert.deepEqual(result.warnings, []);
    assertValid(result);
    assert.deepEqual(spans(result.data.sessions), [{ start: '2026-03-02T21:00:00.000Z', end: '2026-03-03T05:00:00.000Z' }]);
    assert.deepEqual(spans(result.data.pauses), [
      { start: '2026-03-02T22:30:00.000Z', end: '2026-03-02T22:45:00.000Z', name: 'Break', paid: true },
      { start: '2026-03-03T01:00:00.000Z', end: '2026-03-03T01:30:00.000Z', name: 'Lunch', paid: false },
    ]);
    const monday = day(result, '2026-03-02', PRAGUE).stats;
    const tuesday = day(result, '2026-03-03', PRAGUE).stats;
    assert.equal(monday.login.logged, 2 * 3600);
    assert.equal(monday.pauses.paid, 900);
    assert.equal(tuesday.login.logged, 6 * 3600);
    assert.equal(tuesday.pauses.unpaid, 1800);
    assert.equal(tuesday.login.ready, 6 * 3600 - 1800);
  });

  it('gives the same trace for events out of order and duplicated', () => {
    const sorted = traceFromStatusEvents(nightShift, { statuses });
    const messy = traceFromStatusEvents(shuffled([...nightShift, nightShift[1], nightShift[5], nightShift[0]]), { statuses });
    assert.deepEqual(messy, sorted);
  });

  it('counts a status held from before the period, for an agent whose status never changes', () => {
    // One event a week earlier; nothing inside the period.
    const result = traceFromStatusEvents([{ at: '2026-02-23T08:00:00+01:00', kind: 'status', status: 'Lunch' }], { statuses });
    assertValid(result);
    assert.deepEqual(spans(result.data.sessions), [{ start: '2026-02-23T07:00:00.000Z', end: null }]);
    const { stats } = day(result, '2026-03-02', PRAGUE, '2026-03-02T12:00:00+01:00');
    assert.equal(stats.login.logged, 12 * 3600);
    assert.equal(stats.pauses.byName.Lunch, 12 * 3600);
  });

  it('keeps a session without logout running, or ends it at `until`', () => {
    const events = nightShift.slice(0, 5);
    const running = traceFromStatusEvents(events, { statuses });
    assert.equal(running.data.sessions[0].end, null);
    const ended = traceFromStatusEvents(events, { statuses, until: '2026-03-03T04:00:00+01:00' });
    assert.equal(ended.data.sessions[0].end, '2026-03-03T03:00:00.000Z');
    assertValid(running);
    assertValid(ended);
  });

  it('makes an unknown status an unpaid pause named after it, with one warning', () => {
    const result = traceFromStatusEvents([
      { at: '2026-03-02T08:00:00Z', kind: 'login' },
      { at: '2026-03-02T09:00:00Z', kind: 'status', status: 'Coffee' },
      { at: '2026-03-02T09:10:00Z', kind: 'status', status: 'Available' },
      { at: '2026-03-02T09:20:00Z', kind: 'status', status: 'Coffee' },
      { at: '2026-03-02T09:30:00Z', kind: 'status', status: 'Offline' },
    ]);
    assert.deepEqual(result.warnings.map((w) => w.kind), ['status-unknown']);
    assert.deepEqual(result.data.pauses.map((p) => [p.name, p.paid]), [['Coffee', false], ['Coffee', false]]);
    assert.equal(result.data.sessions[0].end, '2026-03-02T09:30:00.000Z');
  });

  it('filters by user and never throws on bad input', () => {
    const mixed = traceFromStatusEvents(
      [
        { at: '2026-03-02T08:00:00Z', kind: 'login', userId: 'jana' },
        { at: '2026-03-02T07:00:00Z', kind: 'login', userId: 'petr' },
        null,
        { at: '2026-03-02 08:00', kind: 'login' },
        { at: '2026-03-02T08:00:00Z', kind: 'pause' },
        { at: '2026-03-02T08:00:00Z', kind: 'status' },
      ],
      { userId: 'jana' },
    );
    assert.deepEqual(mixed.data.sessions, [{ start: '2026-03-02T08:00:00.000Z', end: null }]);
    assert.deepEqual(mixed.warnings.map((w) => [w.kind, w.index]), [
      ['event-not-an-object', 2],
      ['event-invalid-at', 3],
      ['event-invalid-kind', 4],
      ['event-missing-status', 5],
    ]);
    const hostile = new Proxy([], { get: () => { throw new Error('trap'); } });
    for (const input of [null, 42, 'x', {}, hostile]) {
      const result = traceFromStatusEvents(input, { until: 'soon', statuses: 5 });
      assert.deepEqual(result.data, { sessions: [], pauses: [], activities: [] });
      assert.ok(result.warnings.length > 0);
    }
  });
});

describe('traceFromConnectAgentEvents', () => {
  const NEW_YORK = 'America/New_York';

  it('reads a night shift across midnight and spring forward, newest first and with duplicates', () => {
    const input = [...nightShiftSpringForward, nightShiftSpringForward[3], nightShiftSpringForward[40]];
    const result = traceFromConnectAgentEvents(shuffled(input, 3), { agentArn: input[0].AgentARN });
    assert.deepEqual(result.warnings, []);
    assertValid(result);
    assert.deepEqual(spans(result.data.sessions), [{ start: '2026-03-08T03:00:05.000Z', end: '2026-03-08T10:00:00.000Z' }]);
    assert.deepEqual(spans(result.data.pauses), [
      { start: '2026-03-08T04:20:00.000Z', end: '2026-03-08T04:22:00.000Z', name: 'After contact work', paid: true },
      { start: '2026-03-08T05:30:00.000Z', end: '2026-03-08T06:00:00.000Z', name: 'Break', paid: false },
      { start: '2026-03-08T07:45:00.000Z', end: '2026-03-08T07:46:00.000Z', name: 'After contact work', paid: true },
    ]);
    const [call, chat] = [...result.data.activities].sort((a, b) => a.start.localeCompare(b.start));
    assert.deepEqual(
      { id: call.id, type: call.type, start: call.start, end: call.end, closed: call.closed, direction: call.direction, queue: call.queue },
      { id: 'c-voice-1', type: 'call', start: '2026-03-08T04:00:10.000Z', end: '2026-03-08T04:20:00.000Z', closed: true, direction: 'in', queue: 'Support' },
    );
    assert.deepEqual([chat.type, chat.start, chat.end, chat.queue], ['web', '2026-03-08T07:30:00.000Z', '2026-03-08T07:45:00.000Z', 'Chat']);

    const saturday = day(result, '2026-03-07', NEW_YORK).stats;
    const sunday = day(result, '2026-03-08', NEW_YORK);
    assert.equal(sunday.hours, 23);
    assert.equal(saturday.login.logged, 3600 + 3595);
    assert.equal(saturday.pauses.paid, 120);
    assert.equal(sunday.stats.login.logged, 5 * 3600);
    assert.equal(sunday.stats.pauses.unpaid, 1800);
    assert.equal(sunday.stats.pauses.paid, 60);
    assert.equal(sunday.stats.chats.web.closed, 1);
  });

  it('makes configured statuses paid and leaves out other agents', () => {
    const result = traceFromConnectAgentEvents(nightShiftSpringForward, { paidStatuses: ['Break'], agentArn: 'arn:other' });
    assert.deepEqual(result.data.sessions, []);
    const paid = traceFromConnectAgentEvents(nightShiftSpringForward, { paidStatuses: ['Break'] });
    assert.equal(paid.data.pauses.find((p) => p.name === 'Break').paid, true);
  });

  it('builds a running session from heartbeats alone, on the fall-back day', () => {
    const result = traceFromConnectAgentEvents(heartbeatsOnlyFallBack);
    assert.deepEqual(result.warnings, []);
    assertValid(result);
    // Available since 23:30 EDT the evening before, never changed, no logout.
    assert.deepEqual(spans(result.data.sessions), [{ start: '2026-11-01T03:30:00.000Z', end: null }]);
    const sunday = day(result, '2026-11-01', NEW_YORK, '2026-11-01T05:10:00Z');
    assert.equal(sunday.hours, 25);
    assert.equal(sunday.stats.login.logged, 70 * 60);
    assert.equal(sunday.stats.login.ready, 70 * 60);
  });

  it('starts a session at LOGIN, whatever status the agent had before logging in', () => {
    const [login] = connectRecords([{ type: 'LOGIN', at: '2026-03-02T08:00:00.000Z', status: 'Available', since: '2026-03-02T08:00:00.000Z' }]);
    const stale = connectRecords([{ type: 'HEART_BEAT', at: '2026-03-01T08:00:00.000Z', status: 'Available', since: '2026-03-01T08:00:00.000Z' }])[0];
    const result = traceFromConnectAgentEvents([{ ...login, PreviousAgentSnapshot: stale.CurrentAgentSnapshot }]);
    assert.deepEqual(result.data.sessions, [{ start: '2026-03-02T08:00:00.000Z', end: null }]);
  });

  it('warns about gaps longer than the heartbeat interval while logged in', () => {
    const frames = [
      { type: 'LOGIN', at: '2026-03-02T08:00:00.000Z', status: 'Available', since: '2026-03-02T08:00:00.000Z' },
      { type: 'HEART_BEAT', at: '2026-03-02T08:10:00.000Z', status: 'Available', since: '2026-03-02T08:00:00.000Z' },
      { type: 'LOGOUT', at: '2026-03-02T08:11:00.000Z', status: 'Offline', since: '2026-03-02T08:11:00.000Z' },
    ];
    const result = traceFromConnectAgentEvents(connectRecords(frames, { heartbeats: false }));
    assert.deepEqual(result.warnings.map((w) => w.kind), ['connect-event-gap']);
    assert.equal(traceFromConnectAgentEvents(connectRecords(frames, { heartbeats: false }), { maxEventGapSeconds: 900 }).warnings.length, 0);
  });

  it('keeps a contact still connected running and leaves out missed ones', () => {
    const frames = [
      { type: 'LOGIN', at: '2026-03-02T08:00:00.000Z', status: 'Available', since: '2026-03-02T08:00:00.000Z' },
      {
        type: 'STATE_CHANGE', at: '2026-03-02T08:01:00.000Z', status: 'Available', since: '2026-03-02T08:00:00.000Z',
        contacts: [
          contact({ id: 'missed', state: 'MISSED', since: '2026-03-02T08:01:00.000Z' }),
          contact({ id: 'task', channel: 'TASK', method: 'API', state: 'CONNECTED', since: '2026-03-02T08:01:00.000Z', connected: '2026-03-02T08:01:00.000Z' }),
        ],
      },
    ];
    const result = traceFromConnectAgentEvents(connectRecords(frames, { until: '2026-03-02T08:05:00.000Z' }));
    assertValid(result);
    assert.deepEqual(
      result.data.activities.map((a) => [a.id, a.type, a.end, a.ticketId, a.direction]),
      [['task', 'ticket', null, 'task', undefined]],
    );
  });

  it('never throws on bad input', () => {
    for (const input of [null, 1, [null, 'x', { EventTimestamp: 'never' }], { Records: 'no' }]) {
      const result = traceFromConnectAgentEvents(input, null);
      assertValid(result);
      assert.ok(result.warnings.length > 0);
    }
  });
});

describe('traceFromGenesysDetails', () => {
  const PRAGUE = 'Europe/Prague';
  const queueNames = { 'q-support': 'Support', 'q-chat': 'Chat', 'q-mail': 'Mail' };

  it('reads a night shift across midnight and fall back, with hold and wrap-up', () => {
    const result = traceFromGenesysDetails(
      { userDetails: nightShiftFallBackUsers, conversations: nightShiftFallBackConversations },
      { userId: USER_ID, queueNames },
    );
    assert.deepEqual(result.warnings, []);
    assertValid(result);
    assert.deepEqual(spans(result.data.sessions), [{ start: '2026-10-24T21:00:00.000Z', end: '2026-10-25T05:00:00.000Z' }]);
    assert.deepEqual(spans(result.data.pauses), [
      { start: '2026-10-24T23:30:00.000Z', end: '2026-10-24T23:45:00.000Z', name: 'Break', paid: true },
      { start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T00:33:00.000Z', name: 'Wrap-up', paid: true },
      { start: '2026-10-25T01:40:00.000Z', end: '2026-10-25T01:41:00.000Z', name: 'Wrap-up', paid: true },
      { start: '2026-10-25T02:00:00.000Z', end: '2026-10-25T02:30:00.000Z', name: 'Meal', paid: false },
    ]);
    const byType = Object.fromEntries(result.data.activities.map((a) => [a.type, a]));
    assert.deepEqual(Object.keys(byType).sort(), ['call', 'email', 'whatsapp']);
    assert.deepEqual(
      [byType.call.start, byType.call.end, byType.call.talkSeconds, byType.call.holdSeconds, byType.call.queue, byType.call.direction, byType.call.contact, byType.call.wrapUpCode],
      ['2026-10-25T00:10:00.000Z', '2026-10-25T00:30:00.000Z', 1080, 120, 'Support', 'in', '+420601000111', 'wc-resolved'],
    );
    assert.equal(byType.whatsapp.direction, 'out');
    assert.equal(byType.email.end, '2026-10-25T03:20:00.000Z');

    const sunday = day(result, '2026-10-25', PRAGUE);
    assert.equal(sunday.hours, 25);
    assert.equal(sunday.stats.login.logged, 7 * 3600);
    assert.equal(sunday.stats.pauses.paid, 900 + 180 + 60);
    assert.equal(sunday.stats.pauses.unpaid, 1800);
    assert.equal(sunday.stats.calls.talkTime, 1080);
    assert.equal(day(result, '2026-10-24', PRAGUE).stats.login.logged, 3600);
  });

  it('keeps a presence that never changes running, or ends it at `until`', () => {
    const running = traceFromGenesysDetails(neverChangesSpringForward, { userId: USER_ID });
    assertValid(running);
    assert.deepEqual(spans(running.data.sessions), [{ start: '2026-03-08T04:30:00.000Z', end: null }]);
    assert.deepEqual(running.data.activities.map((a) => [a.type, a.end, a.direction, a.closed]), [['call', null, 'out', undefined]]);
    const sunday = day(running, '2026-03-08', 'America/New_York', '2026-03-08T12:00:00Z');
    assert.equal(sunday.hours, 23);
    assert.equal(sunday.stats.login.logged, 7 * 3600);

    const ended = traceFromGenesysDetails(neverChangesSpringForward, { userId: USER_ID, until: '2026-03-08T12:00:00Z' });
    assert.equal(ended.data.sessions[0].end, '2026-03-08T12:00:00.000Z');
    assert.equal(ended.data.activities[0].end, '2026-03-08T12:00:00.000Z');
  });

  it('never throws on bad input', () => {
    for (const input of [null, { userDetails: 5, conversations: 'x' }, { conversations: [null, { participants: [null] }] }]) {
      const result = traceFromGenesysDetails(input, { userId: USER_ID, until: 'x' });
      assertValid(result);
      assert.ok(result.warnings.length > 0);
    }
  });
});

describe('traceFromDaktelaActivities', () => {
  const PRAGUE = 'Europe/Prague';

  it('reads wall-clock times in the instance zone across midnight and spring forward', () => {
    const result = traceFromDaktelaActivities(springForward, { timeZone: PRAGUE });
    assertValid(result);
    assert.deepEqual(result.warnings.map((w) => [w.kind, w.id]), [['daktela-skipped-time', 'activities_email_1']]);
    const [sms, call, email] = result.data.activities;
    assert.deepEqual([sms.type, sms.start, sms.end, sms.direction, sms.queue, sms.closed], ['sms', '2026-03-28T22:50:00.000Z', '2026-03-28T23:20:00.000Z', 'in', 'SMS', true]);
    assert.deepEqual([call.type, call.start, call.end, call.ticketId, call.contact], ['call', '2026-03-29T00:50:00.000Z', '2026-03-29T01:10:00.000Z', '4711', 'Jan Novák']);
    assert.deepEqual([email.type, email.start, email.end, email.closed], ['email', '2026-03-29T01:30:00.000Z', '2026-03-29T01:40:00.000Z', undefined]);
    const sunday = day(result, '2026-03-29', PRAGUE);
    assert.equal(sunday.hours, 23);
    assert.equal(sunday.stats.calls.time, 1200);
    // The SMS from 23:50 to 00:20 counts ten minutes on Saturday and twenty on Sunday.
    assert.equal(day(result, '2026-03-28', PRAGUE).stats.chats.sms.time, 600);
    assert.equal(sunday.stats.chats.sms.time, 1200);
  });

  it('takes the earlier instant of an ambiguous fall-back time, with a warning, and keeps an open call running', () => {
    const result = traceFromDaktelaActivities({ error: [], result: { data: fallBack, total: fallBack.length } }, { timeZone: PRAGUE, userId: 'jana.novakova' });
    assertValid(result);
    assert.deepEqual(result.warnings.map((w) => w.kind), ['daktela-ambiguous-time', 'daktela-ambiguous-time', 'record-duplicate-name']);
    const byId = Object.fromEntries(result.data.activities.map((a) => [a.id, a]));
    assert.deepEqual([byId.activities_chat_1.type, byId.activities_chat_1.start, byId.activities_chat_1.end], ['web', '2026-10-25T00:30:00.000Z', '2026-10-25T00:45:00.000Z']);
    assert.deepEqual([byId.activities_wap_1.type, byId.activities_wap_1.start], ['whatsapp', '2026-10-25T02:10:00.000Z']);
    assert.equal(byId.activities_igdm_1.type, 'igdm');
    assert.deepEqual([byId.activities_call_2.end, byId.activities_call_2.direction, byId.activities_call_2.closed], [null, 'out', undefined]);
    assert.equal(day(result, '2026-10-25', PRAGUE).hours, 25);
  });

  it('makes a comment on a ticket ticket work', () => {
    const { data } = traceFromDaktelaActivities(
      [
        { name: 'c1', type: '', action: 'CLOSE', time: '2026-05-04 09:00:00', time_close: '2026-05-04 09:05:00', ticket: { name: 812, title: 'Broken router' } },
        { name: 'c2', type: 'COMMENT', action: 'CLOSE', time: '2026-05-04 10:00:00', duration: 60 },
      ],
      { timeZone: PRAGUE },
    );
    assert.deepEqual(data.activities.map((a) => [a.type, a.ticketId, a.end]), [['ticket', '812', '2026-05-04T07:05:00.000Z'], ['comment', undefined, '2026-05-04T08:01:00.000Z']]);
  });

  it('never applies today’s offset to a past time', () => {
    assert.equal(parseDaktelaTime('2026-01-15 12:00:00', PRAGUE).ms, Date.parse('2026-01-15T11:00:00Z'));
    assert.equal(parseDaktelaTime('2026-07-15 12:00:00', PRAGUE).ms, Date.parse('2026-07-15T10:00:00Z'));
    assert.equal(parseDaktelaTime('2026-07-15 12:00:00', 'America/New_York').ms, Date.parse('2026-07-15T16:00:00Z'));
    assert.equal(formatDaktelaTime(Date.parse('2026-10-25T00:30:00Z'), PRAGUE), '2026-10-25 02:30:00');
    assert.equal(formatDaktelaTime(Date.parse('2026-10-25T01:30:00Z'), PRAGUE), '2026-10-25 02:30:00');
    assert.equal(parseDaktelaTime('2026-02-30 12:00:00', PRAGUE), null);
  });

  it('never throws on bad input', () => {
    for (const [input, options] of [[null, { timeZone: PRAGUE }], [[{ name: 'a' }, 5, { time: 'x' }], { timeZone: 'Mars/Base' }]]) {
      const result = traceFromDaktelaActivities(input, options);
      assertValid(result);
      assert.ok(result.warnings.length > 0);
    }
  });
});
