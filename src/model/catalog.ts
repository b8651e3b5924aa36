/**
 * The activity catalogue: every activity type the library knows, with its overview lane, its
 * colour and its icon. Lanes, legend, colour probes, bin counts, per-type CSS, the statistics'
 * per-type groups and the icons derive from this one list (docs/architecture.md, "Adding a
 * lane, a channel…"). Pure data: no DOM.
 */

/** The icon shapes of src/elements/activities/icons.ts. */
export type IconShape = 'phone' | 'envelope' | 'bubble' | 'ticket';

export interface ActivityKind {
  readonly type: string;
  /** The overview lane it is drawn in. `chat` lanes are the chat channels of the statistics. */
  readonly lane: 'call' | 'email' | 'chat' | 'ticket';
  /** Default colour (`--user-trace-color-<type>` overrides it), light and dark. */
  readonly light: string;
  readonly dark: string;
  readonly icon: IconShape;
  /** Drawn over the colour where kinds share a lane, so they differ by more than hue (and in forced colours). */
  readonly pattern?: FillPattern;
}

/** The fill patterns of the timeline: status kinds and chat channels differ by these as well as by colour. */
export type FillPattern = 'diagonal' | 'cross' | 'dots' | 'vertical' | 'horizontal';

/** In the order the product shows them: legend, statistics, filters. */
export const ACTIVITY_CATALOG = [
  { type: 'call', lane: 'call', light: '#1c6fd1', dark: '#5ea3ff', icon: 'phone' },
  { type: 'email', lane: 'email', light: '#b0226a', dark: '#f277b4', icon: 'envelope' },
  { type: 'sms', lane: 'chat', light: '#d9480f', dark: '#ff9450', icon: 'bubble' },
  { type: 'web', lane: 'chat', light: '#0b7d8c', dark: '#3cc9d9', icon: 'bubble', pattern: 'diagonal' },
  { type: 'messenger', lane: 'chat', light: '#5f3dc4', dark: '#a48bff', icon: 'bubble', pattern: 'cross' },
  { type: 'whatsapp', lane: 'chat', light: '#2b8a3e', dark: '#5fd47a', icon: 'bubble', pattern: 'dots' },
  { type: 'viber', lane: 'chat', light: '#9c36b5', dark: '#e08cf2', icon: 'bubble', pattern: 'vertical' },
  { type: 'ticket', lane: 'ticket', light: '#9a6b00', dark: '#f0bd3c', icon: 'ticket' },
] as const satisfies readonly ActivityKind[];

type Catalog = typeof ACTIVITY_CATALOG;
export type KnownActivityType = Catalog[number]['type'];
export type ChatChannel = Extract<Catalog[number], { lane: 'chat' }>['type'];

/** Overview lanes of the timeline, top to bottom; `other` holds activity types the library does not know. */
export const ACTIVITY_LANES = ['call', 'email', 'chat', 'ticket', 'other'] as const;
export type ActivityLane = (typeof ACTIVITY_LANES)[number];

/**
 * The Status lane's colours (`--user-trace-status-<key>` overrides them), light and dark: each at
 * least 3:1 against the logged-out lane and the surface (test/elements/contrast.test.ts).
 */
export const STATUS_COLOURS = [
  { key: 'logged-out', light: '#e9ecf1', dark: '#2a2d34' },
  { key: 'ready', light: '#2b8a3e', dark: '#3fb35a' },
  { key: 'paused-paid', light: '#a66700', dark: '#d9a21b' },
  { key: 'paused-unpaid', light: '#c92a2a', dark: '#ff6b6b' },
] as const;

/** The colour of types the library does not know. */
export const OTHER_KIND = { type: 'other', light: '#6b7280', dark: '#9ca3af' } as const;

export const KNOWN_ACTIVITY_TYPES = ACTIVITY_CATALOG.map((k) => k.type) as readonly KnownActivityType[];

/** The chat channels, in the order the product shows them. */
export const CHAT_CHANNELS = ACTIVITY_CATALOG.filter((k) => k.lane === 'chat').map((k) => k.type) as readonly ChatChannel[];

/** Colour classes: one per known type, then `other` — the order of the canvas palette and the probes. */
export const COLOUR_KEYS = [...KNOWN_ACTIVITY_TYPES, OTHER_KIND.type] as const;
export type ColourKey = KnownActivityType | 'other';
export const OTHER_COLOUR = COLOUR_KEYS.length - 1;

/** The pattern of each colour class (in `COLOUR_KEYS` order), or null for a plain fill. */
export const COLOUR_PATTERNS: readonly (FillPattern | null)[] = [...ACTIVITY_CATALOG.map((k: ActivityKind) => k.pattern ?? null), null];

const KIND_BY_TYPE = new Map<string, { index: number; lane: ActivityLane }>(
  ACTIVITY_CATALOG.map((k, index) => [k.type, { index, lane: k.lane }]),
);

/** Whether `type` is one the catalogue knows. */
export function isKnownType(type: string): type is KnownActivityType {
  return KIND_BY_TYPE.has(type);
}

/** Which overview lane an activity type is drawn in. Unknown types go to `other`. */
export function laneOf(type: string): ActivityLane {
  return KIND_BY_TYPE.get(type)?.lane ?? 'other';
}

/** The colour class of an activity type (its position in {@link COLOUR_KEYS}); unknown types are `other`. */
export function colourOf(type: string): number {
  return KIND_BY_TYPE.get(type)?.index ?? OTHER_COLOUR;
}

/** The colour classes drawn in one lane (the chat lane holds every channel). */
export function coloursOfLane(lane: ActivityLane): number[] {
  if (lane === 'other') return [OTHER_COLOUR];
  return ACTIVITY_CATALOG.flatMap((k, index) => (k.lane === lane ? [index] : []));
}
