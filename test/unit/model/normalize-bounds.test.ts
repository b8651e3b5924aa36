import { expect } from '@open-wc/testing';
import {
  MAX_LISTED_WARNINGS,
  MAX_RECORDS_PER_LIST,
  normalizeTrace,
  normalizeUsers,
} from '../../../src/model/normalize.js';
import { computeStats } from '../../../src/stats/compute-stats.js';
import type { DataWarning } from '../../../src/model/types.js';

const DAY = { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' };
const NOW = '2026-03-02T18:00:00Z';

function call(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, type: 'call', start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:05:00Z', ...extra };
}

/** A Proxy over `target` that counts reads of index properties and `in` checks. */
function counted<T extends object>(target: T): { proxy: T; reads: () => number } {
  let reads = 0;
  const isIndex = (key: string | symbol) => typeof key === 'string' && /^\d+$/.test(key);
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      if (isIndex(key)) reads++;
      return Reflect.get(t, key, receiver) as unknown;
    },
    has(t, key) {
      if (isIndex(key)) reads++;
      return Reflect.has(t, key);
    },
  });
  return { proxy, reads: () => reads };
}

function summaryOf(warnings: DataWarning[]): DataWarning | undefined {
  return warnings.find((w) => w.kind === 'summary');
}

describe('normalizeTrace: bounded work on bad input', () => {
  it('lists at most 100 warnings, then one summary with the total and the count per kind', () => {
    const activities: unknown[] = [];
    for (let i = 0; i < 3000; i++) activities.push(0);
    for (let i = 0; i < 20; i++) activities.push(call(`bad-end-${i}`, { end: 'never' }));
    activities.push(call('good'));
    const { data, warnings } = normalizeTrace({ sessions: [], pauses: [], activities });
    expect(warnings).to.have.length(MAX_LISTED_WARNINGS + 1);
    expect(warnings.slice(0, MAX_LISTED_WARNINGS).every((w) => w.kind === 'activity-not-an-object')).to.equal(true);
    const summary = warnings[MAX_LISTED_WARNINGS]!;
    expect(summary.kind).to.equal('summary');
    expect(summary.total).to.equal(3020);
    expect(summary.counts).to.deep.equal({ 'activity-not-an-object': 3000, 'activity-invalid-end': 20 });
    expect(summary.message).to.contain('3020 problems');
    expect(summary.message).to.contain('activity-invalid-end 20');
    // Nothing valid is lost behind the cap.
    expect(data.activities.map((a) => a.id)).to.deep.equal(['good']);
  });

  it('adds no summary when every warning is listed', () => {
    const activities = Array.from({ length: MAX_LISTED_WARNINGS }, () => null);
    const { warnings } = normalizeTrace({ sessions: [], pauses: [], activities });
    expect(warnings).to.have.length(MAX_LISTED_WARNINGS);
    expect(summaryOf(warnings)).to.equal(undefined);
  });

  it('counts problems of all three lists in one summary', () => {
    const bad = Array.from({ length: 60 }, () => 'x');
    const { warnings } = normalizeTrace({ sessions: bad, pauses: bad, activities: bad });
    expect(warnings).to.have.length(MAX_LISTED_WARNINGS + 1);
    expect(summaryOf(warnings)!.counts).to.deep.equal({
      'session-not-an-object': 60,
      'pause-not-an-object': 60,
      'activity-not-an-object': 60,
    });
  });

  it('rejects a list longer than the limit up front, without reading its entries', () => {
    const { proxy, reads } = counted(new Array<unknown>(MAX_RECORDS_PER_LIST + 1));
    const { data, warnings } = normalizeTrace({ sessions: [], pauses: [], activities: proxy });
    expect(data.activities).to.deep.equal([]);
    expect(warnings.map((w) => w.kind)).to.deep.equal(['array-too-long']);
    expect(warnings[0]!.message).to.contain(String(MAX_RECORDS_PER_LIST));
    expect(reads()).to.equal(0);
  });

  it('rejects an array-like that claims length 1e8 or a length that is not an index', () => {
    for (const length of [1e8, -1, 1.5, 'many']) {
      const liar = new Proxy([], { get: (t, key) => (key === 'length' ? length : Reflect.get(t, key)) as unknown });
      const { warnings } = normalizeTrace({ sessions: [], pauses: [], activities: liar });
      expect(warnings, String(length)).to.have.length(1);
      expect(['array-too-long', 'invalid-array']).to.include(warnings[0]!.kind);
    }
  });

  it('skips the holes of a sparse array with one warning, reading only the present entries', () => {
    const sparse = new Array<unknown>(1_500_000);
    sparse[0] = call('first');
    sparse[700_000] = call('middle');
    sparse[1_499_999] = call('last');
    const { proxy, reads } = counted(sparse);
    const { data, warnings } = normalizeTrace({ sessions: [], pauses: [], activities: proxy });
    expect(data.activities.map((a) => a.id)).to.deep.equal(['first', 'middle', 'last']);
    expect(warnings.map((w) => w.kind)).to.deep.equal(['activity-holes']);
    expect(warnings[0]!.message).to.contain('1499997');
    expect(reads(), 'reads of index properties').to.be.lessThan(10);
  });

  it('reports an entry whose getter throws and goes on', () => {
    const list: unknown[] = [call('a'), call('b')];
    Object.defineProperty(list, 0, {
      get() {
        throw new Error('boom');
      },
    });
    const { data, warnings } = normalizeTrace({ sessions: [], pauses: [], activities: list });
    expect(data.activities.map((a) => a.id)).to.deep.equal(['b']);
    expect(warnings.map((w) => [w.kind, w.index])).to.deep.equal([['activity-unreadable', 0]]);
  });

  it('bounds the user list the same way', () => {
    const users: unknown[] = Array.from({ length: 500 }, () => 7);
    users.push({ id: 'u1', name: 'Jana' });
    const result = normalizeUsers(users);
    expect(result.users.map((u) => u.id)).to.deep.equal(['u1']);
    expect(result.warnings).to.have.length(MAX_LISTED_WARNINGS + 1);
    expect(summaryOf(result.warnings)!.counts).to.deep.equal({ 'user-not-an-object': 500 });
    const { proxy, reads } = counted(new Array<unknown>(MAX_RECORDS_PER_LIST + 1));
    expect(normalizeUsers(proxy).warnings.map((w) => w.kind)).to.deep.equal(['array-too-long']);
    expect(reads()).to.equal(0);
  });
});

describe('normalizeTrace: talkSeconds', () => {
  it('cuts talkSeconds longer than the call to its length, with a warning, and keeps the call', () => {
    const { data, warnings } = normalizeTrace({
      sessions: [],
      pauses: [],
      activities: [call('huge', { talkSeconds: 1e308 }), call('long', { talkSeconds: 400 * 86_400 }), call('fits', { talkSeconds: 300 })],
    });
    expect(data.activities.map((a) => [a.id, a.talkSeconds])).to.deep.equal([
      ['huge', 300],
      ['long', 300],
      ['fits', 300],
    ]);
    expect(warnings.map((w) => [w.kind, w.id])).to.deep.equal([
      ['activity-talk-seconds-clamped', 'huge'],
      ['activity-talk-seconds-clamped', 'long'],
    ]);
    expect(warnings[0]!.message).to.contain('300 s');
  });

  it('keeps the statistics finite: talk time never exceeds the time on calls that do not overlap', () => {
    const stats = computeStats(
      {
        sessions: [],
        pauses: [],
        activities: [
          call('a', { talkSeconds: Number.MAX_VALUE }),
          call('b', { start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:00:30.500Z', talkSeconds: 1e300 }),
        ],
      },
      DAY,
      NOW,
    );
    expect(stats.calls.talkTime).to.equal(330.5);
    expect(stats.calls.talkTime!).to.be.at.most(stats.calls.time);
  });

  it('leaves a running call and a call without talkSeconds as they are', () => {
    const { data, warnings } = normalizeTrace({
      sessions: [],
      pauses: [],
      activities: [call('running', { end: null, talkSeconds: 50 }), call('none')],
    });
    expect(warnings).to.deep.equal([]);
    expect(data.activities[0]!.talkSeconds).to.equal(50);
    expect('talkSeconds' in data.activities[1]!).to.equal(false);
  });

  it('still leaves out a call whose talkSeconds is not a finite number ≥ 0', () => {
    for (const talkSeconds of [Infinity, -1, Number.NaN, '60']) {
      const { data, warnings } = normalizeTrace({ sessions: [], pauses: [], activities: [call('x', { talkSeconds })] });
      expect(data.activities, String(talkSeconds)).to.deep.equal([]);
      expect(warnings.map((w) => w.kind)).to.deep.equal(['activity-invalid-talk-seconds']);
    }
  });
});
