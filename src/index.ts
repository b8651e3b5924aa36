/**
 * user-trace: what one contact-centre agent did during a day or a week.
 * Importing the package root registers every element and exports the whole API.
 */
import { isServer } from 'lit';
import './elements/container/define.js';

// The team view registers from its own chunk, loaded right after this module: hosts of the
// single-agent elements do not pay for it in the main bundle (`user-trace/team.js` registers it at once).
if (!isServer) void import('./elements/team/define.js');

export * from './core-api.js';
export { TraceStore, type TraceQuery, type TraceSnapshot, type TraceStatus, type TraceView } from './data/store.js';
export { traceStoreContext } from './data/context.js';
export { registerTranslation, type Messages } from './i18n/index.js';
export type { UserTraceEventDetails, UserTraceEventName, UserTraceEvent, ExportFormat } from './elements/base/events.js';
export { UserTraceElement } from './elements/base/user-trace-element.js';
export { UserTraceContainerElement } from './elements/container/container.js';
export { UserTraceTimelineElement } from './elements/timeline/timeline.js';
export { UserTraceStatsElement } from './elements/stats/stats.js';
export { UserTraceActivitiesElement } from './elements/activities/activities.js';
export type { UserTraceTeamElement } from './elements/team/team.js';
