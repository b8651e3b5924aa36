/**
 * The activity list's refined rows (`listSteps`, src/report/refine-rows.ts), kept for the last
 * controls. When the render asks (`sliced`) for a long list — from {@link SLICED_ROWS} rows — and
 * the refining takes longer than {@link RENDER_BUDGET_MS}, the rest runs in slices: that render
 * shows what it showed of these rows before (or the rows unrefined), and the host renders again
 * when the refined rows are there (`pending` settles then). A newer request drops an older one, so
 * a stale answer never shows. Asked otherwise (the `rows` getter, an export), it refines at once:
 * what it returns then always matches the controls.
 */
import { runInSlices } from '../../data/slices.js';
import { runSteps } from '../../model/steps.js';
import { listSteps } from '../../report/refine-rows.js';
import type { ListRow, RowLabels, SortDirection } from '../../report/activity-rows.js';
import type { ActivityColumn } from '../../report/report.js';

/** Rows from which a render's refining may run in slices (below: at once, a few ms). */
export const SLICED_ROWS = 50_000;
/** Refining a render does before it leaves the rest to slices, in ms: a search of 100 000 rows fits once their index is made. */
const RENDER_BUDGET_MS = 20;

type Period = { startMs: number; endMs: number; now: number };

export interface ListMemo {
  (rows: ListRow[], type: string, text: string, column: ActivityColumn, direction: SortDirection, locale: string, labels: RowLabels, period: Period, sliced: boolean): ListRow[];
  /** Forgets the rows kept and any refining under way. */
  clear(): void;
  /** Settles when the rows being refined in slices are there or no longer wanted; `null` when none are. */
  readonly pending: Promise<void> | null;
}

/** The memo for `host`, which is re-rendered when rows refined in slices are there. */
export function listMemo(host: { requestUpdate(): void }): ListMemo {
  let key: readonly unknown[] | null = null;
  let kept: ListRow[] = [];
  let job: { key: readonly unknown[]; done: Promise<void> } | null = null;
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.every((v, i) => v === b[i]);
  /** The rows refined for `k`, kept; no refining is under way any more. */
  const keep = (k: readonly unknown[], refined: ListRow[]): ListRow[] => {
    job = null;
    key = k;
    return (kept = refined);
  };
  const memo = ((rows, type, text, column, direction, locale, labels, period, sliced) => {
    const k = [rows, type, text, column, direction, locale];
    if (key && same(k, key)) return kept;
    const steps = () => listSteps(rows, { type, text }, { column, direction }, labels, locale, period);
    if (rows.length < SLICED_ROWS || !sliced) {
      // A render showing rows still being refined: it shows these now.
      if (job) host.requestUpdate();
      return keep(k, runSteps(steps()));
    }
    if (!job || !same(k, job.key)) {
      // What is done within a short budget shows in this render; the rest goes on in slices.
      const started = steps();
      const t0 = performance.now();
      for (let step = started.next(); ; step = started.next()) {
        if (step.done) return keep(k, step.value);
        if (performance.now() - t0 >= RENDER_BUDGET_MS) break;
      }
      const mine = { key: k, done: Promise.resolve() };
      job = mine;
      mine.done = runInSlices(started, () => job !== mine).then(
        (refined) => {
          if (job !== mine) return;
          keep(k, refined);
          host.requestUpdate();
        },
        () => {}, // dropped for a newer request
      );
    }
    return key && key[0] === rows ? kept : rows;
  }) as ListMemo;
  memo.clear = () => {
    key = job = null;
    kept = [];
  };
  Object.defineProperty(memo, 'pending', { get: () => job?.done ?? null });
  return memo;
}
