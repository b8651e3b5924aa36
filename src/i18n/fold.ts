/**
 * Lower case without diacritics (every combining mark after NFD): the form the activity list's
 * text filter and the user picker compare. "Řehoř" is found by "reh".
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
