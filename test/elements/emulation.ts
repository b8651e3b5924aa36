// Through the DevTools protocol (scripts/wtr-emulation-plugin.mjs): emulated forced colours, an
// emulated focused page and screenshots for a person to look at.
import { executeServerCommand } from '@web/test-runner-commands';

/** The tests of the enclosing `describe` run under emulated `forced-colors: active` (Windows High Contrast). */
export function inForcedColours(): void {
  before(async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
  });
  after(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
  });
}

/**
 * The tests of the enclosing `describe` see a focused page: two test pages run at once, and in the
 * background one nothing matches `:focus` or `:focus-visible`.
 */
export function asFocusedPage(): void {
  before(async () => {
    await executeServerCommand('emulate-focus', { active: true });
  });
  after(async () => {
    await executeServerCommand('emulate-focus', { active: false });
  });
}

/** Saves a picture of `el` (the path is printed in the browser log), `scale` times enlarged where marks are a few pixels tall. */
export async function screenshot(el: Element, name: string, scale = 1): Promise<void> {
  const r = el.getBoundingClientRect();
  const path = await executeServerCommand<string, unknown>('save-screenshot', {
    name,
    clip: { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height, scale },
  });
  console.log(`screenshot: ${path}`);
}
