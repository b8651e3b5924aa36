import type { TraceActivity } from '../model/types.js';
import { CALL_NOTES, CHAT_OPENINGS, customerName, emailAddress } from './demo-content.js';
import { Rng, hashString } from './demo-random.js';

/**
 * The demo's `loadActivityDetail` record: extra fields a real contact-centre backend knows
 * about an interaction, deterministic from the seed and the activity id.
 * Field names match the `detail.fields` translations.
 * @internal
 */
export function demoActivityDetail(seed: number, activity: TraceActivity): Record<string, unknown> {
  const rng = new Rng(hashString(`${seed}|detail|${activity.id}`));
  const contact = typeof activity.contact === 'string' ? activity.contact : undefined;
  const ref = (prefix: string): string => `${prefix}-${hashString(activity.id).toString(36).toUpperCase()}`;

  switch (activity.type) {
    case 'call': {
      const inbound = activity.direction !== 'out';
      return {
        callId: ref('CALL'),
        callerNumber: inbound ? (contact ?? 'Skryté číslo') : `Linka ${rng.int(200, 260)}`,
        calledNumber: inbound ? `+420 222 ${rng.int(100, 999)} ${rng.int(100, 999)}` : (contact ?? ''),
        waitSeconds: inbound ? rng.int(3, 180) : 0,
        holdSeconds: rng.chance(0.3) ? rng.int(10, 240) : 0,
        recordingId: ref('REC'),
        disposition: rng.pick(['Vyřešeno', 'Předáno dál', 'Zpětné volání', 'Resolved']),
        notes: rng.pick(CALL_NOTES),
      };
    }
    case 'email': {
      const inbound = activity.direction !== 'out';
      const customer = contact ?? emailAddress(rng, customerName(rng));
      const desk = `${(activity.queue ?? 'podpora').toLowerCase().replace(/\s+/g, '-')}@democentrum.cz`;
      const detail: Record<string, unknown> = {
        messageId: ref('MSG'),
        subject: activity.title ?? '(bez předmětu)',
        from: inbound ? customer : desk,
        to: inbound ? desk : customer,
        attachments: rng.chance(0.3) ? rng.int(1, 3) : 0,
        messagesInThread: rng.int(1, 6),
      };
      if (rng.chance(0.2)) detail.cc = 'vedouci.smeny@democentrum.cz';
      return detail;
    }
    case 'ticket':
      return {
        ticketId: activity.ticketId ?? ref('TCK'),
        status: activity.closed ? 'Closed' : rng.pick(['Open', 'In progress', 'Waiting for customer']),
        priority: rng.pick(['Low', 'Normal', 'Normal', 'High', 'Urgent']),
        category: activity.queue ?? 'Back office',
        notes: rng.pick([
          'Doplněny podklady od zákazníka, čeká se na schválení dobropisu.',
          'Předáno technikům k prověření výpadku.',
          'Customer confirmed the replacement arrived.',
          'Žádost o doložení účtenky odeslána e-mailem.',
        ]),
      };
    case 'sms':
    case 'web':
    case 'messenger':
    case 'whatsapp':
    case 'viber':
      return {
        conversationId: ref('CHAT'),
        channel: activity.type,
        customer: contact ?? customerName(rng),
        messagesIn: rng.int(1, 14),
        messagesOut: rng.int(1, 12),
        firstResponseSeconds: rng.int(5, 120),
        firstMessage: rng.pick(CHAT_OPENINGS),
      };
    default:
      return {
        reference: ref('CB'),
        notes: 'Zákazník požádal o zpětné volání mezi 9:00 a 11:00.',
        attempts: rng.int(1, 3),
      };
  }
}
