import { describe, expect, it } from 'vitest';
import type { Rule } from '../../protocol/index.js';
import { compileRuleDraft, compileTree, keyAtPath, ruleDraftFrom, toggleJsonMode } from './rule-check.js';
import { appendChild, removeNode, replaceNode } from './rule-tree-edits.js';
import { treeToRule } from './tree-to-rule.js';
import {
  emptyGroup,
  newCondition,
  ruleToTree,
  type AttributeNode,
  type EventNode,
  type PageNode,
  type GroupNode,
} from './rule-tree.js';

/** Keys are fresh on every conversion; compare shapes. */
function roundTrip(rule: Rule): Rule {
  return treeToRule(ruleToTree(rule));
}

describe('rule ↔ tree', () => {
  it('round-trips every kind of condition, nested groups and negation', () => {
    const rule: Rule = {
      all: [
        { attr: 'plan', op: 'in', value: ['pro', 'team'] },
        { attr: 'seats', op: 'gte', value: 5 },
        { attr: 'beta', op: 'eq', value: true },
        { attr: 'zip', op: 'eq', value: '01234' },
        { attr: 'tier', op: 'nin', value: [1, 2] },
        { attr: 'email', op: 'exists' },
        { attr: 'signed_up', op: 'before', value: '-7d' },
        { event: 'payment_failed', op: 'last_within', within: '7d' },
        { event: 'login', op: 'count_gte', value: 3, within: '30d', where: { source: { op: 'eq', value: 'ios' } } },
        { event: 'upgrade', op: 'never' },
        { page: { op: 'glob', value: '/billing/*' } },
        { time_on_page_s: { gte: 30 } },
        { locale: { op: 'in', value: ['en', 'fr'] } },
        { device: { op: 'eq', value: 'mobile' } },
        { browser: { op: 'neq', value: 'safari' } },
        { country: { op: 'eq', value: 'FR' } },
        { segment: 'seg_1' },
        { not: { any: [{ attr: 'plan', op: 'eq', value: 'free' }, { segment: 'seg_2' }] } },
      ],
    };
    expect(roundTrip(rule)).toEqual(rule);
    expect(compileTree(ruleToTree(rule))).toEqual({ ok: true, rule });
  });

  it('keeps the group form: a lone condition becomes a group, not-of-a-condition a negated group of one', () => {
    expect(roundTrip({ attr: 'plan', op: 'eq', value: 'pro' })).toEqual({ all: [{ attr: 'plan', op: 'eq', value: 'pro' }] });
    expect(roundTrip({ all: [{ not: { segment: 's' } }] })).toEqual({ all: [{ not: { all: [{ segment: 's' }] } }] });
    const tree = ruleToTree({ not: { any: [] } });
    expect(tree).toMatchObject({ kind: 'group', mode: 'any', negated: true, children: [] });
    expect(ruleToTree(null)).toMatchObject({ kind: 'group', mode: 'all', negated: false, children: [] });
  });

  it('reads eq null as "is not set" and types values', () => {
    const tree = ruleToTree({ all: [{ attr: 'x', op: 'eq', value: null }, { attr: 'n', op: 'in', value: [1, 2] }] });
    expect(tree.children[0]).toMatchObject({ kind: 'attribute', op: 'not_exists' });
    expect(tree.children[1]).toMatchObject({ kind: 'attribute', op: 'in', valueType: 'number', value: '1, 2' });
  });

  it('keeps as JSON what the rows cannot show without loss', () => {
    const odd: Rule = { attr: 'tag', op: 'in', value: ['a,b', 'c'] };
    const mixed: Rule = { attr: 'tag', op: 'in', value: ['a', 1] };
    const tree = ruleToTree({ all: [odd, mixed] });
    expect(tree.children.map((c) => c.kind)).toEqual(['raw', 'raw']);
    expect(treeToRule(tree)).toEqual({ all: [odd, mixed] });
  });
});

describe('checking a tree', () => {
  it('names each row’s problem, keyed by the row', () => {
    const attr = { ...(newCondition('attribute') as AttributeNode), attr: 'seats', op: 'gt' as const, value: 'many' };
    const event = newCondition('event');
    const page = newCondition('page');
    const country = { ...newCondition('country'), value: 'France' };
    const segment = newCondition('segment');
    const root: GroupNode = { ...emptyGroup(), children: [attr, event, page, country, segment] };
    const result = compileTree(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.get(attr.key)).toBe('Enter a number.');
    expect(result.errors.get(event.key)).toBe('Name the event.');
    expect(result.errors.get(page.key)).toBe('Enter a page URL or pattern.');
    expect(result.errors.get(country.key)).toBe('Use two-letter country codes such as FR or US.');
    expect(result.errors.get(segment.key)).toBe('Choose a segment.');
  });

  it('passes on schema problems the rows can’t foresee (a dangerous regex, a bad window)', () => {
    const page: PageNode = { ...(newCondition('page') as PageNode), op: 'regex', value: '(a+)+$' };
    const event: EventNode = { ...(newCondition('event') as EventNode), event: 'x', op: 'last_within', within: '7 days' };
    const result = compileTree({ ...emptyGroup(), children: [page, event] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.get(page.key)).toMatch(/^page\.value: /);
    expect(result.errors.get(event.key)).toMatch(/^within: a duration such as/);
  });

  it('finds the row a path points at', () => {
    const tree = ruleToTree({ all: [{ segment: 'a' }, { not: { any: [{ segment: 'b' }, { segment: 'c' }] } }] });
    const inner = tree.children[1] as GroupNode;
    expect(keyAtPath(tree, ['all', 1, 'not', 'any', 1, 'segment'])).toBe(inner.children[1].key);
    expect(keyAtPath(tree, ['all', 1, 'any', 0])).toBe(inner.key);
    expect(keyAtPath(tree, [])).toBe(tree.key);
  });
});

describe('editing a tree', () => {
  it('adds, replaces and removes nodes anywhere, leaving the rest untouched', () => {
    let root = emptyGroup();
    const inner = emptyGroup('any');
    root = appendChild(root, root.key, inner);
    const row = newCondition('segment');
    root = appendChild(root, inner.key, row);
    expect(treeToRule(root)).toEqual({ all: [{ any: [{ segment: '' }] }] });
    root = replaceNode(root, row.key, { ...row, kind: 'segment', segment: 's1' });
    expect(treeToRule(root)).toEqual({ all: [{ any: [{ segment: 's1' }] }] });
    const before = root;
    root = removeNode(root, row.key);
    expect(treeToRule(root)).toEqual({ all: [{ any: [] }] });
    expect(treeToRule(before)).toEqual({ all: [{ any: [{ segment: 's1' }] }] });
  });
});

describe('JSON mode', () => {
  it('switches to the rule’s JSON and back only when it is valid', () => {
    const draft = ruleDraftFrom({ all: [{ segment: 's1' }] });
    const toJson = toggleJsonMode(draft);
    if (!('draft' in toJson)) throw new Error('expected a draft');
    expect(JSON.parse(toJson.draft.json ?? '')).toEqual({ all: [{ segment: 's1' }] });

    const broken = { ...toJson.draft, json: '{ "all": [ { "attr": "x", "op": "gt", "value": "a" } ] }' };
    expect(toggleJsonMode(broken)).toHaveProperty('error');
    const compiled = compileRuleDraft(broken);
    expect(compiled.ok).toBe(false);
    expect(compileRuleDraft({ ...broken, json: '{' })).toEqual({ ok: false, errors: new Map([[broken.root.key, 'Not valid JSON.']]) });

    const fixed = { ...broken, json: '{ "any": [ { "page": { "op": "eq", "value": "/" } } ] }' };
    const back = toggleJsonMode(fixed);
    if (!('draft' in back)) throw new Error('expected a draft');
    expect(back.draft.json).toBeNull();
    expect(treeToRule(back.draft.root)).toEqual({ any: [{ page: { op: 'eq', value: '/' } }] });
    expect(compileRuleDraft(fixed)).toEqual({ ok: true, rule: { any: [{ page: { op: 'eq', value: '/' } }] } });
  });
});
