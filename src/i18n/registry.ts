import { en } from './en.js';
import type { DeepPartial, Messages } from './messages.js';

/** Registered languages by lower-case BCP 47 tag; `en` is the fallback of everything. */
const translations = new Map<string, Messages>([['en', en]]);

/**
 * Built-in languages other than English load on first use: their module calls
 * {@link provideTranslation} when it runs. Elements wait for it before rendering in that
 * language (see `LocalizeController.ready()`), so nothing shows in English first.
 */
const builtIn: Record<string, () => Promise<unknown>> = {
  cs: () => import('./cs.js'),
};
const loading = new Map<string, Promise<void>>();
/** Registrations waiting for the built-in language they are merged over, in order. */
let queued: [tag: string, messages: DeepPartial<Messages>][] = [];

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
  if (isKnown(tag)) return tag;
  const primary = primarySubtag(tag);
  return isKnown(primary) ? primary : 'en';
}

function isKnown(tag: string): boolean {
  return translations.has(tag) || Object.hasOwn(builtIn, tag) || queued.some(([queuedTag]) => queuedTag === tag);
}

/** The built-in language a registered-but-not-loaded `tag` waits for, if any. */
function missingBuiltIn(tag: string): string | undefined {
  if (translations.has(tag)) return undefined;
  if (Object.hasOwn(builtIn, tag)) return tag;
  const primary = primarySubtag(tag);
  return !translations.has(primary) && Object.hasOwn(builtIn, primary) ? primary : undefined;
}

/**
 * The messages for `lang` (`cs-CZ` → `cs`; unknown → `en`). A built-in language that has not
 * loaded yet gives English and starts loading; {@link loadTranslation} waits for it.
 */
export function getMessages(lang: string): Messages {
  const tag = matchLang(lang);
  const messages = translations.get(tag);
  if (messages) return messages;
  void loadTranslation(tag);
  return en;
}

/**
 * `undefined` when the messages `lang` resolves to are available now, else a promise that
 * settles once they are (a built-in language loading on demand). Never rejects: a failed load
 * leaves English.
 */
export function loadTranslation(lang: string): Promise<void> | undefined {
  const missing = missingBuiltIn(matchLang(lang));
  if (!missing) return undefined;
  let promise = loading.get(missing);
  if (!promise) {
    promise = builtIn[missing]!().then(
      () => undefined,
      () => {
        loading.delete(missing);
      },
    );
    loading.set(missing, promise);
  }
  return promise;
}

/** @internal called by a built-in language module when it loads. */
export function provideTranslation(lang: string, messages: Messages): void {
  const tag = normalizeTag(lang);
  if (translations.has(tag)) return;
  translations.set(tag, messages);
  // Replay, in order, the registrations that waited for this language.
  const waiting = queued;
  queued = [];
  for (const [queuedTag, partial] of waiting) register(queuedTag, partial);
  for (const listener of listeners) listener();
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
  register(tag, messages);
  for (const listener of listeners) listener();
}

function register(tag: string, messages: DeepPartial<Messages>): void {
  if (missingBuiltIn(tag) || queued.some(([queuedTag]) => queuedTag === tag)) {
    // Merged over a built-in language that has not loaded yet: applied when it has.
    queued.push([tag, messages]);
    void loadTranslation(tag);
  } else {
    const base = translations.get(tag) ?? translations.get(primarySubtag(tag)) ?? en;
    translations.set(tag, deepMerge(base, messages));
  }
}

/** The registered language tags (lower case). */
export function registeredLanguages(): string[] {
  return [...new Set([...translations.keys(), ...Object.keys(builtIn), ...queued.map(([tag]) => tag)])];
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
