import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import { AccessDeniedError, type LoadTraceQuery, type UserTraceProvider } from '../../src/data/provider.js';
import type { TraceActivity, TraceData } from '../../src/model/types.js';
import type { UserTraceElement } from '../../src/elements/base/user-trace-element.js';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import { TimelineHarness } from '../harness/timeline.js';
import { testProvider } from '../elements/timeline-helpers.js';
import { deepQueryAll, deepText, settle } from './helpers.js';

const NOW = Date.parse('2026-03-12T12:00:00+01:00');

/** Demo data whose activity details answer only when released, ignoring the abort signal (as a careless provider does). */
class LateDetailProvider implements UserTraceProvider {
  readonly demo = new DemoProvider({ seed: 3, now: () => NOW });
  deny = false;
  #pending: (() => void)[] = [];
  listUsers(q: Parameters<UserTraceProvider['listUsers']>[0]) {
    return this.demo.listUsers(q);
  }
  loadTrace(q: LoadTraceQuery): Promise<TraceData> {
    return this.deny ? Promise.reject(new AccessDeniedError()) : this.demo.loadTrace(q);
  }
  loadActivityDetail({ activity }: { activity: TraceActivity }): Promise<Record<string, unknown>> {
    return new Promise((resolve) => this.#pending.push(() => resolve({ secret: `LATE-DETAIL-${activity.id}` })));
  }
  release(): void {
    for (const answer of this.#pending.splice(0)) answer();
  }
}

const openDialogs = (root: ParentNode) => deepQueryAll<HTMLDialogElement>(root, 'dialog').filter((d) => d.open);

async function pageWithParts(provider: UserTraceProvider) {
  const page = await fixture<UserTraceContainerElement>(
    html`<user-trace lang="en" time-zone="Europe/Prague" date="2026-03-10" user-id="jana.novakova" .provider=${provider}>
      <user-trace-timeline></user-trace-timeline>
      <user-trace-activities></user-trace-activities>
    </user-trace>`,
  );
  await waitUntil(() => page.store.snapshot.status === 'ready', 'loaded', { timeout: 5000 });
  const timeline = page.querySelector('user-trace-timeline') as UserTraceTimelineElement;
  const list = page.querySelector('user-trace-activities') as UserTraceElement;
  await timeline.updateComplete;
  await list.updateComplete;
  return { page, timeline, list };
}

type Origin = 'timeline' | 'list';

/** Opens an activity's detail the way a person does from each part, and waits for the dialog. */
async function openDetail(parts: Awaited<ReturnType<typeof pageWithParts>>, from: Origin): Promise<TraceActivity> {
  const activity = parts.page.store.snapshot.view!.prepared.activities[0]!.record;
  if (from === 'timeline') {
    parts.timeline.openActivity(activity);
  } else {
    const eye = deepQueryAll<HTMLButtonElement>(parts.list.shadowRoot!, '[part~="detail-button"]')[0]!;
    eye.click();
  }
  await waitUntil(() => openDialogs(parts.page).length === 1, 'detail open', { timeout: 5000 });
  return activity;
}

describe('everything shown belongs to the current query', () => {
  const changes: Record<string, (parts: Awaited<ReturnType<typeof pageWithParts>>, provider: LateDetailProvider) => Promise<void>> = {
    'access is denied': async ({ page }, provider) => {
      provider.deny = true;
      page.date = '2026-03-11';
      await waitUntil(() => page.store.snapshot.status === 'denied', 'denied', { timeout: 5000 });
    },
    'another user is picked': async ({ page, timeline }) => {
      // The dialog is modal: the host switches the user (its own navigation), as the picker would.
      page.userId = 'petr.dvorak';
      await waitUntil(() => page.store.snapshot.view?.userId === 'petr.dvorak', 'other user', { timeout: 5000 });
      expect(new TimelineHarness(timeline).heading()).to.contain('Petr Dvořák');
    },
    'the provider changes': async ({ page }) => {
      page.provider = new DemoProvider({ seed: 9, now: () => NOW });
      await waitUntil(() => page.store.snapshot.status === 'ready', 'reloaded', { timeout: 5000 });
    },
  };
  for (const [what, change] of Object.entries(changes)) {
    for (const from of ['timeline', 'list'] as const) {
      it(`closes the detail opened from the ${from} when ${what}, and drops its late answer`, async () => {
        const provider = new LateDetailProvider();
        const parts = await pageWithParts(provider);
        const activity = await openDetail(parts, from);
        expect(deepText(parts.page)).to.contain(activity.id);
        await change(parts, provider);
        await settle();
        provider.release();
        await settle();
        for (const el of deepQueryAll<UserTraceElement>(document.body, 'user-trace-detail')) await el.updateComplete;
        expect(openDialogs(parts.page), 'open dialogs').to.have.length(0);
        const text = deepText(parts.page);
        expect(text).not.to.contain(activity.id);
        expect(text).not.to.contain('LATE-DETAIL');
        if (what === 'access is denied') expect(text).not.to.contain('Jana Nováková');
        parts.page.remove();
      });
    }
  }

  it('closes the detail when its element leaves the page', async () => {
    const provider = new LateDetailProvider();
    const parts = await pageWithParts(provider);
    const activity = await openDetail(parts, 'list');
    parts.list.remove();
    provider.release();
    await settle();
    document.body.append(parts.list);
    await parts.list.updateComplete;
    await settle();
    expect(openDialogs(parts.list.shadowRoot!)).to.have.length(0);
    expect(deepText(parts.list)).not.to.contain('LATE-DETAIL');
    expect(deepText(parts.list.shadowRoot!.querySelector('user-trace-detail')!)).not.to.contain(activity.id);
    parts.list.remove();
    parts.page.remove();
  });

  it('shows the detail after each of 20 close-and-reopen cycles', async () => {
    const activity: TraceActivity = { id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:05Z' };
    let answers = 0;
    const provider = testProvider({
      detail: (a, signal) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => resolve({ answer: `detail ${++answers} of ${a.id}` }), 5);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    });
    const el = await fixture<UserTraceTimelineElement>(
      html`<user-trace-timeline lang="en" user-id="u1" time-zone="Europe/Prague" date="2026-03-10" .provider=${provider}></user-trace-timeline>`,
    );
    el.openActivity(activity);
    await waitUntil(() => el.shadowRoot!.querySelector('user-trace-detail'), 'dialog created', { timeout: 5000 });
    const detail = el.shadowRoot!.querySelector('user-trace-detail')!;
    const more = () => detail.shadowRoot!.querySelector('[part="more"]')?.textContent ?? '';
    await waitUntil(() => more().includes('of c1'), 'first detail shown', { timeout: 5000 });
    for (let cycle = 0; cycle < 20; cycle++) {
      detail.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
      el.openActivity(activity);
      await waitUntil(() => detail.shadowRoot!.querySelector('dialog')!.open, `cycle ${cycle}: open`, { timeout: 5000 });
      await waitUntil(() => more().includes('of c1'), `cycle ${cycle}: detail shown`, { timeout: 5000 });
      // The late `close` event of the previous close neither closes the dialog nor drops the detail.
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(detail.shadowRoot!.querySelector('dialog')!.open, `cycle ${cycle}: still open`).to.equal(true);
      expect(more(), `cycle ${cycle}`).to.contain('of c1');
    }
    el.remove();
  });
});

describe('every rejection ends loading in the error state, with a working retry', () => {
  const throwingGetter = (key: 'name' | 'message' | 'status') => {
    const error = new Error('bad');
    Object.defineProperty(error, key, {
      get() {
        throw new Error(`${key} getter`);
      },
    });
    return error;
  };
  const rejections: Record<string, () => unknown> = {
    "the provider's own AbortError (its timeout)": () => new DOMException('The request timed out.', 'AbortError'),
    'a number': () => 42,
    'undefined': () => undefined,
    'a plain object': () => ({ reason: 'nope' }),
    'an error whose name getter throws': () => throwingGetter('name'),
    'an error whose message getter throws': () => throwingGetter('message'),
    'an error whose status getter throws': () => throwingGetter('status'),
  };
  let unhandled: unknown[] = [];
  const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
  beforeEach(() => {
    unhandled = [];
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  afterEach(() => window.removeEventListener('unhandledrejection', onUnhandled));

  for (const [what, make] of Object.entries(rejections)) {
    for (const where of ['loadTrace', 'listUsers'] as const) {
      it(`${where} rejecting with ${what}`, async () => {
        let fail = true;
        const good = testProvider({ traces: { u1: { sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T15:00:00Z' }], pauses: [], activities: [] } } });
        const provider: UserTraceProvider = {
          listUsers: (q) => (where === 'listUsers' && fail ? Promise.reject(make()) : good.listUsers(q)),
          // Not even a promise: a synchronous throw must end loading as well.
          loadTrace: (q) => {
            if (where === 'loadTrace' && fail) throw make();
            return good.loadTrace(q);
          },
        };
        const errors: unknown[] = [];
        const el = await fixture<UserTraceTimelineElement>(
          html`<user-trace-timeline lang="en" user-id="u1" time-zone="Europe/Prague" date="2026-03-10" .provider=${provider}
            @user-trace-error=${(e: CustomEvent) => errors.push(e.detail.error)}></user-trace-timeline>`,
        );
        // A failed user list is told beside the picker; a failed trace in place of the view.
        const expected = where === 'listUsers' ? 'users-error' : 'error';
        const shown = () => el.shadowRoot!.querySelector(`[data-state="${expected}"]`);
        await waitUntil(shown, 'error state shown', { timeout: 5000 });
        expect(errors.length).to.be.greaterThan(0);
        for (const error of errors) expect(error).to.be.instanceOf(Error);
        fail = false;
        shown()!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
        await waitUntil(() => el.store.snapshot.status === 'ready' && el.store.snapshot.usersStatus === 'ready', 'retried', { timeout: 5000 });
        await el.updateComplete;
        expect(shown()).to.equal(null);
        await settle();
        expect(unhandled, 'unhandled rejections').to.deep.equal([]);
        el.remove();
      });
    }
  }
});
