import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { filterActivities } from '../../../src/report/refine-rows.js';
import type { RowLabels } from '../../../src/report/activity-rows.js';
import { foldForSearch } from '../../../src/i18n/fold.js';
import { laneOf } from '../../../src/model/catalog.js';
import type { PreparedActivity } from '../../../src/model/types.js';

// The text filter folds each field of a row once (repeated values once in all); what it finds must
// be what folding the row's whole text finds.

const labels: RowLabels = { type: () => '', direction: () => '', status: () => '' };
const piece = fc.constantFrom('Řehoř', 'ŘEHOŘ', 'e\u0301', 'Ω', 'ΣΑΣ', 'ß', 'İ', 'a', 'Reklamace', 'ﬁ', '\u0301x', '7', ' ', 'TCK-7');
const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const optional = fc.option(text, { nil: undefined });

function activity(i: number, fields: { title?: string; queue?: string; contact?: string; ticketId?: string; id: string }): PreparedActivity {
  const { id, ...rest } = fields;
  return {
    index: i,
    id,
    type: 'call',
    lane: laneOf('call'),
    start: i * 1000,
    end: i * 1000 + 500,
    closed: false,
    talkSeconds: undefined,
    ticketId: rest.ticketId,
    record: { id, type: 'call', start: '', end: null, ...rest },
  };
}

describe('filterActivities: the text filter', () => {
  it('finds what folding each row’s whole text finds, fields repeated or not', () => {
    const row = fc.record({ title: optional, queue: optional, contact: optional, ticketId: optional, id: text });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(piece, { minLength: 1, maxLength: 2 }), (rows, term) => {
        const activities = rows.map((r, i) => activity(i, { ...r, id: r.id || `a${i}` }));
        const query = term.join('');
        const words = foldForSearch(query).split(/\s+/).filter(Boolean);
        const expected = activities.filter((a) => {
          const r = a.record;
          const whole = foldForSearch([r.title, r.queue, r.contact, a.id, r.ticketId].filter((v) => typeof v === 'string').join('\u0000'));
          return words.every((w) => whole.includes(w));
        });
        expect(filterActivities(activities, { type: '', text: query }, labels).map((a) => a.index)).to.deep.equal(expected.map((a) => a.index));
      }),
      { numRuns: 300 },
    );
  });
});
