/**
 * Defines a custom element once. A second definition of the same tag (two copies of the widget
 * on one page: the npm package and the script tag, or two versions) warns instead of throwing,
 * and the first definition stays in charge (Shoelace's habit).
 */
const warned = new Set<string>();

export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing !== element && !warned.has(tag)) {
    warned.add(tag);
    console.warn(`[interview-studio] <${tag}> is already defined by another copy of the widget; keeping the first one.`);
  }
}
