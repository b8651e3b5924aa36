// Test-runner commands that need the Chrome DevTools Protocol (test/elements/forced-colors.test.ts):
// emulate `forced-colors: active`, emulate a focused page (two test pages run at once, and in the one
// in the background nothing matches :focus or :focus-visible), read the accessibility tree as a
// screen reader gets it, and save a screenshot of part of the page for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Where screenshots go (printed once per run, so they can be opened). */
export const SCREENSHOT_DIR = process.env.USER_TRACE_SCREENSHOTS ?? join(tmpdir(), 'user-trace-screenshots');

export function emulationPlugin() {
  /** One CDP session per test page: the emulation lasts as long as the session that set it. */
  const sessions = new Map();
  return {
    name: 'user-trace-emulation',
    async executeCommand({ command, payload, session }) {
      if (!['emulate-forced-colors', 'emulate-focus', 'save-screenshot', 'ax-tree'].includes(command)) return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) throw new Error(`${command} needs a Chromium (puppeteer) test page`);
      let cdp = sessions.get(session.id);
      if (!cdp && command !== 'save-screenshot') {
        cdp = await page.createCDPSession();
        sessions.set(session.id, cdp);
      }
      if (command === 'ax-tree') {
        // Every node the browser exposes, as role and name (ignored nodes left out), in tree order.
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '' }));
      }
      if (command === 'emulate-focus') {
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: payload?.active !== false });
        return true;
      }
      if (command === 'emulate-forced-colors') {
        await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active === false ? 'none' : 'active' }] });
        return true;
      }
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${String(payload.name).replace(/[^\w.-]+/g, '-')}.png`);
      // A background tab draws no frames to capture (the other test page of two may be in front).
      await page.bringToFront();
      await page.screenshot({ path, clip: payload.clip });
      return path;
    },
  };
}
