import { expect, waitUntil } from '@open-wc/testing';
import { TraceStore, type TraceSnapshot } from '../../../src/data/store.js';
import { AccessDeniedError, abortError, type UserTraceProvider, type LoadTraceQuery } from '../../../src/data/provider.js';
import type { TraceData, TraceUser } from '../../../src/model/types.js';
import { handOver } from '../../../src/model/hand-over.js';
import { computePreparedStats } from '../../../src/stats/compute-stats.js';

const USERS: TraceUser[] = [
  { id: 'jana', name: 'Jana Nováková' },
  { id: 'petr', name: 'Petr Dvořák' },
  { id: 'old', name: 'Old Agent', deactivated: true },
];

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T15:00:00Z' }],
  pauses: [{ start: '2026-03-10T10:00:00Z', end: '2026-03-10T10:30:00Z', name: 'Lunch', paid: false }],
  activities: [
    { id: 'a1', type: 'call', start: '2026-03-10T08:00:00Z', end: '2026-03-10T08:10:00Z', closed: true },
  ],
};

interface Call {
  query: LoadTraceQuery;
  resolve: (data: unknown) => void;
  reject: (error: unknown) => void;
}

/** A provider whose answers the test releases by hand, in any order. */
class ManualProvider implements UserTraceProvider {
  calls: Call[] = [];
  userCalls = 0;
  users: unknown = USERS;

  async listUsers({ includeDeactivated }: { includeDeactivated: boolean }): Promise<TraceUser[]> {
    this.userCalls += 1;
    const users = this.users as TraceUser[];
    return includeDeactivated ? users : users;
  }

  loadTrace(query: LoadTraceQuery): Promise<TraceData> {
    return new Promise((resolve, reject) => {
      this.calls.push({ query, resolve: resolve as (data: unknown) => void, reject });
      query.signal.addEventListener('abort', () => reject(abortError()));
    });
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const NOW = Date.parse('2026-03-20T12:00:00Z');

function makeStore(provider: UserTraceProvider) {
  return new TraceStore({
    provider,
    now: () => NOW,
    query: { timeZone: 'Europe/Prague', date: '2026-03-10', locale: 'cs' },
  });
}

describe('TraceStore', () => {
  // The store loads validation on demand, with its first request; the tests release answers by hand
  // and look after one turn of the event loop, so one load has fetched that module before them.
  before(async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    store.setQuery({ userId: 'jana' });
    provider.calls[0]!.resolve(DAY);
    await waitUntil(() => store.snapshot.status === 'ready', 'a first load');
  });
  it('is idle until a user is chosen, then loads the period of the query once', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    store.resume();
    await tick();
    expect(store.snapshot.status).to.equal('idle');
    expect(provider.calls).to.have.length(0);
    store.setQuery({ userId: 'jana' });
    store.setQuery({ userId: 'jana' });
    store.setQuery({ minutes: true }); // drawing only: no new load
    expect(provider.calls).to.have.length(1);
    expect(provider.calls[0]!.query).to.include({
      userId: 'jana',
      start: '2026-03-10T00:00:00+01:00',
      end: '2026-03-11T00:00:00+01:00',
    });
    expect(store.snapshot.status).to.equal('loading');
    provider.calls[0]!.resolve(DAY);
    await waitUntil(() => store.snapshot.status !== 'loading', 'the first load ends');
    const { status, view } = store.snapshot;
    expect(status).to.equal('ready');
    expect(view!.stats.calls).to.deep.equal({ time: 600, talkTime: null, closed: 1 });
    expect(view!.stats.login.logged).to.equal(8 * 3600);
  });

  it('aborts the previous load and never lets a stale answer through', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    store.setQuery({ userId: 'jana' });
    store.setQuery({ userId: 'petr' });
    expect(provider.calls).to.have.length(2);
    expect(provider.calls[0]!.query.signal.aborted).to.equal(true);
    provider.calls[1]!.resolve({ sessions: [], pauses: [], activities: [] });
    provider.calls[0]!.resolve(DAY); // late answer of the old query
    await tick();
    expect(store.snapshot.view!.userId).to.equal('petr');
    expect(store.snapshot.status).to.equal('empty');
  });

  it('drops everything it held when access is denied', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    store.resume();
    store.setQuery({ userId: 'jana' });
    provider.calls[0]!.resolve(DAY);
    await tick();
    expect(store.snapshot.view).to.not.equal(null);
    store.setQuery({ date: '2026-03-11' });
    provider.calls[1]!.reject(new AccessDeniedError());
    await tick();
    const s = store.snapshot;
    expect(s.status).to.equal('denied');
    expect(s.view).to.equal(null);
    expect(s.users).to.have.length(0);
    expect(s.user).to.equal(null);
  });

  it('treats any error with status 401 as denial and other errors as errors with retry', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    store.setQuery({ userId: 'jana' });
    provider.calls[0]!.reject(Object.assign(new Error('Unauthorized'), { status: 401 }));
    await tick();
    expect(store.snapshot.status).to.equal('denied');
    store.retry();
    provider.calls[1]!.reject(new Error('Service unavailable'));
    await tick();
    expect(store.snapshot.status).to.equal('error');
    expect(store.snapshot.error!.message).to.equal('Service unavailable');
    store.retry();
    expect(provider.calls).to.have.length(3);
    provider.calls[2]!.resolve(DAY);
    await tick();
    expect(store.snapshot.status).to.equal('ready');
  });

  it('reports a clear error for an invalid date or time zone without calling the provider', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    const errors: Error[] = [];
    store.addEventListener('error', (e) => errors.push((e as CustomEvent).detail.error));
    store.setQuery({ userId: 'jana', date: '2026-02-30' });
    expect(store.snapshot.status).to.equal('error');
    expect(store.snapshot.error!.message).to.contain('2026-02-30');
    store.setQuery({ date: '2026-03-10', timeZone: 'Mars/Olympus' });
    expect(store.snapshot.error!.message).to.contain('Mars/Olympus');
    expect(provider.calls).to.have.length(0);
    expect(errors).to.have.length(2);
  });

  it('keeps bad records out, reports them and still shows the good ones', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    const warned: unknown[] = [];
    store.addEventListener('data-warning', (e) => warned.push((e as CustomEvent).detail));
    store.setQuery({ userId: 'jana' });
    provider.calls[0]!.resolve({
      ...DAY,
      activities: [...DAY.activities, { id: 'bad', type: 'call', start: 'yesterday' }, null],
    });
    await tick();
    expect(store.snapshot.status).to.equal('ready');
    expect(store.snapshot.view!.prepared.activities).to.have.length(1);
    expect(store.snapshot.view!.warnings).to.have.length(2);
    expect(warned).to.have.length(1);
  });

  it('validates what a provider handed over (RestProvider’s own records) in place, and copies any other answer', async () => {
    for (const handedOver of [true, false]) {
      const provider = new ManualProvider();
      const store = makeStore(provider);
      store.setQuery({ userId: 'jana' });
      const answer: TraceData = { sessions: [...DAY.sessions], pauses: [...DAY.pauses], activities: [{ ...DAY.activities[0]! }] };
      provider.calls[0]!.resolve(handedOver ? handOver(answer) : answer);
      await tick();
      expect(store.snapshot.status).to.equal('ready');
      expect(store.snapshot.view!.data.activities[0] === answer.activities[0], `handed over: ${handedOver}`).to.equal(handedOver);
    }
  });

  it('reports the warnings of a first part once, with the whole, as if the whole had come at once', async () => {
    const bad = { id: 'bad', type: 'call', start: 'yesterday' };
    const late = { id: 'a1', type: 'call', start: '2026-03-10T11:00:00Z', end: '2026-03-10T11:01:00Z' }; // a1 again
    const whole = { ...DAY, activities: [...DAY.activities, bad, late, null] } as unknown as TraceData;
    const first = { ...whole, activities: whole.activities.slice(0, 2) };
    const provider = new ManualProvider();
    const store = makeStore(provider);
    const warned: { warnings: { kind: string; index?: number }[] }[] = [];
    store.addEventListener('data-warning', (e) => warned.push((e as CustomEvent).detail));
    store.setQuery({ userId: 'jana' });
    await tick();
    provider.calls[0]!.query.partial!(first);
    await tick();
    expect(store.snapshot.view!.partial).to.equal(true);
    expect(warned).to.have.length(0); // a part's warnings wait for the whole
    provider.calls[0]!.resolve(whole);
    await tick();
    expect(store.snapshot.status).to.equal('ready');
    expect(warned).to.have.length(1);
    expect(warned[0]!.warnings.map((w) => [w.kind, w.index])).to.deep.equal([
      ['activity-invalid-start', 1],
      ['activity-duplicate-id', 2],
      ['activity-not-an-object', 3],
    ]);
    expect(store.snapshot.view!.data.activities.map((a) => a.id)).to.deep.equal(['a1']);
    store.dispose();
  });

  it('never offers deactivated users unless asked for, whatever the provider sends', async () => {
    const provider = new ManualProvider();
    const store = makeStore(provider);
    store.resume();
    await tick();
    expect(store.snapshot.users.map((u) => u.id)).to.deep.equal(['jana', 'petr']);
    store.setQuery({ includeDeactivated: true });
    await tick();
    expect(store.snapshot.users.map((u) => u.id)).to.deep.equal(['jana', 'petr', 'old']);
    store.setQuery({ userId: 'old' });
    expect(store.snapshot.user!.deactivated).to.equal(true);
    store.setQuery({ includeDeactivated: false });
    await tick();
    expect(store.snapshot.query.userId).to.equal(null);
    expect(store.snapshot.users.map((u) => u.id)).to.deep.equal(['jana', 'petr']);
  });

  it("takes today in the query's zone: a zone set later moves a date nobody chose, not a chosen one", () => {
    // 23:30 UTC is already the next day in Prague.
    const now = Date.parse('2026-12-01T23:30:00Z');
    const store = new TraceStore({ now: () => now, query: { timeZone: 'UTC' } });
    expect(store.snapshot.query.date).to.equal('2026-12-01');
    store.setQuery({ timeZone: 'Europe/Prague' });
    expect(store.snapshot.query.date).to.equal('2026-12-02');
    store.setQuery({ timeZone: 'America/New_York' });
    expect(store.snapshot.query.date, 'still today, in New York').to.equal('2026-12-01');
    store.setQuery({ date: '2026-11-20' });
    store.setQuery({ timeZone: 'Europe/Prague' });
    expect(store.snapshot.query.date, 'a chosen date stays').to.equal('2026-11-20');
    store.setQuery({ date: '' });
    expect(store.snapshot.query.date, 'empty: today again').to.equal('2026-12-02');
    store.dispose();
  });

  it('recounts running intervals with the clock while the period contains now', async () => {
    let now = Date.parse('2026-03-10T09:00:00Z');
    const provider = new ManualProvider();
    const store = new TraceStore({
      provider,
      now: () => now,
      liveIntervalMs: 20,
      query: { timeZone: 'UTC', date: '2026-03-10', userId: 'jana' },
    });
    const seen: TraceSnapshot[] = [];
    const off = store.subscribe((s) => seen.push(s));
    store.resume();
    provider.calls[0]!.resolve({ sessions: [{ start: '2026-03-10T08:00:00Z', end: null }], pauses: [], activities: [] });
    await tick();
    expect(store.snapshot.view!.live).to.equal(true);
    expect(store.snapshot.view!.stats.login.logged).to.equal(3600);
    now += 60_000;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(store.snapshot.view!.stats.login.logged).to.equal(3660);
    off();
    store.dispose();
  });

  it('hands a large view to each listener in a task of its own, after the load; a newer snapshot drops the rest', async () => {
    const activities = Array.from({ length: 6000 }, (_, i) => ({
      id: `a${i}`,
      type: 'call',
      start: new Date(Date.parse('2026-03-10T07:00:00Z') + i * 4000).toISOString(),
      end: new Date(Date.parse('2026-03-10T07:00:00Z') + i * 4000 + 3000).toISOString(),
    }));
    const provider = new ManualProvider();
    const store = makeStore(provider);
    const seen: string[] = [];
    const listener = (name: string) => (snapshot: TraceSnapshot) => {
      if (snapshot.view) seen.push(`${name} ${snapshot.view.data.activities.length}`);
    };
    const offs = ['a', 'b', 'c'].map((name) => store.subscribe(listener(name)));
    const loaded = new Promise<void>((resolve) => store.addEventListener('load', () => (seen.push('load'), resolve()), { once: true }));
    store.setQuery({ userId: 'jana' });
    await tick();
    provider.calls[0]!.resolve({ ...DAY, activities });
    await loaded;
    // The load first; the listeners after it, each in a later task (none in the task that made the view).
    expect(seen).to.deep.equal(['load']);
    const done = new Promise<void>((resolve) => store.addEventListener('snapshot', () => resolve(), { once: true }));
    await done;
    expect(seen).to.deep.equal(['load', 'a 6000', 'b 6000', 'c 6000']);
    // Its statistics were computed in slices: the same as at once, and as counted by hand (3 s each).
    const view = store.snapshot.view!;
    expect(view.stats).to.deep.equal(computePreparedStats(view.prepared, view.range.startMs, view.range.endMs, view.now));
    expect(view.stats.calls.time).to.equal(6000 * 3);

    // Another query while the turns run: the newer snapshot reaches every listener, and the turns
    // that were still to come do not hand anyone the older one after it.
    offs.forEach((off) => off());
    const got = new Map<string, TraceSnapshot[]>();
    offs.splice(0, 3, ...['a', 'b', 'c'].map((name) => store.subscribe((snapshot) => got.set(name, [...(got.get(name) ?? []), snapshot]))));
    const again = new Promise<void>((resolve) => store.addEventListener('load', () => resolve(), { once: true }));
    store.setQuery({ date: '2026-03-11' });
    await tick();
    provider.calls[1]!.resolve({ ...DAY, activities });
    await again;
    const large = store.snapshot;
    store.setQuery({ userId: 'petr' });
    for (let i = 0; i < 5; i++) await tick();
    for (const name of ['a', 'b', 'c']) {
      const list = got.get(name)!;
      expect(list[list.length - 1], name).to.equal(store.snapshot);
      if (name !== 'a') expect(list.includes(large), name).to.equal(false);
    }
    offs.forEach((off) => off());
    store.dispose();
  });

  it('shows a first part the provider hands over as still loading, then the whole; a part of an older query never shows', async () => {
    const first = { ...DAY, activities: DAY.activities.slice(0, 1) };
    const whole: TraceData = { ...DAY, activities: [...DAY.activities, { id: 'a2', type: 'email', start: '2026-03-10T09:00:00Z', end: '2026-03-10T09:05:00Z' }] };
    const provider = new ManualProvider();
    const store = makeStore(provider);
    const seen: TraceSnapshot[] = [];
    const off = store.subscribe((s) => seen.push(s));
    store.setQuery({ userId: 'jana' });
    await tick();
    provider.calls[0]!.query.partial!(first);
    provider.calls[0]!.query.partial!(whole); // a second part is ignored
    await tick();
    expect(store.snapshot.status).to.equal('loading');
    expect(store.snapshot.view!.partial).to.equal(true);
    expect(store.snapshot.view!.data.activities).to.have.length(1);
    provider.calls[0]!.resolve(whole);
    await tick();
    expect(store.snapshot.status).to.equal('ready');
    expect(store.snapshot.view!.partial).to.equal(undefined);
    expect(store.snapshot.view!.data.activities).to.have.length(2);
    // One first part shown (the users' list arriving meanwhile may repeat it in a snapshot of its own).
    expect(new Set(seen.filter((s) => s.view?.partial).map((s) => s.view))).to.have.property('size', 1);

    // Another date: the old part is not kept, and a part of the replaced load is dropped.
    store.setQuery({ date: '2026-03-11' });
    expect(store.snapshot.view).to.not.equal(null); // the whole view of the 10th stays while the 11th loads
    await tick();
    const replaced = provider.calls[1]!.query;
    store.setQuery({ date: '2026-03-12' });
    await tick();
    replaced.partial!(first);
    await tick();
    expect(store.snapshot.view?.partial).to.equal(undefined);
    provider.calls[2]!.query.partial!(first);
    await tick();
    expect(store.snapshot.view!.partial).to.equal(true);
    store.setQuery({ date: '2026-03-13' });
    expect(store.snapshot.view).to.equal(null);
    off();
    store.dispose();
  });
});
