/**
 * Large loads in short tasks (issue 15): validation and the prepared form run in slices with the
 * event loop served between them, abortable between slices; a stale answer is never shown.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { runInSlices, yieldToMain } from '../../../src/data/slices.js';
import { TraceStore, type TraceSnapshot } from '../../../src/data/store.js';
import { prepareSteps, prepareTrace } from '../../../src/model/normalize.js';
import { STEP_RECORDS } from '../../../src/model/steps.js';
import type { LoadTraceQuery, UserTraceProvider } from '../../../src/data/provider.js';
import type { TraceActivity, TraceData } from '../../../src/model/types.js';

/** `count` activities of one day (+01:00 offsets, reverse order: the sort has work), plus bad ones. */
function week(count: number, day = '2026-03-04'): TraceData {
  const base = Date.parse(`${day}T07:00:00+01:00`);
  const activities: TraceActivity[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(base + i * 1000).toISOString().replace('Z', '+00:00');
    activities.push({ id: `a${i}`, type: i % 3 ? 'call' : 'email', start, end: new Date(base + i * 1000 + 800).toISOString() });
  }
  activities.push({ id: 'a5', type: 'call', start: 'soon' } as TraceActivity);
  return { sessions: [{ start: `${day}T07:00:00+01:00`, end: `${day}T19:00:00+01:00` }], pauses: [], activities };
}

describe('runInSlices', () => {
  it('gives the same result as the unstepped validation', async () => {
    const raw = week(3 * STEP_RECORDS + 17);
    const stepped = await runInSlices(prepareSteps(raw), () => false, 0);
    const whole = prepareTrace(raw);
    expect(stepped.warnings).to.deep.equal(whole.warnings);
    expect(stepped.data).to.deep.equal(whole.data);
    expect(stepped.prepared.activities.map((a) => [a.id, a.start, a.end, a.lane])).to.deep.equal(
      whole.prepared.activities.map((a) => [a.id, a.start, a.end, a.lane]),
    );
    expect(stepped.prepared.activities[0]!.id).to.equal('a0');
  });

  it('serves the event loop between slices and stops at the first slice boundary after an abort', async () => {
    let steps = 0;
    let finished = false;
    function* work(): Generator<void, string, void> {
      for (let i = 0; i < 100; i++) {
        steps++;
        yield;
      }
      finished = true;
      return 'done';
    }
    const abort = new AbortController();
    let timerRan = false;
    void yieldToMain().then(() => {
      timerRan = true;
      abort.abort();
    });
    let error: unknown = null;
    try {
      await runInSlices(work(), () => abort.signal.aborted, 0);
    } catch (e) {
      error = e;
    }
    expect(timerRan).to.equal(true);
    expect((error as Error).name).to.equal('AbortError');
    expect(finished).to.equal(false);
    expect(steps).to.be.below(100);
  });

  it('runs a small computation in one go, without yielding', async () => {
    const order: string[] = [];
    function* small(): Generator<void, number, void> {
      yield;
      yield;
      return 3;
    }
    void Promise.resolve().then(() => order.push('microtask'));
    const pending = runInSlices(small(), () => false).then((n) => order.push(`result ${n}`));
    await pending;
    expect(order).to.deep.equal(['microtask', 'result 3']);
  });
});

describe('TraceStore with a large trace', () => {
  it('never shows an answer whose query changed while it was being validated', async () => {
    const calls: LoadTraceQuery[] = [];
    let store: TraceStore | null = null;
    const big = week(6 * STEP_RECORDS);
    // Reading this record (validation is under way) changes the query: the answer is stale from then on.
    Object.defineProperty(big.activities[2 * STEP_RECORDS]!, 'title', {
      enumerable: true,
      get() {
        store?.setQuery({ date: '2026-03-11' });
        return 'read';
      },
    });
    const provider: UserTraceProvider = {
      listUsers: async () => [{ id: 'u', name: 'U' }],
      loadTrace: async (q) => {
        calls.push(q);
        return q.start.startsWith('2026-03-02') ? big : week(3, '2026-03-11');
      },
    };
    store = new TraceStore({ provider, query: { userId: 'u', date: '2026-03-04', period: 'week', timeZone: 'Europe/Prague', locale: 'cs' } });
    const seen: TraceSnapshot[] = [];
    store.subscribe((s) => seen.push(s));
    store.resume();
    await waitUntil(() => store!.snapshot.status === 'ready', 'the second week loaded');
    expect(calls.map((q) => q.start)).to.deep.equal(['2026-03-02T00:00:00+01:00', '2026-03-09T00:00:00+01:00']);
    expect(store.snapshot.view!.prepared.activities.length).to.equal(3);
    expect(seen.some((s) => (s.view?.prepared.activities.length ?? 0) > 3)).to.equal(false);
  });
});
