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
  /** What this binding set last, so that an unchanged value is not written (and restyled) again. */
  #applied = new Map<string, string>();

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
    for (const name of this.#applied.keys()) {
      if (styles[name] == null) {
        style.removeProperty(name);
        this.#applied.delete(name);
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value == null || this.#applied.get(name) === String(value)) continue;
      style.setProperty(name, String(value));
      this.#applied.set(name, String(value));
    }
    return noChange;
  }
}

/** Inline styles set through the CSSOM, safe under a strict Content-Security-Policy. */
export const cssomStyles = directive(CssomStylesDirective);
