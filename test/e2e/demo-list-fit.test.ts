import { expect, waitUntil } from '@open-wc/testing';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceActivitiesElement } from '../../src/elements/activities/activities.js';
import { openDemoFrame } from './helpers.js';

/**
 * The activity list where the supervisor meets it: the demo console, with its side menu, in a
 * window 1024 px wide, over real HTTP. Day and week, Czech and English: no sideways scrolling.
 */
describe('demo console at 1024 px, activity list', function () {
  // A whole page in a frame: on a loaded machine its first load takes a while.
  this.timeout(90_000);

  for (const lang of ['cs', 'en']) {
    it(`fits without sideways scrolling in day and week view (${lang})`, async () => {
      const frame = await openDemoFrame(`lang=${lang}&user=jana.novakova&date=2026-11-23&period=day&role=supervisor`, 1024);
      try {
        const page = frame.contentDocument!.querySelector('user-trace') as UserTraceContainerElement;
        for (const period of ['day', 'week']) {
          if (period === 'week') page.setAttribute('period', 'week');
          await waitUntil(() => page.store?.snapshot.status === 'ready' && page.store.snapshot.view?.period.days.length === (period === 'week' ? 7 : 1), `${period} loaded`, { timeout: 40_000 });
          // The container's default layout renders its elements after the store is ready.
          const list = () => page.shadowRoot?.querySelector<UserTraceActivitiesElement>('user-trace-activities') ?? null;
          await waitUntil(() => list()?.shadowRoot?.querySelector(period === 'week' ? '.table.week .tbody [role="row"]' : '.table:not(.week) .tbody [role="row"]'), `${period} rows`, { timeout: 20_000 });
          await list()!.updateComplete;
          const scroller = list()!.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
          // The width the console gives it (about 740 px: the 1024 px less the side menu, the paddings, a scrollbar).
          expect(scroller.clientWidth, period).to.be.within(700, 780);
          expect(scroller.scrollWidth, `${period}: the table in a scroller ${scroller.clientWidth} px wide`).to.be.at.most(scroller.clientWidth);
        }
      } finally {
        frame.remove();
      }
    });
  }
});
