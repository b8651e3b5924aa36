import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { AccessDeniedError } from '../../src/data/provider.js';
import type { TraceData } from '../../src/model/types.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { TimelineHarness } from '../harness/timeline.js';
import { deepQueryAll } from '../e2e/helpers.js';

const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  pauses: [],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:00Z' },
    { id: 'e1', type: 'email', start: '2026-03-10T10:30:00Z', end: '2026-03-10T10:45:00Z' },
  ],
};

/** A provider whose loads finish only when the test says so. */
function gatedProvider(answer: (date: string) => TraceData | Error) {
  const pending: (() => void)[] = [];
  const provider: UserTraceProvider = {
    listUsers: async () => [{ id: 'u1', name: 'Jana Nováková' }],
    loadTrace: ({ start }) =>
      new Promise<TraceData>((resolve, reject) => {
        pending.push(() => {
          const a = answer(start.slice(0, 10));
          if (a instanceof Error) reject(a);
          else resolve(structuredClone(a));
        });
      }),
  };
  return {
    provider,
    /** Finishes the oldest pending load. */
    async release(): Promise<void> {
      await waitUntil(() => pending.length > 0, 'a load is pending');
      pending.shift()!();
    },
  };
}

/** Every text the region held, in order: its first, then each change (a MutationObserver's record). */
function record(region: Element): { texts: string[]; flush: () => string[] } {
  const texts = [region.textContent!.trim()];
  const push = () => {
    const text = region.textContent!.trim();
    if (text !== texts[texts.length - 1]) texts.push(text);
  };
  const observer = new MutationObserver(push);
  observer.observe(region, { childList: true, subtree: true, characterData: true });
  return {
    texts,
    flush: () => {
      push();
      return texts.filter((t) => t !== '');
    },
  };
}

describe('live region', () => {
  it('announces loading, the period and user with the count, and an error — each exactly once', async () => {
    const gate = gatedProvider((date) => (date === '2026-03-12' ? new Error('Server down') : date === '2026-03-10' ? DAY : { sessions: [], pauses: [], activities: [] }));
    const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline lang="en" user-id="u1" time-zone="UTC" date="2026-03-10" .provider=${gate.provider}></user-trace-timeline>`);
    const regions = deepQueryAll(el.shadowRoot!, '[aria-live]').filter((r) => r.getAttribute('part') === 'live');
    expect(regions).to.have.length(1);
    const region = regions[0]!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const log = record(region);
    const harness = new TimelineHarness(el);
    await gate.release();
    await waitUntil(() => el.store.snapshot.status === 'ready', 'ready');
    await el.updateComplete;
    // Re-renders without news say nothing again.
    el.requestUpdate();
    await el.updateComplete;
    harness.next();
    await el.updateComplete;
    await gate.release();
    await waitUntil(() => el.store.snapshot.status === 'empty', 'empty');
    await el.updateComplete;
    harness.next();
    await el.updateComplete;
    await gate.release();
    await waitUntil(() => el.store.snapshot.status === 'error', 'error');
    await el.updateComplete;
    expect(log.flush()).to.deep.equal([
      'Loading…',
      'Tuesday, March 10, 2026, Jana Nováková: 2 activities',
      'Loading…',
      'Wednesday, March 11, 2026, Jana Nováková: 0 activities',
      'Loading…',
      'The data could not be loaded.',
    ]);
    // The state itself is no second live region (it used to carry aria-busy and role=alert).
    const state = el.shadowRoot!.querySelector('[data-state="error"]')!;
    expect(state.hasAttribute('role')).to.equal(false);
  });

  it('has one region for a container and its three elements, and says a denial once', async () => {
    const provider: UserTraceProvider = {
      listUsers: async () => {
        throw new AccessDeniedError();
      },
      loadTrace: async () => {
        throw new AccessDeniedError();
      },
    };
    const el = await fixture<UserTraceContainerElement>(html`<user-trace lang="en" user-id="u1" time-zone="UTC" date="2026-03-10" .provider=${provider}>
      <user-trace-timeline></user-trace-timeline>
      <user-trace-stats></user-trace-stats>
      <user-trace-activities></user-trace-activities>
    </user-trace>`);
    await waitUntil(() => el.store.snapshot.status === 'denied', 'denied');
    const children = [...el.children] as UserTraceTimelineElement[];
    await Promise.all(children.map((c) => c.updateComplete));
    await el.updateComplete;
    const roots = [el.shadowRoot!, ...children.map((c) => c.shadowRoot!)];
    // The user picker's own region (the match count while one types) stays empty while it is closed.
    const live = roots
      .flatMap((r) => deepQueryAll(r, '[aria-live], [role="alert"], [role="status"]'))
      .filter((r) => (r.getRootNode() as ShadowRoot).host.localName !== 'user-trace-user-picker' || r.textContent!.trim() !== '');
    expect(live).to.have.length(1);
    expect(live[0]!.getRootNode()).to.equal(el.shadowRoot);
    expect(live[0]!.textContent).to.contain('No access to User tracing');
  });
});
