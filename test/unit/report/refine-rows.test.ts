import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { filterActivities, sortActivities } from '../../../src/report/refine-rows.js';
import { durationInPeriod, type RowLabels } from '../../../src/report/activity-rows.js';
import { foldForSearch } from '../../../src/i18n/fold.js';
import { laneOf } from '../../../src/model/catalog.js';
import type { PreparedActivity } from '../../../src/model/types.js';

// The text filter folds each field of a row once (repeated values once in all); what it finds must
// be what folding the row's whole text finds.

const labels: RowLabels = { type: () => '', direction: () => '', status: () => '' };
const piece = fc.constantFrom('Řehoř', 'ŘEHOŘ', 'e\u0301', 'Ω', 'ΣΑΣ', 'ß', 'İ', 'a', 'Reklamace', 'ﬁ', '\u0301x', '7', ' ', 'TCK-7');
const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const optional = fc.option(text, { nil: undefined });

function activity(i: number, fields: { title?: string; queue?: string; contact?: string; ticketId?: string; id: string; direction?: string }, type = 'call'): PreparedActivity {
  const { id, ...rest } = fields;
  return {
    index: i,
    id,
    type,
    lane: laneOf(type),
    start: i * 1000,
    end: i * 1000 + 500,
    closed: false,
    talkSeconds: undefined,
    ticketId: rest.ticketId,
    record: { id, type, start: '', end: null, ...rest } as PreparedActivity['record'],
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

  it('finds a term in the type or direction label too, for any number of terms', () => {
    const typeLabels: Record<string, string> = { call: 'Hovor', email: 'E-mail', fax: 'Fax' };
    const directionLabels: Record<string, string> = { in: 'Příchozí', out: 'Odchozí' };
    const labelled: RowLabels = { type: (type) => typeLabels[type] ?? '', direction: (d) => (d ? (directionLabels[d] ?? '') : ''), status: () => '' };
    const row = fc.record({
      title: optional,
      queue: optional,
      id: text,
      type: fc.constantFrom('call', 'email', 'fax'),
      direction: fc.option(fc.constantFrom('in', 'out', 'internal'), { nil: undefined }),
    });
    const word = fc.constantFrom('hovor', 'mail', 'PŘÍCH', 'odch', 'řeh', 'a', 'fax', 'zz');
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(word, { minLength: 1, maxLength: 40 }), (rows, words) => {
        const activities = rows.map((r, i) => activity(i, { title: r.title, queue: r.queue, direction: r.direction, id: r.id || `a${i}` }, r.type));
        const query = words.join(' ');
        const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
        const expected = activities.filter((a) => {
          const r = a.record;
          const whole = foldForSearch([r.title, r.queue, a.id].filter((v) => typeof v === 'string').join('\u0000'));
          const type = foldForSearch(labelled.type(a.type));
          const direction = foldForSearch(labelled.direction(r.direction));
          return terms.every((w) => whole.includes(w) || type.includes(w) || direction.includes(w));
        });
        expect(filterActivities(activities, { type: '', text: query }, labelled).map((a) => a.index)).to.deep.equal(expected.map((a) => a.index));
      }),
      { numRuns: 300 },
    );
  });

  it('finds values past the distinct values it codes, and filters by type and text together', () => {
    // 70 000 distinct titles: past the 65 536 the index codes, the rest are searched row by row.
    const activities = Array.from({ length: 70_000 }, (_, i) => activity(i, { title: `Dotaz ${i}`, id: `a${i}` }, i % 2 ? 'email' : 'call'));
    const with6999 = activities.filter((a) => a.record.title!.includes('6999')).map((a) => a.index);
    expect(with6999).to.include.members([6999, 16999, 69990, 69999]);
    const found = filterActivities(activities, { type: '', text: 'dotaz 6999' }, labels).map((a) => a.index);
    expect(found).to.deep.equal(with6999);
    const calls = filterActivities(activities, { type: 'call', text: 'DOTAZ 6999' }, labels).map((a) => a.index);
    expect(calls).to.deep.equal(with6999.filter((i) => i % 2 === 0));
    expect(filterActivities(activities, { type: 'email', text: '' }, labels)).to.have.length(35_000);
  });
});

describe('sortActivities', () => {
  it('orders as a stable comparator sort of the keys, equal keys in the order given', () => {
    const title = fc.option(fc.constantFrom('Reklamace', 'reklamace', 'Řehoř', 'a2', 'a10', 'A2', 'zz', ''), { nil: undefined });
    // Starts far apart too: keys whose span times the row count does not fit a double are ranked first.
    const row = fc.record({ start: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(4e12, 8e12)), length: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), title, closed: fc.boolean() });
    const collator = new Intl.Collator('cs', { numeric: true, sensitivity: 'base' });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('start', 'end', 'duration', 'title', 'closed'), fc.boolean(), (rows, column, ascending) => {
        const activities = rows.map((r, i) => {
          const a = activity(i, { title: r.title, id: `a${i}` });
          return { ...a, start: r.start * 1000, end: r.length === null ? null : (r.start + r.length) * 1000, closed: r.closed };
        });
        const period = { startMs: 3000, endMs: 18_000, now: 22_000 };
        const keyOf = (a: PreparedActivity): number | string => {
          switch (column) {
            case 'start':
              return a.start;
            case 'end':
              return a.end ?? Infinity;
            case 'duration':
              return durationInPeriod(a, period.startMs, period.endMs, period.now);
            case 'title':
              return a.record.title ?? '';
            default:
              return a.closed ? 1 : 0;
          }
        };
        const sign = ascending ? 1 : -1;
        const expected = activities
          .map((a, i) => ({ a, i, k: keyOf(a) }))
          .sort((x, y) => {
            const c = typeof x.k === 'string' ? collator.compare(x.k, y.k as string) : x.k < (y.k as number) ? -1 : x.k > (y.k as number) ? 1 : 0;
            return c !== 0 ? c * sign : x.i - y.i;
          })
          .map((x) => x.a.index);
        const sorted = sortActivities(activities, { column, direction: ascending ? 'ascending' : 'descending' }, labels, 'cs', period);
        expect(sorted.map((a) => a.index)).to.deep.equal(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('sorts a long list in stretches merged pairwise as it sorts a short one', () => {
    // Past 65 536 rows the packed keys are sorted in stretches and merged: 140 000 rows, three merges.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4_294_967_296;
    const titles = ['Reklamace', 'reklamace', 'Dotaz', 'Objednávka', 'a2', 'a10', ''];
    const activities = Array.from({ length: 140_000 }, (_, i) => {
      const start = Math.floor(next() * 5000) * 1000;
      const a = activity(i, { title: titles[Math.floor(next() * titles.length)], id: `a${i}` });
      return { ...a, start, end: next() < 0.1 ? null : start + Math.floor(next() * 600) * 1000 };
    }).sort((a, b) => a.start - b.start);
    const period = { startMs: 0, endMs: 6_000_000, now: 6_000_000 };
    const collator = new Intl.Collator('cs', { numeric: true, sensitivity: 'base' });
    for (const [column, ascending] of [['duration', true], ['title', false], ['end', false]] as const) {
      const keyOf = (a: PreparedActivity): number | string =>
        column === 'duration' ? durationInPeriod(a, period.startMs, period.endMs, period.now) : column === 'title' ? (a.record.title ?? '') : (a.end ?? Infinity);
      const sign = ascending ? 1 : -1;
      const expected = activities
        .map((a, i) => ({ i, k: keyOf(a) }))
        .sort((x, y) => {
          const c = typeof x.k === 'string' ? collator.compare(x.k, y.k as string) : x.k < (y.k as number) ? -1 : x.k > (y.k as number) ? 1 : 0;
          return c !== 0 ? c * sign : x.i - y.i;
        })
        .map((x) => x.i);
      const sorted = sortActivities(activities, { column, direction: ascending ? 'ascending' : 'descending' }, labels, 'cs', period);
      const position = new Map(activities.map((a, i) => [a, i]));
      // The first place the two differ, not a diff of 140 000 entries.
      const got = sorted.map((a) => position.get(a)!);
      expect(got.length, column).to.equal(expected.length);
      expect(got.findIndex((p, i) => p !== expected[i]), column).to.equal(-1);
    }
  });

  it('collates many distinct titles in runs merged pairwise, spellings the collator finds equal sharing a place', () => {
    // Up to 30 000 distinct strings, past the collation's runs of 256: each number in three
    // spellings that the collator finds equal, scattered over the runs, and numbers compared as such.
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4_294_967_296;
    const spellings = ['Item', 'item', 'ITEM'];
    const activities = Array.from({ length: 40_000 }, (_, i) => {
      const title = `${spellings[Math.floor(next() * 3)]} ${Math.floor(next() * 10_000)}`;
      return { ...activity(i, { title, id: `a${i}` }), start: i * 1000 };
    });
    const period = { startMs: 0, endMs: 50_000_000, now: 50_000_000 };
    const collator = new Intl.Collator('cs', { numeric: true, sensitivity: 'base' });
    for (const ascending of [true, false]) {
      const sign = ascending ? 1 : -1;
      const expected = activities
        .map((a, i) => ({ i, k: a.record.title! }))
        .sort((x, y) => collator.compare(x.k, y.k) * sign || x.i - y.i)
        .map((x) => x.i);
      const sorted = sortActivities(activities, { column: 'title', direction: ascending ? 'ascending' : 'descending' }, labels, 'cs', period);
      const got = sorted.map((a) => a.index);
      expect(got.length).to.equal(expected.length);
      expect(got.findIndex((p, i) => p !== expected[i]), `ascending ${ascending}`).to.equal(-1);
    }
  });
});
