// Bundled by the test server (esbuild) with React: React hosts, mounted for the tests.
import { createElement, useState, type Dispatch, type SetStateAction } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { DemoProvider, type UserTraceProvider } from '../../src/index.js';
import { UserTrace } from '../../src/react/index.js';
import type { TraceQuery } from '../../src/data/store.js';

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

type View = Pick<TraceQuery, 'userId' | 'date' | 'period'>;

export interface Hosted {
  root: Root;
  /** What React holds (controlled) or last passed (uncontrolled). */
  state: () => View;
  /** The host's own navigation: a new state in React. */
  navigate: (view: Partial<View>) => void;
  /** Re-renders the host for a reason of its own (a clock, another widget), props unchanged. */
  rerender: () => void;
  renders: () => number;
}

/**
 * A React host in either style: controlled keeps the query in state and updates it from
 * `onChange`; uncontrolled passes its first values and lets the element's UI move on.
 */
export function host(container: HTMLElement, provider: UserTraceProvider, controlled: boolean): Hosted {
  let view: View = { userId: 'jana.novakova', date: '2026-03-10', period: 'day' };
  let setView: Dispatch<SetStateAction<View>> = () => {};
  let bump: Dispatch<SetStateAction<number>> = () => {};
  let renders = 0;
  function App() {
    const [state, set] = useState<View>(view);
    const [, setTick] = useState(0);
    setView = set;
    bump = setTick;
    view = state;
    renders++;
    return createElement(UserTrace, {
      provider,
      ...state,
      timeZone: 'Europe/Prague',
      lang: 'en',
      onChange: controlled
        ? (event) => {
            const { userId, date, period } = event.detail.query;
            set({ userId, date, period });
          }
        : undefined,
    });
  }
  const root = createRoot(container);
  flushSync(() => root.render(createElement(App)));
  return {
    root,
    state: () => view,
    navigate: (patch) => flushSync(() => setView((v) => ({ ...v, ...patch }))),
    rerender: () => flushSync(() => bump((n) => n + 1)),
    renders: () => renders,
  };
}
