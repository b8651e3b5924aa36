/**
 * Renders the first pages of real PDFs (a day, a week, the load-test week) into the page and saves
 * screenshots of them, to be looked at (`$TMPDIR/user-trace-screenshots/pdf-*.png`). Not part of the
 * suite (rendering needs a foreground tab): `node scripts/run-browser-tests.mjs --files test/export/pdf-look.manual.ts`.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import * as pdfjs from 'pdfjs-dist';
import '../../src/elements/activities/define.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import { DAY, TZ, fixtureProvider } from './fixtures.js';
import './pdf-text.js';

async function pdfOf(provider: UserTraceProvider, userId: string, period: string, filterText = '', filterType = '') {
  const el = await fixture<UserTraceActivitiesElement>(html`<user-trace-activities lang="cs" time-zone=${TZ} date=${DAY} period=${period} user-id=${userId}></user-trace-activities>`);
  el.provider = provider;
  await waitUntil(() => el.store.snapshot.status === 'ready' && el.store.snapshot.user !== null, 'not ready', { timeout: 60_000 });
  el.filterText = filterText;
  el.filterType = filterType;
  await el.updateComplete;
  el.addEventListener('user-trace-export-done', (e) => e.preventDefault(), { once: true });
  const done = oneEvent(el, 'user-trace-export-done');
  void el.exportAs('pdf');
  return (await done).detail.blob as Blob;
}

async function look(blob: Blob, name: string, pages = 1) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()) }).promise;
  for (let n = 1; n <= Math.min(pages, doc.numPages); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.4 });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    document.body.append(canvas);
    await page.render({ canvasContext: canvas.getContext('2d')!, viewport, canvas }).promise;
    const r = canvas.getBoundingClientRect();
    await executeServerCommand('save-screenshot', { name: `${name}-${n}`, clip: { x: r.left, y: r.top, width: r.width, height: r.height } });
    canvas.remove();
  }
  return doc.numPages;
}

describe('PDF, looked at', function () {
  this.timeout(120_000);
  it('a day with its pauses', async () => {
    expect(await look(await pdfOf(fixtureProvider(), 'u1', 'day', '', 'all'), 'pdf-day', 2)).to.be.at.least(1);
  });
  it('a week of the demo agent', async () => {
    expect(await look(await pdfOf(new DemoProvider({ seed: 1 }), 'jana.novakova', 'week'), 'pdf-week', 2)).to.be.at.least(2);
  });
  it('the load-test week, pictured (its table filtered to a few rows)', async () => {
    expect(await look(await pdfOf(new DemoProvider({ seed: 1, heavyUserId: 'heavy' }), 'heavy', 'week', 'č. 12345'), 'pdf-heavy-week', 1)).to.be.at.least(1);
  });
});
