/**
 * Whether an id, class or attribute value was made by a tool rather than a
 * person, and so will change on the next build, render or visit. A selector
 * built on one breaks silently (the tour step then never finds its element),
 * so the picker avoids them, accepting a few false alarms (a real name that
 * merely looks random) for the price of a longer selector.
 */

/** Library prefixes followed by a counter: ember123, ext-gen45, yui_3_1, mui-7, radix-:r2:, headlessui-menu-button-1, react-select-3-input. */
const COUNTER_PREFIX = /^(?:ember|ext-gen|ext-comp|yui_|gwt-|j_idt?|mui-|radix-|headlessui-|react-select-|downshift-|rc-|tippy-|react-aria|__next|cdk-|mat-|ng-)[\w-]*\d/i;

/** CSS-in-JS and scoped-style class names: css-1x2y3z (emotion), sc-AxjAm (styled-components), jsx-123, svelte-1abc, makeStyles-root-12, jss12. */
const GENERATED_CLASS_PREFIX = /^(?:css-|sc-|jsx-|svelte-|emotion-|styled-|makeStyles-|jss\d)/;

/** Classes that say what state an element is in, which changes while the user works: not a name of the element. */
const STATE_CLASS = /^(?:(?:is|has)-[\w-]+|active|selected|current|open|opened|closed|expanded|collapsed|show|shown|visible|hidden|hover|focus|focused|disabled|checked|loading|in|fade)$/i;

/** A token segment that reads like a hash: letters and ≥2 digits interleaved (1x2y3z, 3xk2), or mixed case that is not camelCase (AxjAm, bZkAaQ). */
function hashLike(segment: string): boolean {
  if (segment.length < 4) return false;
  const digits = segment.replace(/\D/g, '').length;
  if (digits >= 2 && /\d[a-z]/i.test(segment)) return true;
  if (segment.length < 5 || !/[A-Z]/.test(segment.slice(1)) || !/[a-z]/.test(segment)) return false;
  // camelCase / PascalCase words (navItem, NavBar, btnPrimaryLarge) and ACRONYMS are names; anything else mixed is noise.
  return !/^[A-Za-z][a-z]+(?:[A-Z][a-z]{2,})*$|^[A-Z]+$/.test(segment);
}

/** True for ids and attribute values a tool generated (counters, React ids, uuids, hashes). */
export function looksGenerated(token: string): boolean {
  if (token.length === 0 || token.length > 64) return true;
  if (/\d{3,}/.test(token)) return true; // counters and timestamps
  if (/[:«»]/.test(token)) return true; // React useId: `:r1:`, `«r1»`
  if (COUNTER_PREFIX.test(token)) return true;
  if (/[0-9a-f]{8}-?[0-9a-f]{4}/i.test(token)) return true; // uuid-ish
  if (/^_(?=[A-Za-z]*\d)[A-Za-z0-9]{3,7}$/.test(token)) return true; // CSS modules' short hashes: _3xk2
  return token.split(/[-_]+/).some(hashLike);
}

/** True for classes not to build a selector on: generated ones, and state classes. */
export function unstableClass(name: string): boolean {
  return GENERATED_CLASS_PREFIX.test(name) || STATE_CLASS.test(name) || looksGenerated(name);
}
