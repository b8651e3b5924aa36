import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/activities/define.js';
import { demo, heavy, loading, empty, failing, failingWith, denied } from './providers.js';
import type { UserTraceActivitiesElement } from '../src/elements/activities/activities.js';
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
      options: ['', 'all', 'call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'other', 'login', 'pause'],
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
/** The logins and pauses listed with the activities (type filter "All, with logins and pauses"). */
export const StatusRows: Story = { args: { filterType: 'all' } };
/** Only the pauses: name, paid or unpaid, start, end, duration. */
export const Pauses: Story = { args: { filterType: 'pause', lang: 'cs' } };
/** A PDF of the load-test week would have thousands of pages: the list asks first (PDF export opens the question). */
export const LongPdfPrompt: Story = {
  args: { provider: heavy, userId: 'heavy', period: 'week' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<UserTraceActivitiesElement>('user-trace-activities')!;
    while (!el.rows.length) await new Promise((resolve) => setTimeout(resolve, 100));
    void el.exportAs('pdf');
  },
};
/** The kinds of failure, each told in plain words; the technical message is behind "Technical detail". */
export const ErrorTimeout: Story = { args: { provider: failingWith('timeout', 'GET /api/users/jana.novakova/trace: no complete answer within 30000 ms (timeoutMs)') } };
export const ErrorServer: Story = { args: { provider: failingWith('http', 'GET /api/users/jana.novakova/trace failed: HTTP 500 Internal Server Error') } };
export const ErrorBadData: Story = { args: { provider: failingWith('invalid-shape', 'GET /api/users/jana.novakova/trace: the answer has no "activities" array'), lang: 'cs' } };
export const ErrorTooManyRequests: Story = { args: { provider: failingWith('retries-exhausted', 'GET /api/users/jana.novakova/trace: HTTP 429 three times (maxRetries 2)') } };
