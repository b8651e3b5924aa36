import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome } from './scripts/find-chrome.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { restTestMiddleware } from './server/wtr-api-plugin.mjs';
import { reactBundlePlugin } from './scripts/wtr-react-bundle.mjs';
import { strictCspMiddleware } from './scripts/wtr-csp-middleware.mjs';
import { emulationPlugin } from './scripts/wtr-emulation-plugin.mjs';
import { tsForJsPlugin } from './scripts/wtr-ts-worker-plugin.mjs';

const executablePath = findChrome();

/** Chromium flags of the test browser (the bench config adds its own to these). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Two test pages run at once and one of them is a background tab: keep its timers and
  // animation frames running, or fixtures that wait for a frame hang there.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** Browser tests: every test/**\/*.test.ts file runs in real headless Chromium. */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [reactBundlePlugin(), emulationPlugin(), tsForJsPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  // Real HTTP endpoints for the RestProvider tests (/test-api/…) and the demo API (/api/…).
  // The demo console under a strict CSP with Trusted Types (test/e2e).
  middleware: [restTestMiddleware(), strictCspMiddleware()],
  reporters: [defaultReporter(), summaryReporter()],
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
};
