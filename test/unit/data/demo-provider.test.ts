import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEMO_USERS, DemoProvider } from '../../../src/data/demo-provider.js';
import { generateDemoTrace } from '../../../src/data/demo-generate.js';
import { toPragueIso } from '../../../src/data/demo-time.js';
import { AccessDeniedError, isAbortError, isAccessDenied } from '../../../src/data/provider.js';
import { normalizeTrace } from '../../../src/model/normalize.js';
import type { TraceActivity, TraceData, TracePause, TraceSession } from '../../../src/model/types.js';

const NOW = Date.parse('2024-03-06T10:17:00+01:00'); // a Wednesday morning
const WEEK_START = '2024-03-04T00:00:00+01:00';
const WEEK_END = '2024-03-11T00:00:00+01:00';
const DAY_MS = 86_400_000;

const provider = (extra: ConstructorParameters<typeof DemoProvider>[0] = {}): DemoProvider =>
  new DemoProvider({ seed: 7, now: () => NOW, ...extra });

const signal = (): AbortSignal => new AbortController().signal;

/** Prague wall clock of an instant: { date: 'YYYY-MM-DD', minutes: minutes after midnight }. */
const pragueClock = (() => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Prague',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (ms: number): { date: string; minutes: number } => {
    const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
    return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  };
})();

const ms = (instant: unknown): number => Date.parse(instant as string);
const endMs = (item: { end?: unknown }): number => (item.end == null ? Infinity : ms(item.end));
const overlaps = (item: { start: unknown; end?: unknown }, start: number, end: number): boolean =>
  ms(item.start) < end && endMs(item) > start;

const sessionKey = (s: TraceSession): string => `${String(s.start)}|${String(s.end)}`;
const pauseKey = (p: TracePause): string => `${String(p.start)}|${String(p.end)}|${p.name}|${p.paid}`;
const activityKey = (a: TraceActivity): string => JSON.stringify(a);

function keys(data: TraceData): { sessions: string[]; pauses: string[]; activities: string[] } {
  return {
    sessions: [...new Set(data.sessions.map(sessionKey))].sort(),
    pauses: [...new Set(data.pauses.map(pauseKey))].sort(),
    activities: [...new Set(data.activities.map(activityKey))].sort(),
  };
}

function weekOfEveryone(p: DemoProvider, start = WEEK_START, end = WEEK_END): Map<string, TraceData> {
  const result = new Map<string, TraceData>();
  for (const user of p.users()) result.set(user.id, generateDemoTrace(p, user.id, Date.parse(start), Date.parse(end)));
  return result;
}

describe('DemoProvider: users', () => {
  it('has at least 25 users with Czech and English names, at least 3 deactivated, unique ids', () => {
    expect(DEMO_USERS.length).to.be.at.least(25);
    expect(DEMO_USERS.filter((u) => u.deactivated).length).to.be.at.least(3);
    expect(new Set(DEMO_USERS.map((u) => u.id)).size).to.equal(DEMO_USERS.length);
    const names = DEMO_USERS.map((u) => u.name);
    expect(names).to.include.members(['Jana Nováková', 'Petr Dvořák', 'Emily Clarke', 'James Walker']);
    expect(names.some((n) => /[ěščřžýáíéůú]/i.test(n))).to.equal(true);
  });

  it('lists deactivated users only when asked', async () => {
    const p = provider();
    const active = await p.listUsers({ includeDeactivated: false, signal: signal() });
    const all = await p.listUsers({ includeDeactivated: true, signal: signal() });
    expect(active.some((u) => u.deactivated)).to.equal(false);
    expect(all.filter((u) => u.deactivated).length).to.be.at.least(3);
    expect(all.length - active.length).to.equal(all.filter((u) => u.deactivated).length);
  });

  it('lists the heavy user only when configured', () => {
    expect(provider().users().some((u) => u.id === 'heavy')).to.equal(false);
    expect(provider({ heavyUserId: 'heavy' }).users().some((u) => u.id === 'heavy')).to.equal(true);
  });
});

describe('DemoProvider: data', () => {
  it('is deterministic: same seed and query, same data; another seed, other data', async () => {
    const q = { userId: 'jana.novakova', start: WEEK_START, end: WEEK_END };
    const a = await provider().loadTrace({ ...q, signal: signal() });
    const b = await provider().loadTrace({ ...q, signal: signal() });
    const c = await provider({ seed: 8 }).loadTrace({ ...q, signal: signal() });
    expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
    expect(JSON.stringify(a)).not.to.equal(JSON.stringify(c));
    expect(a.activities.length).to.be.greaterThan(50);
  });

  it('passes validation without a single warning, for every user, also across DST changes', () => {
    const weeks: [string, string][] = [
      [WEEK_START, WEEK_END],
      ['2024-03-25T00:00:00+01:00', '2024-04-01T00:00:00+02:00'],
      ['2024-10-21T00:00:00+02:00', '2024-10-28T00:00:00+01:00'],
    ];
    for (const [start, end] of weeks) {
      const p = new DemoProvider({ seed: 3, now: () => Date.parse(end) + DAY_MS, heavyUserId: 'heavy' });
      for (const [userId, data] of weekOfEveryone(p, start, end)) {
        const { warnings, data: valid } = normalizeTrace(data);
        expect(warnings, `${userId} ${start}`).to.deep.equal([]);
        expect(valid.activities.length).to.equal(data.activities.length);
      }
    }
    // and with "now" inside the range (running records)
    for (const [userId, data] of weekOfEveryone(provider())) {
      expect(normalizeTrace(data).warnings, userId).to.deep.equal([]);
    }
  });

  it('returns exactly what overlaps the range: a week is the union of its 7 days', () => {
    const p = provider();
    const start = Date.parse(WEEK_START);
    for (const userId of ['jana.novakova', 'tomas.prochazka', 'petr.dvorak', 'emily.clarke']) {
      const week = generateDemoTrace(p, userId, start, Date.parse(WEEK_END));
      const days: TraceData = { sessions: [], pauses: [], activities: [] };
      for (let d = 0; d < 7; d++) {
        const dayStart = start + d * DAY_MS; // no DST change in this week
        const day = generateDemoTrace(p, userId, dayStart, dayStart + DAY_MS);
        for (const list of ['sessions', 'pauses', 'activities'] as const) {
          for (const item of day[list]) expect(overlaps(item, dayStart, dayStart + DAY_MS), `${userId} ${list}`).to.equal(true);
        }
        days.sessions.push(...day.sessions);
        days.pauses.push(...day.pauses);
        days.activities.push(...day.activities);
      }
      expect(keys(days), userId).to.deep.equal(keys(week));
      expect(new Set(week.activities.map((a) => a.id)).size).to.equal(week.activities.length);
    }
  });

  it('any sub-range returns exactly the records of the week that overlap it (property)', () => {
    const p = provider({ now: () => Date.parse(WEEK_END) });
    const weekStart = Date.parse(WEEK_START);
    const week = generateDemoTrace(p, 'ondrej.marek', weekStart, Date.parse(WEEK_END));
    fc.assert(
      fc.property(
        fc.integer({ min: DAY_MS, max: 6 * DAY_MS }),
        fc.integer({ min: 1, max: DAY_MS / 1000 }),
        (offset, lengthSeconds) => {
          const start = weekStart + offset;
          const end = Math.min(start + lengthSeconds * 1000, Date.parse(WEEK_END));
          const part = generateDemoTrace(p, 'ondrej.marek', start, end);
          const expected: TraceData = {
            sessions: week.sessions.filter((s) => overlaps(s, start, end)),
            pauses: week.pauses.filter((s) => overlaps(s, start, end)),
            activities: week.activities.filter((s) => overlaps(s, start, end)),
          };
          expect(keys(part)).to.deep.equal(keys(expected));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps what runs at "now" open and invents nothing after it', () => {
    const data = weekOfEveryone(provider());
    let running = 0;
    for (const trace of data.values()) {
      for (const list of [trace.sessions, trace.pauses, trace.activities]) {
        for (const item of list) {
          expect(ms(item.start)).to.be.at.most(NOW);
          if (item.end === null) running++;
          else expect(ms(item.end)).to.be.at.most(NOW);
        }
      }
      for (const a of trace.activities) if (a.end === null) expect(a.closed).to.equal(false);
    }
    expect(running).to.be.greaterThan(5);
    // a running record also overlaps a later range; an all-future day has nothing else
    const tomorrow = generateDemoTrace(provider(), 'jana.novakova', NOW + DAY_MS, NOW + 2 * DAY_MS);
    expect(tomorrow.activities.every((a) => a.end === null)).to.equal(true);
    expect(tomorrow.sessions.every((s) => s.end === null)).to.equal(true);
  });

  it('looks like a real contact centre in Europe/Prague', () => {
    const p = provider({ now: () => Date.parse(WEEK_END) });
    const data = weekOfEveryone(p);
    const all = [...data.values()];
    const activities = all.flatMap((d) => d.activities);
    const types = new Set(activities.map((a) => a.type));
    for (const t of ['call', 'email', 'sms', 'web', 'messenger', 'whatsapp', 'viber', 'ticket', 'callback']) {
      expect(types, t).to.include(t);
    }
    expect([...new Set(activities.map((a) => a.direction))]).to.include.members(['in', 'out', 'internal']);
    expect([...new Set(activities.map((a) => a.queue))]).to.include.members(['Support', 'Sales', 'Reklamace']);
    expect(activities.some((a) => /[ěščřžýáíéůú]/.test(a.title ?? ''))).to.equal(true);

    for (const a of activities) {
      if (a.end === null) continue; // a night shift still running at the end of the week
      const seconds = (endMs(a) - ms(a.start)) / 1000;
      expect(seconds).to.be.within(5, 40 * 60);
      if (a.talkSeconds !== undefined) expect(a.talkSeconds).to.be.below(seconds);
    }

    // tickets edited on several days, some closed
    const ticketDays = new Map<string, Set<string>>();
    for (const a of activities.filter((x) => x.type === 'ticket')) {
      const days = ticketDays.get(a.ticketId as string) ?? new Set<string>();
      days.add(pragueClock(ms(a.start)).date);
      ticketDays.set(a.ticketId as string, days);
    }
    expect([...ticketDays.values()].some((days) => days.size > 1)).to.equal(true);
    expect(activities.some((a) => a.type === 'ticket' && a.closed)).to.equal(true);

    // overlaps: some activity starts while another of the same user runs
    const overlapping = all.some((d) =>
      d.activities.some((a, i) => {
        const next = d.activities[i + 1];
        return next !== undefined && ms(next.start) < endMs(a);
      }),
    );
    expect(overlapping).to.equal(true);

    // night shifts: something crosses local midnight
    expect(activities.some((a) => pragueClock(ms(a.start)).date !== pragueClock(endMs(a)).date)).to.equal(true);

    // shifts start at 6:00, 8:00, 14:00 or 22:00 Prague time (login a few minutes early)
    // (a shift start is a login more than 3 h after the previous logout: splits are shorter)
    const shiftStarts: number[] = [];
    for (const trace of all) {
      let previousEnd = -Infinity;
      for (const s of trace.sessions) {
        if (ms(s.start) - previousEnd > 3 * 3_600_000) shiftStarts.push(pragueClock(ms(s.start)).minutes);
        previousEnd = endMs(s);
      }
    }
    const starts = new Set(shiftStarts.map((m) => Math.ceil(m / 60) * 60));
    expect([...starts].every((m) => [360, 480, 840, 1320].includes(m)), [...starts].join()).to.equal(true);
    expect(starts.size).to.equal(4);

    // pauses: paid and unpaid, names include the Czech "Oběd"
    const pauses = all.flatMap((d) => d.pauses);
    expect([...new Set(pauses.map((x) => x.name))]).to.include.members(['Break', 'Oběd', 'Wrap-up', 'Do not disturb', 'Inactive']);
    expect(pauses.some((x) => x.paid) && pauses.some((x) => !x.paid)).to.equal(true);

    // sessions sometimes split by a logout
    expect(all.some((d) => new Set(d.sessions.map((s) => pragueClock(ms(s.start)).date)).size < d.sessions.length)).to.equal(true);

    // weekends are lighter
    const isWeekend = (a: TraceActivity): boolean => [0, 6].includes(new Date(pragueClock(ms(a.start)).date).getUTCDay());
    const weekdayCount = activities.filter((a) => !isWeekend(a)).length / 5;
    const weekendCount = activities.filter(isWeekend).length / 2;
    expect(weekendCount).to.be.below(weekdayCount / 2);
  });

  it('places shifts on Prague wall-clock time across the spring DST change', () => {
    const p = new DemoProvider({ seed: 7, now: () => Date.parse('2024-05-01T00:00:00Z') });
    const data = generateDemoTrace(p, 'jana.novakova', Date.parse('2024-03-25T00:00:00+01:00'), Date.parse('2024-04-06T00:00:00+02:00'));
    const logins = data.sessions.map((s) => pragueClock(ms(s.start)).minutes).filter((m) => m < 7 * 60);
    expect(logins.length).to.be.greaterThan(3);
    for (const m of logins) expect(m).to.be.within(5 * 60 + 50, 6 * 60);
    expect(data.sessions.some((s) => String(s.start).endsWith('+02:00'))).to.equal(true);
    expect(data.sessions.some((s) => String(s.start).endsWith('+01:00'))).to.equal(true);
  });

  it('writes instants as ISO strings with the Prague offset (property)', () => {
    const offsetFormat = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', timeZoneName: 'longOffset' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2037, 11, 31) }), (t) => {
        const iso = toPragueIso(t);
        expect(iso).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
        expect(Date.parse(iso)).to.equal(Math.floor(t / 1000) * 1000);
        const zone = offsetFormat.formatToParts(t).find((x) => x.type === 'timeZoneName')?.value;
        expect(zone).to.equal(`GMT${iso.slice(19)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects an unknown user with a clear Error and a bad range with a RangeError', async () => {
    const p = provider();
    let error: unknown;
    try {
      await p.loadTrace({ userId: 'nobody', start: WEEK_START, end: WEEK_END, signal: signal() });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.contain('nobody');
    expect(isAccessDenied(error)).to.equal(false);

    error = undefined;
    try {
      await p.loadTrace({ userId: 'jana.novakova', start: 'yesterday', end: WEEK_END, signal: signal() });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(RangeError);
  });

  it('returns nothing for an empty or inverted range', async () => {
    const data = await provider().loadTrace({ userId: 'jana.novakova', start: WEEK_END, end: WEEK_START, signal: signal() });
    expect(data).to.deep.equal({ sessions: [], pauses: [], activities: [] });
  });
});

describe('DemoProvider: access and abort', () => {
  it('rejects denied users with AccessDeniedError (trace and detail)', async () => {
    const p = provider({ deniedUserIds: ['petr.dvorak'] });
    let error: unknown;
    try {
      await p.loadTrace({ userId: 'petr.dvorak', start: WEEK_START, end: WEEK_END, signal: signal() });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(AccessDeniedError);
    expect(isAccessDenied(error)).to.equal(true);

    const activity = generateDemoTrace(p, 'petr.dvorak', Date.parse(WEEK_START), Date.parse(WEEK_END)).activities[0] as TraceActivity;
    error = undefined;
    try {
      await p.loadActivityDetail({ userId: 'petr.dvorak', activity, signal: signal() });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(AccessDeniedError);
    // others still load
    const ok = await p.loadTrace({ userId: 'jana.novakova', start: WEEK_START, end: WEEK_END, signal: signal() });
    expect(ok.activities.length).to.be.greaterThan(0);
  });

  it('rejects with an AbortError when aborted during the latency or before the call', async () => {
    const p = provider({ latencyMs: 200 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = p.loadTrace({ userId: 'jana.novakova', start: WEEK_START, end: WEEK_END, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    let error: unknown;
    try {
      await pending;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(isAbortError(error)).to.equal(true);
    expect(performance.now() - started).to.be.below(190);

    error = undefined;
    try {
      await p.listUsers({ includeDeactivated: false, signal: controller.signal });
    } catch (e) {
      error = e;
    }
    expect(isAbortError(error)).to.equal(true);
  });

  it('waits for the configured latency', async () => {
    const p = provider({ latencyMs: 60 });
    const started = performance.now();
    await p.listUsers({ includeDeactivated: false, signal: signal() });
    expect(performance.now() - started).to.be.at.least(55);
  });
});

describe('DemoProvider: activity detail', () => {
  const p = provider({ now: () => Date.parse(WEEK_END) });
  const activities = [...weekOfEveryone(p).values()].flatMap((d) => d.activities);
  const find = (predicate: (a: TraceActivity) => boolean): TraceActivity => {
    const found = activities.find(predicate);
    if (!found) throw new Error('no such activity in the demo week');
    return found;
  };
  const detail = (activity: TraceActivity): Promise<Record<string, unknown>> =>
    p.loadActivityDetail({ userId: String(activity.id).split(':')[0] ?? '', activity, signal: signal() });

  it('describes a call: numbers, waiting, recording, Czech notes; deterministically', async () => {
    const call = find((a) => a.type === 'call' && a.direction === 'in');
    const d = await detail(call);
    expect(d.callerNumber).to.equal(call.contact);
    expect(d.recordingId).to.be.a('string');
    expect(d.waitSeconds).to.be.a('number');
    expect(d.notes).to.be.a('string');
    expect(await detail(call)).to.deep.equal(d);
    const notes = await Promise.all(activities.filter((a) => a.type === 'call').slice(0, 40).map(detail));
    expect(notes.some((n) => /[ěščřžýáíéůú]/.test(String(n.notes)))).to.equal(true);
  });

  it('describes an email, a ticket, a chat and an unknown type', async () => {
    const email = await detail(find((a) => a.type === 'email' && a.direction === 'in'));
    expect(email).to.include.keys('subject', 'from', 'to');
    const ticketActivity = find((a) => a.type === 'ticket' && a.closed === true);
    const ticket = await detail(ticketActivity);
    expect(ticket.status).to.equal('Closed');
    expect(ticket.ticketId).to.equal(ticketActivity.ticketId);
    expect(ticket).to.include.keys('priority');
    const chat = await detail(find((a) => a.type === 'whatsapp'));
    expect(chat.channel).to.equal('whatsapp');
    const other = await detail(find((a) => a.type === 'callback'));
    expect(other).to.include.keys('notes');
  });
});

describe('DemoProvider: heavy user', () => {
  it('generates about 100 000 short, overlapping, valid activities per week, quickly', () => {
    const p = new DemoProvider({ seed: 7, heavyUserId: 'heavy', now: () => Date.parse(WEEK_END) });
    const start = Date.parse('2024-02-26T00:00:00+01:00');
    const end = Date.parse('2024-03-04T00:00:00+01:00');
    const times: number[] = [];
    let data: TraceData | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      data = generateDemoTrace(p, 'heavy', start, end);
      times.push(performance.now() - t0);
    }
    const week = data as TraceData;
     
    console.log(`[demo-provider] heavy week: ${week.activities.length} activities; ms per run: ${times.map((t) => t.toFixed(0)).join(', ')}`);
    expect(week.activities.length).to.be.within(99_000, 101_000);
    expect(normalizeTrace(week).warnings.length).to.equal(0);
    expect(week.activities.every((a) => endMs(a) - ms(a.start) <= 600_000)).to.equal(true);
    // heavily overlapping: many activities run at once at noon
    const noon = Date.parse('2024-02-28T12:00:00+01:00');
    expect(week.activities.filter((a) => overlaps(a, noon, noon + 1)).length).to.be.greaterThan(5);
  });

  it('honours heavyActivitiesPerWeek', () => {
    const p = new DemoProvider({ seed: 1, heavyUserId: 'load', heavyActivitiesPerWeek: 7000, now: () => Date.parse(WEEK_END) });
    const week = generateDemoTrace(p, 'load', Date.parse('2024-02-26T00:00:00+01:00'), Date.parse('2024-03-04T00:00:00+01:00'));
    expect(week.activities.length).to.be.within(6990, 7010);
  });
});
