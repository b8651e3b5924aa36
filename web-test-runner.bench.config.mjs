import { chromeLauncher } from '@web/test-runner-chrome';
import base, { CHROME_ARGS } from './web-test-runner.config.mjs';
import { findChrome } from './scripts/find-chrome.mjs';

/**
 * Benchmarks: bench/**\/*.bench.ts in the same headless Chromium, one file at a time so the
 * figures are not disturbed by a neighbour, on Lit's production build. They print figures; compare
 * ratios within one run.
 */
export default {
  ...base,
  files: ['bench/**/*.bench.ts'],
  // What users run: Lit's production build (the test config resolves `development` for its warnings).
  nodeResolve: { exportConditions: ['production', 'browser'] },
  // Heap figures: performance.memory exact (not bucketed) and gc() to measure what is retained.
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [...CHROME_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      },
      // Puppeteer drives the page through DevTools with the Network domain on, and DevTools then
      // keeps a decoded copy of every response body: one main-thread task per body when it ends
      // (25 ms for the 7.5 MB week of 100 000), which a user's browser never does. No buffer for
      // bodies, no copy: the figures are the user's (fetch + text() of that week, 180 → 107 ms).
      async createPage({ context }) {
        const page = await context.newPage();
        await page._client?.().send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
        return page;
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10 * 60 * 1000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
};
