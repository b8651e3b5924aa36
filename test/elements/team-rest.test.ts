import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/team/define.js';
import { RestProvider } from '../../src/data/rest-provider.js';
import { DemoProvider } from '../../src/data/demo-provider.js';
import { TeamHarness } from '../harness/team.js';

const START = '2026-03-03T00:00:00+01:00';
const END = '2026-03-04T00:00:00+01:00';
const signal = () => new AbortController().signal;

describe('loadTeamTrace of the built-in providers', () => {
  it('DemoProvider gives each user what loadTrace gives, leaving denied users out', async () => {
    const demo = new DemoProvider({ seed: 5, deniedUserIds: ['jana.novakova'], now: () => Date.parse('2026-06-01T00:00:00Z') });
    const ids = demo.users(false).map((u) => u.id).filter((id) => id !== 'jana.novakova').slice(0, 4);
    const team = await demo.loadTeamTrace({ userIds: [...ids, 'jana.novakova', 'nobody'], start: START, end: END, signal: signal() });
    expect(Object.keys(team).sort()).to.deep.equal([...ids].sort());
    for (const id of ids) expect(team[id]).to.deep.equal(await demo.loadTrace({ userId: id, start: START, end: END, signal: signal() }));
  });

  it('RestProvider asks GET /team/trace of the demo server, and the team shows its rows', async () => {
    const rest = new RestProvider({ baseUrl: '/api' });
    const users = await rest.listUsers({ includeDeactivated: false, signal: signal() });
    const ids = users.slice(0, 3).map((u) => u.id);
    const team = await rest.loadTeamTrace({ userIds: ids, start: START, end: END, signal: signal() });
    expect(Object.keys(team).sort()).to.deep.equal([...ids].sort());
    for (const id of ids) {
      const one = await rest.loadTrace({ userId: id, start: START, end: END, signal: signal() });
      expect(team[id]!.activities.length, id).to.equal(one.activities.length);
    }

    const el = document.createElement('user-trace-team');
    el.setAttribute('lang', 'en');
    el.setAttribute('time-zone', 'Europe/Prague');
    el.date = '2026-03-03';
    document.body.append(el);
    try {
      el.provider = rest;
      const h = new TeamHarness(el);
      await h.loaded();
      expect(el.rows.length).to.equal(users.length);
      await waitUntil(() => h.domRows().length > 0);
      expect(el.rows.every((r) => r.data.status === 'ready')).to.equal(true);
    } finally {
      el.remove();
    }
  });
});
