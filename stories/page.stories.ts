import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/container/define.js';
import { DemoProvider } from '../src/data/demo-provider.js';
import { AccessDeniedError, type UserTraceProvider } from '../src/data/provider.js';
import { failingWith } from './providers.js';

const demo = new DemoProvider({ seed: 1, latencyMs: 200, heavyUserId: 'heavy' });
const denied: UserTraceProvider = {
  listUsers: async () => demo.users(false),
  loadTrace: async () => {
    throw new AccessDeniedError();
  },
};

interface Args {
  lang: 'cs' | 'en';
  userId: string;
  date: string;
  period: 'day' | 'week';
  minutes: boolean;
  timeZone: string;
  theme: '' | 'dark';
  provider: UserTraceProvider;
}

/**
 * `<user-trace>`: the User tracing page. With no children it renders the product's layout —
 * overview, statistics, activity list — sharing one provider, one query and one load.
 */
const meta: Meta<Args> = {
  title: 'Page/User tracing',
  component: 'user-trace',
  args: {
    lang: 'cs',
    userId: 'petr.dvorak',
    date: '2026-03-03',
    period: 'day',
    minutes: false,
    timeZone: 'Europe/Prague',
    theme: '',
    provider: demo,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['cs', 'en'] },
    period: { control: 'inline-radio', options: ['day', 'week'] },
    theme: { control: 'inline-radio', options: ['', 'dark'] },
    provider: { control: false },
  },
  // The dark story sits on a dark page, as a host with a dark theme would put it.
  render: (args) => html`<div style=${args.theme === 'dark' ? 'background: #121317; padding: 1rem' : ''}>
    <user-trace
      lang=${args.lang}
      user-id=${args.userId}
      date=${args.date}
      period=${args.period}
      ?minutes=${args.minutes}
      time-zone=${args.timeZone}
      theme=${args.theme}
      .provider=${args.provider}
    ></user-trace>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Czech: Story = {};
export const English: Story = { args: { lang: 'en', userId: 'emily.clarke' } };
export const Week: Story = { args: { period: 'week' } };
export const Minutes: Story = { args: { minutes: true } };
export const Dark: Story = { args: { theme: 'dark' } };
export const AccessDenied: Story = { args: { provider: denied } };
/** A failed load: told in full (reason, technical detail, the one retry) by the overview, in one line by the others. */
export const ErrorState: Story = { name: 'Error', args: { provider: failingWith('http', 'GET /api/users/jana.novakova/trace failed: HTTP 500 Internal Server Error') } };
export const HeavyWeek: Story = { args: { userId: 'heavy', period: 'week', lang: 'en' } };

/** The host lays the parts out itself; they still share the container's state and load. */
export const HostLayout: Story = {
  render: (args) => html`<user-trace lang=${args.lang} user-id=${args.userId} date=${args.date} time-zone=${args.timeZone} .provider=${args.provider}>
    <user-trace-timeline></user-trace-timeline>
    <div style="display: grid; grid-template-columns: minmax(16rem, 1fr) 2fr; gap: 1rem; margin-top: 1rem">
      <user-trace-stats></user-trace-stats>
      <user-trace-activities></user-trace-activities>
    </div>
  </user-trace>`,
};
