/**
 * `setStyle({ width: '40%' })`: sets inline style properties through the CSSOM, on every render
 * including the first. Lit's own `styleMap` writes a `style` attribute on first render, which a
 * Content-Security-Policy without `'unsafe-inline'` for styles blocks (and reports); CSSOM
 * writes are allowed.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class SetStyle extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('setStyle() goes on an element: <span ${setStyle({…})}>');
  }

  render(_styles: Record<string, string>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    return noChange;
  }
}

export const setStyle = directive(SetStyle);
