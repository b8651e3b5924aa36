import type { ExportActivityRow, ExportReport, ExportStatusRow } from '../../src/report/report.js';
import type { Overview } from '../../src/report/overview.js';

const TZ = 'Europe/Prague';
const dateTime = new Intl.DateTimeFormat('cs', { timeZone: TZ, dateStyle: 'short', timeStyle: 'medium' });
const time = new Intl.DateTimeFormat('cs', { timeZone: TZ, timeStyle: 'medium' });

function hms(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const BASE = Date.parse('2026-03-03T08:00:00+01:00');

/** A login 8:00–16:00 and a paid pause 10:00–10:15 "Přestávka – káva". */
export const STATUS_ROWS: ExportStatusRow[] = [
  { kind: 'Přihlášení', name: '', start: BASE, end: BASE + 8 * 3_600_000, duration: 8 * 3600 },
  { kind: 'Placená pauza', name: 'Přestávka – káva', start: BASE + 2 * 3_600_000, end: BASE + 2 * 3_600_000 + 900_000, duration: 900 },
];

/** The picture of the test day: ready 8–16 with a paid pause, calls and emails. */
function dayOverview(): Overview {
  return {
    lanes: ['Hovory', 'E-maily'],
    statusLabel: 'Stav',
    rows: [{
      label: '',
      status: [{ from: 8 / 24, to: 16 / 24, colour: '#2b8a3e' }, { from: 10 / 24, to: 10.25 / 24, colour: '#a66700' }],
      lanes: [[{ from: 8 / 24, to: 8.05 / 24, colour: '#1c6fd1' }], [{ from: 9 / 24, to: 9.03 / 24, colour: '#b0226a' }]],
      idle: [{ from: 8.05 / 24, to: 9 / 24 }, { from: 9.03 / 24, to: 10 / 24 }],
      ticks: Array.from({ length: 13 }, (_, i) => ({ at: i / 12, label: `${String(i * 2).padStart(2, '0')}:00` })),
      window: null,
    }],
    legend: [
      { label: 'Připraven', colour: '#2b8a3e' },
      { label: 'Nečinný (připraven, bez aktivity)', colour: '#2b8a3e', stripes: true },
      { label: 'Pauza (placená)', colour: '#a66700' },
      { label: 'Hovor', colour: '#1c6fd1' },
    ],
  };
}

/** A Czech report with hand-made rows (diacritics everywhere), for the writers alone. */
export function czechReport(rowCount = 3, format: 'pdf' | 'xlsx' = 'xlsx'): ExportReport {
  const base = Date.parse('2026-03-03T08:00:00+01:00');
  const fixed: ExportActivityRow[] = [
    { type: 'Hovor', start: base, end: base + 125_000, duration: 125, title: 'Reklamace – žluťoučký kůň', queue: 'Podpora', contact: 'Jiří Řezníček', direction: 'Příchozí', closed: 'Ano' },
    { type: 'E-mail', start: base + 3_600_000, end: base + 3_600_000 + 90_000, duration: 90, title: 'Dotaz ěščřžýáíéůú', queue: 'Obchod', contact: 'věra@example.cz', direction: 'Odchozí', closed: 'Ne' },
    { type: 'WhatsApp', start: base + 7_200_000, end: null, duration: 3_725, title: 'Běžící chat', queue: '', contact: '+420 777 000 111', direction: '', closed: 'Ne' },
  ];
  const rows: ExportActivityRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const template = fixed[i % fixed.length]!;
    const shift = Math.floor(i / fixed.length) * 60_000;
    rows.push({
      ...template,
      start: template.start + shift,
      end: template.end === null ? null : template.end + shift,
      title: i < fixed.length ? template.title : `${template.title} #${i + 1}`,
    });
  }
  return {
    format,
    fileName: `user-trace_Jana-Novakova_2026-03-03_day.${format}`,
    locale: 'cs',
    timeZone: TZ,
    now: base + 7_200_000 + 3_725_000,
    title: 'Trasování uživatele — Jana Nováková',
    meta: [
      { label: 'Období', value: 'úterý 3. března 2026' },
      { label: 'Časové pásmo', value: 'Europe/Prague (UTC+01:00)' },
      { label: 'Filtr', value: 'všechny typy' },
      { label: 'Řádků', value: String(rowCount), number: rowCount },
    ],
    columns: {
      type: 'Typ', start: 'Začátek', end: 'Konec', duration: 'Trvání', title: 'Název', queue: 'Fronta',
      contact: 'Kontakt', direction: 'Směr', closed: 'Uzavřeno',
    },
    rows,
    statusRows: STATUS_ROWS,
    overview: dayOverview(),
    days: [],
    stats: [
      {
        heading: 'Hovory',
        stats: [
          { label: 'Čas na hovorech', value: 125, kind: 'duration', text: '0:02:05', description: 'Sjednocení všech hovorů.' },
          { label: 'Uzavřené hovory', value: 1, kind: 'count', text: '1', description: 'Uzavřené hovory končící v období.' },
          { label: 'Hovorový čas', value: null, kind: 'duration', text: '—', description: 'Neznámý.' },
        ],
      },
      {
        heading: 'Přihlášení',
        stats: [{ label: 'Vytížení', value: 0.8125, kind: 'percent', text: '81 %', description: '(Připraven − Volno) / Připraven.' }],
      },
    ],
    text: {
      running: 'probíhá', notYet: 'zatím ne', activities: 'Aktivity', statistics: 'Statistiky', section: 'Oddíl', figure: 'Ukazatel',
      value: 'Hodnota', definition: 'Definice', noRows: 'Žádné aktivity', pageOf: (page, pages) => `Strana ${page} z ${pages}`,
      status: 'Stav',
      statusColumns: { kind: 'Typ', name: 'Název', start: 'Začátek', end: 'Konec', duration: 'Trvání' },
      overview: 'Přehled',
      days: 'Týden',
      dayColumns: { day: 'Den', logged: 'Přihlášen', ready: 'Připraven', idle: 'Volno', paused: 'Pauzy', activities: 'Aktivity', closed: 'Uzavřeno' },
    },
    formatDateTime: (ms) => dateTime.format(ms),
    formatTime: (ms) => time.format(ms),
    formatDuration: hms,
    singleDay: { startMs: Date.parse('2026-03-03T00:00:00+01:00'), endMs: Date.parse('2026-03-04T00:00:00+01:00') },
  };
}
