/**
 * Interval algebra on half-open spans `[start, end)` of epoch milliseconds.
 *
 * "Span list" below means sorted by start, pairwise disjoint, non-touching and non-empty — what
 * {@link unionSpans} returns. The binary operations take span lists and sweep both once (linear).
 * Pure: inputs are never modified.
 */

/** A half-open interval `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The union of any spans as a span list: sorted, merged where they overlap or touch
 * (`[0,1)` and `[1,2)` become `[0,2)`), empty spans (`end <= start`) dropped.
 */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start);
  let inOrder = true;
  for (let i = 1; i < sorted.length && inOrder; i++) inOrder = sorted[i - 1]!.start <= sorted[i]!.start;
  if (!inOrder) sorted.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let start = 0;
  let end = 0;
  let open = false;
  for (const span of sorted) {
    if (open && span.start <= end) {
      if (span.end > end) end = span.end;
      continue;
    }
    if (open) out.push({ start, end });
    start = span.start;
    end = span.end;
    open = true;
  }
  if (open) out.push({ start, end });
  return out;
}

/** Each span cut to `[from, to)`; spans left empty are dropped. Order is preserved. */
export function clipSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const start = span.start > from ? span.start : from;
    const end = span.end < to ? span.end : to;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** `a − b` for two span lists: the parts of `a` not covered by `b`, as a span list. */
export function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const span of a) {
    let start = span.start;
    const end = span.end;
    // Spans of b that end before this one starts cannot touch it nor any later span of a.
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < end) {
      const cut = b[k]!;
      if (cut.start > start) out.push({ start, end: cut.start });
      if (cut.end > start) start = cut.end;
      if (start >= end) break;
      k++;
    }
    if (start < end) out.push({ start, end });
  }
  return out;
}

/** `a ∩ b` for two span lists, as a span list. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    if (end > start) out.push({ start, end });
    // Advance whichever ends first: it cannot meet anything further in the other list.
    if (x.end <= y.end) i++;
    else j++;
  }
  return out;
}

/** Total length of the spans. For a span list this is the measure of the set it covers. */
export function totalMs(spans: readonly Span[]): number {
  let total = 0;
  for (const span of spans) total += span.end - span.start;
  return total;
}
