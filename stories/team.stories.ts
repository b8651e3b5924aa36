import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/team/define.js';
import { DemoProvider } from '../src/data/demo-provider.js';
import type { UserTraceProvider } from '../src/data/provider.js';
import type { TraceData, TraceUser } from '../src/model/types.js';
import { teamTraceFromStatusEvents } from '../src/adapters/team.js';
import type { StatusEvent } from '../src/adapters/status-events.js';
import { demo, empty, loading } from './providers.js';

interface Args {
  lang: string;
  date: string;
  timeZone: string;
  window: string;
  theme: '' | 'light' | 'dark';
  provider: UserTraceProvider;
}

/**
 * A team of `count` agents: the demo agents' days, repeated under new names past the 25 the demo
 * has, answered through `loadTeamTrace` (one call).
 */
function teamOf(count: number): UserTraceProvider {
  const source = new DemoProvider({ seed: 1 });
  const agents = source.users(false);
  const users: TraceUser[] = Array.from({ length: count }, (_, i) => {
    const base = agents[i % agents.length]!;
    return i < agents.length ? base : { id: `${base.id}-${i}`, name: `${base.name} ${Math.floor(i / agents.length) + 1}` };
  });
  const baseOf = (id: string) => id.replace(/-\d+$/, '');
  return {
    listUsers: async () => users,
    loadTrace: (q) => source.loadTrace({ ...q, userId: baseOf(q.userId) }),
    loadTeamTrace: async (q) => {
      const answer = await source.loadTeamTrace({ ...q, userIds: [...new Set(q.userIds.map(baseOf))] });
      return Object.fromEntries(q.userIds.map((id) => [id, answer[baseOf(id)]!] as [string, TraceData]));
    },
  };
}

/**
 * `loadTeamTrace` fed by an adapter: the host keeps one status log of the whole team (login, logout,
 * status changes, each with its `userId`) and `teamTraceFromStatusEvents` groups it per agent; the
 * activities come from elsewhere (here the demo data).
 */
function fromStatusLog(): UserTraceProvider {
  const source = new DemoProvider({ seed: 1 });
  return {
    listUsers: (q) => source.listUsers(q),
    loadTrace: (q) => source.loadTrace(q),
    loadTeamTrace: async (q) => {
      const days = await source.loadTeamTrace(q);
      const log: StatusEvent[] = [];
      const statuses: Record<string, { pause: string; paid: boolean }> = {};
      for (const [userId, day] of Object.entries(days)) {
        for (const s of day.sessions) log.push({ at: s.start, kind: 'login', userId }, ...(s.end ? [{ at: s.end, kind: 'logout' as const, userId }] : []));
        for (const p of day.pauses) {
          statuses[p.name] = { pause: p.name, paid: p.paid };
          log.push({ at: p.start, kind: 'status', status: p.name, userId }, ...(p.end ? [{ at: p.end, kind: 'status' as const, status: 'Ready', userId }] : []));
        }
      }
      const { data } = teamTraceFromStatusEvents(log, { userIds: q.userIds, statuses });
      return Object.fromEntries(q.userIds.map((id) => [id, { ...data[id]!, activities: days[id]?.activities ?? [] }]));
    },
  };
}

const meta: Meta<Args> = {
  title: 'Elements/Team',
  component: 'user-trace-team',
  args: { lang: 'en', date: '2026-03-03', timeZone: 'Europe/Prague', window: '', theme: '', provider: demo },
  argTypes: {
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'cs'] },
    window: { control: 'text', description: 'Wall-clock part of the day shown first, e.g. 07:00-19:00.' },
    provider: { control: false },
  },
  render: (args) => html`<div style=${args.theme === 'dark' ? 'background: #121317; padding: 1rem' : ''}>
    <user-trace-team lang=${args.lang} date=${args.date} time-zone=${args.timeZone} window=${args.window} theme=${args.theme} .provider=${args.provider}></user-trace-team>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo team through `loadTrace`, six agents at a time. */
export const DemoTeam: Story = {};
export const FiveAgents: Story = { args: { provider: teamOf(5) } };
export const FiftyAgents: Story = { args: { provider: teamOf(50), window: '06:00-22:00' } };
export const FiveHundredAgents: Story = { args: { provider: teamOf(500) } };
export const Loading: Story = { args: { provider: loading } };
export const OneAgentDenied: Story = { args: { provider: new DemoProvider({ seed: 1, latencyMs: 100, deniedUserIds: ['jana.novakova'] }) } };
export const EmptyDay: Story = { args: { provider: empty } };
export const Dark: Story = { args: { theme: 'dark', provider: teamOf(50) } };
export const Czech: Story = { args: { lang: 'cs', provider: teamOf(50) } };
/** Sessions and pauses from one status log of the whole team through `teamTraceFromStatusEvents` (user-trace/adapters.js). */
export const FromStatusLog: Story = { args: { provider: fromStatusLog() } };
