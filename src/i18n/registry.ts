import { cs } from './cs.js';
import { en } from './en.js';
import type { DeepPartial, Messages } from './messages.js';

/** Registered languages by lower-case BCP 47 tag; `en` is the fallback of everything. */
const translations = new Map<string, Messages>([
  ['en', en],
  ['cs', cs],
]);

const listeners = new Set<() => void>();

function normalizeTag(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

function primarySubtag(tag: string): string {
  return tag.split('-')[0] ?? tag;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` with `override` merged over it, recursively; neither is modified. */
function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? deepMerge(merged[key], value) : value;
  }
  return merged as T;
}

/**
 * The registered language `lang` resolves to: the exact tag, else its primary subtag
 * (`cs-CZ` → `cs`), else `en`.
 */
export function matchLang(lang: string): string {
  const tag = normalizeTag(lang);
  if (translations.has(tag)) return tag;
  const primary = primarySubtag(tag);
  return translations.has(primary) ? primary : 'en';
}

/** The messages for `lang` (`cs-CZ` → `cs`; unknown → `en`). */
export function getMessages(lang: string): Messages {
  return translations.get(matchLang(lang)) ?? en;
}

/**
 * Adds a language or overrides strings of one. The partial messages are merged over the
 * language's current messages when it is already registered (so overriding one `cs` string
 * keeps the rest of Czech), else over English. Elements on the page re-render.
 *
 * @example
 * registerTranslation('de', { common: { yes: 'Ja', no: 'Nein' } });
 */
export function registerTranslation(lang: string, messages: DeepPartial<Messages>): void {
  const tag = normalizeTag(lang);
  if (!tag) throw new RangeError('registerTranslation: the language tag is empty.');
  const base = translations.get(tag) ?? translations.get(primarySubtag(tag)) ?? en;
  translations.set(tag, deepMerge(base, messages));
  for (const listener of listeners) listener();
}

/** The registered language tags (lower case). */
export function registeredLanguages(): string[] {
  return [...translations.keys()];
}

/** Calls `listener` after every {@link registerTranslation}; returns the unsubscribe function. */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The language of `el`: the nearest non-empty `lang` attribute on it or an ancestor,
 * crossing shadow roots to their hosts, then `document.documentElement.lang`, then
 * `navigator.language`, then `en`.
 */
export function resolveLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return (
    (typeof document !== 'undefined' && document.documentElement.lang) ||
    (typeof navigator !== 'undefined' && navigator.language) ||
    'en'
  );
}
