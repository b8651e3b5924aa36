/**
 * The pure API: periods, validation, statistics, providers — no DOM, no elements. Exported by
 * `user-trace/core.js` (src/core.ts) and re-exported by the package root (src/index.ts).
 */
export type * from './model/types.js';
export { KNOWN_ACTIVITY_TYPES, CHAT_CHANNELS } from './model/types.js';
export { normalizeTrace } from './model/normalize.js';
export { periodRange } from './time/index.js';
export { computeStats } from './stats/compute-stats.js';
export {
  AccessDeniedError,
  isAccessDenied,
  type ProviderErrorKind,
  type UserTraceProvider,
  type ListUsersQuery,
  type LoadTraceQuery,
  type LoadActivityDetailQuery,
  type LoadTeamTraceQuery,
} from './data/provider.js';
export { DemoProvider, type DemoProviderOptions } from './data/demo-provider.js';
export { formatDuration } from './i18n/format.js';
export { temporalReady } from './time/temporal.js';
