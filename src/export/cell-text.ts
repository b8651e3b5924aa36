/**
 * Provider text on its way into a file (PDF, Excel): what the viewer saw in the list, nothing a
 * spreadsheet or a PDF viewer could act on or silently lose.
 *
 * - Control characters are replaced visibly, not dropped. In Excel, C0 controls and DEL become
 *   their symbol of the Control Pictures block (U+0007 → ␇, tab → ␉, line feed → ␊, DEL → ␡);
 *   C1 controls, lone surrogates, the non-characters U+FFFE / U+FFFF (which XML cannot hold) and
 *   U+FFFD itself (which write-excel-file deletes) become ␦ (U+2426). In the PDF every one of them
 *   becomes U+FFFD: the embedded DejaVu Sans has no Control Pictures, and jspdf silently drops a
 *   character without a glyph.
 * - Text that a spreadsheet would take for a formula when a user edits the cell — it starts with
 *   `=`, `+`, `-` or `@` (after any spaces), or started with a tab or CR — is marked, so that the
 *   Excel writer can store it as text that stays text (see `xlsx.ts`).
 */

// Built from code points so that this file holds no control characters itself.
const UNSAFE = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\ufffd-\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]', 'g');
const FORMULA_START = /^[ ]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const CONTROL_START = /^[\t\r\n]/;

/** ␦, SYMBOL FOR SUBSTITUTE FORM TWO: no writer deletes it. */
const SUBSTITUTE = '\u2426';
const REPLACEMENT = '\ufffd';

/** How {@link visibleText} shows a control character: see the module comment. */
export type ControlSymbols = 'control-pictures' | 'replacement-character';

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code <= 0x1f) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return SUBSTITUTE;
}

/** `text` with every control character (and anything XML cannot hold) replaced by a visible symbol. */
export function visibleText(text: string, symbols: ControlSymbols = 'control-pictures'): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return symbols === 'control-pictures' ? text.replace(UNSAFE, picture) : text.replace(UNSAFE, REPLACEMENT);
}

/**
 * Whether a spreadsheet would read `text` (as provided, before {@link visibleText}) as a formula
 * once a user edits its cell: a leading `=`, `+`, `-`, `@` (also their full-width forms, which
 * some spreadsheets accept), optionally after spaces, or a leading tab / CR / LF.
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || CONTROL_START.test(text);
}
