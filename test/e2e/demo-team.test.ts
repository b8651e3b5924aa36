import { expect, waitUntil } from '@open-wc/testing';
import type { UserTraceContainerElement } from '../../src/elements/container/container.js';
import type { UserTraceTeamElement } from '../../src/elements/team/team.js';
import { TeamHarness } from '../harness/team.js';
import { deepText, openDemoFrame } from './helpers.js';

/**
 * The demo console's Team page (`?view=team`) end to end, in a frame over real HTTP: the whole
 * team loads, a row opens that agent in the single-agent elements below it (the URL follows), and
 * the browser's back button returns to the agent shown before.
 */
describe('demo console, Team page', function () {
  // A whole page in a frame, 26 agents over HTTP: on a loaded machine this takes a while.
  this.timeout(180_000);

  async function openConsole(search: string) {
    const frame = await openDemoFrame(search, 1400);
    const doc = frame.contentDocument!;
    const page = doc.querySelector('user-trace') as UserTraceContainerElement;
    await waitUntil(() => doc.querySelector('user-trace-team')?.shadowRoot, 'team element upgraded', { timeout: 40_000 });
    const team = doc.querySelector('user-trace-team') as UserTraceTeamElement;
    return { frame, doc, page, team, win: frame.contentWindow! };
  }

  it('loads the team, opens an agent from a row (URL updated), and goes back', async () => {
    const { frame, doc, page, team, win } = await openConsole('view=team&lang=en&date=2026-11-23&role=supervisor');
    const h = new TeamHarness(team);
    await waitUntil(() => team.progress.total > 0 && team.progress.done === team.progress.total, 'the team loaded', { timeout: 40_000 });
    await team.updateComplete;
    // Every agent of the demo team is a row, with figures; the single-agent elements sit below.
    expect(team.progress.total).to.be.greaterThan(10);
    expect(team.rows.every((r) => r.data.status === 'ready')).to.equal(true);
    expect(team.rows.some((r) => (r.stats?.login.logged ?? 0) > 0)).to.equal(true);
    expect(doc.querySelector('a[aria-current="page"]')?.textContent?.trim()).to.equal('Team');
    // The page says what it is: its heading, breadcrumb and title are the team's, not "User tracing".
    expect(doc.querySelector('main > h1')?.textContent?.trim()).to.equal('Team');
    expect(doc.querySelector('.breadcrumb')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Listings → Team');
    expect(doc.title).to.equal('Team — Demo console');
    expect(doc.querySelector('user-trace-timeline')).to.exist;
    await waitUntil(() => page.store.snapshot.status === 'ready' && new URLSearchParams(win.location.search).get('user'), 'the first agent and the URL', { timeout: 40_000 });
    const before = page.store.snapshot.query.userId;
    expect(new URLSearchParams(win.location.search).get('view')).to.equal('team');

    // Open another agent who worked that day, with a click on the name.
    const target = team.rows.find((r) => r.user.id !== before && (r.stats?.login.logged ?? 0) > 0 && h.row(r.user.id))!;
    expect(target, 'a rendered row of another agent').to.exist;
    h.row(target.user.id)!.querySelector<HTMLButtonElement>('[part~="name"]')!.click();
    await waitUntil(
      () => {
        const url = new URLSearchParams(win.location.search);
        const { status, view } = page.store.snapshot;
        return status === 'ready' && view?.userId === target.user.id && url.get('user') === target.user.id;
      },
      `${target.user.id} shown and in the URL`,
      { timeout: 40_000 },
    );
    const url = new URLSearchParams(win.location.search);
    expect([url.get('date'), url.get('period'), url.get('view')]).to.deep.equal(['2026-11-23', 'day', 'team']);
    // The single-agent view shows that agent's day: the same figures the team's row has.
    const view = page.store.snapshot.view!;
    expect(view.stats.login.logged).to.equal(target.stats!.login.logged);
    const timeline = doc.querySelector('user-trace-timeline')!;
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(deepText(timeline)).to.contain(target.name);
    // The team stays: still every row.
    expect(team.rows.length).to.equal(team.progress.total);

    win.history.back();
    await waitUntil(
      () => page.store.snapshot.query.userId === before && new URLSearchParams(win.location.search).get('user') === before,
      'back shows the agent shown before',
      { timeout: 40_000 },
    );
    expect(new URLSearchParams(win.location.search).get('view')).to.equal('team');

    await new Promise((resolve) => setTimeout(resolve, 300));
    const reports = (await (await fetch('/__csp-report')).json()) as unknown[];
    expect(reports, JSON.stringify(reports)).to.deep.equal([]);
    frame.remove();
  });
});
