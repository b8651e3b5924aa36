/**
 * `user-trace/vue.js`: Vue `GlobalComponents` types for the raw tags, so `vue-tsc` and Volar check
 * `<user-trace-timeline :provider="p" user-id="…" @user-trace-change="…">`. Import it once for
 * its types: `import type {} from 'user-trace/vue.js';` (and tell Vue the tags are custom
 * elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('user-trace')`).
 */
import type { DefineComponent } from 'vue';
import type { CamelCase, UserTraceElementProperties, UserTraceElementTags, UserTraceEvent, UserTraceEventName } from './types/elements.js';

/** `@user-trace-change="…"` is the prop `onUserTraceChange` to Vue's type-checker. */
export type UserTraceVueEvents = { [K in UserTraceEventName as `on${Capitalize<CamelCase<K>>}`]?: (event: UserTraceEvent<K>) => void };

/** A raw user-trace tag as a Vue component type. */
export type UserTraceVueElement<E> = DefineComponent<UserTraceElementProperties<E> & UserTraceVueEvents>;

declare module 'vue' {
  interface GlobalComponents {
    'user-trace': UserTraceVueElement<UserTraceElementTags['user-trace']>;
    'user-trace-timeline': UserTraceVueElement<UserTraceElementTags['user-trace-timeline']>;
    'user-trace-stats': UserTraceVueElement<UserTraceElementTags['user-trace-stats']>;
    'user-trace-activities': UserTraceVueElement<UserTraceElementTags['user-trace-activities']>;
  }
}
