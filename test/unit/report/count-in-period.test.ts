import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { countInPeriod, periodRowsOf } from '../../../src/report/activity-rows.js';
import { prepareTrace } from '../../../src/model/prepared.js';
import { overlaps, endAt } from '../../../src/model/interval.js';

// countInPeriod has a loop of its own over the prepared columns; it must count what a pass over every
// activity with the interval rule finds, and what the list holds (periodRowsOf), for any trace,
// period (empty or reversed ones included) and clock.

const instant = fc.integer({ min: 0, max: 40 }).map((minute) => Date.UTC(2025, 2, 3, 8, minute));
const activity = fc.record({ start: instant, length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }) });

describe('countInPeriod', () => {
  it('counts the activities the interval rule puts in the period, as the list does', () => {
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 30 }), instant, instant, instant, (items, from, to, now) => {
        const raw = {
          sessions: [],
          pauses: [],
          activities: items.map((a, i) => ({
            id: `a${i}`,
            type: 'call',
            start: new Date(a.start).toISOString(),
            end: a.length === null ? null : new Date(a.start + a.length * 60_000).toISOString(),
          })),
        };
        const prepared = prepareTrace(raw).prepared;
        const expected = prepared.activities.filter((a) => overlaps(a.start, endAt(a.start, a.end, now), from, to)).length;
        expect(countInPeriod(prepared, from, to, now)).to.equal(expected);
        if (to > from) {
          expect(periodRowsOf(prepared, from, to, { startMs: from, endMs: to, days: 1 }, now).rows.length).to.equal(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
