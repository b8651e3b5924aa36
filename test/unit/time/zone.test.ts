import { expect } from '@open-wc/testing';
import {
  dateOf,
  defaultTimeZone,
  firstDayOfWeekFor,
  formatOffset,
  isValidTimeZone,
  isWeekday,
  todayIn,
} from '../../../src/time/index.js';
import { firstDayFromTable } from '../../../src/time/week.js';

// Mocha globals come from web-test-runner; the repo has no @types/mocha (yet).

describe('time zones', () => {
  it('isValidTimeZone accepts IANA names and rejects the rest', () => {
    for (const ok of ['Europe/Prague', 'UTC', 'America/Argentina/Buenos_Aires', 'Asia/Kathmandu', 'Etc/GMT-14']) {
      expect(isValidTimeZone(ok), ok).to.equal(true);
    }
    for (const notOk of ['', 'Mars/Olympus', 'Europe/Prague ', '2026-01-01T00:00[Europe/Prague]', 'x'.repeat(200), 42, null]) {
      expect(isValidTimeZone(notOk), String(notOk)).to.equal(false);
    }
  });

  it('defaultTimeZone is the browser zone and always valid', () => {
    const tz = defaultTimeZone();
    expect(isValidTimeZone(tz)).to.equal(true);
    expect(tz).to.equal(new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  });

  it('todayIn and dateOf give the local date', () => {
    const kathmanduMidnight = Date.UTC(2026, 2, 9, 18, 15);
    expect(todayIn('Asia/Kathmandu', kathmanduMidnight)).to.equal('2026-03-10');
    expect(todayIn('Asia/Kathmandu', kathmanduMidnight - 1)).to.equal('2026-03-09');
    expect(dateOf(Date.UTC(2026, 2, 29, 22, 30), 'Europe/Prague')).to.equal('2026-03-30');
    expect(dateOf(Date.UTC(2026, 2, 29, 22, 30), 'America/New_York')).to.equal('2026-03-29');
    expect(todayIn('UTC')).to.equal(new Date().toISOString().slice(0, 10));
  });

  it('todayIn, dateOf and formatOffset treat an invalid zone as UTC and never throw', () => {
    expect(todayIn('Mars/Olympus', Date.UTC(2026, 0, 1, 23))).to.equal('2026-01-01');
    expect(dateOf(Number.NaN, 'UTC')).to.equal('');
    expect(dateOf(1e20, 'UTC')).to.equal('');
    expect(formatOffset(0, 'Mars/Olympus')).to.equal('+00:00');
  });

  it('formatOffset prints ±HH:MM', () => {
    expect(formatOffset(Date.UTC(2026, 2, 10), 'Asia/Kathmandu')).to.equal('+05:45');
    expect(formatOffset(Date.UTC(2026, 6, 1), 'Europe/Prague')).to.equal('+02:00');
    expect(formatOffset(Date.UTC(2026, 0, 1), 'America/St_Johns')).to.equal('-03:30');
    expect(formatOffset(Date.UTC(2026, 6, 1), 'America/St_Johns')).to.equal('-02:30');
    expect(formatOffset(Date.UTC(2026, 0, 1), 'UTC')).to.equal('+00:00');
  });
});

describe('firstDayOfWeekFor', () => {
  it('knows Monday, Sunday and Saturday locales', () => {
    const expected: Record<string, number> = {
      cs: 1,
      'cs-CZ': 1,
      de: 1,
      'en-GB': 1,
      fr: 1,
      pl: 1,
      'en-US': 7,
      en: 7,
      'en-CA': 7,
      ja: 7,
      he: 7,
      'pt-BR': 7,
      'ar-EG': 6,
      fa: 6,
    };
    for (const [locale, day] of Object.entries(expected)) {
      expect(firstDayOfWeekFor(locale), locale).to.equal(day);
    }
  });

  it('falls back to Monday for an unusable locale', () => {
    expect(firstDayOfWeekFor('not a locale!')).to.equal(1);
    expect(firstDayOfWeekFor('')).to.equal(1);
  });

  it('the CLDR fallback table agrees with the engine where the engine has week info', function () {
    const probe = new Intl.Locale('en-US') as Intl.Locale & { getWeekInfo?: unknown; weekInfo?: unknown };
    if (!probe.getWeekInfo && !probe.weekInfo) this.skip();
    const locales = [
      'cs', 'sk', 'de', 'de-AT', 'en-GB', 'en-AU', 'en-US', 'en-CA', 'en-IN', 'fr', 'fr-CA', 'es', 'es-MX',
      'pt-BR', 'pt-PT', 'ja', 'ko', 'zh-TW', 'he', 'th', 'ar-EG', 'ar-SA', 'ar-AE', 'fa', 'ru', 'tr', 'dv', 'is',
    ];
    for (const locale of locales) {
      expect(firstDayFromTable(new Intl.Locale(locale)), locale).to.equal(firstDayOfWeekFor(locale));
    }
  });

  it('isWeekday accepts only integers 1–7', () => {
    expect([1, 7].every(isWeekday)).to.equal(true);
    expect([0, 8, 1.5, '1', null].some(isWeekday)).to.equal(false);
  });
});
