// Property tests of user-trace/adapters.js (fixed seed): whatever the input, the output passes
// normalizeTrace without a warning, and status time is conserved — sessions' length is ready
// time plus paused time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  traceFromConnectAgentEvents,
  traceFromDaktelaActivities,
  traceFromGenesysDetails,
  traceFromStatusEvents,
} from 'user-trace/adapters.js';
import { computeStats, normalizeTrace } from 'user-trace/core.js';
import { contact, records } from './fixtures/connect.mjs';

const RUNS = { seed: 20261201, numRuns: 150 };
/** Saturday before the spring-forward night in Prague and New York's spring forward weekend, as a base. */
const BASE = Date.parse('2026-03-28T20:00:00Z');
const MINUTE = 60_000;
const NOW = BASE + 3 * 86_400_000;
const iso = (minute) => new Date(BASE + minute * MINUTE).toISOString();
const minuteArb = fc.integer({ min: 0, max: 12 * 60 });

function lengthMs(list) {
  return list.reduce((sum, { start, end }) => sum + ((end === null ? NOW : Date.parse(end)) - Date.parse(start)), 0);
}

/** No warning from normalizeTrace, nothing left out, and sessions' length = ready + paused. */
function assertSound(data) {
  const normalized = normalizeTrace(data);
  assert.deepEqual(normalized.warnings, []);
  assert.equal(normalized.data.activities.length, data.activities.length);
  const stats = computeStats(data, { start: new Date(BASE - 86_400_000).toISOString(), end: new Date(NOW).toISOString() }, NOW);
  const sessions = lengthMs(data.sessions) / 1000;
  const paused = lengthMs(data.pauses) / 1000;
  // Sums of lengths equal the unions: sessions and pauses are each disjoint.
  assert.ok(Math.abs(sessions - stats.login.logged) < 1e-6, `sessions ${sessions} ≠ logged ${stats.login.logged}`);
  assert.ok(Math.abs(paused - (stats.pauses.paid + stats.pauses.unpaid)) < 1e-6, `pauses ${paused} overlap`);
  assert.ok(Math.abs(sessions - (stats.login.ready + paused)) < 1e-6, `sessions ${sessions} ≠ ready ${stats.login.ready} + paused ${paused}`);
}

function permute(list, keys) {
  return list.map((item, i) => [keys[i % keys.length] ?? 0, i, item]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
}

const statusArb = fc.constantFrom('Ready', 'Available', 'Offline', 'Break', 'Lunch', 'Coffee');
const statusEventArb = fc.record({
  at: minuteArb,
  kind: fc.constantFrom('login', 'logout', 'status', 'status', 'status'),
  status: fc.option(statusArb, { nil: undefined }),
});

describe('adapter properties', () => {
  it('traceFromStatusEvents: valid, conserved, and independent of order and duplicates', () => {
    const statuses = { Break: { pause: 'Break', paid: true }, Lunch: { pause: 'Lunch', paid: false } };
    fc.assert(
      fc.property(
        fc.uniqueArray(statusEventArb, { selector: (e) => e.at, maxLength: 30 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.option(minuteArb, { nil: undefined }),
        (raw, keys, untilMinute) => {
          const events = raw.map((e) => ({ ...e, at: iso(e.at) })).filter((e) => e.kind !== 'status' || e.status);
          const options = untilMinute === undefined ? { statuses } : { statuses, until: iso(untilMinute) };
          const result = traceFromStatusEvents(events, options);
          assertSound(result.data);
          const messy = traceFromStatusEvents(permute([...events, ...events.slice(0, keys.length % 5)], keys), options);
          assert.deepEqual(messy.data, result.data);
        },
      ),
      RUNS,
    );
  });

  it('traceFromConnectAgentEvents: valid and conserved for any record sequence', () => {
    const contactArb = fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3'),
      channel: fc.constantFrom('VOICE', 'CHAT', 'TASK', 'EMAIL', 'SMS'),
      method: fc.constantFrom('INBOUND', 'OUTBOUND', 'CALLBACK', 'API'),
      state: fc.constantFrom('CONNECTING', 'CONNECTED', 'CONNECTED_ONHOLD', 'ENDED', 'MISSED', 'REJECTED'),
      since: minuteArb,
      connected: fc.option(minuteArb, { nil: null }),
    });
    const frameArb = fc.record({
      type: fc.constantFrom('LOGIN', 'LOGOUT', 'STATE_CHANGE', 'STATE_CHANGE', 'HEART_BEAT'),
      at: minuteArb,
      status: fc.constantFrom('Available', 'Break', 'Lunch', 'Offline'),
      since: minuteArb,
      contacts: fc.uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(frameArb, { maxLength: 25 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.option(minuteArb, { nil: undefined }),
        (frames, keys, untilMinute) => {
          const sorted = [...frames].sort((a, b) => a.at - b.at);
          const input = records(
            sorted.map((f) => ({
              ...f,
              at: iso(f.at),
              since: iso(f.since),
              contacts: f.contacts.map((c) => contact({ ...c, since: iso(c.since), connected: c.connected === null ? null : iso(c.connected) })),
            })),
            { heartbeats: false },
          );
          const options = untilMinute === undefined ? {} : { until: iso(untilMinute) };
          const result = traceFromConnectAgentEvents(permute([...input, ...input.slice(0, 3)], keys), options);
          assertSound(result.data);
        },
      ),
      RUNS,
    );
  });

  it('traceFromGenesysDetails: valid and conserved for any presence and segments', () => {
    const presenceArb = fc.record({
      start: minuteArb,
      length: fc.option(fc.integer({ min: -5, max: 300 }), { nil: null }),
      systemPresence: fc.constantFrom('AVAILABLE', 'ON_QUEUE', 'OFFLINE', 'BREAK', 'MEAL', 'AWAY', 'IDLE', 'TRAINING', 'SOMETHING'),
    });
    const segmentArb = fc.record({
      start: minuteArb,
      length: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      segmentType: fc.constantFrom('interact', 'hold', 'wrapup', 'alert', 'dialing'),
    });
    const sessionArb = fc.record({
      mediaType: fc.constantFrom('voice', 'chat', 'email', 'callback', 'message', 'video'),
      messageType: fc.constantFrom('sms', 'whatsapp', 'facebook', 'line', undefined),
      direction: fc.constantFrom('inbound', 'outbound'),
      segments: fc.array(segmentArb, { maxLength: 5 }),
    });
    const end = (start, length) => (length === null ? undefined : iso(start + length));
    fc.assert(
      fc.property(fc.array(presenceArb, { maxLength: 12 }), fc.array(sessionArb, { maxLength: 8 }), (presence, sessions) => {
        const userDetails = [
          {
            userId: 'u1',
            primaryPresence: presence.map((p) => ({ startTime: iso(p.start), endTime: end(p.start, p.length), systemPresence: p.systemPresence })),
          },
        ];
        const conversations = sessions.map((s, i) => ({
          conversationId: `conv-${i % 4}`,
          participants: [
            {
              purpose: 'agent',
              userId: 'u1',
              sessions: [
                {
                  ...s,
                  sessionId: `s-${i}`,
                  segments: s.segments.map((g) => ({ segmentStart: iso(g.start), segmentEnd: end(g.start, g.length), segmentType: g.segmentType })),
                },
              ],
            },
          ],
        }));
        assertSound(traceFromGenesysDetails({ userDetails, conversations }, { userId: 'u1' }).data);
      }),
      RUNS,
    );
  });

  it('traceFromDaktelaActivities: valid for any records, times and zones', () => {
    const timeArb = fc.oneof(
      fc.record({ day: fc.constantFrom('2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01'), hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
        .map(({ day, hour, minute }) => `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`),
      fc.constantFrom(null, '', 'yesterday', '2026-02-30 10:00:00', '2026-03-29T10:00:00+02:00'),
    );
    const recordArb = fc.record({
      name: fc.oneof(fc.constantFrom('a1', 'a2', 'a3', 'a4'), fc.constantFrom(null, 7)),
      type: fc.constantFrom('CALL', 'EMAIL', 'CHAT', 'SMS', 'FBM', 'WAP', 'VBR', 'IGDM', '', null),
      action: fc.constantFrom('OPEN', 'WAIT', 'POSTPONE', 'CLOSE', null),
      time: timeArb,
      time_open: timeArb,
      time_close: timeArb,
      duration: fc.oneof(fc.integer({ min: -10, max: 4000 }), fc.constantFrom(null, '300')),
      ticket: fc.constantFrom(null, 12, { name: 13, title: 'T' }),
      item: fc.constantFrom(null, { direction: 'in' }, { direction: 'OUT' }, { direction: 'sideways' }),
    });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }), fc.constantFrom('Europe/Prague', 'America/New_York', 'UTC'), (list, timeZone) => {
        assertSound(traceFromDaktelaActivities(list, { timeZone }).data);
      }),
      RUNS,
    );
  });
});
