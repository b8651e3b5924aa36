import type { Weekday } from '../model/types.js';

// CLDR 47 territories whose week does not start on Monday (CLDR's default), for engines without Intl week info.
const SUNDAY_FIRST = new Set(
  ('AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN IS JM JP KE KH KR LA MH MM MO MT MX MZ ' +
    'NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW').split(' '),
);
const SATURDAY_FIRST = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));
const FRIDAY_FIRST = new Set(['MV']);

interface WeekInfo {
  firstDay?: number;
}
interface LocaleWithWeekInfo extends Intl.Locale {
  getWeekInfo?: () => WeekInfo;
  weekInfo?: WeekInfo;
}

/** Whether `value` is an ISO weekday number: an integer 1 (Monday) … 7 (Sunday). */
export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

/**
 * The first day of the week for a BCP 47 locale (ISO numbering, 1 = Monday … 7 = Sunday):
 * `cs`, `de`, `en-GB` → 1; `en-US`, `en-CA`, `ja`, `he` → 7; `ar-EG`, `fa` → 6.
 * Uses the engine's `Intl.Locale` week info when it has it, else CLDR's table by region
 * (the locale's own region, or its likely one: `ja` → JP). Never throws: an unusable
 * locale gives Monday.
 */
export function firstDayOfWeekFor(locale: string): Weekday {
  let parsed: LocaleWithWeekInfo;
  try {
    parsed = new Intl.Locale(locale) as LocaleWithWeekInfo;
  } catch {
    return 1;
  }
  try {
    // getWeekInfo() is the standard; Chrome 99–129 shipped it as a `weekInfo` getter.
    const firstDay = (parsed.getWeekInfo?.() ?? parsed.weekInfo)?.firstDay;
    if (isWeekday(firstDay)) return firstDay;
  } catch {
    // fall through to the table
  }
  return firstDayFromTable(parsed);
}

/**
 * CLDR's first day for the locale's region (or its likely region). Exported for tests only,
 * so the fallback can be checked against an engine that has week info.
 */
export function firstDayFromTable(locale: Intl.Locale): Weekday {
  const region = locale.region ?? locale.maximize().region ?? '';
  if (SUNDAY_FIRST.has(region)) return 7;
  if (SATURDAY_FIRST.has(region)) return 6;
  if (FRIDAY_FIRST.has(region)) return 5;
  return 1;
}
