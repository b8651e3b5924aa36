import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { hourRows, hourTicks, resolvePeriod } from '../../../src/time/index.js';
import { Temporal } from '../../../src/time/temporal.js';

// Mocha globals come from web-test-runner; the repo has no @types/mocha (yet).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ZONES = [
  'Europe/Prague', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'America/Santiago',
  'America/Sao_Paulo', 'America/St_Johns', 'America/Havana', 'Asia/Beirut', 'Asia/Kathmandu',
  'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Casablanca', 'UTC',
] as const;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2040, 11, 31);
const dateArb = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / (24 * HOUR) })
  .map((n) => new Date(FIRST_DAY + n * 24 * HOUR).toISOString().slice(0, 10));
const zoneArb = fc.constantFrom(...ZONES);

function dayBounds(date: string, timeZone: string) {
  const { startMs, endMs } = resolvePeriod({ date, period: 'day', timeZone });
  return { startMs, endMs };
}

/** Wall clock `HH:mm` of an instant, computed the slow, obvious way. */
function wallClock(ms: number, timeZone: string): { label: string; hour: number; minute: number; second: number } {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const label = `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
  return { label, hour: z.hour, minute: z.minute, second: z.second };
}

function expectTiling(rows: ReturnType<typeof hourRows>, date: string, timeZone: string) {
  const { startMs, endMs } = dayBounds(date, timeZone);
  expect(rows[0]!.startMs).to.equal(startMs);
  expect(rows[rows.length - 1]!.endMs).to.equal(endMs);
  rows.forEach((row, i) => {
    expect(row.endMs).to.be.greaterThan(row.startMs);
    expect(row.endMs - row.startMs).to.be.at.most(HOUR);
    if (i > 0) expect(row.startMs).to.equal(rows[i - 1]!.endMs);
    expect(row.label.slice(0, 5)).to.equal(wallClock(row.startMs, timeZone).label);
  });
}

describe('hourRows', () => {
  it('has 24 rows on an ordinary day, 1 h each, labelled 00:00 … 23:00', () => {
    const rows = hourRows('2026-06-15', 'Europe/Prague');
    expect(rows).to.have.length(24);
    expect(rows.map((r) => r.label)).to.deep.equal(
      Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
    );
    expect(rows.every((r) => r.endMs - r.startMs === HOUR)).to.equal(true);
    expectTiling(rows, '2026-06-15', 'Europe/Prague');
  });

  it('has 23 rows on the Prague spring-forward day (no 02:00)', () => {
    const rows = hourRows('2026-03-29', 'Europe/Prague');
    expect(rows).to.have.length(23);
    expect(rows.map((r) => r.label).slice(0, 4)).to.deep.equal(['00:00', '01:00', '03:00', '04:00']);
    expect(rows[1]).to.deep.equal({ startMs: Date.UTC(2026, 2, 29, 0), endMs: Date.UTC(2026, 2, 29, 1), label: '01:00' });
    expectTiling(rows, '2026-03-29', 'Europe/Prague');
  });

  it('has 25 rows on the Prague fall-back day, the two 02:00 told apart by offset', () => {
    const rows = hourRows('2026-10-25', 'Europe/Prague');
    expect(rows).to.have.length(25);
    expect(rows.map((r) => r.label).slice(0, 5)).to.deep.equal([
      '00:00',
      '01:00',
      '02:00 (+02:00)',
      '02:00 (+01:00)',
      '03:00',
    ]);
    expect(rows[2]!.startMs).to.equal(Date.UTC(2026, 9, 25, 0));
    expect(rows[3]!.startMs).to.equal(Date.UTC(2026, 9, 25, 1));
    expect(rows.every((r) => r.endMs - r.startMs === HOUR)).to.equal(true);
    expectTiling(rows, '2026-10-25', 'Europe/Prague');
  });

  it('has 23 and 25 rows on the New York DST days', () => {
    expect(hourRows('2026-03-08', 'America/New_York')).to.have.length(23);
    const fall = hourRows('2026-11-01', 'America/New_York');
    expect(fall).to.have.length(25);
    expect(fall[1]!.label).to.equal('01:00 (-04:00)');
    expect(fall[2]!.label).to.equal('01:00 (-05:00)');
  });

  it('starts at 01:00 when midnight is skipped (America/Santiago) and repeats 23:00 at fall-back', () => {
    const spring = hourRows('2026-09-06', 'America/Santiago');
    expect(spring).to.have.length(23);
    expect(spring[0]!.label).to.equal('01:00');
    expectTiling(spring, '2026-09-06', 'America/Santiago');
    const fall = hourRows('2026-04-04', 'America/Santiago');
    expect(fall).to.have.length(25);
    expect(fall.slice(-2).map((r) => r.label)).to.deep.equal(['23:00 (-03:00)', '23:00 (-04:00)']);
    expectTiling(fall, '2026-04-04', 'America/Santiago');
  });

  it('Lord Howe (30-min shift): a 30-minute row starts at the shift, no row exceeds 60 min', () => {
    const october = hourRows('2026-10-04', 'Australia/Lord_Howe'); // 02:00 (+10:30) → 02:30 (+11:00)
    expect(october).to.have.length(24);
    expect(october.slice(0, 4).map((r) => [r.label, (r.endMs - r.startMs) / MINUTE])).to.deep.equal([
      ['00:00', 60],
      ['01:00', 60],
      ['02:30', 30],
      ['03:00', 60],
    ]);
    expectTiling(october, '2026-10-04', 'Australia/Lord_Howe');

    const april = hourRows('2026-04-05', 'Australia/Lord_Howe'); // 02:00 (+11:00) → 01:30 (+10:30)
    expect(april).to.have.length(25);
    expect(april.slice(0, 4).map((r) => [r.label, (r.endMs - r.startMs) / MINUTE])).to.deep.equal([
      ['00:00', 60],
      ['01:00 (+11:00)', 60],
      ['01:30 (+10:30)', 30],
      ['02:00', 60],
    ]);
    expectTiling(april, '2026-04-05', 'Australia/Lord_Howe');
  });

  it('uses local hours in Asia/Kathmandu', () => {
    const rows = hourRows('2026-03-10', 'Asia/Kathmandu');
    expect(rows).to.have.length(24);
    expect(rows[0]!.startMs).to.equal(Date.UTC(2026, 2, 9, 18, 15));
  });

  it('returns [] for invalid input instead of throwing', () => {
    expect(hourRows('2026-02-30', 'Europe/Prague')).to.deep.equal([]);
    expect(hourRows('2026-03-29', 'Mars/Olympus')).to.deep.equal([]);
  });

  it('tiles every day of 2000–2040 in 15 zones', () => {
    fc.assert(
      fc.property(dateArb, zoneArb, (date, timeZone) => {
        const rows = hourRows(date, timeZone);
        // 23–25 hours; a 45-minute shift (Pacific/Chatham) splits two clock hours: 26 rows.
        expect(rows.length).to.be.within(23, 26);
        expectTiling(rows, date, timeZone);
      }),
    );
  });
});

describe('hourTicks', () => {
  it('ticks at local full hours in Asia/Kathmandu (+05:45), not UTC hours', () => {
    const { startMs, endMs } = dayBounds('2026-03-10', 'Asia/Kathmandu');
    const ticks = hourTicks(startMs, endMs, 'Asia/Kathmandu');
    expect(ticks).to.have.length(25); // both ends included
    ticks.forEach((t, i) => {
      expect(t.at).to.equal(Date.UTC(2026, 2, 9, 18, 15) + i * HOUR);
      expect(t.label).to.equal(`${String(i % 24).padStart(2, '0')}:00`);
    });
    expect(new Date(ticks[0]!.at).getUTCMinutes()).to.equal(15);
  });

  it('starts at the next full hour of a range that does not start on one', () => {
    const ticks = hourTicks(Date.UTC(2026, 2, 9, 18, 20), Date.UTC(2026, 2, 9, 21, 15), 'Asia/Kathmandu');
    expect(ticks.map((t) => t.label)).to.deep.equal(['01:00', '02:00', '03:00']);
    expect(ticks[0]!.at).to.equal(Date.UTC(2026, 2, 9, 19, 15));
  });

  it('keeps hours divisible by stepHours', () => {
    const { startMs, endMs } = dayBounds('2026-03-10', 'Asia/Kathmandu');
    const ticks = hourTicks(startMs, endMs, 'Asia/Kathmandu', 3);
    expect(ticks.map((t) => t.label)).to.deep.equal([
      '00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', '00:00',
    ]);
    const fives = hourTicks(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2, 12), 'UTC', 5);
    expect(fives.map((t) => t.label)).to.deep.equal([
      '00:00', '05:00', '10:00', '15:00', '20:00', '00:00', '05:00', '10:00',
    ]);
  });

  it('skips the missing hour and repeats the doubled one on Prague DST days', () => {
    const spring = dayBounds('2026-03-29', 'Europe/Prague');
    const springTicks = hourTicks(spring.startMs, spring.endMs, 'Europe/Prague');
    expect(springTicks).to.have.length(24);
    expect(springTicks.map((t) => t.label)).to.not.include('02:00');
    const fall = dayBounds('2026-10-25', 'Europe/Prague');
    const fallTicks = hourTicks(fall.startMs, fall.endMs, 'Europe/Prague');
    expect(fallTicks).to.have.length(26);
    expect(fallTicks.filter((t) => t.label === '02:00').map((t) => t.at)).to.deep.equal([
      Date.UTC(2026, 9, 25, 0),
      Date.UTC(2026, 9, 25, 1),
    ]);
  });

  it('labels a tick exactly at an offset change with the new offset (Santiago 01:00)', () => {
    const before = dayBounds('2026-09-05', 'America/Santiago');
    const ticks = hourTicks(before.startMs, before.endMs, 'America/Santiago');
    expect(ticks[ticks.length - 1]).to.deep.equal({ at: before.endMs, label: '01:00' });
    expect(ticks.filter((t) => t.label === '00:00')).to.have.length(1); // midnight of the 6th never happens
  });

  it('accepts fractional milliseconds from zoomed scales', () => {
    const ticks = hourTicks(Date.UTC(2026, 0, 1) + 0.5, Date.UTC(2026, 0, 1, 2) + 0.25, 'UTC');
    expect(ticks.map((t) => t.at)).to.deep.equal([Date.UTC(2026, 0, 1, 1), Date.UTC(2026, 0, 1, 2)]);
  });

  it('returns [] for unusable input', () => {
    expect(hourTicks(10, 0, 'UTC')).to.deep.equal([]);
    expect(hourTicks(Number.NaN, 0, 'UTC')).to.deep.equal([]);
    expect(hourTicks(0, HOUR, 'Mars/Olympus')).to.deep.equal([]);
    expect(hourTicks(0, HOUR, 'UTC', 0)).to.have.length(2); // step 0 counts as 1
  });

  it('matches a brute-force scan of every quarter hour (2000–2040, 15 zones)', () => {
    const rangeArb = fc.record({
      start: fc.integer({ min: FIRST_DAY / MINUTE, max: LAST_DAY / MINUTE }).map((m) => m * MINUTE),
      length: fc.integer({ min: 0, max: 3 * 24 * 60 }).map((m) => m * MINUTE),
    });
    fc.assert(
      fc.property(rangeArb, zoneArb, fc.constantFrom(1, 2, 3, 6), ({ start, length }, timeZone, step) => {
        const end = start + length;
        const expected: { at: number; label: string }[] = [];
        // Every offset in these zones since 2000 is a multiple of 15 minutes.
        for (let t = Math.ceil(start / (15 * MINUTE)) * 15 * MINUTE; t <= end; t += 15 * MINUTE) {
          const wall = wallClock(t, timeZone);
          if (wall.minute === 0 && wall.second === 0 && wall.hour % step === 0) expected.push({ at: t, label: wall.label });
        }
        expect(hourTicks(start, end, timeZone, step)).to.deep.equal(expected);
      }),
      { numRuns: 60 },
    );
  });
});
