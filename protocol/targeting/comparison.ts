/**
 * One comparison (`{ op, value }`) against one trait or event property.
 *
 * A missing value (absent or `null`) is a *known* absence, not "unknown": the
 * profile is the full record. So positive ops (`eq`, `in`, `contains`, `gt`,
 * `before`, `exists`, …) are false on it and their negations (`neq`, `nin`,
 * `not_contains`, `not_exists`) true. Each negative op is exactly the negation
 * of its positive twin, including on type mismatches (`not_contains` on a
 * number is true), so `{ attr, op: 'neq' }` ≡ `{ not: { attr, op: 'eq' } }`.
 * The price: `gt 10` and `lte 10` are both false on a string.
 *
 * `eq`/`in` are exact (ids, plan names); the text ops are case-insensitive
 * (emails, names, free text).
 */
import type { Comparison, TraitValue } from './rule.js';
import { resolveRuleDate, traitTimestamp } from './time-values.js';

function isAbsent(value: TraitValue | undefined): value is null | undefined {
  return value === undefined || value === null;
}

function textOp(op: 'contains' | 'starts_with' | 'ends_with', actual: TraitValue | undefined, expected: string): boolean {
  if (typeof actual !== 'string') return false;
  const a = actual.toLowerCase();
  const e = expected.toLowerCase();
  return op === 'contains' ? a.includes(e) : op === 'starts_with' ? a.startsWith(e) : a.endsWith(e);
}

function equals(actual: TraitValue | undefined, expected: TraitValue): boolean {
  // `eq null` asks "is it unset?", so it matches absent values too.
  return expected === null ? isAbsent(actual) : actual === expected;
}

export function compareValue(condition: Comparison, actual: TraitValue | undefined, now: number): boolean {
  switch (condition.op) {
    case 'eq':
      return equals(actual, condition.value);
    case 'neq':
      return !equals(actual, condition.value);
    case 'in':
      return condition.value.some((v) => equals(actual, v));
    case 'nin':
      return !condition.value.some((v) => equals(actual, v));
    case 'contains':
    case 'starts_with':
    case 'ends_with':
      return textOp(condition.op, actual, condition.value);
    case 'not_contains':
      return !textOp('contains', actual, condition.value);
    case 'gt':
      return typeof actual === 'number' && actual > condition.value;
    case 'gte':
      return typeof actual === 'number' && actual >= condition.value;
    case 'lt':
      return typeof actual === 'number' && actual < condition.value;
    case 'lte':
      return typeof actual === 'number' && actual <= condition.value;
    case 'exists':
      return !isAbsent(actual);
    case 'not_exists':
      return isAbsent(actual);
    case 'before':
    case 'after': {
      const at = traitTimestamp(actual);
      const bound = resolveRuleDate(condition.value, now);
      if (at === null || bound === null) return false;
      return condition.op === 'before' ? at < bound : at > bound;
    }
  }
}
