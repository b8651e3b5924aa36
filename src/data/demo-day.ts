/**
 * One agent's day of demo data, generated from `seed + agent + Prague calendar day` only,
 * so a day is identical whichever range asks for it. Times are epoch ms here; the provider
 * turns them into ISO strings after clipping to the query and to "now".
 * @internal
 */
import type { ChatChannel } from '../model/types.js';
import {
  CALLBACK_TITLES,
  CALL_QUEUES,
  CHAT_QUEUES,
  EMAIL_QUEUES,
  INTERNAL_CONTACTS,
  TICKET_QUEUES,
  customerName,
  emailAddress,
  phoneNumber,
  topic,
} from './demo-content.js';
import { Rng, hashString } from './demo-random.js';
import { HOUR, MINUTE, dateKey, isoWeekday, localToUtc, weekNumber } from './demo-time.js';
import type { DemoAgent, ShiftPattern } from './demo-users.js';

const SECOND = 1000;

/** A generated interval (epoch ms, `end` always known here: "running" is decided later against `now`). */
export interface GenInterval {
  start: number;
  end: number;
}

/** A generated pause. */
export interface GenPause extends GenInterval {
  name: string;
  paid: boolean;
}

/** A generated activity: the wire shape with numeric instants. */
export interface GenActivity extends GenInterval {
  id: string;
  type: string;
  closed: boolean;
  title?: string;
  queue?: string;
  contact?: string;
  direction?: 'in' | 'out' | 'internal';
  ticketId?: string;
  talkSeconds?: number;
}

/** Everything generated for one agent and one local day. */
export interface GenDay {
  sessions: GenInterval[];
  pauses: GenPause[];
  activities: GenActivity[];
}

/** Pause names as the demo's telephony system reports them (one Czech on purpose). */
export const PAUSES = {
  break: { name: 'Break', paid: true },
  lunch: { name: 'Oběd', paid: false },
  wrapUp: { name: 'Wrap-up', paid: true },
  doNotDisturb: { name: 'Do not disturb', paid: true },
  inactive: { name: 'Inactive', paid: false },
} as const;

type ShiftKind = 'morning' | 'day' | 'afternoon' | 'night';

/** Shift start and end in minutes after local midnight (night ends the next morning). */
const SHIFTS: Record<ShiftKind, { from: number; to: number }> = {
  morning: { from: 6 * 60, to: 14 * 60 + 30 },
  day: { from: 8 * 60, to: 16 * 60 + 30 },
  afternoon: { from: 14 * 60, to: 22 * 60 + 30 },
  night: { from: 22 * 60, to: 24 * 60 + 6 * 60 + 30 },
};

type WorkKind = 'call' | 'email' | 'chat' | 'ticket' | 'callback';

const MIX_WEIGHTS: Record<DemoAgent['mix'], Record<WorkKind, number>> = {
  calls: { call: 60, email: 10, chat: 10, ticket: 8, callback: 2 },
  backoffice: { call: 8, email: 45, chat: 6, ticket: 35, callback: 2 },
  chats: { call: 10, email: 10, chat: 65, ticket: 8, callback: 2 },
  mixed: { call: 30, email: 25, chat: 25, ticket: 15, callback: 2 },
};

const CHANNEL_WEIGHTS: Record<ChatChannel, number> = {
  sms: 15,
  web: 35,
  messenger: 15,
  whatsapp: 25,
  viber: 10,
};

/** Which shift (if any) an agent works on a day. */
function shiftFor(agent: DemoAgent, agentIndex: number, dayNumber: number, rng: Rng): ShiftKind | null {
  const weekend = isoWeekday(dayNumber) >= 6;
  const week = weekNumber(dayNumber);
  const pattern: ShiftPattern = agent.pattern;
  let kind: ShiftKind;
  if (pattern === 'rotating') {
    kind = (['morning', 'afternoon', 'day', 'night'] as const)[(week + agentIndex) % 4] ?? 'day';
  } else if (pattern === 'nights') {
    kind = (week + agentIndex) % 2 === 0 ? 'night' : 'day';
  } else {
    kind = pattern;
  }
  const works = weekend ? rng.chance(kind === 'night' ? 0.35 : 0.25) : rng.chance(0.9);
  return works ? kind : null;
}

/** Ticket number of slot `slot` opened by agent `agentIndex` on `dayNumber`: shared by edits over several days. */
function ticketId(dayNumber: number, agentIndex: number, slot: number): string {
  return `TCK-${100_000 + ((dayNumber * 37 + agentIndex * 7 + slot) % 900_000)}`;
}

/** A ticket's own title and queue, stable across all its edits. */
function ticketSubject(id: string): { title: string; queue: string } {
  const rng = new Rng(hashString(id));
  const queue = rng.pick(TICKET_QUEUES);
  return { queue, title: topic(rng, queue) };
}

/** A recent ticket of this agent: mostly today's or yesterday's, sometimes older. */
function recentTicket(rng: Rng, dayNumber: number, agentIndex: number): string {
  const back = Number(rng.weighted({ '0': 5, '1': 3, '2': 2, '3': 1 }));
  return ticketId(dayNumber - back, agentIndex, rng.int(0, 5));
}

/** `base` minus the union of `cuts`; both sorted by start. */
function subtract(base: readonly GenInterval[], cuts: readonly GenInterval[]): GenInterval[] {
  const out: GenInterval[] = [];
  for (const span of base) {
    let from = span.start;
    for (const cut of cuts) {
      if (cut.end <= from || cut.start >= span.end) continue;
      if (cut.start > from) out.push({ start: from, end: cut.start });
      from = Math.max(from, cut.end);
    }
    if (from < span.end) out.push({ start: from, end: span.end });
  }
  return out;
}

function overlapsAny(span: GenInterval, others: readonly GenInterval[]): boolean {
  return others.some((o) => o.start < span.end && o.end > span.start);
}

function within(span: GenInterval, containers: readonly GenInterval[]): boolean {
  return containers.some((c) => c.start <= span.start && c.end >= span.end);
}

/** Builds one activity of `kind` starting at `start` lasting `seconds`. */
function makeActivity(
  rng: Rng,
  kind: WorkKind,
  id: string,
  start: number,
  seconds: number,
  dayNumber: number,
  agentIndex: number,
): GenActivity {
  const end = start + seconds * SECOND;
  switch (kind) {
    case 'call': {
      const direction = rng.weighted({ in: 70, out: 25, internal: 5 }) as 'in' | 'out' | 'internal';
      const queue = direction === 'internal' ? undefined : rng.pick(CALL_QUEUES);
      const activity: GenActivity = {
        id,
        type: 'call',
        start,
        end,
        closed: rng.chance(0.9),
        direction,
        title: queue ? topic(rng, queue) : 'Interní konzultace',
        contact: direction === 'internal' ? rng.pick(INTERNAL_CONTACTS) : phoneNumber(rng),
      };
      if (queue) activity.queue = queue;
      // Talk time is always shorter than the call (ringing, hold); a few systems do not report it.
      if (!rng.chance(0.05)) {
        activity.talkSeconds = Math.max(0, Math.floor(seconds * (0.55 + rng.next() * 0.4)) - 1);
      }
      return activity;
    }
    case 'email': {
      const queue = rng.pick(EMAIL_QUEUES);
      const activity: GenActivity = {
        id,
        type: 'email',
        start,
        end,
        closed: rng.chance(0.7),
        direction: rng.chance(0.8) ? 'in' : 'out',
        queue,
        title: topic(rng, queue),
        contact: emailAddress(rng, customerName(rng)),
      };
      if (rng.chance(0.2)) activity.ticketId = recentTicket(rng, dayNumber, agentIndex);
      return activity;
    }
    case 'chat': {
      const channel = rng.weighted(CHANNEL_WEIGHTS);
      const queue = rng.pick(CHAT_QUEUES);
      const phone = channel === 'sms' || channel === 'whatsapp' || channel === 'viber';
      return {
        id,
        type: channel,
        start,
        end,
        closed: rng.chance(0.75),
        direction: 'in',
        queue,
        title: topic(rng, queue),
        contact:
          channel === 'web' && rng.chance(0.4)
            ? `Návštěvník #${rng.int(1000, 9999)}`
            : phone
              ? phoneNumber(rng)
              : customerName(rng),
      };
    }
    case 'ticket': {
      const ticket = recentTicket(rng, dayNumber, agentIndex);
      const subject = ticketSubject(ticket);
      return {
        id,
        type: 'ticket',
        start,
        end,
        closed: rng.chance(0.25),
        ticketId: ticket,
        queue: subject.queue,
        title: `${ticket}: ${subject.title}`,
      };
    }
    case 'callback':
      // A type the library does not know: it must show up as "other".
      return {
        id,
        type: 'callback',
        start,
        end,
        closed: rng.chance(0.5),
        direction: 'out',
        title: rng.pick(CALLBACK_TITLES),
        contact: phoneNumber(rng),
      };
  }
}

/** Realistic length of a piece of work, in whole seconds. */
function workSeconds(rng: Rng, kind: WorkKind): number {
  switch (kind) {
    case 'call':
      return Math.round(rng.logNormal(240, 0.8, 20, 40 * 60));
    case 'email':
      return Math.round(rng.logNormal(360, 0.6, 60, 35 * 60));
    case 'chat':
      return Math.round(rng.logNormal(300, 0.7, 30, 25 * 60));
    case 'ticket':
      return Math.round(rng.logNormal(240, 0.7, 30, 20 * 60));
    case 'callback':
      return Math.round(rng.logNormal(180, 0.5, 60, 8 * 60));
  }
}

/** One ordinary agent's day. */
export function generateAgentDay(seed: number, agent: DemoAgent, agentIndex: number, dayNumber: number): GenDay {
  const rng = new Rng(hashString(`${seed}|${agent.id}|${dateKey(dayNumber)}`));
  const empty: GenDay = { sessions: [], pauses: [], activities: [] };
  const kind = shiftFor(agent, agentIndex, dayNumber, rng);
  if (!kind) return empty;

  const weekend = isoWeekday(dayNumber) >= 6;
  const shift = SHIFTS[kind];
  const shiftStart = localToUtc(dayNumber, shift.from);
  const shiftEnd = localToUtc(dayNumber, shift.to); // past midnight for nights: DST-correct
  const loginStart = shiftStart - rng.int(0, 6) * MINUTE - rng.int(0, 59) * SECOND;
  const loginEnd = shiftEnd + rng.int(0, 12) * MINUTE + rng.int(0, 59) * SECOND;

  // Sessions: sometimes split by a logout (doctor, system restart).
  const sessions: GenInterval[] = [];
  if (rng.chance(0.15)) {
    const split = loginStart + Math.round((1.5 + rng.next() * 3.5) * HOUR / SECOND) * SECOND;
    const back = split + rng.int(5, 40) * MINUTE + rng.int(0, 59) * SECOND;
    sessions.push({ start: loginStart, end: split }, { start: back, end: loginEnd });
  } else {
    sessions.push({ start: loginStart, end: loginEnd });
  }

  // Planned pauses, kept only when they fall inside a session and do not collide.
  const pauses: GenPause[] = [];
  const addPause = (type: { name: string; paid: boolean }, start: number, seconds: number): void => {
    const pause: GenPause = { start, end: start + seconds * SECOND, name: type.name, paid: type.paid };
    if (within(pause, sessions) && !overlapsAny(pause, pauses)) pauses.push(pause);
  };
  const at = (hours: number, jitterMinutes: number): number =>
    loginStart + Math.round(hours * 60 + (rng.next() * 2 - 1) * jitterMinutes) * MINUTE;
  addPause(PAUSES.break, at(2, 20), rng.int(10 * 60, 15 * 60));
  addPause(PAUSES.lunch, at(4, 30), rng.int(25 * 60, 35 * 60));
  addPause(PAUSES.break, at(6.5, 20), rng.int(10 * 60, 15 * 60));
  if (rng.chance(0.25)) addPause(PAUSES.doNotDisturb, at(1 + rng.next() * 6, 0), rng.int(15 * 60, 45 * 60));
  const inactiveCount = rng.chance(0.35) ? rng.int(1, 3) : 0;
  for (let i = 0; i < inactiveCount; i++) addPause(PAUSES.inactive, at(0.5 + rng.next() * 7.5, 0), rng.int(60, 8 * 60));
  pauses.sort((a, b) => a.start - b.start);

  // Work fills the time logged in and not paused, with idle gaps between pieces of work.
  const free = subtract(sessions, pauses);
  const weights = MIX_WEIGHTS[agent.mix];
  const meanGapSeconds = kind === 'night' ? 420 : weekend ? 240 : 100;
  const prefix = `${agent.id}:${dateKey(dayNumber)}:`;
  const activities: GenActivity[] = [];
  const wrapUps: GenPause[] = [];
  const nextId = (): string => prefix + activities.length;

  for (const segment of free) {
    let t = segment.start + Math.round(rng.exp(meanGapSeconds)) * SECOND;
    while (t < segment.end - 20 * SECOND) {
      const work = rng.weighted(weights);
      let seconds = workSeconds(rng, work);
      if (t + seconds * SECOND > segment.end) seconds = Math.floor((segment.end - t) / SECOND);
      if (seconds < 15) break;
      const activity = makeActivity(rng, work, nextId(), t, seconds, dayNumber, agentIndex);
      activities.push(activity);

      // Overlaps: a chat answered while an email is open, or two chats at once.
      if ((work === 'email' && rng.chance(0.3)) || (work === 'chat' && rng.chance(0.35))) {
        const start = t + Math.floor(rng.next() * seconds * 0.6) * SECOND;
        const extra = Math.min(workSeconds(rng, 'chat'), Math.floor((segment.end - start) / SECOND));
        if (extra >= 15) activities.push(makeActivity(rng, 'chat', nextId(), start, extra, dayNumber, agentIndex));
      }

      t += seconds * SECOND;
      if (work === 'call' && rng.chance(0.35)) {
        const wrap = Math.min(rng.int(30, 180), Math.floor((segment.end - t) / SECOND));
        if (wrap >= 10) {
          wrapUps.push({ start: t, end: t + wrap * SECOND, ...PAUSES.wrapUp });
          t += wrap * SECOND;
        }
      }
      t += Math.round(rng.exp(meanGapSeconds)) * SECOND;
    }
  }

  // Night shifts: make sure something runs across local midnight.
  if (kind === 'night') {
    const midnight = localToUtc(dayNumber + 1, 0);
    const span = {
      start: midnight - rng.int(2 * 60, 8 * 60) * SECOND,
      end: midnight + rng.int(3 * 60, 12 * 60) * SECOND,
    };
    if (within(span, free)) {
      activities.push(
        makeActivity(rng, 'email', nextId(), span.start, (span.end - span.start) / SECOND, dayNumber, agentIndex),
      );
    }
  }

  const allPauses = pauses.concat(wrapUps).sort((a, b) => a.start - b.start);
  activities.sort((a, b) => a.start - b.start || a.end - b.end);
  return { sessions, pauses: allPauses, activities };
}

// ---------------------------------------------------------------------------
// Load-test user: a constant stream of short, heavily overlapping activities — but one call at a
// time, as a phone has one line: talk time never exceeds the time on calls.
// ---------------------------------------------------------------------------

const HEAVY_TYPES: readonly { type: string; cumulative: number; queue?: string }[] = [
  { type: 'call', cumulative: 0.3, queue: 'Support' },
  { type: 'email', cumulative: 0.45, queue: 'Fakturace' },
  { type: 'sms', cumulative: 0.52, queue: 'Support' },
  { type: 'web', cumulative: 0.64, queue: 'Sales' },
  { type: 'messenger', cumulative: 0.7, queue: 'Support' },
  { type: 'whatsapp', cumulative: 0.79, queue: 'Support' },
  { type: 'viber', cumulative: 0.84, queue: 'Sales' },
  { type: 'ticket', cumulative: 0.99, queue: 'Reklamace' },
  { type: 'callback', cumulative: 1 },
];

/** Longest load-test activity; nothing of a load-test day reaches further past its midnight. */
export const HEAVY_SPILL_MS = 600 * SECOND;

/** The load-test user's day: `count` activities spread over the local day. */
export function generateHeavyDay(seed: number, userId: string, dayNumber: number, count: number): GenDay {
  const rng = new Rng(hashString(`${seed}|${userId}|${dateKey(dayNumber)}`));
  const dayStart = localToUtc(dayNumber, 0);
  const dayEnd = localToUtc(dayNumber + 1, 0);
  const daySeconds = (dayEnd - dayStart) / SECOND;
  const sessions: GenInterval[] = [{ start: dayStart, end: dayEnd }];
  const pauses: GenPause[] = [
    { start: dayStart + 10 * HOUR, end: dayStart + 10 * HOUR + 15 * MINUTE, ...PAUSES.break },
    { start: dayStart + 12 * HOUR, end: dayStart + 12 * HOUR + 30 * MINUTE, ...PAUSES.lunch },
    { start: dayStart + 15 * HOUR + 7 * MINUTE, end: dayStart + 15 * HOUR + 12 * MINUTE, ...PAUSES.inactive },
    { start: dayStart + 19 * HOUR, end: dayStart + 19 * HOUR + 45 * MINUTE, ...PAUSES.doNotDisturb },
  ];
  const titles = ['Výpadek připojení', 'Dotaz na fakturu', 'Reklamace zásilky', 'Order status', 'Změna tarifu'];
  const contacts = Array.from({ length: 16 }, () => phoneNumber(rng));
  const prefix = `${userId}:${dateKey(dayNumber)}:`;
  const activities: GenActivity[] = new Array(count);
  const step = daySeconds / count;
  let callsUntil = 0;
  for (let i = 0; i < count; i++) {
    // Evenly spread, jittered starts keep the list sorted without a sort.
    const start = dayStart + Math.floor((i + rng.next()) * step) * SECOND;
    const seconds = 5 + Math.min(HEAVY_SPILL_MS / SECOND - 5, Math.floor(rng.exp(60)));
    const r = rng.next();
    let k = 0;
    while ((HEAVY_TYPES[k]?.cumulative ?? 1) < r) k++;
    const id = prefix + i;
    const end = start + seconds * SECOND;
    // A call while the previous one still runs becomes a web chat.
    let spec = HEAVY_TYPES[k] ?? { type: 'call', cumulative: 1 };
    if (spec.type === 'call') {
      if (start < callsUntil) spec = HEAVY_TYPES[3]!;
      else callsUntil = end;
    }
    const closed = rng.next() < 0.7;
    const title = titles[i % titles.length] ?? '';
    // One object literal per shape keeps allocation monomorphic (this loop runs 100 000 times).
    let activity: GenActivity;
    if (spec.type === 'call') {
      activity = {
        id, type: 'call', start, end, closed, title, queue: 'Support',
        direction: i % 5 === 0 ? 'out' : 'in', talkSeconds: Math.floor(seconds * 0.8), contact: contacts[i & 15] ?? '',
      };
    } else if (spec.type === 'ticket') {
      activity = { id, type: 'ticket', start, end, closed, title, queue: 'Reklamace', ticketId: `TCK-H${(dayNumber % 100) * 100 + (i % 97)}` };
    } else if (spec.queue) {
      activity = { id, type: spec.type, start, end, closed, title, queue: spec.queue };
    } else {
      activity = { id, type: spec.type, start, end, closed, title };
    }
    activities[i] = activity;
  }
  return { sessions, pauses, activities };
}

