/**
 * The demo contact centre: who works there and how.
 * @internal
 */
import type { TraceUser } from '../model/types.js';

/**
 * The zone the demo agents work in (its wall-clock rules are in demo-time.ts; this constant lives
 * here so the statically loaded demo code does not pull those helpers in).
 */
export const DEMO_TIME_ZONE = 'Europe/Prague';

/** Which shifts an agent works (wall-clock Prague). */
export type ShiftPattern = 'morning' | 'day' | 'afternoon' | 'rotating' | 'nights';
/** What an agent mostly handles. */
export type WorkMix = 'calls' | 'backoffice' | 'chats' | 'mixed';

/** A demo agent with the profile its data is generated from. */
export interface DemoAgent {
  id: string;
  name: string;
  deactivated: boolean;
  pattern: ShiftPattern;
  mix: WorkMix;
}

/**
 * `name|pattern|mix`, `|x` when deactivated; the id is the name folded to lower-case ASCII with a
 * dot (`Jana Nováková` → `jana.novakova`).
 */
// Pure: a page that never uses the demo provider drops the list (its bundler removes it).
const AGENTS: readonly DemoAgent[] = /* @__PURE__ */ [
  'Jana Nováková|morning|calls',
  'Petr Dvořák|rotating|mixed',
  'Lucie Černá|day|chats',
  'Tomáš Procházka|nights|calls',
  'Kateřina Svobodová|day|backoffice',
  'Martin Novotný|afternoon|calls',
  'Veronika Horáková|rotating|chats',
  'Jiří Kučera|morning|mixed',
  'Tereza Veselá|day|calls',
  'Ondřej Marek|nights|mixed',
  'Markéta Pokorná|afternoon|chats',
  'Lukáš Růžička|rotating|calls',
  'Eliška Šimková|day|backoffice',
  'Jakub Krejčí|morning|calls',
  'Zuzana Benešová|afternoon|mixed',
  'David Fiala|day|chats',
  'Barbora Sedláčková|morning|backoffice',
  'Michal Doležal|rotating|mixed',
  'Anežka Růžičková|day|calls',
  'Vojtěch Čermák|afternoon|calls',
  'Emily Clarke|day|mixed',
  'James Walker|afternoon|calls',
  'Sophie Turner|morning|chats',
  'Oliver Bennett|nights|calls',
  'Charlotte Hughes|day|backoffice',
  'Hana Zemanová|morning|calls|x',
  'Radek Šťastný|afternoon|mixed|x',
  'Daniel Price|day|chats|x',
].map((row) => {
  const [name, pattern, mix, deactivated] = row.split('|') as [string, ShiftPattern, WorkMix, string?];
  const id = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(' ', '.');
  return { id, name, deactivated: deactivated === 'x', pattern, mix };
});

/** Profile of the synthetic load-test user (`heavyUserId`). */
export function heavyAgent(id: string): DemoAgent {
  return { id, name: 'Zátěžový test (load test)', deactivated: false, pattern: 'day', mix: 'mixed' };
}

/** Every demo agent with its profile, in a stable order. */
export function demoAgents(): readonly DemoAgent[] {
  return AGENTS;
}

/** Public view of an agent. */
export function toTraceUser(agent: DemoAgent): TraceUser {
  const user: TraceUser = { id: agent.id, name: agent.name, timeZone: DEMO_TIME_ZONE };
  if (agent.deactivated) user.deactivated = true;
  return user;
}

/** The demo users as a provider lists them (deactivated ones included and marked). */
export const DEMO_USERS: readonly TraceUser[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ AGENTS.map(toTraceUser));
