import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/timeline/define.js';
import { demo, heavy, loading, empty, failing, denied } from './providers.js';
import type { UserTraceProvider } from '../src/data/provider.js';
import type { TraceData, TraceUser } from '../src/model/types.js';
import { todayIn } from '../src/time/index.js';

const ZONE = 'Europe/Prague';
const users = (): TraceUser[] => demo.users(false);

/** Today's demo data plus a call and a session that are still running (drawn up to the now-line). */
const live: UserTraceProvider = {
  listUsers: (q) => demo.listUsers(q),
  loadTrace: async (q) => {
    const data: TraceData = await demo.loadTrace(q);
    const now = Date.now();
    return {
      sessions: [...data.sessions, { start: new Date(now - 3 * 3_600_000).toISOString(), end: null }],
      pauses: data.pauses,
      activities: [
        ...data.activities,
        { id: 'live-call', type: 'call', start: new Date(now - 25 * 60_000).toISOString(), end: null, title: 'Reklamace – probíhá', queue: 'Support' },
      ],
    };
  },
  loadActivityDetail: (q) => demo.loadActivityDetail(q),
};

/** 500 users (20 of them deactivated) in front of the demo data: the picker filters as you type. */
const FIRST = ['Jana', 'Petr', 'Lucie', 'Tomáš', 'Kateřina', 'Martin', 'Veronika', 'Jiří', 'Tereza', 'Ondřej'];
const LAST = ['Nováková', 'Dvořák', 'Černá', 'Procházka', 'Svobodová', 'Novotný', 'Horáková', 'Kučera', 'Veselá', 'Marek'];
const manyUsers: TraceUser[] = Array.from({ length: 500 }, (_, i) => ({
  id: `agent-${i}`,
  name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${String(i).padStart(3, '0')}`,
  deactivated: i % 25 === 24,
}));
const many: UserTraceProvider = {
  listUsers: async ({ includeDeactivated }) => manyUsers.filter((u) => includeDeactivated || !u.deactivated),
  // Each listed user shows one of the demo agents' traces.
  loadTrace: (q) => {
    const agents = users();
    const agent = agents[Number(q.userId.slice(6)) % agents.length]!;
    return demo.loadTrace({ ...q, userId: agent.id });
  },
};

interface Args {
  lang: 'en' | 'cs';
  userId: string;
  date: string;
  period: 'day' | 'week';
  minutes: boolean;
  includeDeactivated: boolean;
  timeZone: string;
  theme: '' | 'light' | 'dark';
  provider: UserTraceProvider;
}

/**
 * `<user-trace-timeline>`: the overview. Zoom with Ctrl/⌘ + wheel (or the wheel over the axis),
 * a pinch or + / −; drag to pan; Tab into the lanes and use the arrow keys, Enter opens the detail.
 */
const meta: Meta<Args> = {
  title: 'Elements/Timeline',
  component: 'user-trace-timeline',
  args: {
    lang: 'en',
    userId: 'petr.dvorak',
    date: '2026-03-10',
    period: 'day',
    minutes: false,
    includeDeactivated: false,
    timeZone: ZONE,
    theme: '',
    provider: demo,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'cs'] },
    period: { control: 'inline-radio', options: ['day', 'week'] },
    theme: { control: 'inline-radio', options: ['', 'light', 'dark'] },
    timeZone: { control: 'select', options: ['Europe/Prague', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'] },
    provider: { control: false },
  },
  // The dark story sits on a dark page, as a host with a dark theme would put it.
  render: (args) => html`<div style=${args.theme === 'dark' ? 'background: #121317; padding: 1rem' : ''}>
    <user-trace-timeline
      lang=${args.lang}
      user-id=${args.userId}
      date=${args.date}
      period=${args.period}
      ?minutes=${args.minutes}
      ?include-deactivated=${args.includeDeactivated}
      time-zone=${args.timeZone}
      theme=${args.theme}
      .provider=${args.provider}
    ></user-trace-timeline>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The day opens fitted to the shift (first login to last logout, a quarter hour either side); "Whole day" shows 0–24 h. Idle time is striped inside Ready. */
export const Day: Story = {};
/** An afternoon shift, fitted: 13:45–22:45 fills the width. */
export const FitToShift: Story = { name: 'Fit to the shift (afternoon)', args: { date: '2026-03-11', userId: 'martin.novotny', lang: 'cs' } };
export const Week: Story = { args: { period: 'week' } };
/** Each week row states the day's logged-in, ready and idle time and its activities; the day's label opens that day. */
export const WeekWithSummaries: Story = { name: 'Week with day summaries (cs)', args: { period: 'week', lang: 'cs', userId: 'jana.novakova' } };
/** One row per clock hour with a 0–60 min axis, only the hours with a session, a pause or an activity ("All hours" shows the rest). */
export const Minutes: Story = { args: { minutes: true } };
export const MinutesActiveHours: Story = { name: 'Minutes, only the active hours (cs)', args: { minutes: true, lang: 'cs', userId: 'jana.novakova' } };
/** Spring forward in Prague: 23 hours, 02:00 never happens (23 hour slots; 23 rows in Minutes). */
export const DstSpring: Story = { name: 'DST day 2026-03-29 (23 h)', args: { date: '2026-03-29', userId: 'lucie.cerna' } };
export const DstSpringMinutes: Story = {
  name: 'DST day 2026-03-29, minutes',
  args: { date: '2026-03-29', userId: 'lucie.cerna', minutes: true },
};
/** Fall back: 25 hours, 02:00 twice. */
export const DstAutumn: Story = { name: 'DST day 2026-10-25 (25 h)', args: { date: '2026-10-25', userId: 'tomas.prochazka' } };
/** The week's rows share one wall-clock axis: the second 02:00 of Sunday is hatched "no such time" on the other days. */
export const DstWeek: Story = { name: 'DST week', args: { date: '2026-10-25', period: 'week', lang: 'cs' } };
/** Spring-forward week: Sunday's skipped 02:00–03:00 is hatched, 08:00 lines up on every row. */
export const DstWeekSpring: Story = { name: 'DST week (spring)', args: { date: '2026-03-29', period: 'week', lang: 'cs', userId: 'lucie.cerna' } };
/** Today, with a call still running: drawn up to the now-line and labelled "running". */
export const Running: Story = { args: { provider: live, date: todayIn(ZONE), userId: 'petr.dvorak' } };
export const Loading: Story = { args: { provider: loading } };
export const Empty: Story = { args: { provider: empty } };
export const ErrorState: Story = { name: 'Error', args: { provider: failing } };
export const AccessDenied: Story = { args: { provider: denied } };
export const NoUserSelected: Story = { args: { userId: '' } };
/** 500 users: type to filter, arrows and Enter to pick; tick "show deactivated" to see them marked. */
export const FiveHundredUsers: Story = { name: '500 users', args: { provider: many, userId: 'agent-7' } };
/** 100 000 activities in one week, drawn at the resolution of the screen. */
export const HeavyWeek: Story = { name: 'Heavy week (100 000 activities)', args: { provider: heavy, userId: 'heavy', period: 'week' } };
export const Dark: Story = { args: { theme: 'dark', period: 'week' } };
export const Czech: Story = { args: { lang: 'cs' } };
