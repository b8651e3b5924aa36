// The demo API reuses what it made for a period that had ended with nothing running: the same
// data and the same page answers on a later clock, so going back to a week costs the server
// nothing; a period that holds "now" is made again at each load (issue 15, the demo's own wait).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { createDemoApi } from '../../server/demo-api.mjs';
import { compressAnswer } from '../../server/compress.mjs';
import { COLUMNS_TYPE } from '../../server/trace-columns.mjs';

const DAY = 86_400_000;
const headers = { accept: `${COLUMNS_TYPE}, application/json;q=0.9` };
const traceUrl = (user, start, end, extra = '') =>
  `/api/users/${user}/trace?start=${encodeURIComponent(new Date(start).toISOString())}&end=${encodeURIComponent(new Date(end).toISOString())}${extra}`;

/** An API whose clock the test moves, and how often it generated a trace. */
function apiWithClock(startAt) {
  let now = startAt;
  const api = createDemoApi({ now: () => now });
  return { api, tick: (ms) => (now += ms), now: () => now };
}

test('a past week is answered with the same body on a later clock, across pages too', async () => {
  const week = Date.parse('2025-03-03T00:00:00Z');
  const { api, tick } = apiWithClock(week + 10 * DAY);
  const first = await api.handle({ method: 'GET', url: traceUrl('jana.novakova', week, week + 7 * DAY, '&limit=50'), headers });
  const cursor = JSON.parse(first.body).nextCursor;
  assert.ok(cursor, 'the week takes more than one page of 50');
  const second = await api.handle({ method: 'GET', url: traceUrl('jana.novakova', week, week + 7 * DAY, `&limit=50&cursor=${cursor}`), headers });
  tick(60 * 60 * 1000);
  const again = await api.handle({ method: 'GET', url: traceUrl('jana.novakova', week, week + 7 * DAY, '&limit=50'), headers });
  assert.equal(again.status, 200);
  assert.equal(again.body, first.body, 'the same string: made once');
  assert.deepEqual(again.headers, first.headers);
  // A cursor of the first load still pages through the kept data.
  const secondAgain = await api.handle({ method: 'GET', url: traceUrl('jana.novakova', week, week + 7 * DAY, `&limit=50&cursor=${cursor}`), headers });
  assert.equal(secondAgain.body, second.body);
  // Records and columns are kept apart.
  const records = await api.handle({ method: 'GET', url: traceUrl('jana.novakova', week, week + 7 * DAY, '&limit=50'), headers: { accept: 'application/json' } });
  assert.equal(JSON.parse(records.body).activityColumns, undefined);
  assert.ok(Array.isArray(JSON.parse(records.body).activities));
});

test('a period that holds now is made again, so what started or ended since shows', async () => {
  // Mid-shift on a working day (the demo's shifts start in the morning, Prague time).
  const day = Date.parse('2025-03-04T00:00:00Z');
  const { api, tick } = apiWithClock(day + 10 * 60 * 60 * 1000);
  const url = traceUrl('jana.novakova', day - DAY, day + DAY);
  const before = JSON.parse((await api.handle({ method: 'GET', url, headers: { accept: 'application/json' } })).body);
  assert.ok(
    [...before.sessions, ...before.activities].some((item) => item.end === null),
    'the demo has something running at 10:00 UTC on a Tuesday',
  );
  tick(2 * 60 * 60 * 1000);
  const after = JSON.parse((await api.handle({ method: 'GET', url, headers: { accept: 'application/json' } })).body);
  assert.ok(after.activities.length > before.activities.length, 'two hours later the agent did more');
});

test('a period that ended while something ran past its end is made again', async () => {
  // Until 10:00 UTC on a Tuesday, asked a minute later: the shift that runs at 10:00 is running.
  const start = Date.parse('2025-03-04T00:00:00Z');
  const end = start + 10 * 60 * 60 * 1000;
  const { api, tick } = apiWithClock(end + 60 * 1000);
  const url = traceUrl('jana.novakova', start, end);
  const all = (answer) => {
    const data = JSON.parse(answer.body);
    return [...data.sessions, ...data.pauses, ...data.activities];
  };
  const first = all(await api.handle({ method: 'GET', url, headers: { accept: 'application/json' } }));
  assert.ok(first.some((item) => item.end === null), 'something runs past the period\'s end');
  tick(12 * 60 * 60 * 1000);
  const later = all(await api.handle({ method: 'GET', url, headers: { accept: 'application/json' } }));
  assert.equal(later.length, first.length, 'nothing new starts inside a past period');
  assert.ok(later.every((item) => item.end !== null), 'what ran has ended by the evening');
});

test('a large answer is gzipped once: the same body again gets the same bytes, which unzip to it', async () => {
  const body = JSON.stringify({ activities: Array.from({ length: 60_000 }, (_, i) => ({ id: `a-${i}`, type: 'call', n: (i * 7919) % 10007 })) });
  assert.ok(body.length > 1024 * 1024);
  const answer = { status: 200, headers: { 'content-type': 'application/json' }, body };
  const one = await compressAnswer(answer, 'gzip');
  const two = await compressAnswer({ ...answer }, 'gzip');
  assert.equal(one.headers['content-encoding'], 'gzip');
  assert.equal(two.body, one.body, 'the kept buffer');
  assert.equal(gunzipSync(one.body).toString('utf8'), body);
  assert.equal(one.headers['content-length'], String(one.body.length));
});
