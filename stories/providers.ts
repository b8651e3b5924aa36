import { DemoProvider } from '../src/data/demo-provider.js';
import { AccessDeniedError, abortError, type UserTraceProvider } from '../src/data/provider.js';
import { RestProviderError, type RestProviderErrorKind } from '../src/data/rest-provider.js';

/** Demo data with a little latency, as a real data source has. */
export const demo = new DemoProvider({ seed: 1, latencyMs: 250 });
/** The load-test user `heavy`: about 100 000 activities a week. */
export const heavy = new DemoProvider({ seed: 1, heavyUserId: 'heavy' });

/** A provider with the demo users and the given trace loader: the states demo data never produces. */
export const stateProvider = (loadTrace: UserTraceProvider['loadTrace']): UserTraceProvider => ({
  listUsers: async () => demo.users(false),
  loadTrace,
});

/** Never answers (until the query changes): the loading state. */
export const loading = stateProvider(
  ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(abortError()))),
);
export const empty = stateProvider(async () => ({ sessions: [], pauses: [], activities: [] }));
export const failing = stateProvider(async () => {
  throw new Error('The reporting service did not answer (HTTP 503).');
});
export const denied = stateProvider(async () => {
  throw new AccessDeniedError();
});

/** Fails as `RestProvider` does for one kind of error: the reason in words, the detail behind a disclosure. */
export const failingWith = (kind: RestProviderErrorKind, message: string): UserTraceProvider =>
  stateProvider(async () => {
    throw new RestProviderError(message, { status: kind === 'http' ? 500 : kind === 'retries-exhausted' ? 429 : null, url: '/api/users/jana.novakova/trace', kind });
  });
