/**
 * The list edits every ordered editor list shares (a survey's questions, a
 * series' steps, a tour's steps): items carry a `key` for the form (stable
 * across moves, never sent) and an `id` the server keeps.
 */

/** Moves the item with `key` one place up (-1) or down (+1); no change at either end. */
export function moveByKey<T extends { key: number }>(items: readonly T[], key: number, delta: -1 | 1): T[] {
  const from = items.findIndex((item) => item.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** `${prefix}1`, `${prefix}2`…: the first number no item uses (ids must be unique within their list). */
export function firstFreeId(items: readonly { id: string }[], prefix: string): string {
  const used = new Set(items.map((item) => item.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
