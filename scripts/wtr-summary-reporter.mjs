import { writeFileSync } from 'node:fs';

/**
 * Counts every test of every file and writes the counts to `file`; scripts/run-browser-tests.mjs
 * prints them as the run's closing line ("Tests: N passed, N failed") after the runner's own report.
 */
export function summaryReporter(file = process.env.WTR_SUMMARY_FILE) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load counts as a failure even though it ran no test.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += session.errors?.length ? 1 : 0;
      }
      if (file) writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
    },
  };
}
