/**
 * The demo contact centre: who works there and how.
 * @internal
 */
import type { TraceUser } from '../model/types.js';
import { DEMO_TIME_ZONE } from './demo-time.js';

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

const AGENTS: readonly DemoAgent[] = [
  { id: 'jana.novakova', name: 'Jana Nováková', deactivated: false, pattern: 'morning', mix: 'calls' },
  { id: 'petr.dvorak', name: 'Petr Dvořák', deactivated: false, pattern: 'rotating', mix: 'mixed' },
  { id: 'lucie.cerna', name: 'Lucie Černá', deactivated: false, pattern: 'day', mix: 'chats' },
  { id: 'tomas.prochazka', name: 'Tomáš Procházka', deactivated: false, pattern: 'nights', mix: 'calls' },
  { id: 'katerina.svobodova', name: 'Kateřina Svobodová', deactivated: false, pattern: 'day', mix: 'backoffice' },
  { id: 'martin.novotny', name: 'Martin Novotný', deactivated: false, pattern: 'afternoon', mix: 'calls' },
  { id: 'veronika.horakova', name: 'Veronika Horáková', deactivated: false, pattern: 'rotating', mix: 'chats' },
  { id: 'jiri.kucera', name: 'Jiří Kučera', deactivated: false, pattern: 'morning', mix: 'mixed' },
  { id: 'tereza.vesela', name: 'Tereza Veselá', deactivated: false, pattern: 'day', mix: 'calls' },
  { id: 'ondrej.marek', name: 'Ondřej Marek', deactivated: false, pattern: 'nights', mix: 'mixed' },
  { id: 'marketa.pokorna', name: 'Markéta Pokorná', deactivated: false, pattern: 'afternoon', mix: 'chats' },
  { id: 'lukas.ruzicka', name: 'Lukáš Růžička', deactivated: false, pattern: 'rotating', mix: 'calls' },
  { id: 'eliska.simkova', name: 'Eliška Šimková', deactivated: false, pattern: 'day', mix: 'backoffice' },
  { id: 'jakub.krejci', name: 'Jakub Krejčí', deactivated: false, pattern: 'morning', mix: 'calls' },
  { id: 'zuzana.benesova', name: 'Zuzana Benešová', deactivated: false, pattern: 'afternoon', mix: 'mixed' },
  { id: 'david.fiala', name: 'David Fiala', deactivated: false, pattern: 'day', mix: 'chats' },
  { id: 'barbora.sedlackova', name: 'Barbora Sedláčková', deactivated: false, pattern: 'morning', mix: 'backoffice' },
  { id: 'michal.dolezal', name: 'Michal Doležal', deactivated: false, pattern: 'rotating', mix: 'mixed' },
  { id: 'anezka.ruzickova', name: 'Anežka Růžičková', deactivated: false, pattern: 'day', mix: 'calls' },
  { id: 'vojtech.cermak', name: 'Vojtěch Čermák', deactivated: false, pattern: 'afternoon', mix: 'calls' },
  { id: 'emily.clarke', name: 'Emily Clarke', deactivated: false, pattern: 'day', mix: 'mixed' },
  { id: 'james.walker', name: 'James Walker', deactivated: false, pattern: 'afternoon', mix: 'calls' },
  { id: 'sophie.turner', name: 'Sophie Turner', deactivated: false, pattern: 'morning', mix: 'chats' },
  { id: 'oliver.bennett', name: 'Oliver Bennett', deactivated: false, pattern: 'nights', mix: 'calls' },
  { id: 'charlotte.hughes', name: 'Charlotte Hughes', deactivated: false, pattern: 'day', mix: 'backoffice' },
  { id: 'hana.zemanova', name: 'Hana Zemanová', deactivated: true, pattern: 'morning', mix: 'calls' },
  { id: 'radek.stastny', name: 'Radek Šťastný', deactivated: true, pattern: 'afternoon', mix: 'mixed' },
  { id: 'daniel.price', name: 'Daniel Price', deactivated: true, pattern: 'day', mix: 'chats' },
];

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
export const DEMO_USERS: readonly TraceUser[] = Object.freeze(AGENTS.map(toTraceUser));
