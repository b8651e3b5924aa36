import type { CSSResult } from 'lit';

/** Adds `styles` to a shadow root once: the styles of a part whose code loads on demand. */
export function adoptStyles(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  const shadow = root as ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !shadow.adoptedStyleSheets || shadow.adoptedStyleSheets.includes(sheet)) return;
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
