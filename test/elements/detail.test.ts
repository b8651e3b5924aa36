import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/timeline/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { UserTraceDetailElement } from '../../src/elements/detail/detail.js';
import type { TraceActivity } from '../../src/model/types.js';
import { testProvider, type TestProviderOptions } from './timeline-helpers.js';

const ACTIVITY: TraceActivity = {
  id: 'c1',
  type: 'call',
  start: '2026-03-10T08:10:00Z',
  end: '2026-03-10T08:20:05Z',
  title: '<img src=x onerror="window.__xss = 1">',
  queue: 'Support',
  direction: 'in',
  talkSeconds: 420,
  closed: true,
  crm: { case: 'K-17', tags: ['vip', 'reklamace'] },
};

let trigger: HTMLButtonElement | null = null;
afterEach(() => {
  trigger?.remove();
  trigger = null;
});

/** A timeline (the origin element) with a user chosen, and a trigger button outside it. */
async function origin(lang: string, detail?: TestProviderOptions['detail']) {
  // The element itself is the fixture: a plain wrapper would wait for an animation frame,
  // which a background tab (parallel test files) never gets.
  const el = await fixture<UserTraceTimelineElement>(
    html`<user-trace-timeline
      lang=${lang}
      user-id="u1"
      time-zone="Europe/Prague"
      date="2026-03-10"
      .provider=${testProvider(detail ? { detail } : {})}
    ></user-trace-timeline>`,
  );
  trigger = document.createElement('button');
  trigger.textContent = 'open';
  document.body.prepend(trigger);
  return { el, trigger };
}

async function open(el: UserTraceTimelineElement, trigger: HTMLElement, activity: TraceActivity = ACTIVITY) {
  trigger.focus();
  el.openActivity(activity, trigger);
  // The dialog's code loads on the first open.
  await waitUntil(() => el.shadowRoot!.querySelector('user-trace-detail'), 'dialog created');
  const detail = el.shadowRoot!.querySelector<UserTraceDetailElement>('user-trace-detail')!;
  await waitUntil(() => detail.shadowRoot?.querySelector('dialog')?.open, 'dialog opens');
  return { detail, dialog: detail.shadowRoot!.querySelector('dialog')!, root: detail.shadowRoot! };
}

function fields(root: ShadowRoot, selector = '[part="fields"]'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of root.querySelectorAll(`${selector} .row`)) {
    out[row.querySelector('dt')!.textContent!.trim()] = row.querySelector('dd')!.textContent!.trim();
  }
  return out;
}

describe('activity detail dialog', () => {
  it('shows every field as text, times in the zone and locale (cs, 24 h)', async () => {
    const { el, trigger } = await origin('cs');
    const { root } = await open(el, trigger);
    const f = fields(root);
    expect(f['Začátek']).to.equal('10. 3. 2026 9:10:00');
    expect(f['Konec']).to.equal('10. 3. 2026 9:20:05');
    expect(f['Trvání']).to.equal('0:10:05');
    expect(f['Fronta']).to.equal('Support');
    expect(f['Směr']).to.equal('Příchozí');
    expect(f['ID']).to.equal('c1');
    // Nested objects as JSON text; markup stays text.
    const crm = [...root.querySelectorAll('.row')].find((r) => r.textContent!.includes('crm'))!;
    expect(crm.querySelector('pre')!.textContent).to.contain('"case": "K-17"');
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('h2')!.textContent).to.contain('<img src=x');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    await expect(root.querySelector('dialog')!).to.be.accessible();
  });

  it('formats English with the locale clock', async () => {
    const { el, trigger } = await origin('en');
    const { root } = await open(el, trigger);
    expect(fields(root)['Start']).to.equal('3/10/2026, 9:10:00 AM');
    await expect(root.querySelector('dialog')!).to.be.accessible();
  });

  it('says "running" for an activity without an end', async () => {
    const { el, trigger } = await origin('en');
    const { root } = await open(el, trigger, { id: 'r', type: 'chatbot', start: new Date(Date.now() - 65_000).toISOString(), end: null });
    const f = fields(root);
    expect(f['End']).to.equal('running');
    expect(f['Duration']).to.match(/^0:01:0\d \(running\)$/);
    expect(root.querySelector('h2')!.textContent).to.equal('Other (chatbot)'); // the same label as the timeline and the list
  });

  it('loads the provider detail with a loading state, then shows it', async () => {
    let resolve!: (v: Record<string, unknown>) => void;
    const { el, trigger } = await origin('en', () => new Promise((r) => (resolve = r)));
    const { root } = await open(el, trigger);
    expect(root.querySelector('[part="more"] [role="status"]')!.textContent).to.contain('Loading');
    await expect(root.querySelector('dialog')!).to.be.accessible();
    resolve({ recordingId: 'rec-1', callerNumber: '+420 777 000 000', hops: [{ to: 'IVR' }] });
    await waitUntil(() => root.querySelector('[part="more"] dl'), 'detail shown');
    const more = fields(root, '[part="more"]');
    expect(more['Recording']).to.equal('rec-1');
    expect(more['Caller']).to.equal('+420 777 000 000');
    expect(more['hops']).to.contain('"to": "IVR"');
  });

  it('shows an error when the detail fails and fires user-trace-error', async () => {
    const { el, trigger } = await origin('cs', async () => {
      await aTimeout(10);
      throw new Error('Detail nedostupný');
    });
    const failed = oneEvent(el, 'user-trace-error');
    const { root } = await open(el, trigger);
    expect((await failed).detail.operation).to.equal('detail');
    await waitUntil(() => root.querySelector('[part="more"] [role="alert"]'), 'error shown');
    expect(root.querySelector('[part="more"]')!.textContent).to.contain('Detail nedostupný');
    await expect(root.querySelector('dialog')!).to.be.accessible();
  });

  it('aborts the detail request on close; Escape closes and focus returns to the trigger', async () => {
    let signal: AbortSignal | undefined;
    const { el, trigger } = await origin('en', (_a, s) => {
      signal = s;
      return new Promise(() => {});
    });
    const { dialog, root } = await open(el, trigger);
    await waitUntil(() => signal, 'detail requested');
    expect(root.activeElement).to.equal(root.querySelector('[part="close-button"]'));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed');
    // The dialog's `close` event (which aborts and restores focus) is a task after `open` flips.
    await waitUntil(() => signal?.aborted, 'aborted');
    expect(document.activeElement).to.equal(trigger);
  });

  it('closes with the close button and reuses one dialog per element', async () => {
    const { el, trigger } = await origin('en');
    const first = await open(el, trigger);
    first.root.querySelector<HTMLButtonElement>('[part="close-button"]')!.click();
    await waitUntil(() => !first.dialog.open, 'closed');
    const second = await open(el, trigger, { ...ACTIVITY, id: 'c2', title: 'Second' });
    expect(second.detail).to.equal(first.detail);
    expect(el.shadowRoot!.querySelectorAll('user-trace-detail')).to.have.length(1);
    expect(second.root.querySelector('h2')!.textContent).to.equal('Call: Second');
  });
});
