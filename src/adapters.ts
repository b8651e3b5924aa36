/**
 * `user-trace/adapters.js`: turn the data of real contact-centre platforms into `TraceData`
 * (docs/adapters.md). Pure functions plus the fetch-based `DaktelaProvider`; nothing here imports
 * an element or Lit, so the module also runs in Node.
 */
export type { AdapterResult } from './adapters/shared.js';
export {
  traceFromStatusEvents,
  type StatusEvent,
  type StatusEventsOptions,
  type StatusMeaning,
} from './adapters/status-events.js';
export { traceFromConnectAgentEvents, type ConnectAgentEventsOptions } from './adapters/connect.js';
export { traceFromGenesysDetails, type GenesysDetailsOptions } from './adapters/genesys.js';
export {
  traceFromDaktelaActivities,
  parseDaktelaTime,
  formatDaktelaTime,
  type DaktelaActivitiesOptions,
  type DaktelaTime,
} from './adapters/daktela.js';
export {
  teamTraceFromStatusEvents,
  teamTraceFromConnectAgentEvents,
  teamTraceFromGenesysDetails,
  type TeamAdapterResult,
  type TeamStatusEventsOptions,
  type TeamConnectAgentEventsOptions,
  type TeamGenesysDetailsOptions,
} from './adapters/team.js';
export {
  DaktelaProvider,
  DaktelaProviderError,
  type DaktelaProviderErrorKind,
  type DaktelaProviderOptions,
  type DaktelaStatusHistory,
} from './adapters/daktela-provider.js';
