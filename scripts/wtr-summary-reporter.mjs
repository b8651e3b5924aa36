import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Counts every test of every file and writes the counts, with the name and error of each failed
 * test, to `file`; scripts/run-browser-tests.mjs prints them after the runner's own report, so a
 * CI log cut to its last lines still says which test failed and why ("Tests: N passed, N failed").
 */
export function summaryReporter(file = process.env.WTR_SUMMARY_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const failures = [];
      const walk = (suite, path, testFile) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else {
            failed += 1;
            failures.push({
              file: relative(process.cwd(), testFile),
              test: [...path, test.name].join(' › '),
              error: errorText(test.error),
            });
          }
        }
        for (const child of suite.suites ?? []) walk(child, [...path, child.name], testFile);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, [], session.testFile);
        // A file that failed to load counts as a failure even though it ran no test.
        if (!session.passed && (!session.testResults || session.errors?.length) && session.errors?.length) {
          failed += 1;
          failures.push({ file: relative(process.cwd(), session.testFile), test: '(the file itself)', error: session.errors.map(errorText).join('\n') });
        }
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed, skipped, failures }));
    },
  };
}

function errorText(error) {
  if (!error) return '';
  const lines = [error.message ?? String(error)];
  if (error.expected !== undefined || error.actual !== undefined) {
    lines.push(`expected: ${String(error.expected).slice(0, 300)}`, `actual:   ${String(error.actual).slice(0, 300)}`);
  }
  if (error.stack) lines.push(...String(error.stack).split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4));
  return lines.join('\n');
}
