import { waitUntil } from '@open-wc/testing';
import type { TraceActivity, TraceData, TraceUser } from '../../src/model/types.js';
import type { UserTraceProvider } from '../../src/data/provider.js';
import { AccessDeniedError, abortError } from '../../src/data/provider.js';
import type { UserTraceTimelineElement } from '../../src/elements/timeline/timeline.js';

export interface TestProviderOptions {
  users?: TraceUser[];
  /** Trace per user id. */
  traces?: Record<string, TraceData>;
  /** Delay of `loadTrace` per user id, in ms. */
  delays?: Record<string, number>;
  /** `loadTrace` rejects with this. */
  fail?: Error;
  detail?: (activity: TraceActivity, signal: AbortSignal) => Promise<Record<string, unknown>>;
}

/** A provider with exact data, optional per-user delays and failures; counts its calls. */
export function testProvider(options: TestProviderOptions = {}): UserTraceProvider & { calls: string[] } {
  const users = options.users ?? [{ id: 'u1', name: 'Jana Nováková' }];
  const calls: string[] = [];
  const provider: UserTraceProvider & { calls: string[] } = {
    calls,
    async listUsers({ includeDeactivated }) {
      return users.filter((u) => includeDeactivated || !u.deactivated);
    },
    loadTrace({ userId, signal }) {
      calls.push(userId);
      return new Promise<TraceData>((resolve, reject) => {
        const finish = (): void => {
          if (options.fail) reject(options.fail);
          else resolve(structuredClone(options.traces?.[userId] ?? { sessions: [], pauses: [], activities: [] }));
        };
        const delay = options.delays?.[userId] ?? 0;
        const timer = setTimeout(finish, delay);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(abortError());
        });
      });
    },
  };
  if (options.detail) {
    const detail = options.detail;
    provider.loadActivityDetail = ({ activity, signal }) => detail(activity, signal);
  }
  return provider;
}

export const denyingProvider = (): UserTraceProvider => ({
  async listUsers() {
    throw new AccessDeniedError();
  },
  async loadTrace() {
    throw new AccessDeniedError();
  },
});

/**
 * Waits until the element shows `status` and has drawn. Drawing happens in the update itself, so
 * no animation frame is awaited: background tabs (parallel test files) do not get any.
 */
export async function settled(el: UserTraceTimelineElement, status?: string): Promise<void> {
  if (status) {
    await waitUntil(() => el.store.snapshot.status === status, `status ${status}`, {
      timeout: 5000,
    });
  }
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  // The tooltip's code loads beside the data (import()): here once it has.
  await import('../../src/elements/timeline/timeline-tooltip.js');
  await el.updateComplete;
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}
