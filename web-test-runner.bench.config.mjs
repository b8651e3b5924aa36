import base from './web-test-runner.config.mjs';

/**
 * Benchmarks: bench/**\/*.bench.ts in the same headless Chromium, one file at a time so the
 * figures are not disturbed by a neighbour. They print figures; compare ratios within one run.
 */
export default {
  ...base,
  files: ['bench/**/*.bench.ts'],
  concurrency: 1,
  testFramework: { config: { timeout: 10 * 60 * 1000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
};
