import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { dateOf, isValidDate, periodRange, resolvePeriod, shiftDate } from '../../../src/time/index.js';
import type { PeriodQuery } from '../../../src/time/index.js';

// Mocha globals come from web-test-runner; the repo has no @types/mocha (yet).

const HOUR = 3_600_000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** Zones with every kind of DST quirk: 30-min shifts, :45 offsets, transitions at midnight, none at all. */
const ZONES = [
  'Europe/Prague',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/St_Johns',
  'America/Havana',
  'Asia/Beirut',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'UTC',
] as const;

const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2040, 11, 31);
/** Random calendar dates 2000-01-01 … 2040-12-31. */
const dateArb = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / (24 * HOUR) })
  .map((n) => new Date(FIRST_DAY + n * 24 * HOUR).toISOString().slice(0, 10));
const zoneArb = fc.constantFrom(...ZONES);
const weekdayArb = fc.constantFrom(1, 2, 3, 4, 5, 6, 7 as const);

function hours(startIso: string, endIso: string): number {
  return (Date.parse(endIso) - Date.parse(startIso)) / HOUR;
}

function day(date: string, timeZone: string) {
  const range = periodRange({ date, period: 'day', timeZone });
  expect(range.days).to.have.length(1);
  expect(range.days[0]).to.deep.equal({ date, start: range.start, end: range.end });
  return range;
}

describe('periodRange: days', () => {
  it('Europe/Prague spring-forward day is 23 h', () => {
    const r = day('2026-03-29', 'Europe/Prague');
    expect(r.start).to.equal('2026-03-29T00:00:00+01:00');
    expect(r.end).to.equal('2026-03-30T00:00:00+02:00');
    expect(hours(r.start, r.end)).to.equal(23);
  });

  it('Europe/Prague fall-back day is 25 h', () => {
    const r = day('2026-10-25', 'Europe/Prague');
    expect(r.start).to.equal('2026-10-25T00:00:00+02:00');
    expect(r.end).to.equal('2026-10-26T00:00:00+01:00');
    expect(hours(r.start, r.end)).to.equal(25);
  });

  it('Europe/Prague ordinary day is 24 h', () => {
    const r = day('2026-06-15', 'Europe/Prague');
    expect(r.start).to.equal('2026-06-15T00:00:00+02:00');
    expect(r.end).to.equal('2026-06-16T00:00:00+02:00');
  });

  it('America/New_York DST days are 23 h and 25 h', () => {
    const spring = day('2026-03-08', 'America/New_York');
    expect(spring.start).to.equal('2026-03-08T00:00:00-05:00');
    expect(spring.end).to.equal('2026-03-09T00:00:00-04:00');
    expect(hours(spring.start, spring.end)).to.equal(23);
    const fall = day('2026-11-01', 'America/New_York');
    expect(fall.start).to.equal('2026-11-01T00:00:00-04:00');
    expect(fall.end).to.equal('2026-11-02T00:00:00-05:00');
    expect(hours(fall.start, fall.end)).to.equal(25);
  });

  it('Australia/Lord_Howe 30-minute shifts give 24.5 h and 23.5 h days', () => {
    // DST ends on the first Sunday of April (02:00 → 01:30) and starts on the first Sunday of October (02:00 → 02:30).
    const april = day('2026-04-05', 'Australia/Lord_Howe');
    expect(april.start).to.equal('2026-04-05T00:00:00+11:00');
    expect(april.end).to.equal('2026-04-06T00:00:00+10:30');
    expect(hours(april.start, april.end)).to.equal(24.5);
    const october = day('2026-10-04', 'Australia/Lord_Howe');
    expect(october.start).to.equal('2026-10-04T00:00:00+10:30');
    expect(october.end).to.equal('2026-10-05T00:00:00+11:00');
    expect(hours(october.start, october.end)).to.equal(23.5);
  });

  it('Asia/Kathmandu uses its +05:45 offset', () => {
    const r = day('2026-03-10', 'Asia/Kathmandu');
    expect(r.start).to.equal('2026-03-10T00:00:00+05:45');
    expect(r.end).to.equal('2026-03-11T00:00:00+05:45');
    expect(Date.parse(r.start)).to.equal(Date.UTC(2026, 2, 9, 18, 15));
  });

  it('America/Santiago: when midnight is skipped the day starts at 01:00', () => {
    // Chile's DST starts on the first Sunday of September at 00:00 → 01:00.
    const skipped = day('2026-09-06', 'America/Santiago');
    expect(skipped.start).to.equal('2026-09-06T01:00:00-03:00');
    expect(skipped.end).to.equal('2026-09-07T00:00:00-03:00');
    expect(hours(skipped.start, skipped.end)).to.equal(23);
    const before = day('2026-09-05', 'America/Santiago');
    expect(before.start).to.equal('2026-09-05T00:00:00-04:00');
    expect(before.end).to.equal('2026-09-06T01:00:00-03:00');
    expect(hours(before.start, before.end)).to.equal(24);
  });

  it('America/Santiago fall-back (00:00 → 23:00 the evening before) makes Saturday 25 h', () => {
    const r = day('2026-04-04', 'America/Santiago');
    expect(r.start).to.equal('2026-04-04T00:00:00-03:00');
    expect(r.end).to.equal('2026-04-05T00:00:00-04:00');
    expect(hours(r.start, r.end)).to.equal(25);
  });

  it('UTC prints +00:00', () => {
    const r = day('2026-01-01', 'UTC');
    expect(r.start).to.equal('2026-01-01T00:00:00+00:00');
    expect(r.end).to.equal('2026-01-02T00:00:00+00:00');
  });
});

describe('periodRange: weeks', () => {
  it('starts on Monday for cs (week of the Prague spring-forward Sunday, 167 h)', () => {
    const r = periodRange({ date: '2026-03-29', period: 'week', timeZone: 'Europe/Prague', locale: 'cs' });
    expect(r.start).to.equal('2026-03-23T00:00:00+01:00');
    expect(r.end).to.equal('2026-03-30T00:00:00+02:00');
    expect(r.days.map((d) => d.date)).to.deep.equal([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(r.days[6]).to.deep.equal({
      date: '2026-03-29',
      start: '2026-03-29T00:00:00+01:00',
      end: '2026-03-30T00:00:00+02:00',
    });
    expect(hours(r.start, r.end)).to.equal(7 * 24 - 1);
  });

  it('fall-back week in cs is 169 h', () => {
    const r = periodRange({ date: '2026-10-21', period: 'week', timeZone: 'Europe/Prague', locale: 'cs' });
    expect(r.start).to.equal('2026-10-19T00:00:00+02:00');
    expect(r.end).to.equal('2026-10-26T00:00:00+01:00');
    expect(hours(r.start, r.end)).to.equal(7 * 24 + 1);
  });

  it('starts on Sunday for en-US', () => {
    const r = periodRange({ date: '2026-03-29', period: 'week', timeZone: 'Europe/Prague', locale: 'en-US' });
    expect(r.start).to.equal('2026-03-29T00:00:00+01:00');
    expect(r.end).to.equal('2026-04-05T00:00:00+02:00');
    expect(r.days[0]!.date).to.equal('2026-03-29');
    expect(r.days[6]!.date).to.equal('2026-04-04');
  });

  it('firstDayOfWeek overrides the locale', () => {
    const r = periodRange({
      date: '2026-03-29',
      period: 'week',
      timeZone: 'Europe/Prague',
      locale: 'cs',
      firstDayOfWeek: 6,
    });
    expect(r.start).to.equal('2026-03-28T00:00:00+01:00');
    expect(r.end).to.equal('2026-04-04T00:00:00+02:00');
    const sunday = periodRange({ date: '2026-03-25', period: 'week', timeZone: 'UTC', locale: 'cs', firstDayOfWeek: 7 });
    expect(sunday.days[0]!.date).to.equal('2026-03-22');
  });

  it('defaults to Monday without locale or firstDayOfWeek', () => {
    const r = periodRange({ date: '2026-03-29', period: 'week', timeZone: 'UTC' });
    expect(r.days[0]!.date).to.equal('2026-03-23');
  });

  it('a week through the Santiago skipped midnight starts that day at 01:00', () => {
    const r = periodRange({ date: '2026-09-06', period: 'week', timeZone: 'America/Santiago', locale: 'es-CL' });
    const sept6 = r.days.find((d) => d.date === '2026-09-06')!;
    expect(sept6.start).to.equal('2026-09-06T01:00:00-03:00');
    expect(r.days.find((d) => d.date === '2026-09-05')!.end).to.equal('2026-09-06T01:00:00-03:00');
  });
});

describe('resolvePeriod', () => {
  it('gives the same boundaries in epoch ms', () => {
    const p = resolvePeriod({ date: '2026-10-25', period: 'week', timeZone: 'Europe/Prague', locale: 'cs' });
    expect(p.startMs).to.equal(Date.parse(p.range.start));
    expect(p.endMs).to.equal(Date.parse(p.range.end));
    expect(p.days).to.have.length(7);
    p.days.forEach((d, i) => {
      const iso = p.range.days[i]!;
      expect(d).to.deep.equal({ date: iso.date, startMs: Date.parse(iso.start), endMs: Date.parse(iso.end) });
    });
    expect(p.days[6]!.endMs - p.days[6]!.startMs).to.equal(25 * HOUR);
  });
});

describe('periodRange: invalid input throws RangeError', () => {
  const base: PeriodQuery = { date: '2026-03-29', period: 'day', timeZone: 'Europe/Prague' };
  const bad: [string, unknown][] = [
    ['date 2026-02-30', { ...base, date: '2026-02-30' }],
    ['date 2026-3-1', { ...base, date: '2026-3-1' }],
    ['date with time', { ...base, date: '2026-03-29T00:00' }],
    ['empty date', { ...base, date: '' }],
    ['numeric date', { ...base, date: 20260329 }],
    ['unknown zone', { ...base, timeZone: 'Mars/Olympus' }],
    ['zone with a space', { ...base, timeZone: 'Europe/Prague ' }],
    ['empty zone', { ...base, timeZone: '' }],
    ['ISO string as zone', { ...base, timeZone: '2026-01-01T00:00[Europe/Prague]' }],
    ['period month', { ...base, period: 'month' }],
    ['firstDayOfWeek 0', { ...base, period: 'week', firstDayOfWeek: 0 }],
    ['firstDayOfWeek 8', { ...base, period: 'week', firstDayOfWeek: 8 }],
    ['firstDayOfWeek 1.5', { ...base, period: 'week', firstDayOfWeek: 1.5 }],
    ['firstDayOfWeek "1"', { ...base, period: 'week', firstDayOfWeek: '1' }],
    ['no query', undefined],
  ];
  for (const [name, query] of bad) {
    it(name, () => {
      expect(() => periodRange(query as PeriodQuery)).to.throw(RangeError, /periodRange/);
    });
  }

  it('an unusable locale is not an error (Monday)', () => {
    const r = periodRange({ ...base, period: 'week', locale: 'not a locale!' });
    expect(r.days[0]!.date).to.equal('2026-03-23');
  });
});

describe('isValidDate and shiftDate', () => {
  it('accepts only strict, real YYYY-MM-DD dates', () => {
    for (const ok of ['2026-03-29', '2024-02-29', '2000-02-29', '1999-12-31', '2040-12-31']) {
      expect(isValidDate(ok), ok).to.equal(true);
    }
    for (const notOk of [
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
      ' 2026-01-01',
      '2026-01-01 ',
      '26-01-01',
      '2026/01/01',
      '+002026-01-01',
      '2026-01-01T00:00:00Z',
      '',
      20260101,
      null,
      undefined,
    ]) {
      expect(isValidDate(notOk), String(notOk)).to.equal(false);
    }
  });

  it('shifts by days and weeks, across months and leap days', () => {
    expect(shiftDate('2026-03-29', 'day', 1)).to.equal('2026-03-30');
    expect(shiftDate('2026-03-29', 'week', -1)).to.equal('2026-03-22');
    expect(shiftDate('2026-12-31', 'day', 1)).to.equal('2027-01-01');
    expect(shiftDate('2024-02-28', 'day', 1)).to.equal('2024-02-29');
    expect(shiftDate('2026-03-01', 'week', 0)).to.equal('2026-03-01');
    expect(shiftDate('2026-03-01', 'day', 1.7)).to.equal('2026-03-02');
  });

  it('returns an invalid date unchanged instead of throwing', () => {
    expect(shiftDate('2026-02-30', 'day', 1)).to.equal('2026-02-30');
    expect(shiftDate('2026-03-01', 'day', Number.NaN)).to.equal('2026-03-01');
    expect(shiftDate('9999-12-31', 'day', 1)).to.equal('9999-12-31');
  });
});

describe('periodRange: properties (2000–2040, 15 zones)', () => {
  it('a day starts at the first instant of its date and ends at the first instant of the next', () => {
    fc.assert(
      fc.property(dateArb, zoneArb, (date, timeZone) => {
        const p = resolvePeriod({ date, period: 'day', timeZone });
        expect(p.range.start).to.match(ISO_WITH_OFFSET);
        expect(p.range.end).to.match(ISO_WITH_OFFSET);
        expect(Date.parse(p.range.start)).to.equal(p.startMs);
        expect(dateOf(p.startMs, timeZone)).to.equal(date);
        expect(dateOf(p.startMs - 1, timeZone)).to.not.equal(date);
        expect(dateOf(p.endMs - 1, timeZone)).to.equal(date);
        expect(dateOf(p.endMs, timeZone)).to.equal(shiftDate(date, 'day', 1));
      }),
    );
  });

  it('a week is 7 contiguous days of 22.5–25.5 h that contain the date', () => {
    fc.assert(
      fc.property(dateArb, zoneArb, weekdayArb, (date, timeZone, firstDayOfWeek) => {
        const week = periodRange({ date, period: 'week', timeZone, firstDayOfWeek });
        const days = week.days;
        expect(days).to.have.length(7);
        expect(week.start).to.equal(days[0]!.start);
        expect(week.end).to.equal(days[6]!.end);
        for (let i = 0; i < 6; i++) {
          expect(days[i]!.end).to.equal(days[i + 1]!.start);
          expect(days[i + 1]!.date).to.equal(shiftDate(days[i]!.date, 'day', 1));
        }
        for (const d of days) {
          const length = hours(d.start, d.end);
          expect(length).to.be.within(22.5, 25.5);
        }
        expect(days.map((d) => d.date)).to.include(date);
        // The week's first date falls on the requested weekday (1 = Monday … 7 = Sunday).
        const weekday = ((new Date(`${days[0]!.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
        expect(weekday).to.equal(firstDayOfWeek);
      }),
    );
  });

  it("shiftDate(d, 'week', 1) lands in the next week", () => {
    fc.assert(
      fc.property(dateArb, zoneArb, fc.constantFrom('cs', 'en-US', 'ar-EG'), (date, timeZone, locale) => {
        const week = periodRange({ date, period: 'week', timeZone, locale });
        const next = periodRange({ date: shiftDate(date, 'week', 1), period: 'week', timeZone, locale });
        expect(next.start).to.equal(week.end);
        const previous = periodRange({ date: shiftDate(date, 'week', -1), period: 'week', timeZone, locale });
        expect(previous.end).to.equal(week.start);
      }),
    );
  });

  it('the week of any of its days is the same week', () => {
    fc.assert(
      fc.property(dateArb, zoneArb, fc.integer({ min: 0, max: 6 }), (date, timeZone, index) => {
        const week = periodRange({ date, period: 'week', timeZone, locale: 'cs' });
        const again = periodRange({ date: week.days[index]!.date, period: 'week', timeZone, locale: 'cs' });
        expect(again).to.deep.equal(week);
      }),
      { numRuns: 50 },
    );
  });
});
