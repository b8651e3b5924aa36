import { expect } from '@open-wc/testing';
import { normalizeTrace } from '../../../src/model/normalize.js';
import { normalizeSteps } from '../../../src/model/records.js';
import { runSteps } from '../../../src/model/steps.js';
import { isAbortError } from '../../../src/data/provider.js';
import { RestProvider } from '../../../src/data/rest-provider.js';
import { COLUMNS_TYPE, decodeColumnSteps } from '../../../src/data/rest-columns.js';
import { rejection, restError, signal } from './rest-helpers.js';

// The columnar trace page (docs/rest-api.md, "Columnar pages"): asked for by default, decoded
// into records that the library validates like any others.

const WEEK = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-10T00:00:00+01:00' };
const DAY = { start: '2025-03-03T00:00:00+01:00', end: '2025-03-04T00:00:00+01:00' };
const BASE = Date.parse('2025-03-03T08:00:00Z');

/** A `fetch` that answers every request with `body` as a columnar page, and records what it was asked. */
function answering(body: unknown): { fetch: typeof fetch; asked: Headers[] } {
  const asked: Headers[] = [];
  return {
    asked,
    fetch: async (_url, init) => {
      asked.push(new Headers(init?.headers));
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': COLUMNS_TYPE } });
    },
  };
}

/** A `fetch` that passes every request on and records the type of each answer. */
function recording(): { fetch: typeof fetch; types: string[] } {
  const types: string[] = [];
  return {
    types,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      types.push((response.headers.get('content-type') ?? '').split(';')[0]!);
      return response;
    },
  };
}

function page(columns: Record<string, unknown>): Record<string, unknown> {
  return {
    sessions: [{ start: '2025-03-03T08:00:00Z', end: '2025-03-03T16:00:00Z' }],
    pauses: [],
    activityColumns: {
      length: 3,
      base: BASE,
      start: [0, 60_000, 120_000],
      duration: [30_000, 0, null],
      fields: {
        id: { values: ['a1', 'a2', 'a3'] },
        type: { dictionary: ['call', 'email'], index: [0, 1, 0] },
        title: { dictionary: ['Order'], index: [0, null, 0] },
        closed: { values: [true, null, false] },
      },
      ...columns,
    },
    nextCursor: null,
  };
}

const load = (provider: RestProvider) => provider.loadTrace({ userId: 'u1', ...DAY, signal: signal() });

describe('RestProvider: columnar pages', () => {
  it('asks for columns and gets the same validated week as from records, in fewer pages', async () => {
    const inColumns = recording();
    const asRecords = recording();
    const columns = await new RestProvider({ baseUrl: '/api', fetch: inColumns.fetch }).loadTrace({ userId: 'load-test', ...WEEK, signal: signal() });
    const records = await new RestProvider({ baseUrl: '/api', fetch: asRecords.fetch, columns: false }).loadTrace({
      userId: 'load-test',
      ...WEEK,
      signal: signal(),
    });
    expect(inColumns.types.every((type) => type === COLUMNS_TYPE), inColumns.types.join()).to.equal(true);
    expect(asRecords.types.every((type) => type === 'application/json'), asRecords.types.join()).to.equal(true);
    // The demo server sends 100 000 items a page in columns, 20 000 as records.
    expect(inColumns.types.length).to.be.lessThan(asRecords.types.length);
    const a = normalizeTrace(columns);
    const b = normalizeTrace(records);
    expect(a.warnings).to.deep.equal([]);
    expect(a.data.activities.length).to.be.greaterThan(99_000);
    expect(a.data).to.deep.equal(b.data);
  });

  it('sends Accept for columns with records as the fallback, but not over an Accept of the host', async () => {
    const server = answering(page({}));
    await load(new RestProvider({ baseUrl: '/x', fetch: server.fetch }));
    expect(server.asked[0]!.get('accept')).to.equal(`${COLUMNS_TYPE}, application/json;q=0.9`);
    const own = answering(page({}));
    await load(new RestProvider({ baseUrl: '/x', fetch: own.fetch, headers: { Accept: 'application/json' } }));
    expect(own.asked[0]!.get('accept')).to.equal('application/json');
  });

  it('builds records from the columns: base + start, duration or running, dictionaries, absent fields left out', async () => {
    const data = await load(new RestProvider({ baseUrl: '/x', fetch: answering(page({})).fetch }));
    expect(data.sessions).to.have.length(1);
    expect(data.activities).to.deep.equal([
      { id: 'a1', type: 'call', start: BASE, end: BASE + 30_000, title: 'Order', closed: true },
      { id: 'a2', type: 'email', start: BASE + 60_000, end: BASE + 60_000 },
      { id: 'a3', type: 'call', start: BASE + 120_000, end: null, title: 'Order', closed: false },
    ]);
    const { data: valid, warnings } = normalizeTrace(data);
    expect(warnings).to.deep.equal([]);
    expect(valid.activities[0]).to.include({ start: '2025-03-03T08:00:00.000Z', end: '2025-03-03T08:00:30.000Z' });
  });

  it('leaves a record with a bad value to validation: that one is left out with a warning, the others kept', async () => {
    const data = await load(
      new RestProvider({ baseUrl: '/x', fetch: answering(page({ start: [0, 'soon', 120_000], duration: [30_000, 0, -5] })).fetch }),
    );
    const { data: valid, warnings } = normalizeTrace(data);
    expect(valid.activities.map((a) => a.id)).to.deep.equal(['a1']);
    expect(warnings.map((w) => [w.kind, w.id])).to.deep.equal([
      ['activity-invalid-start', 'a2'],
      ['activity-end-before-start', 'a3'],
    ]);
  });

  it('keeps a field named __proto__ as data, without touching any prototype', async () => {
    const body = page({});
    (body.activityColumns as { fields: Record<string, unknown> }).fields = JSON.parse(
      '{"id":{"values":["a1","a2","a3"]},"type":{"values":["call","call","call"]},"__proto__":{"values":[{"polluted":true},null,null]}}',
    ) as Record<string, unknown>;
    const data = await load(new RestProvider({ baseUrl: '/x', fetch: answering(body).fetch }));
    const first = data.activities[0]!;
    expect(Object.getPrototypeOf(first)).to.equal(Object.prototype);
    expect(Object.hasOwn(first, '__proto__')).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('fails the load with a clear invalid-shape error when the columns are broken', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ length: -1 }, /"activityColumns.length" must be an integer from 0 to 2000000, got -1/],
      [{ length: 3e9 }, /"activityColumns.length" must be an integer/],
      [{ base: '2025-03-03' }, /"activityColumns.base" must be a finite number \(epoch ms\), got the string "2025-03-03"/],
      [{ start: [0, 1] }, /"activityColumns.start" has 2 entries, "length" says 3/],
      [{ duration: null }, /"activityColumns.duration" must be an array, got null/],
      [{ fields: [] }, /"activityColumns.fields" must be an object, got an array/],
      [{ fields: { id: { values: ['a'] } } }, /"activityColumns.fields.id.values" has 1 entries/],
      [{ fields: { type: { dictionary: ['call'], index: [0, 1, 0] } } }, /"activityColumns.fields.type": index 1 is 1, not null or a position in its dictionary of 1/],
      [{ fields: { type: { dictionary: ['call'], index: [0, 0.5, 0] } } }, /index 1 is 0.5/],
      [{ fields: { type: 'call' } }, /"activityColumns.fields.type" must be an object with "values", or "dictionary" and "index"/],
      [{ fields: { end: { values: [1, 2, 3] } } }, /"activityColumns.fields.end": start and end are given by the "start" and "duration" columns/],
    ];
    for (const [columns, message] of cases) {
      const error = await restError(load(new RestProvider({ baseUrl: '/x', fetch: answering(page(columns)).fetch })));
      expect(error.kind, JSON.stringify(columns)).to.equal('invalid-shape');
      expect(error.message, JSON.stringify(columns)).to.match(message);
      expect(error.message).to.match(/^GET \/x\/users\/u1\/trace: unexpected answer \(HTTP 200\): /);
    }
    const notAnObject = await restError(load(new RestProvider({ baseUrl: '/x', fetch: answering({ activityColumns: 7, nextCursor: null }).fetch })));
    expect(notAnObject.message).to.contain('"activityColumns" must be an object, got 7');
  });

  it('hands over what it decoded from columns (validated in place by the elements), not JSON records', async () => {
    const decoded = await load(new RestProvider({ baseUrl: '/x', fetch: answering(page({})).fetch }));
    expect(runSteps(normalizeSteps(decoded, true)).data.activities[0]).to.equal(decoded.activities[0]);
    const records = await new RestProvider({ baseUrl: '/api', columns: false }).loadTrace({ userId: 'jana.novakova', ...DAY, signal: signal() });
    expect(records.activities.length).to.be.greaterThan(0);
    expect(runSteps(normalizeSteps(records, true)).data.activities[0]).not.to.equal(records.activities[0]);
  });

  it('decodes a large page in steps, and stops when the query is aborted meanwhile', async () => {
    const n = 200_000;
    const columns = {
      length: n,
      base: BASE,
      start: Array.from({ length: n }, (_, i) => i * 1000),
      duration: new Array<number>(n).fill(500),
      fields: { id: { values: Array.from({ length: n }, (_, i) => `a${i}`) }, type: { dictionary: ['call'], index: new Array<number>(n).fill(0) } },
    };
    // The steps pause every 4096 records: run in slices, no task holds the main thread for the whole page.
    const steps = decodeColumnSteps(columns);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
    expect(pauses).to.equal(Math.floor(n / 4096));

    const body = { sessions: [], pauses: [], activityColumns: columns, nextCursor: null };
    const provider = new RestProvider({ baseUrl: '/x', fetch: answering(body).fetch });
    const controller = new AbortController();
    const loading = provider.loadTrace({ userId: 'u1', ...DAY, signal: controller.signal });
    // Slices resume through scheduler.yield(), ahead of timers: abort from a task that goes first.
    const scheduler = (globalThis as unknown as { scheduler: { postTask: (task: () => void, options: object) => Promise<void> } }).scheduler;
    void scheduler.postTask(() => controller.abort(), { priority: 'user-blocking', delay: 20 });
    const error = await rejection(loading);
    expect(isAbortError(error), String(error)).to.equal(true);
    const whole = await load(provider);
    expect(whole.activities).to.have.length(n);
    expect(whole.activities[n - 1]).to.deep.equal({ id: `a${n - 1}`, type: 'call', start: BASE + (n - 1) * 1000, end: BASE + (n - 1) * 1000 + 500 });
  });
});
