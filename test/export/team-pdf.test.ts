import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import * as pdfjs from 'pdfjs-dist';
import '../../src/elements/team/define.js';
import type { UserTraceTeamElement } from '../../src/elements/team/team.js';
import { AccessDeniedError, type UserTraceProvider } from '../../src/data/provider.js';
import type { TraceData, TraceUser } from '../../src/model/types.js';
import { HAND_TRACE, TZ, DAY } from './fixtures.js';
import { pdfPages } from './pdf-text.js';

const hosts = document.createElement('div');
document.body.append(hosts);
afterEach(() => hosts.replaceChildren());

/** `count` agents with the hand-computed day; `denied` ones answer with a denial (through `loadTrace`). */
function provider(count: number, denied: readonly string[] = []): UserTraceProvider {
  const users: TraceUser[] = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, name: `Agentka Šťastná ${String(i).padStart(3, '0')}` }));
  return {
    listUsers: async () => users,
    loadTrace: async ({ userId }) => {
      if (denied.includes(userId)) throw new AccessDeniedError();
      return structuredClone(HAND_TRACE) as TraceData;
    },
  };
}

async function team(p: UserTraceProvider, lang: string): Promise<UserTraceTeamElement> {
  const el = document.createElement('user-trace-team');
  el.setAttribute('lang', lang);
  el.setAttribute('time-zone', TZ);
  el.date = DAY;
  el.style.width = '1400px';
  hosts.append(el);
  el.provider = p;
  await waitUntil(() => el.progress.total > 0 && el.progress.done === el.progress.total, 'the team did not load', { timeout: 20000 });
  await el.updateComplete;
  return el;
}

async function exportPdf(el: UserTraceTeamElement): Promise<{ blob: Blob; fileName: string }> {
  el.addEventListener('user-trace-export-done', (e) => e.preventDefault(), { once: true });
  const started = oneEvent(el, 'user-trace-export');
  const blob = await el.exportTeam('pdf');
  const detail = (await started).detail as { fileName: string; format: string };
  expect(detail.format).to.equal('pdf');
  expect(blob, 'a PDF was written').to.be.instanceOf(Blob);
  return { blob: blob!, fileName: detail.fileName };
}

/** The colours (0xRRGGBB) painted on page `number`, rendered by pdf.js. */
async function pageColours(blob: Blob, number: number): Promise<Set<number>> {
  const task = pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()) });
  const doc = await task.promise;
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 2 });
  const canvas = document.createElement('canvas');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  const ctx = canvas.getContext('2d')!;
  // The print intent: pdf.js then renders without requestAnimationFrame, which a page in the
  // background (test files run side by side) never gets.
  await page.render({ canvasContext: ctx, viewport, canvas, intent: 'print' }).promise;
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length; i += 4) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
  await task.destroy();
  return colours;
}

describe('team PDF writer', () => {
  it('draws every agent with its figures on the shared axis, in Czech, with a row that has no access', async function () {
    // The first export loads jspdf and the fonts: beside other test files on a busy machine that can take a while.
    this.timeout(60_000);
    const el = await team(provider(4, ['a3']), 'cs');
    const exportButtons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="export-button"]')].map((b) => b.textContent!.trim());
    expect(exportButtons).to.deep.equal(['Export do PDF', 'Export do Excelu']);
    const { blob, fileName } = await exportPdf(el);
    expect(fileName).to.equal('team-2026-03-03.pdf');
    expect(blob.type).to.equal('application/pdf');
    const pages = await pdfPages(blob);
    expect(pages.length).to.equal(1);
    const text = pages[0]!;
    expect(text).to.contain('Tým – úterý 3. března 2026');
    expect(text).to.contain('Europe/Prague');
    for (let i = 0; i < 4; i++) expect(text).to.contain(`Agentka Šťastná 00${i}`);
    // The figures of the hand-computed day (see fixtures.ts): logged 8:00:00, idle 5:05:00, occupancy 30 %.
    expect(text).to.contain('8:00:00');
    expect(text).to.contain('5:05:00');
    expect(text).to.match(/30\s?%/);
    expect(text).to.contain('Bez přístupu');
    // The axis labels and the legend.
    expect(text).to.match(/\b8:00\b/);
    expect(text).to.match(/\b16:00\b/);
    expect(text).to.contain('Připraven');
    expect(text).to.contain('Strana 1 z 1');
    // The bars are drawn in the timeline's colours: ready, paid and unpaid pause, calls, email.
    const colours = await pageColours(blob, 1);
    // (PDF colours are fractions with three decimals: a channel may differ by one.)
    const near = (hex: string) => {
      const c = Number.parseInt(hex.slice(1), 16);
      return [...colours].some((p) => [16, 8, 0].every((shift) => Math.abs(((p >> shift) & 255) - ((c >> shift) & 255)) <= 2));
    };
    for (const hex of ['#2b8a3e', '#a66700', '#c92a2a', '#1c6fd1', '#b0226a']) expect(near(hex), hex).to.equal(true);
    // Idle time (5:05:00 of the day) is named in the legend (its stripes: idleStripes in pdf.test.ts).
    expect(text).to.contain('Nečinný (připraven, bez aktivity)');
  });

  it('paginates 500 agents, repeating the header on every page and numbering the pages', async function () {
    this.timeout(60_000);
    const el = await team(provider(500), 'en');
    const { blob } = await exportPdf(el);
    const pages = await pdfPages(blob);
    expect(pages.length).to.be.within(18, 30);
    const all = pages.join(' ');
    pages.forEach((text, index) => {
      expect(text).to.contain('Agent ');
      expect(text).to.contain('Logged in');
      expect(text, `axis labels on page ${index + 1}`).to.match(/\b12:00 PM\b/);
      expect(text).to.contain(`Page ${index + 1} of ${pages.length}`);
    });
    for (let i = 0; i < 500; i++) {
      const name = `Agentka Šťastná ${String(i).padStart(3, '0')}`;
      expect(all.split(name).length - 1, name).to.equal(1);
    }
    // A few hundred kB, not megabytes: touching bars are drawn as one.
    expect(blob.size).to.be.below(3_000_000);
  });

  it('draws the part of the day shown (the view zoomed to the shift)', async () => {
    const el = await team(provider(2), 'en');
    el.fitToShift();
    await el.updateComplete;
    const text = (await pdfPages((await exportPdf(el)).blob))[0]!;
    expect(text).to.match(/\b8:00 AM\b/);
    expect(text).to.not.match(/\b4:00 AM\b/);
    expect(text).to.not.match(/\b8:00 PM\b/);
  });
});
