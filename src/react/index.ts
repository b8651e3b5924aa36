/**
 * React wrappers (`@lit/react`): typed props for attributes and `provider`, and the
 * `user-trace-*` events as `on…` callbacks. Importing this module registers the elements (in a
 * browser; on a server it registers nothing). The build marks dist/react.js `'use client'` for React
 * Server Components (rollup.config.mjs: rollup would drop the directive from this source).
 *
 * @example
 * import { UserTrace } from 'user-trace/react.js';
 * <UserTrace provider={provider} timeZone="Europe/Prague" onChange={(e) => navigate(e.detail.query)} />
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../elements/container/define.js';
import { UserTraceContainerElement } from '../elements/container/container.js';
import { UserTraceTimelineElement } from '../elements/timeline/timeline.js';
import { UserTraceStatsElement } from '../elements/stats/stats.js';
import { UserTraceActivitiesElement } from '../elements/activities/activities.js';
import type { UserTraceEvent } from '../elements/base/events.js';

/** The events every wrapper maps to React props. */
const events = {
  onChange: 'user-trace-change' as EventName<UserTraceEvent<'user-trace-change'>>,
  onActivityOpen: 'user-trace-activity-open' as EventName<UserTraceEvent<'user-trace-activity-open'>>,
  onLoad: 'user-trace-load' as EventName<UserTraceEvent<'user-trace-load'>>,
  onError: 'user-trace-error' as EventName<UserTraceEvent<'user-trace-error'>>,
  onDataWarning: 'user-trace-data-warning' as EventName<UserTraceEvent<'user-trace-data-warning'>>,
  onExport: 'user-trace-export' as EventName<UserTraceEvent<'user-trace-export'>>,
  onExportDone: 'user-trace-export-done' as EventName<UserTraceEvent<'user-trace-export-done'>>,
};

/** `<user-trace>`: the whole page, or the shared state of the parts placed inside it. */
export const UserTrace = createComponent({
  tagName: 'user-trace',
  elementClass: UserTraceContainerElement,
  react: React,
  events,
});

/** `<user-trace-timeline>`: the overview. */
export const UserTraceTimeline = createComponent({
  tagName: 'user-trace-timeline',
  elementClass: UserTraceTimelineElement,
  react: React,
  events,
});

/** `<user-trace-stats>`: the statistics. */
export const UserTraceStats = createComponent({
  tagName: 'user-trace-stats',
  elementClass: UserTraceStatsElement,
  react: React,
  events,
});

/** `<user-trace-activities>`: the activity list with export. */
export const UserTraceActivities = createComponent({
  tagName: 'user-trace-activities',
  elementClass: UserTraceActivitiesElement,
  react: React,
  events,
});
