/**
 * Realistic texts for the demo data (Czech and English, with diacritics on purpose).
 * @internal
 */
import type { Rng } from './demo-random.js';

/** Queues calls come from. */
export const CALL_QUEUES = ['Support', 'Sales', 'Reklamace'] as const;
/** Mailboxes emails arrive in. */
export const EMAIL_QUEUES = ['Support', 'Fakturace', 'Reklamace'] as const;
/** Chat queues (all channels). */
export const CHAT_QUEUES = ['Support', 'Sales'] as const;
/** Queues tickets belong to. */
export const TICKET_QUEUES = ['Back office', 'Reklamace', 'Fakturace'] as const;

/** Subjects per queue. */
export const TOPICS: Readonly<Record<string, readonly string[]>> = {
  Support: [
    'Výpadek připojení',
    'Nefunkční přihlášení do účtu',
    'Změna tarifu',
    'Password reset',
    'Nastavení e-mailu v telefonu',
    'Router se nepřipojuje k Wi-Fi',
    'App keeps crashing',
    'Přenesení čísla',
  ],
  Sales: [
    'Nabídka pro firmy',
    'Dotaz na cenu služby',
    'Upgrade to premium plan',
    'Objednávka nového zařízení',
    'Prodloužení smlouvy',
    'Bulk order enquiry',
  ],
  Reklamace: [
    'Reklamace poškozené zásilky',
    'Vrácení zboží do 14 dnů',
    'Reklamace vyúčtování',
    'Nedoručená objednávka',
    'Damaged item on delivery',
    'Záruční oprava – výměna displeje',
  ],
  Fakturace: [
    'Dotaz na fakturu',
    'Duplicitní platba',
    'Změna fakturační adresy',
    'Invoice copy request',
    'Splátkový kalendář',
  ],
  'Back office': [
    'Ověření totožnosti zákazníka',
    'Kontrola smlouvy',
    'Account merge request',
    'Úprava údajů v CRM',
  ],
};

const FIRST_NAMES = [
  'Zdeněk', 'Květa', 'Jiří', 'Božena', 'Ondřej', 'Marie', 'Václav', 'Růžena', 'Štěpán',
  'Dagmar', 'Miloš', 'Jitka', 'Přemysl', 'Libuše', 'Radim', 'Žaneta', 'Emma', 'George',
  'Olivia', 'Harry', 'Lenka', 'Aleš', 'Šárka', 'Čeněk',
] as const;
const LAST_NAMES = [
  'Šťastný', 'Růžičková', 'Čermák', 'Říhová', 'Ševčík', 'Dušková', 'Kovář', 'Hájková',
  'Žák', 'Bártová', 'Kříž', 'Jelínková', 'Müller', 'Smith', 'Brown', 'Wilson', 'Urban',
  'Vávrová', 'Holub', 'Šimánková',
] as const;
const MAIL_DOMAINS = ['seznam.cz', 'email.cz', 'gmail.com', 'centrum.cz', 'example.co.uk', 'firma.cz'] as const;

/** A customer's full name. */
export function customerName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** A Czech mobile number, e.g. `+420 602 123 456`. */
export function phoneNumber(rng: Rng): string {
  const prefix = rng.pick(['601', '602', '603', '604', '605', '720', '724', '731', '737', '775', '777', '608']);
  return `+420 ${prefix} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
}

/** An e-mail address made from a customer's name, without diacritics as real addresses are. */
export function emailAddress(rng: Rng, name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ');
  return `${ascii.join('.')}@${rng.pick(MAIL_DOMAINS)}`;
}

/** A subject line for a queue. */
export function topic(rng: Rng, queue: string): string {
  return rng.pick(TOPICS[queue] ?? TOPICS.Support ?? ['Dotaz']);
}

/** Internal colleagues and extensions for internal calls. */
export const INTERNAL_CONTACTS = [
  'Linka 214 – vedoucí směny',
  'Linka 305 – technická podpora L2',
  'Ext. 118 – Quality team',
  'Linka 402 – fakturace',
] as const;

/** Call notes (Czech, with diacritics) for the detail dialog. */
export const CALL_NOTES = [
  'Zákazník žádá o vrácení peněz za poškozené zboží; předáno na oddělení reklamací.',
  'Vysvětlen postup změny tarifu, zákazník si rozmyslí a ozve se.',
  'Ověřena totožnost, heslo resetováno, přihlášení funguje.',
  'Customer asked for a callback tomorrow morning.',
  'Zásilka se zpozdila kvůli svátku, nový termín doručení čtvrtek.',
  'Stížnost na kvalitu signálu v Ústí nad Labem, založen ticket pro techniky.',
  'Nabídnuta sleva 15 % na prodloužení smlouvy, zákazník souhlasil.',
] as const;

/** Chat transcript openings for the detail dialog. */
export const CHAT_OPENINGS = [
  'Dobrý den, nedaří se mi přihlásit do aplikace.',
  'Hi, where is my order? It was supposed to arrive yesterday.',
  'Dobrý den, chtěla bych změnit doručovací adresu.',
  'Zdravím, kdy mi přijde vyúčtování za září?',
  'Potřebuji poradit s nastavením routeru, děkuji.',
] as const;

/** Names used for the unknown activity type (shown as "other"). */
export const CALLBACK_TITLES = ['Naplánované zpětné volání', 'Scheduled callback', 'Zpětné volání – reklamace'] as const;
