// The columnar trace page on the server side (docs/rest-api.md, "Columnar pages"): negotiation and
// the demo server's encoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLUMNS_TYPE, acceptsColumns, encodeActivityColumns } from '../../server/trace-columns.mjs';
import { createDemoApi } from '../../server/demo-api.mjs';

test('Accept asks for columns only when it lists their media type without q=0', () => {
  assert.equal(acceptsColumns(`${COLUMNS_TYPE}, application/json;q=0.9`), true);
  assert.equal(acceptsColumns(['application/json', `${COLUMNS_TYPE.toUpperCase()};q=0.5`]), true);
  assert.equal(acceptsColumns(`${COLUMNS_TYPE};q=0`), false);
  assert.equal(acceptsColumns('application/json'), false);
  assert.equal(acceptsColumns('*/*'), false);
  assert.equal(acceptsColumns(undefined), false);
});

test('the encoder: offsets from the earliest start, durations, dictionaries for repeated strings, every field kept', () => {
  const fields = JSON.parse('{"__proto__":{"odd":true}}');
  const activities = [
    { id: 'a', type: 'call', start: '2025-03-03T09:00:00+01:00', end: '2025-03-03T09:05:00+01:00', queue: 'Q', ...fields },
    { id: 'b', type: 'call', start: '2025-03-03T07:59:00Z', end: null, queue: 'Q' },
    { id: 'c', type: 'call', start: Date.parse('2025-03-03T08:10:00Z'), talkSeconds: 12, queue: 'Q' },
    { id: 'd', type: 'call', start: '2025-03-03T08:20:00Z', end: '2025-03-03T08:20:00Z', queue: 'Q' },
  ];
  const columns = encodeActivityColumns(activities);
  const base = Date.parse('2025-03-03T07:59:00Z');
  assert.equal(columns.length, 4);
  assert.equal(columns.base, base);
  assert.deepEqual(columns.start, [60_000, 0, 11 * 60_000, 21 * 60_000]);
  assert.deepEqual(columns.duration, [5 * 60_000, null, null, 0]);
  assert.deepEqual(columns.fields.id, { values: ['a', 'b', 'c', 'd'] });
  assert.deepEqual(columns.fields.queue, { dictionary: ['Q'], index: [0, 0, 0, 0] });
  assert.deepEqual(columns.fields.talkSeconds, { values: [null, null, 12, null] });
  // A field named "__proto__" is a column like any other, not a prototype.
  assert.equal(Object.hasOwn(columns.fields, '__proto__'), true);
  assert.deepEqual(Object.getOwnPropertyDescriptor(columns.fields, '__proto__').value, { values: [{ odd: true }, null, null, null] });
  assert.equal('start' in columns.fields || 'end' in columns.fields, false);
});

test('the demo API answers columns with their media type when asked, records otherwise, and varies on Accept', async () => {
  const api = createDemoApi({ now: () => Date.parse('2025-03-10T00:00:00Z') });
  const url = '/api/users/jana.novakova/trace?start=2025-03-03T00%3A00%3A00%2B01%3A00&end=2025-03-04T00%3A00%3A00%2B01%3A00';
  const inColumns = await api.handle({ method: 'GET', url, headers: { accept: `${COLUMNS_TYPE}, application/json;q=0.9` } });
  const asRecords = await api.handle({ method: 'GET', url, headers: { accept: 'application/json' } });
  assert.equal(inColumns.headers['content-type'], `${COLUMNS_TYPE}; charset=utf-8`);
  assert.equal(asRecords.headers['content-type'], 'application/json; charset=utf-8');
  assert.match(inColumns.headers.vary, /accept/);
  assert.match(asRecords.headers.vary, /accept/);
  const columns = JSON.parse(inColumns.body);
  const records = JSON.parse(asRecords.body);
  assert.equal(columns.activities, undefined);
  assert.equal(columns.activityColumns.length, records.activities.length);
  assert.deepEqual(columns.activityColumns.fields.id.values, records.activities.map((a) => a.id));
  assert.deepEqual(columns.sessions, records.sessions);
  assert.ok(inColumns.body.length < asRecords.body.length);
});
