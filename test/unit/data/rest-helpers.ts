import { expect } from '@open-wc/testing';
import { RestProviderError } from '../../../src/data/rest-provider.js';
import type { TraceActivity } from '../../../src/model/types.js';

// Helpers of the RestProvider tests against server/wtr-api-plugin.mjs:
// /test-api/{scenario}/{runId}/… answers as scripted, /test-api/_log/{runId} tells what it received.

export interface LoggedRequest {
  rawPath: string;
  segments: string[];
  query: Record<string, string>;
  authorization: string | null;
  accept: string | null;
  extra: string | null;
}

export interface RunLog {
  attempts: number;
  requests: LoggedRequest[];
  /** Bytes a streaming scenario has written. */
  sent: number;
  /** Whether the client closed the connection before a delayed answer. */
  clientLeft: boolean;
}

/** A base URL of its own for every test, so attempts are counted per test. */
export function scenario(name: string): { baseUrl: string; log: () => Promise<RunLog> } {
  const runId = crypto.randomUUID();
  return {
    baseUrl: `/test-api/${name}/${runId}`,
    log: async () => (await fetch(`/test-api/_log/${runId}`)).json() as Promise<RunLog>,
  };
}

export function signal(): AbortSignal {
  return new AbortController().signal;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, it resolved');
}

export async function restError(promise: Promise<unknown>): Promise<RestProviderError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(RestProviderError);
  return error as RestProviderError;
}

export const activity = (id: string): TraceActivity => ({ id, type: 'call', start: '2025-03-03T09:00:00Z' });
