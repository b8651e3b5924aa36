import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/stats/define.js';
import { demo, heavy, loading, empty, failing, denied } from './providers.js';
import type { UserTraceProvider } from '../src/data/provider.js';
interface Args {
  lang: string;
  userId: string;
  date: string;
  period: 'day' | 'week';
  timeZone: string;
  showDefinitions: boolean;
  theme: '' | 'light' | 'dark';
  provider: UserTraceProvider;
  width: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Statistics',
  component: 'user-trace-stats',
  args: {
    lang: 'en',
    userId: 'jana.novakova',
    date: '2026-03-03',
    period: 'day',
    timeZone: 'Europe/Prague',
    showDefinitions: false,
    theme: '',
    provider: demo,
    width: '100%',
  },
  argTypes: {
    period: { control: 'inline-radio', options: ['day', 'week'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'cs'] },
    provider: { control: false },
    width: { control: 'text', description: 'Width of the host box: the layout follows it (container queries).' },
  },
  // The dark story sits on a dark page, as a host with a dark theme would put it.
  render: (args) => html`<div style=${args.theme === 'dark' ? 'background: #121317; padding: 1rem' : ''}>
    <user-trace-stats
      lang=${args.lang}
      user-id=${args.userId}
      date=${args.date}
      period=${args.period}
      time-zone=${args.timeZone}
      theme=${args.theme}
      ?show-definitions=${args.showDefinitions}
      .provider=${args.provider}
      style="display: block; width: ${args.width}"
    ></user-trace-stats>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};
export const Week: Story = { args: { period: 'week' } };
export const WithDefinitions: Story = { args: { showDefinitions: true } };
export const Narrow: Story = { args: { width: '22rem' } };
export const Loading: Story = { args: { provider: loading } };
export const Empty: Story = { args: { provider: empty } };
export const ErrorState: Story = { name: 'Error', args: { provider: failing } };
export const AccessDenied: Story = { args: { provider: denied } };
export const NoUserSelected: Story = { args: { userId: '' } };
/** 100 000 activities in the week: the store counts them in milliseconds. */
export const Huge: Story = { args: { provider: heavy, userId: 'heavy', period: 'week' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Czech: Story = { args: { lang: 'cs', showDefinitions: true } };
/** Today: running activities make the figures count up every second. */
export const Live: Story = {
  args: { date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(Date.now()) },
};
