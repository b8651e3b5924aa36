import { unsafeCSS } from 'lit';
import { ACTIVITY_CATALOG, COLOUR_KEYS, OTHER_KIND, STATUS_COLOURS } from '../../model/catalog.js';

// Generated from the catalogue (our own constants, never provider data); a module of its own, as
// the build minifies the CSS of every other styles module.

/** A colour token per activity type of the catalogue (our own constants, no provider data). */
export const colourTokens = unsafeCSS(
  [...ACTIVITY_CATALOG, OTHER_KIND].map((k) => `--_c-${k.type}: var(--user-trace-color-${k.type}, light-dark(${k.light}, ${k.dark}));`).join('\n'),
);

/** `data-kind="<type>"` on any element gives it `--_kind`, its type's colour. */
export const kindRules = unsafeCSS(COLOUR_KEYS.map((k) => `[data-kind='${k}'] { --_kind: var(--_c-${k}); }`).join('\n'));


/** The Status lane's colour tokens, from the catalogue. */
export const statusTokens = unsafeCSS(STATUS_COLOURS.map((k) => `--_status-${k.key}: var(--user-trace-status-${k.key}, light-dark(${k.light}, ${k.dark}));`).join('\n'));
