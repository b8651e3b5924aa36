import { svg, type SVGTemplateResult } from 'lit';
import { ACTIVITY_CATALOG, type IconShape } from '../../model/catalog.js';

/** Small static icons (no provider data inside), coloured by CSS through `currentColor`. */

const phone = svg`<path d="M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"/>`;
const envelope = svg`<path d="M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.1zm.9-.4L12 11.5 19.1 7z"/>`;
const bubble = svg`<path d="M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0-.01zm5 0a1.5 1.5 0 1 0 0-.01zm5 0a1.5 1.5 0 1 0 0-.01z"/>`;
const ticket = svg`<path d="M3 6a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v3a2.5 2.5 0 0 0 0 5v4a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-4a2.5 2.5 0 0 0 0-5zm6 1v2h2V7zm0 4v2h2v-2zm0 4v2h2v-2z"/>`;
const dot = svg`<circle cx="12" cy="12" r="6"/>`;

const SHAPES: Record<IconShape, SVGTemplateResult> = { phone, envelope, bubble, ticket };
const BY_TYPE = new Map<string, SVGTemplateResult>(ACTIVITY_CATALOG.map((k) => [k.type, SHAPES[k.icon]]));

/** The icon of an activity type (decorative: the label is next to it). */
export function typeIcon(type: string) {
  return svg`<svg class="type-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${BY_TYPE.get(type) ?? dot}</svg>`;
}

/** The eye of the "Show detail" button. */
export const eyeIcon = svg`<svg class="eye-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 5c5 0 9 4.5 10 7-1 2.5-5 7-10 7S3 14.5 2 12c1-2.5 5-7 10-7zm0 2.2A4.8 4.8 0 1 0 12 16.8 4.8 4.8 0 0 0 12 7.2zm0 2.3a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z"/></svg>`;

/** Sort direction arrows. */
export const sortIcons = {
  ascending: svg`<svg class="sort-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 6l6 8H6z"/></svg>`,
  descending: svg`<svg class="sort-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 18l-6-8h12z"/></svg>`,
  none: svg`<svg class="sort-icon idle" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 4l5 6H7zm0 16l-5-6h10z"/></svg>`,
};

