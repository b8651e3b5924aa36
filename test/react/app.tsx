// Bundled by the test server (esbuild) with React: the React example, mounted for the test.
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { DemoProvider } from '../../src/index.js';
import { UserTrace } from '../../src/react/index.js';

export interface Mounted {
  root: Root;
  changes: string[];
}

/** Mounts `<UserTrace>` into `container` and records the user-trace-change events React saw. */
export function mount(container: HTMLElement, userId: string): Mounted {
  const changes: string[] = [];
  const provider = new DemoProvider({ seed: 7, latencyMs: 0 });
  const root = createRoot(container);
  flushSync(() => {
    root.render(
      createElement(UserTrace, {
        provider,
        userId,
        date: '2026-03-10',
        period: 'day',
        timeZone: 'Europe/Prague',
        lang: 'en',
        onChange: (event) => changes.push(`${event.detail.query.period}:${event.detail.query.date}`),
      }),
    );
  });
  return { root, changes };
}
