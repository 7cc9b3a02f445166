/**
 * Tree → rule: what the rule builder's rows say, as the JSON rule of
 * DESIGN.md §4. Best effort: values converted by their type, a bad number left
 * as NaN for the checker (`rule-check.ts`) to name before anything is sent.
 */
import type { Rule, TraitValue } from '../../protocol/index.js';
import type { AttributeNode, ConditionNode, RuleNode, ValueType } from './rule-tree.js';

/** The rule a node (and everything under it) says. */
export function treeToRule(node: RuleNode): Rule {
  if (node.kind === 'group') {
    const children = node.children.map(treeToRule);
    const group: Rule = node.mode === 'all' ? { all: children } : { any: children };
    return node.negated ? { not: group } : group;
  }
  return conditionToRule(node);
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function typedValue(text: string, type: ValueType): TraitValue {
  if (type === 'number') return text.trim() === '' ? Number.NaN : Number(text.trim());
  if (type === 'boolean') return text === 'true';
  return text;
}

const numberOrNaN = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export function conditionToRule(node: ConditionNode): Rule {
  switch (node.kind) {
    case 'attribute':
      return attributeRule(node);
    case 'event': {
      const head = { event: node.event.trim(), ...(node.within.trim() ? { within: node.within.trim() } : {}), ...(node.where ? { where: node.where } : {}) };
      if (node.op === 'count_gte' || node.op === 'count_lte') return { ...head, op: node.op, value: numberOrNaN(node.count) };
      if (node.op === 'never') return { ...head, op: 'never' };
      return { ...head, op: node.op, within: node.within.trim() };
    }
    case 'page':
      return { page: { op: node.op, value: node.value.trim() } };
    case 'time_on_page':
      return {
        time_on_page_s: { ...(node.gte.trim() ? { gte: numberOrNaN(node.gte) } : {}), ...(node.lte.trim() ? { lte: numberOrNaN(node.lte) } : {}) },
      };
    case 'facet': {
      const condition = node.op === 'in' || node.op === 'nin' ? { op: node.op, value: splitList(node.value) } : { op: node.op, value: node.value.trim() };
      return { [node.facet]: condition } as Rule;
    }
    case 'segment':
      return { segment: node.segment };
    case 'raw':
      // Unparseable JSON can't be a rule; the checker reports it before anything is sent.
      try {
        return JSON.parse(node.json) as Rule;
      } catch {
        return { all: [] };
      }
  }
}

function attributeRule(node: AttributeNode): Rule {
  const attr = node.attr.trim();
  switch (node.op) {
    case 'exists':
    case 'not_exists':
      return { attr, op: node.op };
    case 'eq':
    case 'neq':
      return { attr, op: node.op, value: typedValue(node.value, node.valueType) };
    case 'in':
    case 'nin':
      return { attr, op: node.op, value: splitList(node.value).map((v) => typedValue(v, node.valueType)) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { attr, op: node.op, value: numberOrNaN(node.value) };
    default:
      return { attr, op: node.op, value: node.op === 'before' || node.op === 'after' ? node.value.trim() : node.value };
  }
}
