/**
 * The statistics as the viewer reads them: which figures exist, in what order, with which label,
 * definition and formatted value. One list for the `<user-trace-stats>` element and for both
 * exports, so the screen, the PDF and the Excel sheet always show the same figures.
 * Pure: messages and formatters come in as arguments.
 */
import { CHAT_CHANNELS, type ChatChannel, type TraceStats } from '../model/types.js';
import type { Messages, StatFigure } from '../i18n/index.js';
import type { ExportStat, ExportStatGroup, StatKind } from './report.js';

export type StatGroupKey = 'calls' | 'emails' | 'chats' | 'tickets' | 'pauses' | 'login';

/** One figure; `key` is stable across languages (`callsTime`, `chatsTime:sms`, `pause:Lunch`). */
export interface StatFigureView extends ExportStat {
  key: string;
  /** For the chat figures, the channel. */
  channel?: ChatChannel;
}

export interface StatGroupView extends ExportStatGroup {
  key: StatGroupKey;
  stats: StatFigureView[];
}

export interface StatFormatters {
  duration: (seconds: number) => string;
  number: (value: number) => string;
  percent: (ratio: number) => string;
}

/** Every figure of docs/spec.md#statistics, grouped as the seed lists them. */
export function statGroups(stats: TraceStats, t: Messages, format: StatFormatters): StatGroupView[] {
  const m = t.stats;
  const f = m.figures;
  const figure = (
    key: string,
    def: StatFigure,
    kind: StatKind,
    value: number | null,
    unknownText = m.occupancyNone,
    label = def.label,
  ): StatFigureView => ({
    key,
    label,
    description: def.definition,
    kind,
    value,
    text:
      value === null
        ? unknownText
        : kind === 'duration'
          ? format.duration(value)
          : kind === 'percent'
            ? format.percent(value)
            : format.number(value),
  });

  const chats: StatFigureView[] = [];
  for (const channel of CHAT_CHANNELS) {
    const name = m.channels[channel];
    chats.push({ ...figure(`chatsTime:${channel}`, f.chatsTime, 'duration', stats.chats[channel].time, '', m.chatChannelTime(name)), channel });
    chats.push({ ...figure(`chatsClosed:${channel}`, f.chatsClosed, 'count', stats.chats[channel].closed, '', m.chatChannelClosed(name)), channel });
  }

  // Longest pause first: that is what a supervisor looks for.
  const byName = Object.entries(stats.pauses.byName).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  return [
    {
      key: 'calls',
      heading: m.groups.calls,
      stats: [
        figure('callsTime', f.callsTime, 'duration', stats.calls.time),
        figure('callsTalkTime', f.callsTalkTime, 'duration', stats.calls.talkTime, m.talkTimeUnknown),
        figure('callsClosed', f.callsClosed, 'count', stats.calls.closed),
      ],
    },
    {
      key: 'emails',
      heading: m.groups.emails,
      stats: [
        figure('emailsTime', f.emailsTime, 'duration', stats.emails.time),
        figure('emailsClosed', f.emailsClosed, 'count', stats.emails.closed),
      ],
    },
    { key: 'chats', heading: m.groups.chats, stats: chats },
    {
      key: 'tickets',
      heading: m.groups.tickets,
      stats: [
        figure('ticketsEdited', f.ticketsEdited, 'count', stats.tickets.edited),
        figure('ticketsClosed', f.ticketsClosed, 'count', stats.tickets.closed),
      ],
    },
    {
      key: 'pauses',
      heading: m.groups.pauses,
      stats: [
        figure('pausesPaid', f.pausesPaid, 'duration', stats.pauses.paid),
        figure('pausesUnpaid', f.pausesUnpaid, 'duration', stats.pauses.unpaid),
        ...byName.map(([name, seconds]) =>
          figure(`pause:${name}`, f.pauseByName, 'duration', seconds, '', m.pauseNamed(name)),
        ),
      ],
    },
    {
      key: 'login',
      heading: m.groups.login,
      stats: [
        figure('loginLogged', f.loginLogged, 'duration', stats.login.logged),
        figure('loginReady', f.loginReady, 'duration', stats.login.ready),
        figure('loginIdle', f.loginIdle, 'duration', stats.login.idle),
        figure('loginOccupancy', f.loginOccupancy, 'percent', stats.login.occupancy),
      ],
    },
  ];
}
