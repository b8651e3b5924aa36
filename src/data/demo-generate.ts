import type { TraceActivity, TraceData, TracePause, TraceSession } from '../model/types.js';
import { HEAVY_SPILL_MS, generateAgentDay, generateHeavyDay, type GenDay, type GenInterval } from './demo-day.js';
import { localDayNumber, localToUtc, toPragueIso } from './demo-time.js';
import type { DemoProvider } from './demo-provider.js';

export { demoActivityDetail } from './demo-detail.js';

/** A day of the heavy user holds `perWeek / 7` activities. */
const DAYS_PER_WEEK = 7;

/**
 * The trace of `[startMs, endMs)` of one of `provider`'s users, synchronously, without latency
 * or access checks (except an unknown user): for benchmarks and tests.
 */
export function generateDemoTrace(provider: DemoProvider, userId: string, startMs: number, endMs: number): TraceData {
  const config = provider.generatorConfig;
  const index = config.agents.findIndex((a) => a.id === userId);
  const agent = config.agents[index];
  if (!agent) throw new Error(`DemoProvider: unknown user "${userId}".`);
  const out: TraceData = { sessions: [], pauses: [], activities: [] };
  if (!(endMs > startMs)) return out;

  const nowMs = config.now();
  const heavy = userId === config.heavyUserId;
  // The previous day too: night shifts (and long work) run past midnight. The load-test
  // user's work spills at most HEAVY_SPILL_MS into the next day, so its previous day is
  // skipped when the range starts later than that.
  let firstDay = localDayNumber(startMs) - 1;
  if (heavy && startMs >= localToUtc(firstDay + 1, 0) + HEAVY_SPILL_MS) firstDay++;
  const lastDay = localDayNumber(endMs - 1);
  const perDay = Math.round(config.heavyPerWeek / DAYS_PER_WEEK);
  for (let day = firstDay; day <= lastDay; day++) {
    const generated: GenDay = heavy
      ? generateHeavyDay(config.seed, userId, day, perDay)
      : generateAgentDay(config.seed, agent, index, day);
    collect(generated, startMs, endMs, nowMs, out);
  }
  return out;
}

/**
 * `end` of an interval as seen at `nowMs` (`null` = running), or `undefined` when it is not
 * part of the answer: it starts after now, or does not overlap `[startMs, endMs)`.
 */
function visibleEnd(span: GenInterval, startMs: number, endMs: number, nowMs: number): number | null | undefined {
  if (span.start >= endMs || span.start > nowMs) return undefined;
  if (span.end > nowMs) return null; // still running: overlaps every range from its start on
  return span.end > startMs ? span.end : undefined;
}

function collect(day: GenDay, startMs: number, endMs: number, nowMs: number, out: TraceData): void {
  for (const session of day.sessions) {
    const end = visibleEnd(session, startMs, endMs, nowMs);
    if (end === undefined) continue;
    const wire: TraceSession = { start: toPragueIso(session.start), end: end === null ? null : toPragueIso(end) };
    out.sessions.push(wire);
  }
  for (const pause of day.pauses) {
    const end = visibleEnd(pause, startMs, endMs, nowMs);
    if (end === undefined) continue;
    const wire: TracePause = {
      start: toPragueIso(pause.start),
      end: end === null ? null : toPragueIso(end),
      name: pause.name,
      paid: pause.paid,
    };
    out.pauses.push(wire);
  }
  const activities = out.activities;
  for (const activity of day.activities) {
    const end = visibleEnd(activity, startMs, endMs, nowMs);
    if (end === undefined) continue;
    // Generated objects are fresh for every call: rewriting their instants in place
    // avoids copying 100 000 objects for the load-test week.
    const wire = activity as unknown as TraceActivity;
    wire.start = toPragueIso(activity.start);
    wire.end = end === null ? null : toPragueIso(end);
    if (end === null) {
      // Not finished yet: not closed, talk time not known.
      wire.closed = false;
      delete wire.talkSeconds;
    }
    activities.push(wire);
  }
}
