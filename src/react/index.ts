/**
 * React wrappers (`@lit/react`): typed props for attributes and `provider`, and the
 * `user-trace-*` events as `on…` callbacks. Importing this module registers the elements (in a
 * browser; on a server it registers nothing). The build marks dist/react.js `'use client'` for React
 * Server Components (rollup.config.mjs: rollup would drop the directive from this source).
 *
 * Query props (`userId`, `date`, `period`, `minutes`, `includeDeactivated`, `timeZone`,
 * `firstDayOfWeek`) reach the element when they change, as React treats the props of DOM elements:
 * keep them in state and update it from `onChange` (controlled), or pass them once and let the
 * element's own UI move on (uncontrolled) — a re-render with the same props never undoes a change
 * made in the UI.
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

/** The query props: set on the element only when their value changed since the last render. */
const QUERY_PROPS = new Set(['userId', 'date', 'period', 'minutes', 'includeDeactivated', 'timeZone', 'firstDayOfWeek']);

/**
 * `@lit/react` sets every prop on every render, which would make a re-render undo what the user
 * changed in the element's UI. This wrapper sets the query props only when they change.
 */
function withQueryProps<P extends object, E extends HTMLElement>(
  Inner: React.ForwardRefExoticComponent<P & React.RefAttributes<E>>,
  displayName: string,
): React.ForwardRefExoticComponent<P & React.RefAttributes<E>> {
  const Outer = React.forwardRef<E, P>((props, forwarded) => {
    const element = React.useRef<E | null>(null);
    const previous = React.useRef(new Map<string, unknown>());
    const passed: Record<string, unknown> = {};
    const query = new Map<string, unknown>();
    for (const [key, value] of Object.entries(props)) {
      if (!QUERY_PROPS.has(key)) passed[key] = value;
      else if (value !== undefined) query.set(key, value);
    }
    // Runs after the inner component's own effect (children first): `provider` is set already.
    React.useLayoutEffect(() => {
      const el = element.current as unknown as Record<string, unknown> | null;
      if (!el) return;
      for (const [key, value] of query) {
        if (!previous.current.has(key) || !Object.is(previous.current.get(key), value)) el[key] = value;
      }
      previous.current = query;
    });
    const ref = React.useCallback(
      (node: E | null) => {
        element.current = node;
        if (typeof forwarded === 'function') forwarded(node);
        else if (forwarded) forwarded.current = node;
      },
      [forwarded],
    );
    return React.createElement(Inner, { ...(passed as P), ref });
  });
  Outer.displayName = displayName;
  return Outer as unknown as React.ForwardRefExoticComponent<P & React.RefAttributes<E>>;
}

/** `<user-trace>`: the whole page, or the shared state of the parts placed inside it. */
export const UserTrace = withQueryProps(
  createComponent({ tagName: 'user-trace', elementClass: UserTraceContainerElement, react: React, events }),
  'UserTrace',
);

/** `<user-trace-timeline>`: the overview. */
export const UserTraceTimeline = withQueryProps(
  createComponent({ tagName: 'user-trace-timeline', elementClass: UserTraceTimelineElement, react: React, events }),
  'UserTraceTimeline',
);

/** `<user-trace-stats>`: the statistics. */
export const UserTraceStats = withQueryProps(
  createComponent({ tagName: 'user-trace-stats', elementClass: UserTraceStatsElement, react: React, events }),
  'UserTraceStats',
);

/** `<user-trace-activities>`: the activity list with export. */
export const UserTraceActivities = withQueryProps(
  createComponent({ tagName: 'user-trace-activities', elementClass: UserTraceActivitiesElement, react: React, events }),
  'UserTraceActivities',
);
