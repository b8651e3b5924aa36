import '../../fixed-seed.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  clipSpans,
  intersectSpans,
  type Span,
  subtractSpans,
  totalMs,
  unionSpans,
} from '../../../src/stats/intervals.js';

/** Brute-force oracle: the set of integer points `t` with `start <= t < end` for some span. */
function cover(spans: readonly Span[]): Set<number> {
  const points = new Set<number>();
  for (const { start, end } of spans) for (let t = start; t < end; t++) points.add(t);
  return points;
}

function sameSet(actual: Set<number>, expected: Set<number>): void {
  expect([...actual].sort((a, b) => a - b)).to.deep.equal([...expected].sort((a, b) => a - b));
}

/** Sorted, pairwise disjoint, not touching, non-empty. */
function expectSpanList(spans: readonly Span[]): void {
  spans.forEach((span, i) => {
    expect(span.end).to.be.greaterThan(span.start);
    if (i > 0) expect(span.start).to.be.greaterThan(spans[i - 1]!.end);
  });
}

const span = fc
  .tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -3, max: 20 }))
  .map(([start, length]): Span => ({ start, end: start + length })); // negative lengths: empty spans
const spans = fc.array(span, { maxLength: 12 });

describe('interval algebra', () => {
  it('unions, merging overlapping and touching spans', () => {
    expect(unionSpans([])).to.deep.equal([]);
    expect(
      unionSpans([
        { start: 5, end: 7 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 6, end: 10 },
        { start: 20, end: 20 },
        { start: 30, end: 25 },
      ]),
    ).to.deep.equal([
      { start: 0, end: 3 },
      { start: 5, end: 10 },
    ]);
  });

  it('does not modify its input', () => {
    const input = [
      { start: 5, end: 7 },
      { start: 0, end: 6 },
    ];
    const copy = structuredClone(input);
    unionSpans(input);
    subtractSpans(input, input);
    expect(input).to.deep.equal(copy);
  });

  it('subtracts, intersects and clips', () => {
    const a = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const b = [
      { start: 2, end: 4 },
      { start: 8, end: 22 },
      { start: 25, end: 26 },
    ];
    expect(subtractSpans(a, b)).to.deep.equal([
      { start: 0, end: 2 },
      { start: 4, end: 8 },
      { start: 22, end: 25 },
      { start: 26, end: 30 },
    ]);
    expect(intersectSpans(a, b)).to.deep.equal([
      { start: 2, end: 4 },
      { start: 8, end: 10 },
      { start: 20, end: 22 },
      { start: 25, end: 26 },
    ]);
    expect(totalMs(intersectSpans(a, b))).to.equal(7);
    expect(clipSpans(a, 5, 25)).to.deep.equal([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
    expect(totalMs(a)).to.equal(20);
  });

  it('union matches the brute-force oracle and is a span list', () => {
    fc.assert(
      fc.property(spans, (input) => {
        const union = unionSpans(input);
        expectSpanList(union);
        sameSet(cover(union), cover(input));
        expect(totalMs(union)).to.equal(cover(input).size);
      }),
      { numRuns: 500 },
    );
  });

  it('union is idempotent and commutative, and |A ∪ B| <= |A| + |B|', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const union = unionSpans(a);
        expect(unionSpans(union)).to.deep.equal(union);
        expect(unionSpans([...a, ...b])).to.deep.equal(unionSpans([...b, ...a]));
        expect(unionSpans([...a, ...b])).to.deep.equal(unionSpans([...unionSpans(a), ...unionSpans(b)]));
        expect(totalMs(unionSpans([...a, ...b]))).to.be.at.most(totalMs(unionSpans(a)) + totalMs(unionSpans(b)));
      }),
      { numRuns: 500 },
    );
  });

  it('subtract and intersect match the oracle, and |A − B| + |A ∩ B| = |A|', () => {
    fc.assert(
      fc.property(spans, spans, (rawA, rawB) => {
        const a = unionSpans(rawA);
        const b = unionSpans(rawB);
        const pointsA = cover(a);
        const pointsB = cover(b);
        const difference = subtractSpans(a, b);
        const intersection = intersectSpans(a, b);
        expectSpanList(difference);
        expectSpanList(intersection);
        sameSet(cover(difference), new Set([...pointsA].filter((t) => !pointsB.has(t))));
        sameSet(cover(intersection), new Set([...pointsA].filter((t) => pointsB.has(t))));
        expect(totalMs(difference) + totalMs(intersection)).to.equal(totalMs(a));
        expect(intersectSpans(a, b)).to.deep.equal(intersectSpans(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('clip matches the oracle', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 }), (input, from, to) => {
        const clipped = clipSpans(unionSpans(input), from, to);
        expectSpanList(clipped);
        sameSet(cover(clipped), new Set([...cover(input)].filter((t) => t >= from && t < to)));
      }),
      { numRuns: 500 },
    );
  });
});
