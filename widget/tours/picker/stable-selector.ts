/**
 * A CSS selector for an element the author picked on their site, meant to
 * find the same element on the next visit and the next deploy: it matches
 * ONLY that element now (checked with `querySelectorAll`), and is built from
 * what is least likely to change, in this order:
 *
 * 1. `#id`, unless the id looks generated (`:r1:`, `ember123`, uuids);
 * 2. test/tour hooks: `data-testid`, `data-test`, `data-cy`, `data-tour`, `data-parley`;
 * 3. other `data-*` with a short, stable-looking value (state attributes excluded);
 * 4. `aria-label`, and `name` on form fields;
 * 5. tag + classes, without hash-like (`css-1x2y3z`, `sc-AxjAm`) or state classes;
 * 6. any of those under the nearest ancestor that has a stable id or hook;
 * 7. last resort: a `tag:nth-of-type(n)` chain from that ancestor (or from `html`).
 *
 * The result is unique for an element of `root` (not inside a shadow root,
 * which a document selector cannot reach anyway).
 *
 * @example
 * stableSelector(button) // '[data-testid="save"]', or '#billing button.primary', or 'main > div:nth-of-type(2) > button'
 */
import { cssEscape } from './css-escape.js';
import { looksGenerated, unstableClass } from './generated-name.js';

/** Attributes put there on purpose to find elements by: most stable first. */
const HOOK_ATTRIBUTES = ['data-testid', 'data-test', 'data-cy', 'data-tour', 'data-parley'];

/** data-* attributes that describe state or layout (change while the user works) or carry framework internals. */
const UNSTABLE_DATA = /^data-(?:state|active|selected|focus|focused|focus-visible|hover|hovered|highlighted|pressed|checked|disabled|open|expanded|loading|side|align|orientation|index|key|reactid|react-[\w-]*|v-[\w-]*|styled[\w-]*|emotion|headlessui-state|radix-[\w-]*|floating-ui-[\w-]*|aria-[\w-]*|gtm-[\w-]*|ga-[\w-]*|track[\w-]*|analytics[\w-]*|timestamp|time|date|uid|uuid)$/i;

const FORM_FIELDS = new Set(['input', 'select', 'textarea', 'button', 'form', 'fieldset', 'output']);

/** How far up the tree to look for an anchoring ancestor, and how many anchors to try. */
const MAX_DEPTH = 40;
const MAX_ANCHORS = 3;
const MAX_CLASSES = 4;

export function stableSelector(el: Element, root: Document = document): string {
  const own = ownCandidates(el);
  for (const candidate of own) if (isUnique(candidate, el, root)) return candidate;

  const anchors = anchorsOf(el, root);
  for (const anchor of anchors) {
    for (const candidate of own) {
      const selector = `${anchor.selector} ${candidate}`;
      if (isUnique(selector, el, root)) return selector;
    }
  }
  return typeChain(el, anchors[0] ?? null, root);
}

/** A value fit to appear in a selector as an attribute value: short, no quotes or backslashes or control characters. */
function usableValue(value: string, max: number): boolean {
  return value.length <= max && value.trim() === value && !/["\\\u0000-\u001f\u007f]/.test(value);
}

function attributeSelector(name: string, value: string): string {
  return value === '' ? `[${name}]` : `[${name}="${value}"]`;
}

function tagOf(el: Element): string {
  return cssEscape(el.localName);
}

/** Selectors naming `el` on its own (not yet checked for uniqueness), most stable first. */
function ownCandidates(el: Element): string[] {
  const tag = tagOf(el);
  const out: string[] = [];
  if (el.id && !looksGenerated(el.id)) out.push(`#${cssEscape(el.id)}`);
  for (const name of HOOK_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null || !usableValue(value, 80) || (value !== '' && looksGenerated(value))) continue;
    out.push(attributeSelector(name, value), `${tag}${attributeSelector(name, value)}`);
  }
  for (const { name, value } of Array.from(el.attributes)) {
    if (!name.startsWith('data-') || HOOK_ATTRIBUTES.includes(name) || UNSTABLE_DATA.test(name) || looksGenerated(name.slice(5))) continue;
    if (value === '' || !usableValue(value, 40) || looksGenerated(value)) continue;
    out.push(`${tag}${attributeSelector(name, value)}`);
  }
  const label = el.getAttribute('aria-label');
  if (label && usableValue(label, 80)) out.push(`${tag}${attributeSelector('aria-label', label)}`);
  const name = el.getAttribute('name');
  if (name && FORM_FIELDS.has(el.localName) && usableValue(name, 80) && !looksGenerated(name)) out.push(`${tag}${attributeSelector('name', name)}`);
  const classes = Array.from(el.classList)
    .filter((c) => !unstableClass(c))
    .slice(0, MAX_CLASSES)
    .map((c) => `.${cssEscape(c)}`);
  for (const c of classes) out.push(`${tag}${c}`);
  // Growing combinations: .a.b, .a.b.c (singles were tried just above).
  for (let n = 2; n <= classes.length; n += 1) out.push(`${tag}${classes.slice(0, n).join('')}`);
  out.push(tag);
  return out;
}

/** Ancestors with a stable id or hook attribute that is unique on the page, nearest first. */
function anchorsOf(el: Element, root: Document): Array<{ element: Element; selector: string }> {
  const anchors: Array<{ element: Element; selector: string }> = [];
  let depth = 0;
  for (let node = el.parentElement; node && node !== root.documentElement && depth < MAX_DEPTH; node = node.parentElement, depth += 1) {
    const selector = anchorSelector(node, root);
    if (selector) anchors.push({ element: node, selector });
    if (anchors.length >= MAX_ANCHORS) break;
  }
  return anchors;
}

function anchorSelector(node: Element, root: Document): string | null {
  if (node.id && !looksGenerated(node.id)) {
    const selector = `#${cssEscape(node.id)}`;
    if (isUnique(selector, node, root)) return selector;
  }
  for (const name of HOOK_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null || value === '' || !usableValue(value, 80) || looksGenerated(value)) continue;
    const selector = attributeSelector(name, value);
    if (isUnique(selector, node, root)) return selector;
  }
  return null;
}

/** `tag` when it is the only child of its type, else `tag:nth-of-type(n)`. */
function typeStep(el: Element): string {
  const tag = tagOf(el);
  const parent = el.parentElement;
  if (!parent) return tag;
  let index = 0;
  let count = 0;
  for (const sibling of Array.from(parent.children)) {
    if (sibling.localName !== el.localName || sibling.namespaceURI !== el.namespaceURI) continue;
    count += 1;
    if (sibling === el) index = count;
  }
  return count === 1 ? tag : `${tag}:nth-of-type(${index})`;
}

/**
 * The positional path from `anchor` (or the document element) down to `el`,
 * with child combinators: each step picks exactly one child of the one
 * before, so the whole path picks exactly one element.
 */
function typeChain(el: Element, anchor: { element: Element; selector: string } | null, root: Document): string {
  if (el === root.documentElement) return tagOf(el);
  const steps: string[] = [];
  const top = anchor?.element ?? root.documentElement;
  let node: Element | null = el;
  while (node && node !== top) {
    steps.unshift(typeStep(node));
    node = node.parentElement;
  }
  const head = anchor && node === top ? anchor.selector : node ? tagOf(node) : null;
  return head ? [head, ...steps].join(' > ') : steps.join(' > ');
}

function isUnique(selector: string, el: Element, root: Document): boolean {
  try {
    const matches = root.querySelectorAll(selector);
    return matches.length === 1 && matches[0] === el;
  } catch {
    // A name our escaping did not foresee: skip it rather than fail the pick.
    return false;
  }
}
