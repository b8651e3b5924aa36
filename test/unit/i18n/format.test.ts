import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatDurationWords,
  formatDurationWordsFallback,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  formatWeekday,
  pluralCategory,
  safeLocale,
  selectPlural,
} from '../../../src/i18n/format.js';

const PRAGUE = 'Europe/Prague';
/** Intl uses narrow/no-break spaces in cs; compare with plain spaces. */
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('formatDuration', () => {
  it('writes h:mm:ss with unbounded hours', () => {
    expect(formatDuration(0)).to.equal('0:00:00');
    expect(formatDuration(59.999)).to.equal('0:00:59');
    expect(formatDuration(3600)).to.equal('1:00:00');
    expect(formatDuration(36 * 3600 + 5 * 60 + 9)).to.equal('36:05:09');
    expect(formatDuration(-5)).to.equal('0:00:00');
    expect(formatDuration(Number.NaN)).to.equal('0:00:00');
    expect(formatDuration(Infinity)).to.equal('0:00:00');
  });

  it('parses back to floor(seconds), clamped at 0 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e9, noNaN: true }), (seconds) => {
        const text = formatDuration(seconds);
        const match = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(text);
        expect(match, text).to.not.equal(null);
        const [, h, m, s] = match as RegExpExecArray;
        expect(Number(h) * 3600 + Number(m) * 60 + Number(s)).to.equal(Math.max(0, Math.floor(seconds)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('date and time formatting', () => {
  const afternoon = Date.parse('2024-03-05T14:30:05+01:00');

  it('shows Czech times in 24 h in the given zone', () => {
    expect(formatTime(afternoon, 'cs', PRAGUE)).to.equal('14:30');
    expect(formatTime(afternoon, 'cs-CZ', PRAGUE, true)).to.equal('14:30:05');
    expect(formatTime(Date.parse('2024-03-05T00:05:00+01:00'), 'cs', PRAGUE)).to.equal('0:05');
    expect(formatTime(afternoon, 'cs', 'UTC')).to.equal('13:30');
    expect(formatTime(afternoon, 'en-US', PRAGUE)).to.match(/2:30\sPM/);
  });

  it('never shows a 12-hour clock or hour 24 in Czech (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
        expect(formatTime(t, 'cs', PRAGUE)).to.match(/^([01]?\d|2[0-3]):[0-5]\d$/);
      }),
      { numRuns: 500 },
    );
  });

  it('formats dates: calendar dates never shift with the zone', () => {
    expect(plain(formatDate('2024-03-05', 'cs', 'America/Los_Angeles'))).to.equal('5. 3. 2024');
    expect(plain(formatDate('2024-03-05', 'cs', 'Pacific/Kiritimati'))).to.equal('5. 3. 2024');
    expect(plain(formatDate(afternoon, 'cs', PRAGUE, 'long'))).to.equal('5. března 2024');
    expect(formatDate('2024-03-05', 'en-GB', PRAGUE, 'short')).to.equal('05/03/2024');
    expect(plain(formatDateTime(afternoon, 'cs', PRAGUE))).to.equal('5. 3. 2024 14:30');
    expect(formatWeekday('2024-03-05', 'cs', PRAGUE)).to.equal('úterý');
    expect(formatWeekday(afternoon, 'en', PRAGUE, 'short')).to.equal('Tue');
  });

  it('formats time ranges, across midnight and while running', () => {
    const start = Date.parse('2024-03-05T06:05:00+01:00');
    expect(plain(formatTimeRange(start, start + 65 * 60_000, 'cs', PRAGUE))).to.match(/^6:05\s?–\s?7:10$/);
    const late = Date.parse('2024-03-05T23:50:00+01:00');
    const range = plain(formatTimeRange(late, late + 20 * 60_000, 'cs', PRAGUE));
    expect(range).to.contain('23:50').and.to.contain('0:10').and.to.contain('6. 3.');
    expect(plain(formatTimeRange(start, null, 'cs', PRAGUE))).to.equal('6:05 – …');
  });

  it('does not throw on a bad locale or zone', () => {
    expect(safeLocale('not a locale!')).to.equal('en');
    expect(formatTime(afternoon, 'not a locale!', PRAGUE)).to.match(/2:30/);
    expect(formatTime(afternoon, 'cs', 'Mars/Olympus')).to.match(/^\d{1,2}:30$/);
  });
});

describe('number formatting', () => {
  it('uses the locale', () => {
    expect(plain(formatNumber(12345.5, 'cs'))).to.equal('12 345,5');
    expect(formatNumber(12345.5, 'en')).to.equal('12,345.5');
    expect(plain(formatPercent(0.5, 'cs'))).to.equal('50 %');
    expect(formatPercent(0.1234, 'en', 1)).to.equal('12.3%');
  });

  it('knows the Czech plural categories', () => {
    expect(pluralCategory(1, 'cs')).to.equal('one');
    expect([2, 3, 4].map((n) => pluralCategory(n, 'cs'))).to.deep.equal(['few', 'few', 'few']);
    expect(pluralCategory(1.5, 'cs')).to.equal('many');
    expect([0, 5, 11, 22, 100].map((n) => pluralCategory(n, 'cs'))).to.deep.equal(['other', 'other', 'other', 'other', 'other']);
    expect(selectPlural(3, 'en', { one: 'a', other: 'b' })).to.equal('b');
    expect(selectPlural(3, 'cs', { one: 'a', other: 'b' })).to.equal('b');
  });
});

describe('formatDurationWords', () => {
  for (const [name, format] of [
    ['Intl (or fallback)', formatDurationWords],
    ['fallback', formatDurationWordsFallback],
  ] as const) {
    it(`speaks durations briefly: ${name}`, () => {
      expect(plain(format(600, 'en'))).to.equal('10 min');
      expect(plain(format(600, 'cs'))).to.equal('10 min');
      expect(plain(format(45, 'cs'))).to.equal('45 s');
      expect(plain(format(3909, 'cs'))).to.match(/^1 h,? 5 min$/);
      expect(plain(format(3909, 'en'))).to.match(/^1 hr,? 5 min$/);
      expect(plain(format(125, 'en'))).to.match(/^2 min,? 5 sec$/);
      expect(plain(format(0, 'en'))).to.equal('0 sec');
      expect(plain(format(-3, 'cs'))).to.equal('0 s');
    });
  }
});

describe('formatter caching', () => {
  it('formats 100 000 times fast enough for a list export', () => {
    const t0 = performance.now();
    let length = 0;
    for (let i = 0; i < 100_000; i++) length += formatTime(1_709_600_000_000 + i * 7_000, 'cs', PRAGUE, true).length;
    const elapsed = performance.now() - t0;
     
    console.log(`[format] 100 000 × formatTime: ${elapsed.toFixed(0)} ms`);
    expect(length).to.be.greaterThan(700_000);
  });
});
