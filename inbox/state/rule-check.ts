/**
 * Checks a rule builder's tree before anything is sent: each row against its
 * own schema (so the message names that row's problem), then the whole rule
 * against `ruleSchema` (depth and size). Errors are keyed by node, so the
 * builder shows each one beside its row. Also: the draft's "Edit as JSON" mode.
 */
import type { z } from 'zod';
import {
  attributeRuleSchema,
  browserRuleSchema,
  countryRuleSchema,
  deviceRuleSchema,
  eventRuleSchema,
  localeRuleSchema,
  pageRuleSchema,
  ruleSchema,
  segmentRuleSchema,
  timeOnPageRuleSchema,
  type Rule,
} from '../../protocol/index.js';
import { ruleToTree, type ConditionNode, type GroupNode, type RuleNode } from './rule-tree.js';
import { conditionToRule, splitList, treeToRule } from './tree-to-rule.js';

/** What a rule field holds while edited: the tree, or (in JSON mode) the text being typed. */
export interface RuleDraft {
  root: GroupNode;
  json: string | null;
}

/** Node key → what is wrong with it. */
export type RuleErrors = ReadonlyMap<number, string>;
export type CompiledRule = { ok: true; rule: Rule } | { ok: false; errors: RuleErrors };

export function ruleDraftFrom(rule: Rule | null | undefined): RuleDraft {
  return { root: ruleToTree(rule), json: null };
}

export function compileRuleDraft(draft: RuleDraft): CompiledRule {
  if (draft.json === null) return compileTree(draft.root);
  const parsed = parseRuleJson(draft.json);
  return 'rule' in parsed ? { ok: true, rule: parsed.rule } : { ok: false, errors: new Map([[draft.root.key, parsed.error]]) };
}

export function parseRuleJson(text: string): { rule: Rule } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'Not valid JSON.' };
  }
  const result = ruleSchema.safeParse(value);
  return result.success ? { rule: result.data } : { error: issueText(result.error.issues[0]) };
}

/** Into JSON mode with the tree's rule; back out only when the text is a valid rule. */
export function toggleJsonMode(draft: RuleDraft): { draft: RuleDraft } | { error: string } {
  if (draft.json === null) return { draft: { ...draft, json: JSON.stringify(treeToRule(draft.root), null, 2) } };
  const parsed = parseRuleJson(draft.json);
  return 'rule' in parsed ? { draft: { root: ruleToTree(parsed.rule), json: null } } : { error: parsed.error };
}

export function compileTree(root: GroupNode): CompiledRule {
  const errors = new Map<number, string>();
  const visit = (node: RuleNode): void => {
    if (node.kind === 'group') node.children.forEach(visit);
    else {
      const problem = conditionProblem(node);
      if (problem) errors.set(node.key, problem);
    }
  };
  visit(root);
  if (errors.size > 0) return { ok: false, errors };
  const result = ruleSchema.safeParse(treeToRule(root));
  if (result.success) return { ok: true, rule: result.data };
  const issue = result.error.issues[0];
  return { ok: false, errors: new Map([[keyAtPath(root, issue?.path ?? []), issueText(issue)]]) };
}

const WHOLE_NUMBER = /^\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The row's problem in an admin's words, or null when it is a valid condition. */
export function conditionProblem(node: ConditionNode): string | null {
  const early = typedProblem(node);
  if (early) return early;
  const result = schemaFor(node).safeParse(conditionToRule(node));
  return result.success ? null : issueText(result.error.issues[0]);
}

function typedProblem(node: ConditionNode): string | null {
  switch (node.kind) {
    case 'attribute': {
      if (!node.attr.trim()) return 'Name the attribute.';
      if (node.op === 'exists' || node.op === 'not_exists') return null;
      if (node.op === 'in' || node.op === 'nin') {
        const items = splitList(node.value);
        if (items.length === 0) return 'List at least one value, separated by commas.';
        if (node.valueType === 'number' && items.some((v) => !NUMBER.test(v))) return 'Every value must be a number.';
        return null;
      }
      const numeric = ['gt', 'gte', 'lt', 'lte'].includes(node.op) || ((node.op === 'eq' || node.op === 'neq') && node.valueType === 'number');
      if (numeric && !NUMBER.test(node.value.trim())) return 'Enter a number.';
      if ((node.op === 'before' || node.op === 'after') && !node.value.trim()) return 'Enter a date such as 2025-01-31, or -7d for 7 days ago.';
      return null;
    }
    case 'event':
      if (!node.event.trim()) return 'Name the event.';
      if ((node.op === 'count_gte' || node.op === 'count_lte') && !WHOLE_NUMBER.test(node.count.trim())) return 'Enter a whole number of times.';
      if ((node.op === 'last_within' || node.op === 'first_within') && !node.within.trim()) return 'Enter a window such as 7d, 12h or 30m.';
      return null;
    case 'page':
      return node.value.trim() ? null : 'Enter a page URL or pattern.';
    case 'time_on_page':
      if (!node.gte.trim() && !node.lte.trim()) return 'Enter a number of seconds.';
      return [node.gte, node.lte].some((t) => t.trim() !== '' && !NUMBER.test(t.trim())) ? 'Seconds must be a number.' : null;
    case 'facet': {
      const empty = node.op === 'in' || node.op === 'nin' ? splitList(node.value).length === 0 : !node.value.trim();
      if (empty) return node.op === 'in' || node.op === 'nin' ? 'List at least one value, separated by commas.' : 'Enter a value.';
      if (node.facet === 'country') {
        const codes = node.op === 'in' || node.op === 'nin' ? splitList(node.value) : [node.value.trim()];
        if (codes.some((c) => !/^[A-Za-z]{2}$/.test(c))) return 'Use two-letter country codes such as FR or US.';
      }
      return null;
    }
    case 'segment':
      return node.segment ? null : 'Choose a segment.';
    case 'raw':
      return parseRuleJsonProblem(node.json);
  }
}

function parseRuleJsonProblem(text: string): string | null {
  const parsed = parseRuleJson(text);
  return 'error' in parsed ? parsed.error : null;
}

function schemaFor(node: ConditionNode): z.ZodType {
  switch (node.kind) {
    case 'attribute':
      return attributeRuleSchema;
    case 'event':
      return eventRuleSchema;
    case 'page':
      return pageRuleSchema;
    case 'time_on_page':
      return timeOnPageRuleSchema;
    case 'segment':
      return segmentRuleSchema;
    case 'raw':
      return ruleSchema;
    case 'facet':
      return { locale: localeRuleSchema, device: deviceRuleSchema, browser: browserRuleSchema, country: countryRuleSchema }[node.facet];
  }
}

/** "value: Too small…" with the path of the issue inside the condition, when there is one. */
export function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'Not a valid rule.';
  const where = issue.path.filter((p) => typeof p === 'string' && !['all', 'any', 'not'].includes(p)).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * The node a path into the tree's rule points at (`['all', 0, 'any', 2, 'value']`
 * → that row), so a server's or schema's complaint lands beside the right row.
 * Stops at the deepest node the path reaches.
 */
export function keyAtPath(root: GroupNode, path: readonly PropertyKey[]): number {
  let node: RuleNode = root;
  let i = 0;
  while (node.kind === 'group') {
    if (node.negated) {
      if (path[i] !== 'not') break;
      i += 1;
    }
    if (path[i] !== node.mode) break;
    const index = path[i + 1];
    const child: RuleNode | undefined = typeof index === 'number' ? node.children[index] : undefined;
    if (!child) break;
    node = child;
    i += 2;
  }
  return node.key;
}
