import { expect } from '@open-wc/testing';
import { parseInstant } from '../../../src/model/normalize.js';
import { computeStats } from '../../../src/stats/compute-stats.js';
import { periodRange, resolvePeriod, shiftDate } from '../../../src/time/index.js';

const EMPTY = { sessions: [], pauses: [], activities: [] };
const NOW = '2026-03-02T12:00:00Z';

describe('periodRange: the years 0001–9999', () => {
  it('rejects dates whose period would leave the four-digit years, with a clear error', () => {
    for (const [date, timeZone] of [
      ['9999-12-31', 'UTC'],
      ['9999-12-31', 'Pacific/Kiritimati'],
      ['0000-01-01', 'UTC'],
      ['0001-01-01', 'Pacific/Kiritimati'],
      ['9999-12-25', 'Europe/Prague'],
    ] as const) {
      for (const period of ['day', 'week'] as const) {
        expect(() => periodRange({ date, period, timeZone }), `${date} ${period} ${timeZone}`).to.throw(
          RangeError,
          /from 0001-01-08 to 9999-12-24/,
        );
      }
    }
  });

  it('gives the first and last supported dates ranges that computeStats accepts, in every zone', () => {
    for (const date of ['0001-01-08', '9999-12-24']) {
      for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Prague']) {
        for (const period of ['day', 'week'] as const) {
          const range = periodRange({ date, period, timeZone, firstDayOfWeek: 1 });
          expect(() => computeStats(EMPTY, range, NOW), `${date} ${period} ${timeZone}`).not.to.throw();
        }
      }
    }
  });

  it('writes a boundary with a local-mean-time offset exactly, not rounded to minutes', () => {
    // Prague kept +00:57:44 until 1891: "+00:58" would name an instant 16 s off.
    const q = { date: '1850-06-01', period: 'day', timeZone: 'Europe/Prague' } as const;
    const range = periodRange(q);
    const resolved = resolvePeriod(q);
    expect(range.start).to.equal('1850-05-31T23:02:16Z');
    expect(parseInstant(range.start)).to.equal(resolved.startMs);
    expect(parseInstant(range.end)).to.equal(resolved.endMs);
    expect(periodRange({ date: '2026-03-29', period: 'day', timeZone: 'Europe/Prague' }).start).to.equal('2026-03-29T00:00:00+01:00');
  });

  it('does not navigate past the supported dates', () => {
    expect(shiftDate('9999-12-24', 'day', 1)).to.equal('9999-12-24');
    expect(shiftDate('0001-01-08', 'week', -1)).to.equal('0001-01-08');
  });
});
