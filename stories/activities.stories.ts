import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/activities/define.js';
import { demo, heavy, loading, empty, failing, denied } from './providers.js';
import type { UserTraceProvider } from '../src/data/provider.js';
interface Args {
  lang: string;
  userId: string;
  date: string;
  period: 'day' | 'week';
  timeZone: string;
  filterType: string;
  filterText: string;
  sortColumn: string;
  sortDirection: 'ascending' | 'descending';
  theme: '' | 'light' | 'dark';
  provider: UserTraceProvider;
}

const meta: Meta<Args> = {
  title: 'Elements/Activity list',
  component: 'user-trace-activities',
  args: {
    lang: 'en',
    userId: 'jana.novakova',
    date: '2026-03-03',
    period: 'day',
    timeZone: 'Europe/Prague',
    filterType: '',
    filterText: '',
    sortColumn: 'start',
    sortDirection: 'ascending',
    theme: '',
    provider: demo,
  },
  argTypes: {
    period: { control: 'inline-radio', options: ['day', 'week'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'cs'] },
    filterType: {
      control: 'select',
      options: ['', 'call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'other'],
    },
    sortColumn: {
      control: 'select',
      options: ['type', 'start', 'end', 'duration', 'title', 'queue', 'contact', 'direction', 'closed'],
    },
    sortDirection: { control: 'inline-radio', options: ['ascending', 'descending'] },
    provider: { control: false },
  },
  // The dark story sits on a dark page, as a host with a dark theme would put it.
  render: (args) => html`<div style=${args.theme === 'dark' ? 'background: #121317; padding: 1rem' : ''}>
    <user-trace-activities
      lang=${args.lang}
      user-id=${args.userId}
      date=${args.date}
      period=${args.period}
      time-zone=${args.timeZone}
      theme=${args.theme}
      filter-type=${args.filterType}
      .filterText=${args.filterText}
      sort-column=${args.sortColumn}
      sort-direction=${args.sortDirection}
      .provider=${args.provider}
    ></user-trace-activities>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Ready: Story = {};
export const Week: Story = { args: { period: 'week' } };
export const Filtered: Story = { args: { filterType: 'call', sortColumn: 'duration', sortDirection: 'descending' } };
export const Loading: Story = { args: { provider: loading } };
export const Empty: Story = { args: { provider: empty } };
export const ErrorState: Story = { name: 'Error', args: { provider: failing } };
export const AccessDenied: Story = { args: { provider: denied } };
export const NoUserSelected: Story = { args: { userId: '' } };
/** 100 000 activities in the week, still at most ~40 row elements in the DOM. Try the exports. */
export const Huge100k: Story = { args: { provider: heavy, userId: 'heavy', period: 'week' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Czech: Story = { args: { lang: 'cs' } };
/** Today: running activities show "running" and a duration that grows every second. */
export const Live: Story = {
  args: { date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(Date.now()) },
};
