/**
 * The rule builder's model: a targeting rule (DESIGN.md §4) as an editable
 * tree of groups and condition rows, with values as typed (strings), and back.
 * Free of DOM and network. Every node has a stable `key` so editing one row
 * never moves focus or text into another, and so errors can point at a row.
 *
 * A rule the rows cannot show without losing something (a list value with a
 * comma in it, a mixed-type list) becomes a `raw` row edited as JSON: nothing
 * an admin wrote by hand is silently rewritten.
 *
 * The way back is `tree-to-rule.ts`, edits are `rule-tree-edits.ts`, checks `rule-check.ts`.
 */
import type { AttributeOp, EventRule, EventRuleOp, PAGE_OPS, Rule, TraitValue } from '../../protocol/index.js';

export type PageOp = (typeof PAGE_OPS)[number];
/** How eq/neq/in/nin values are typed: `eq 12` and `eq "12"` are different rules. */
export type ValueType = 'text' | 'number' | 'boolean';
export const FACETS = ['locale', 'device', 'browser', 'country'] as const;
export type Facet = (typeof FACETS)[number];
export const FACET_OPS = ['eq', 'neq', 'in', 'nin'] as const;
export type FacetOp = (typeof FACET_OPS)[number];
export const EVENT_OPS = ['count_gte', 'count_lte', 'never', 'last_within', 'first_within'] as const satisfies readonly EventRuleOp[];
type EventWhere = EventRule['where'];

export interface GroupNode {
  key: number;
  kind: 'group';
  mode: 'all' | 'any';
  negated: boolean;
  children: RuleNode[];
}
export interface AttributeNode {
  key: number;
  kind: 'attribute';
  attr: string;
  op: AttributeOp;
  valueType: ValueType;
  /** One value, or a comma-separated list for in/nin. */
  value: string;
}
export interface EventNode {
  key: number;
  kind: 'event';
  event: string;
  op: EventRuleOp;
  count: string;
  /** A window such as "7d"; optional for counts and "never". */
  within: string;
  /** Property filters the rows don't edit, kept as they were. */
  where: EventWhere;
}
export interface PageNode {
  key: number;
  kind: 'page';
  op: PageOp;
  value: string;
}
export interface TimeOnPageNode {
  key: number;
  kind: 'time_on_page';
  gte: string;
  lte: string;
}
export interface FacetNode {
  key: number;
  kind: 'facet';
  facet: Facet;
  op: FacetOp;
  value: string;
}
export interface SegmentNode {
  key: number;
  kind: 'segment';
  segment: string;
}
export interface RawNode {
  key: number;
  kind: 'raw';
  json: string;
}
export type ConditionNode = AttributeNode | EventNode | PageNode | TimeOnPageNode | FacetNode | SegmentNode | RawNode;
export type RuleNode = GroupNode | ConditionNode;

/** What the "Condition" select of a row offers (a facet row is one per facet). */
export const ROW_TYPES = ['attribute', 'event', 'page', 'time_on_page', 'locale', 'device', 'browser', 'country', 'segment'] as const;
export type RowType = (typeof ROW_TYPES)[number];

let lastKey = 0;
export function nextKey(): number {
  lastKey += 1;
  return lastKey;
}

export function emptyGroup(mode: 'all' | 'any' = 'all'): GroupNode {
  return { key: nextKey(), kind: 'group', mode, negated: false, children: [] };
}

export function newCondition(type: RowType): ConditionNode {
  const key = nextKey();
  switch (type) {
    case 'attribute':
      return { key, kind: 'attribute', attr: '', op: 'eq', valueType: 'text', value: '' };
    case 'event':
      return { key, kind: 'event', event: '', op: 'count_gte', count: '1', within: '', where: undefined };
    case 'page':
      return { key, kind: 'page', op: 'glob', value: '' };
    case 'time_on_page':
      return { key, kind: 'time_on_page', gte: '30', lte: '' };
    case 'segment':
      return { key, kind: 'segment', segment: '' };
    default:
      return { key, kind: 'facet', facet: type, op: 'eq', value: '' };
  }
}

export function rowTypeOf(node: ConditionNode): RowType | 'raw' {
  return node.kind === 'facet' ? node.facet : node.kind;
}

// ---- rule → tree ----

/** The root is always a group; a lone condition becomes a group of one. */
export function ruleToTree(rule: Rule | null | undefined): GroupNode {
  if (!rule) return emptyGroup();
  const node = toNode(rule);
  return node.kind === 'group' ? node : { ...emptyGroup(), children: [node] };
}

function toNode(rule: Rule): RuleNode {
  if ('all' in rule) return { key: nextKey(), kind: 'group', mode: 'all', negated: false, children: rule.all.map(toNode) };
  if ('any' in rule) return { key: nextKey(), kind: 'group', mode: 'any', negated: false, children: rule.any.map(toNode) };
  if ('not' in rule) {
    const inner = toNode(rule.not);
    // `not` of a group is that group negated; of anything else, a negated group of one.
    if (inner.kind === 'group' && !inner.negated) return { ...inner, negated: true };
    return { key: nextKey(), kind: 'group', mode: 'all', negated: true, children: [inner] };
  }
  return toCondition(rule) ?? { key: nextKey(), kind: 'raw', json: JSON.stringify(rule, null, 2) };
}

function toCondition(rule: Exclude<Rule, { all: Rule[] } | { any: Rule[] } | { not: Rule }>): ConditionNode | null {
  const key = nextKey();
  if ('attr' in rule) {
    if (!('value' in rule)) return { key, kind: 'attribute', attr: rule.attr, op: rule.op, valueType: 'text', value: '' };
    // `eq null` asks "is it unset?": the same as not_exists (see comparison.ts).
    if ((rule.op === 'eq' || rule.op === 'neq') && rule.value === null) {
      return { key, kind: 'attribute', attr: rule.attr, op: rule.op === 'eq' ? 'not_exists' : 'exists', valueType: 'text', value: '' };
    }
    const list = Array.isArray(rule.value);
    const typed = typedText(Array.isArray(rule.value) ? rule.value : [rule.value], list);
    if (!typed) return null;
    return { key, kind: 'attribute', attr: rule.attr, op: rule.op, ...typed };
  }
  if ('event' in rule) {
    return {
      key,
      kind: 'event',
      event: rule.event,
      op: rule.op,
      count: rule.op === 'count_gte' || rule.op === 'count_lte' ? String(rule.value) : '1',
      within: rule.within ?? '',
      where: rule.where,
    };
  }
  if ('page' in rule) return { key, kind: 'page', op: rule.page.op, value: rule.page.value };
  if ('time_on_page_s' in rule) {
    const t = rule.time_on_page_s;
    return { key, kind: 'time_on_page', gte: t.gte === undefined ? '' : String(t.gte), lte: t.lte === undefined ? '' : String(t.lte) };
  }
  if ('segment' in rule) return { key, kind: 'segment', segment: rule.segment };
  for (const facet of FACETS) {
    if (facet in rule) {
      const condition = (rule as Record<Facet, { op: FacetOp; value: string | string[] }>)[facet];
      const list = Array.isArray(condition.value);
      const typed = typedText(list ? (condition.value as string[]) : [condition.value as string], list);
      return typed ? { key, kind: 'facet', facet, op: condition.op, value: typed.value } : null;
    }
  }
  return null;
}

/** Values as one text and their type; null when a list can't be written comma-separated without loss. */
function typedText(values: readonly TraitValue[], list: boolean): { valueType: ValueType; value: string } | null {
  const kinds = new Set(values.map((v) => typeof v));
  if (kinds.size > 1 || values.includes(null)) return null;
  const valueType: ValueType = kinds.has('number') ? 'number' : kinds.has('boolean') ? 'boolean' : 'text';
  const texts = values.map(String);
  if (list && texts.some((t) => t.includes(',') || t.trim() !== t || t === '')) return null;
  return { valueType, value: list ? texts.join(', ') : texts[0] };
}
