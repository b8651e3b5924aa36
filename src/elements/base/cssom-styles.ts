import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

type Styles = Readonly<Record<string, string | number | null | undefined>>;

/**
 * Like Lit's `styleMap`, but always through the CSSOM (`style.setProperty`), never by writing
 * the `style` attribute — `styleMap`'s first render writes the attribute, which a strict
 * Content-Security-Policy (`style-src` without `'unsafe-inline'`) blocks. Keys are CSS property
 * names (`left`, `margin-top`, `--custom`).
 */
class CssomStylesDirective extends Directive {
  #applied = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') {
      throw new Error('cssomStyles() belongs in a `style` attribute binding, alone.');
    }
  }

  render(_styles: Styles): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Styles]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#applied) {
      if (styles[name] === null || styles[name] === undefined) {
        style.removeProperty(name);
        this.#applied.delete(name);
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value === null || value === undefined) continue;
      style.setProperty(name, String(value));
      this.#applied.add(name);
    }
    return noChange;
  }
}

/** Inline styles set through the CSSOM, safe under a strict Content-Security-Policy. */
export const cssomStyles = directive(CssomStylesDirective);
