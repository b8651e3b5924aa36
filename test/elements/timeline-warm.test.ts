import { expect } from '@open-wc/testing';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { hasLaneIndex } from '../../src/elements/timeline/bins.js';
import type { TraceData } from '../../src/model/types.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { settled, shadow } from './timeline-helpers.js';

// A new trace of more than 250 000 activities: the timeline builds its lane index and Busy in tasks of
// their own before the model that needs them, and shows the previous view meanwhile, marked busy.

const SMALL: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  pauses: [],
  activities: [{ id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:00Z' }],
};

function large(count: number): TraceData {
  const from = Date.parse('2026-03-11T06:00:00Z');
  const types = ['call', 'email', 'sms', 'ticket'];
  const activities = Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    type: types[i % types.length]!,
    start: new Date(from + i * 150).toISOString(),
    end: new Date(from + i * 150 + 100).toISOString(),
  }));
  return { sessions: [{ start: '2026-03-11T06:00:00Z', end: '2026-03-11T18:00:00Z' }], pauses: [], activities };
}

const chart = (el: UserTraceTimelineElement): HTMLElement => shadow(el).querySelector<HTMLElement>('[part="chart"]')!;

describe('timeline: a very large new trace', () => {
  it('is rendered after its indexes, each built in a task of its own, with the previous view shown busy meanwhile', async function () {
    this.timeout(60_000);
    // The next day of the same agent holds the large trace (the previous view stays while it loads).
    const big = large(260_000);
    const provider: UserTraceProvider = {
      listUsers: async () => [{ id: 'u1', name: 'Jana Nováková' }],
      loadTrace: async ({ start }) => structuredClone(start.startsWith('2026-03-11') ? big : SMALL),
    };
    // Set up from script, as a host page does.
    const el = document.createElement('user-trace-timeline') as UserTraceTimelineElement;
    el.style.width = '1200px';
    el.lang = 'en';
    el.setAttribute('time-zone', 'UTC');
    el.setAttribute('date', '2026-03-10');
    el.setAttribute('user-id', 'u1');
    el.provider = provider;
    document.body.append(el);
    try {
      await settled(el, 'ready');
      expect(chart(el).getAttribute('aria-busy')).to.equal('false');

      const loaded = new Promise((resolve) => el.store.addEventListener('load', resolve, { once: true }));
      el.date = '2026-03-11';
      await loaded;
      expect(el.store.snapshot.view?.period.days[0]?.date).to.equal('2026-03-11');
      const prepared = el.store.snapshot.view!.prepared;
      // Task by task from the load (a large view reaches the element in a later task): the old view
      // stays up, busy, until both indexes are built.
      const seen: string[] = [];
      // Each look is a task of its own, posted after the last one ran (a message: no timer clamping),
      // so a look comes between any two tasks the element posted meanwhile.
      const port = new MessageChannel();
      const nextTask = (): Promise<void> => new Promise((resolve) => ((port.port1.onmessage = () => resolve()), port.port2.postMessage(0)));
      for (let i = 0; i < 20_000 && (seen.length === 0 || chart(el).getAttribute('aria-busy') !== 'false'); i++) {
        const state = `${hasLaneIndex(prepared) ? 'index' : 'no index'}, ${chart(el).getAttribute('aria-busy')}`;
        if (seen[seen.length - 1] !== state) seen.push(state);
        await nextTask();
      }
      port.port1.close();
      expect(seen, 'a task showed the previous view busy without the new index').to.include('no index, true');
      expect(seen, 'a task showed it busy with the index built, before Busy').to.include('index, true');
      await el.updateComplete;
      expect(chart(el).getAttribute('aria-busy')).to.equal('false');
      expect(hasLaneIndex(prepared)).to.equal(true);
      expect(el.activityCount).to.equal(260_000);
    } finally {
      el.remove();
    }
  });
});
