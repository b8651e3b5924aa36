/**
 * Types shared by the JSX and Vue declarations of the raw tags (src/jsx.ts, src/vue.ts): the tags,
 * and the properties a template may set, derived from the element classes — so a property added
 * to an element or to their base class (`UserTraceElement`) appears in both without a list here.
 */
import type { LitElement } from 'lit';
import type { UserTraceEvent, UserTraceEventName } from '../elements/base/events.js';
import type { UserTraceContainerElement } from '../elements/container/container.js';
import type { UserTraceTimelineElement } from '../elements/timeline/timeline.js';
import type { UserTraceStatsElement } from '../elements/stats/stats.js';
import type { UserTraceActivitiesElement } from '../elements/activities/activities.js';

/** The public tags and their classes. */
export interface UserTraceElementTags {
  'user-trace': UserTraceContainerElement;
  'user-trace-timeline': UserTraceTimelineElement;
  'user-trace-stats': UserTraceStatsElement;
  'user-trace-activities': UserTraceActivitiesElement;
}

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
type WritableKeys<T> = { [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never> }[keyof T];
type DataKeys<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];

/** The writable, public, non-method properties of element `E` beyond those every Lit element has. */
export type UserTraceElementProperties<E> = Partial<Pick<E, Exclude<WritableKeys<E> & DataKeys<E>, keyof LitElement>>>;

/** `user-trace-change` → `userTraceChange`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

export type { UserTraceEvent, UserTraceEventName };
