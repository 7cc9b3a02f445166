/**
 * A short human name for a picked element, for the author to recognise it in
 * the tour editor ("Save changes" button, not `form > div:nth-of-type(3) > button`).
 */
const MAX = 60;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat;
}

export function describeElement(el: Element): string {
  const named = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.getAttribute('alt') ?? el.getAttribute('placeholder');
  if (named?.trim()) return clip(named);
  const text = el.textContent ?? '';
  if (text.trim()) return clip(text);
  return el.localName;
}
