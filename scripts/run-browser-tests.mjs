#!/usr/bin/env node
// Runs web-test-runner and ends with one plain line CI can read: "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const summaryFile = join(tmpdir(), `user-trace-wtr-${process.pid}.json`);
const result = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, WTR_SUMMARY_FILE: summaryFile },
});
let code = result.status ?? 1;
if (existsSync(summaryFile)) {
  const { passed, failed, skipped, failures = [] } = JSON.parse(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile);
  if (passed + failed === 0) code = code || 1; // a run that ran nothing has not passed
  // The failures again, last: the runner printed them with their file, far above the end of the log.
  for (const { file, test, error } of failures) {
    console.log(`\nFAILED ${file}\n  ${test}\n${error.replace(/^/gm, '    ')}`);
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
} else {
  console.log('\nTests: 0 passed, 1 failed');
  code = code || 1;
}
process.exit(code);
