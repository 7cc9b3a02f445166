/** Adds a stylesheet to the widget's shadow root once per root, however many components ask for it. */
const added = new WeakMap<(css: string) => void, Set<string>>();

export function addStylesOnce(addStyles: (css: string) => void, css: string): void {
  const sheets = added.get(addStyles) ?? new Set<string>();
  added.set(addStyles, sheets);
  if (sheets.has(css)) return;
  sheets.add(css);
  addStyles(css);
}
