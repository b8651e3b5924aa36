/**
 * Hand-made traces and providers shared by the statistics, activity-list and export tests.
 * The day is Tuesday 3 March 2026 in Europe/Prague (UTC+01:00).
 */
import type { TraceActivity, TraceData, TraceUser } from '../../src/model/types.js';
import { AccessDeniedError, abortError, type UserTraceProvider } from '../../src/data/provider.js';

export const TZ = 'Europe/Prague';
export const DAY = '2026-03-03';

/** `HH:MM` on the test day as an ISO instant with the Prague offset. */
export const at = (hhmm: string, date = DAY): string => `${date}T${hhmm}:00+01:00`;

/**
 * Hand-computed (see the comments): session 8:00–16:00; pauses 10:00–10:15 paid "Přestávka",
 * 12:00–12:30 unpaid "Oběd"; no activity overlaps a pause.
 * calls 8:10–8:20 (closed, talk 500) ∪ 8:15–8:30 (talk 700) → time 0:20:00, talk 0:20:00, closed 1
 * email 9:00–9:30 closed → 0:30:00, 1; sms 9:10–9:20 closed → 0:10:00, 1
 * whatsapp 13:00–13:45 closed + 14:00–14:05 → 0:50:00, 1
 * tickets T1 15:00–15:10 closed, T1 15:20–15:30, T2 15:40–15:50 → edited 2, closed 1
 * logged 8:00:00; ready 8 h − 45 min = 7:15:00; busy 20+30+45+5+30 min = 2:10:00;
 * idle 7:15:00 − 2:10:00 = 5:05:00; occupancy 2:10 / 7:15 = 29.885 % → 30 %.
 */
export const HAND_TRACE: TraceData = {
  sessions: [{ start: at('08:00'), end: at('16:00') }],
  pauses: [
    { start: at('10:00'), end: at('10:15'), name: 'Přestávka', paid: true },
    { start: at('12:00'), end: at('12:30'), name: 'Oběd', paid: false },
  ],
  activities: [
    { id: 'c1', type: 'call', start: at('08:10'), end: at('08:20'), closed: true, talkSeconds: 500, title: 'Reklamace zásilky', queue: 'Podpora', contact: '+420 777 111 222', direction: 'in' },
    { id: 'c2', type: 'call', start: at('08:15'), end: at('08:30'), talkSeconds: 700, title: 'Dotaz na fakturu', queue: 'Fakturace', contact: 'Jiří Řezníček', direction: 'out' },
    { id: 'e1', type: 'email', start: at('09:00'), end: at('09:30'), closed: true, title: 'Žádost o vrácení peněz', queue: 'Podpora', contact: 'věra.šťastná@example.cz', direction: 'in' },
    { id: 's1', type: 'sms', start: at('09:10'), end: at('09:20'), closed: true, title: 'Potvrzení termínu', contact: '+420 603 000 000', direction: 'out' },
    { id: 'w1', type: 'whatsapp', start: at('13:00'), end: at('13:45'), closed: true, title: 'Ěščřžýáíéůú – chat', queue: 'Chat', contact: 'Zuzana Kůžová', direction: 'in' },
    { id: 'w2', type: 'whatsapp', start: at('14:00'), end: at('14:05'), title: 'Krátký dotaz', queue: 'Chat', contact: 'Ondřej Malý', direction: 'in' },
    { id: 't1', type: 'ticket', start: at('15:00'), end: at('15:10'), closed: true, ticketId: 'T1', title: 'Ticket T1', queue: 'Back office' },
    { id: 't2', type: 'ticket', start: at('15:20'), end: at('15:30'), ticketId: 'T1', title: 'Ticket T1 – doplnění', queue: 'Back office' },
    { id: 't3', type: 'ticket', start: at('15:40'), end: at('15:50'), ticketId: 'T2', title: 'Ticket T2', queue: 'Back office', direction: 'internal' },
  ],
};

export const USERS: TraceUser[] = [{ id: 'u1', name: 'Jana Nováková' }];

export interface FixtureProviderOptions {
  trace?: TraceData | ((userId: string) => TraceData);
  /** `loadTrace` never settles (loading state). */
  hang?: boolean;
  fail?: Error;
  users?: TraceUser[];
}

/** A provider with exact data; `hang`, `fail` and denial for the states. */
export function fixtureProvider(options: FixtureProviderOptions = {}): UserTraceProvider {
  return {
    async listUsers() {
      return structuredClone(options.users ?? USERS);
    },
    loadTrace({ userId, signal }) {
      return new Promise<TraceData>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(abortError()));
        if (options.hang) return;
        if (options.fail) {
          reject(options.fail);
          return;
        }
        const trace = typeof options.trace === 'function' ? options.trace(userId) : (options.trace ?? HAND_TRACE);
        queueMicrotask(() => resolve(structuredClone(trace)));
      });
    },
  };
}

export const emptyTrace = (): TraceData => ({ sessions: [], pauses: [], activities: [] });

export const deniedProvider = (): UserTraceProvider => fixtureProvider({ fail: new AccessDeniedError() });

/** `count` short activities over the test day (types cycle), for the large-list tests. */
export function manyActivities(count: number, date = DAY): TraceData {
  const types = ['call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'callback'];
  const start = Date.parse(`${date}T00:00:00+01:00`);
  const step = Math.max(1, Math.floor((86_400_000 - 60_000) / count));
  const activities: TraceActivity[] = [];
  for (let i = 0; i < count; i++) {
    const s = start + i * step;
    activities.push({
      id: `a${i}`,
      type: types[i % types.length]!,
      start: s,
      end: s + 30_000 + (i % 7) * 1000,
      closed: i % 3 === 0,
      title: `Aktivita č. ${i} – ${i % 2 ? 'žluťoučký kůň' : 'reklamace'}`,
      queue: `Fronta ${i % 5}`,
      contact: `Kontakt ${i % 11}`,
      direction: (['in', 'out', 'internal'] as const)[i % 3]!,
    });
  }
  return { sessions: [{ start, end: start + 86_400_000 }], pauses: [], activities };
}

/** Monday 2 March 2026, 00:00 Prague: the benchmarks' week. */
export const BENCH_WEEK_START = Date.parse('2026-03-02T00:00:00+01:00');
const MS_PER_DAY = 86_400_000;
const BENCH_TYPES = ['call', 'call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'callback'];
const TITLES = ['Reklamace zásilky', 'Dotaz na fakturu', 'Změna tarifu', 'Výpadek připojení', 'Žádost o vrácení peněz'];
const QUEUES = ['Podpora', 'Obchod', 'Fakturace', 'Reklamace', 'Back office'];

/**
 * Deterministic week of one very busy agent for the list and export benchmarks: `count`
 * activities of 5 s to 3 min, all types, Czech titles, the last one running.
 */
export function busyWeek(count: number, days = 7): TraceData {
  let seed = 20260302 >>> 0;
  const next = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const span = days * MS_PER_DAY;
  const activities: TraceActivity[] = [];
  for (let i = 0; i < count; i++) {
    const start = BENCH_WEEK_START + Math.floor((i / count) * span);
    const end = start + 5_000 + Math.floor(next() * 175_000);
    activities.push({
      id: `b${i}`,
      type: BENCH_TYPES[i % BENCH_TYPES.length]!,
      start: new Date(start).toISOString(),
      end: i === count - 1 ? null : new Date(end).toISOString(),
      closed: next() < 0.7,
      title: `${TITLES[i % TITLES.length]} č. ${i}`,
      queue: QUEUES[(i >> 3) % QUEUES.length]!,
      contact: `+420 7${String(10_000_000 + i).slice(-8)}`,
      direction: (['in', 'out', 'internal'] as const)[i % 3]!,
    });
  }
  const sessions = Array.from({ length: days }, (_, d) => ({
    start: new Date(BENCH_WEEK_START + d * MS_PER_DAY + 6 * 3_600_000).toISOString(),
    end: new Date(BENCH_WEEK_START + d * MS_PER_DAY + 22 * 3_600_000).toISOString(),
  }));
  return { sessions, pauses: [], activities };
}
