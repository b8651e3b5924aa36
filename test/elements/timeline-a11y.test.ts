import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/timeline/define.js';
import '../../src/elements/stats/define.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';
import type { TraceData } from '../../src/model/types.js';
import { settled, shadow, testProvider } from './timeline-helpers.js';
import { TimelineHarness } from '../harness/timeline.js';

/** Logged in 07:00–16:00 UTC with an unpaid lunch 12:00–12:30 and five activities. */
const DAY: TraceData = {
  sessions: [{ start: '2026-03-10T07:00:00Z', end: '2026-03-10T16:00:00Z' }],
  pauses: [{ start: '2026-03-10T12:00:00Z', end: '2026-03-10T12:30:00Z', name: 'Oběd', paid: false }],
  activities: [
    { id: 'c1', type: 'call', start: '2026-03-10T08:10:00Z', end: '2026-03-10T08:20:00Z', queue: 'Support' },
    { id: 'c2', type: 'call', start: '2026-03-10T09:00:00Z', end: '2026-03-10T10:00:00Z' },
    { id: 'e1', type: 'email', start: '2026-03-10T10:30:00Z', end: '2026-03-10T10:45:00Z' },
    { id: 'w1', type: 'whatsapp', start: '2026-03-10T11:00:00Z', end: '2026-03-10T11:05:00Z' },
    { id: 't1', type: 'ticket', start: '2026-03-10T14:00:00Z', end: '2026-03-10T14:30:00Z' },
  ],
};

async function mount(lang = 'en', data: TraceData = DAY): Promise<UserTraceTimelineElement> {
  const el = await fixture<UserTraceTimelineElement>(html`<user-trace-timeline
    lang=${lang}
    style="width: 1200px"
    user-id="u1"
    time-zone="UTC"
    date="2026-03-10"
    .provider=${testProvider({ traces: { u1: data } })}
  ></user-trace-timeline>`);
  await settled(el, 'ready');
  return el;
}

const lanes = (el: UserTraceTimelineElement) => shadow(el).querySelector<HTMLElement>('.lanes')!;
const option = (el: UserTraceTimelineElement) => shadow(el).querySelector<HTMLElement>('[part="current"]');
const label = (el: UserTraceTimelineElement) => option(el)?.getAttribute('aria-label') ?? '';

async function press(el: UserTraceTimelineElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<user-trace-timeline> accessibility', () => {
  it('walks the Status lane: ↑ to the stop at that time, ←/→ through ready, the named pause and logged out, ↓ back', async () => {
    const el = await mount();
    lanes(el).focus();
    await press(el, 'Home');
    expect(el.currentActivity?.id).to.equal('c1');
    await press(el, 'ArrowUp');
    expect(el.currentActivity).to.equal(null);
    const seen: string[] = [label(el)];
    const ids = new Set([lanes(el).getAttribute('aria-activedescendant')!]);
    for (let i = 0; i < 3; i++) {
      await press(el, 'ArrowRight');
      seen.push(label(el));
      ids.add(lanes(el).getAttribute('aria-activedescendant')!);
      expect(shadow(el).getElementById(lanes(el).getAttribute('aria-activedescendant')!)).to.equal(option(el));
    }
    expect(seen).to.deep.equal([
      // Ready stops say how much of them was idle (ready with no activity in progress).
      'Ready, 7:00 AM – 12:00 PM, 5 hr, of it idle 3 hr, 30 min',
      'Paused (unpaid) – Oběd, 12:00 – 12:30 PM, 30 min',
      'Ready, 12:30 – 4:00 PM, 3 hr, 30 min, of it idle 3 hr',
      'Logged out, 3/10/2026, 4:00 PM – 3/11/2026, 12:00 AM, 8 hr',
    ]);
    expect(ids.size).to.equal(4);
    expect([...ids].every((id) => id.startsWith('status-'))).to.equal(true);
    // The Status lane is a set of its own.
    expect(option(el)!.getAttribute('aria-setsize')).to.equal('5');
    await press(el, 'Home');
    expect(label(el)).to.match(/^Logged out, 12:00 – 7:00 AM/);
    await press(el, 'End');
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowLeft');
    // ↓ returns to the first activity going on from the stop's start (12:30 → the 14:00 ticket).
    await press(el, 'ArrowDown');
    expect(el.currentActivity?.id).to.equal('t1');
    expect(lanes(el).getAttribute('aria-activedescendant')).to.match(/^item-/);
    await expect(el).to.be.accessible();
  });

  it('opens a pause’s detail with Enter (name, paid or unpaid, start, end, duration); Escape closes it and returns focus', async () => {
    const el = await mount();
    lanes(el).focus();
    await press(el, 'Home');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    const dialog = () => shadow(el).querySelector<HTMLDialogElement>('[part="segment-dialog"]');
    await waitUntil(() => dialog()?.open, 'segment detail opens');
    const text = dialog()!.textContent!.replace(/\s+/g, ' ');
    expect(shadow(el).getElementById('segment-title')!.textContent).to.equal('Paused (unpaid) – Oběd');
    expect(text).to.contain('Start');
    expect(text).to.contain('12:00');
    expect(text).to.contain('End');
    expect(text).to.contain('12:30');
    expect(text).to.contain('0:30:00');
    expect(shadow(el).activeElement?.closest('dialog')).to.equal(dialog());
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(), 'segment detail closes');
    expect(shadow(el).activeElement).to.equal(lanes(el));
  });

  it('shows the idle part of a ready stretch in its detail', async () => {
    const el = await mount();
    lanes(el).focus();
    await press(el, 'Home');
    await press(el, 'ArrowUp');
    await press(el, 'Enter');
    const dialog = () => shadow(el).querySelector<HTMLDialogElement>('[part="segment-dialog"]');
    await waitUntil(() => dialog()?.open, 'segment detail opens');
    // 07:00–12:00 ready, busy 10 + 60 + 15 + 5 min: idle 3:30:00.
    expect(dialog()!.textContent).to.contain('Idle');
    expect(dialog()!.textContent).to.contain('3:30:00');
  });

  it('has a text summary of the period before any focus', async () => {
    const el = await mount();
    expect(lanes(el).hasAttribute('aria-activedescendant')).to.equal(false);
    const summary = shadow(el).getElementById('summary')!;
    expect(lanes(el).getAttribute('aria-describedby')).to.contain('summary');
    const text = summary.textContent!;
    expect(text).to.contain('Logged in 9 hr');
    expect(text).to.contain('Unpaid pauses 30 min');
    expect(text).to.contain('Calls: 2 activities');
    expect(text).to.contain('Emails: 1 activity');
    expect(text).to.contain('Chats: 1 activity');
    expect(text).to.contain('Tickets: 1 activity');
  });

  it('exposes the summary and the current status stop in the browser’s accessibility tree', async () => {
    const el = await mount();
    type Node = { role: string; name: string; description: string };
    const tree = () => executeServerCommand<Node[], unknown>('ax-tree');
    const listbox = (await tree()).find((n) => n.role === 'listbox')!;
    expect(listbox.description).to.contain('Logged in 9 hr');
    lanes(el).focus();
    await press(el, 'Home');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowRight');
    const options = (await tree()).filter((n) => n.role === 'option');
    expect(options.map((o) => o.name)).to.deep.equal(['Paused (unpaid) – Oběd, 12:00 – 12:30 PM, 30 min']);
  });

  it('writes the date field\'s day or week beside it in the element\'s language', async () => {
    const el = await mount('cs');
    const input = shadow(el).querySelector<HTMLInputElement>('input[type="date"]')!;
    const label = () => shadow(el).querySelector<HTMLElement>('[part="date-label"]')!;
    expect(label().textContent!.trim()).to.equal('úterý 10. března 2026');
    // The field keeps its name; the label is its description (read once, not as extra text).
    expect(input.getAttribute('aria-label')).to.equal('Datum');
    expect(shadow(el).getElementById(input.getAttribute('aria-describedby')!)).to.equal(label());
    expect(label().getAttribute('aria-hidden')).to.equal('true');
    el.period = 'week';
    await settled(el, 'ready');
    expect(label().textContent!.trim()).to.equal(el.shadowRoot!.querySelector('[part="heading"] span')!.textContent!.trim());
    expect(label().textContent).to.match(/9\. 3\. 2026 – 15\. 3\. 2026/);
    const en = await mount('en');
    expect(shadow(en).querySelector('[part="date-label"]')!.textContent!.trim()).to.equal('Tuesday, March 10, 2026');
  });

  it('gives the legend list semantics, each item with its fill in words', async () => {
    for (const [lang, expected] of [
      ['en', ['Ready – solid', 'Idle (ready, no activity) – horizontal stripes', 'Paused (paid) – diagonal stripes', 'Paused (unpaid) – cross-hatched', 'Call – solid', 'Web chat – diagonal stripes', 'WhatsApp – dotted']],
      ['cs', ['Připraven – plná barva', 'Nečinný (připraven, bez aktivity) – vodorovné pruhy', 'Webový chat – šikmé pruhy']],
    ] as const) {
      const el = await mount(lang);
      const legend = shadow(el).querySelector<HTMLElement>('[part="legend"]')!;
      expect(legend.getAttribute('role')).to.equal('list');
      expect(legend.getAttribute('aria-label')).to.equal(lang === 'en' ? 'Legend' : 'Legenda');
      const items = [...legend.children];
      expect(items.every((li) => li.localName === 'li' && !li.hasAttribute('role'))).to.equal(true);
      // What a screen reader reads: the swatches are empty, their fill is said in words.
      const read = items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      for (const text of expected) expect(read).to.include(text);
      expect(items.every((li) => li.querySelector('.swatch')!.textContent === '')).to.equal(true);
      // The patterns drawn are the ones named.
      expect(legend.querySelector('.sw-unpaid')!.getAttribute('data-pattern')).to.equal('cross');
      expect(legend.querySelector('.sw-idle')!.getAttribute('data-pattern')).to.equal('horizontal');
      expect(legend.querySelector('[data-kind="web"]')!.getAttribute('data-pattern')).to.equal('diagonal');
    }
  });

  describe('single pointer and hover content', () => {
    afterEach(() => resetMouse());
    const button = (el: UserTraceTimelineElement, name: string) =>
      [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.getAttribute('aria-label') === name) ?? null;
    const ticks = (el: UserTraceTimelineElement) => [...shadow(el).querySelectorAll('.tick-label')].map((t) => t.textContent!.trim());

    it('pans with Earlier / Later buttons once zoomed, and zooms around the current activity', async () => {
      const el = await mount();
      // The day opens fitted to the shift (zoomed): Earlier / Later are there.
      expect(button(el, 'Later') !== null, 'pan buttons on the shift').to.equal(true);
      await new TimelineHarness(el).wholeDay();
      expect(button(el, 'Later') === null, 'no pan buttons at the whole day').to.equal(true);
      lanes(el).focus();
      await press(el, 'Home');
      for (let i = 0; i < 3; i++) {
        button(el, 'Zoom in')!.click();
        await el.updateComplete;
      }
      // Eight times closer, and the 08:10 call is still in view (the centre would be 10:30–13:30).
      expect(el.positionOf('c1')).to.not.equal(null);
      const later = button(el, 'Later')!;
      expect(button(el, 'Earlier')).to.not.equal(null);
      for (let i = 0; i < 20 && !later.disabled; i++) {
        later.click();
        await el.updateComplete;
      }
      expect(later.disabled).to.equal(true);
      expect(ticks(el)).to.include('10:00 PM');
      button(el, 'Earlier')!.click();
      await el.updateComplete;
      expect(later.disabled).to.equal(false);
    });

    it('keeps the tooltip while the pointer moves onto it, and Escape closes it wherever focus is', async () => {
      const el = await mount();
      await new TimelineHarness(el).wholeDay();
      const box = el.positionOf('e1')!;
      await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      await el.updateComplete;
      const tooltip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(tooltip.hidden).to.equal(false);
      const tip = tooltip.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(tip.left + tip.width / 2), Math.round(tip.top + tip.height / 2)] });
      await el.updateComplete;
      expect(tooltip.hidden).to.equal(false);
      expect(tooltip.textContent).to.contain('Email');
      // Focus outside the lanes: Escape still closes it.
      shadow(el).querySelector<HTMLInputElement>('input[type="date"]')!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(tooltip.hidden).to.equal(true);
    });

    it('keeps the tooltip while the pointer crosses the gap to it over another activity', async () => {
      // A chat in the lane below the email, starting under the email's middle.
      const el = await mount('en', { ...DAY, activities: [...DAY.activities, { id: 'w2', type: 'web', start: '2026-03-10T10:37:00Z', end: '2026-03-10T11:40:00Z' }] });
      const plot = shadow(el).querySelector<HTMLElement>('.plot')!;
      const tooltip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      const move = async (target: Element, x: number, y: number) => {
        target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true, pointerId: 1, pointerType: 'mouse' }));
        await el.updateComplete;
      };
      const email = el.positionOf('e1')!;
      const chat = el.positionOf('w2')!;
      const x = email.left + email.width / 2;
      const y = email.top + email.height / 2;
      await move(plot, x, y);
      expect(tooltip.textContent).to.contain('Email');
      // On the way down-right to the tooltip: over the chat's lane, above the tooltip.
      const tip = tooltip.getBoundingClientRect();
      const gapY = Math.min(chat.top + 1, tip.top - 1);
      expect(el.activityAt(x + 20, gapY)?.id, 'the chat is under the pointer in the gap').to.equal('w2');
      await move(plot, x + 20, gapY);
      expect(tooltip.hidden).to.equal(false);
      expect(tooltip.textContent).to.contain('Email');
      expect(tooltip.textContent).to.not.contain('Web chat');
      await move(tooltip, tip.left + 30, tip.top + 5);
      expect(tooltip.textContent).to.contain('Email');
      // Straight to the chat's middle, below the tooltip's top (not on the way to it): it shows at once.
      await move(plot, x, y);
      await move(plot, chat.left + chat.width - 5, chat.top + chat.height / 2);
      expect(tooltip.textContent).to.contain('Web chat');
      // Resting in the gap: after a moment what is under the pointer is shown.
      await move(plot, x, y);
      await move(plot, x + 20, gapY);
      expect(tooltip.textContent).to.contain('Email');
      await waitUntil(() => tooltip.textContent!.includes('Web chat'), 'the chat under the resting pointer');
    });

    it('closes a statistic’s hover definition with Escape', async () => {
      const stats = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<user-trace-stats lang="en" user-id="u1" time-zone="UTC" date="2026-03-10"
        .provider=${testProvider({ traces: { u1: DAY } })}></user-trace-stats>`);
      await waitUntil(() => stats.shadowRoot!.querySelector('.figure'), 'figures shown');
      const figure = stats.shadowRoot!.querySelector<HTMLElement>('.figure')!;
      const definition = () => getComputedStyle(figure.querySelector('.definition')!).clipPath;
      const r = figure.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.left + 10), Math.round(r.top + r.height / 2)] });
      await stats.updateComplete;
      expect(definition()).to.equal('none');
      await sendKeys({ press: 'Escape' });
      await stats.updateComplete;
      expect(definition()).to.not.equal('none');
    });
  });
});
