/**
 * `user-trace/jsx.js`: JSX types for the raw tags in React 19 (`<user-trace-timeline>` without
 * the wrappers of `user-trace/react.js`). Import it once for its types:
 * `import type {} from 'user-trace/jsx.js';`. React 19 sets the properties of a custom element
 * (`provider`, `userId`, `theme`, …) and listens to `on<event-name>` props (`onuser-trace-change`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { UserTraceElementProperties, UserTraceElementTags, UserTraceEvent, UserTraceEventName } from './types/elements.js';

/** `onuser-trace-change={(event) => …}`: React 19's listener props for custom elements. */
export type UserTraceJsxEvents = { [K in UserTraceEventName as `on${K}`]?: (event: UserTraceEvent<K>) => void };

/** The props of a raw user-trace tag in JSX. */
export type UserTraceJsxElement<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> & UserTraceElementProperties<E> & UserTraceJsxEvents;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'user-trace': UserTraceJsxElement<UserTraceElementTags['user-trace']>;
      'user-trace-timeline': UserTraceJsxElement<UserTraceElementTags['user-trace-timeline']>;
      'user-trace-stats': UserTraceJsxElement<UserTraceElementTags['user-trace-stats']>;
      'user-trace-activities': UserTraceJsxElement<UserTraceElementTags['user-trace-activities']>;
    }
  }
}
