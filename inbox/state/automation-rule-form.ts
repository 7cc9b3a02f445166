/**
 * An automation rule as the settings edit it: name, trigger, conditions (a
 * targeting rule draft, as the rule builder holds it), the ordered actions,
 * stop-processing and whether it runs; turned into the create input or the
 * PATCH of what changed, with every problem said where it is.
 */
import { AUTOMATION_LIMITS, type AutomationAction, type AutomationRule, type AutomationTrigger, type Rule } from '../../protocol/index.js';
import type { UpdateAutomationRuleRequest } from '../api/automation-endpoints.js';
import { type ActionDraft, actionDraftFrom, actionFromDraft } from './automation-actions-draft.js';
import { compileRuleDraft, ruleDraftFrom, type RuleDraft, type RuleErrors } from './rule-check.js';

export interface AutomationRuleDraft {
  name: string;
  enabled: boolean;
  trigger: AutomationTrigger;
  conditions: RuleDraft;
  actions: ActionDraft[];
  stopProcessing: boolean;
}

export function automationRuleDraftFrom(rule: AutomationRule | null): AutomationRuleDraft {
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    trigger: rule?.trigger ?? 'conversation_created',
    conditions: ruleDraftFrom(rule?.conditions ?? null),
    actions: (rule?.actions ?? []).map(actionDraftFrom),
    stopProcessing: rule?.stop_processing ?? false,
  };
}

export interface AutomationRuleErrors {
  name?: string;
  conditions?: RuleErrors;
  /** About the list as a whole (none, too many). */
  actions?: string;
  /** Per action row, by its key. */
  action?: ReadonlyMap<number, string>;
}

export interface AutomationRuleInput {
  name: string;
  enabled: boolean;
  trigger: AutomationTrigger;
  conditions: Rule;
  actions: AutomationAction[];
  stop_processing: boolean;
}

export function automationRuleInputFrom(draft: AutomationRuleDraft): { ok: true; input: AutomationRuleInput } | { ok: false; errors: AutomationRuleErrors } {
  const errors: AutomationRuleErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the rule a name.';
  else if (name.length > AUTOMATION_LIMITS.name) errors.name = `At most ${AUTOMATION_LIMITS.name} characters.`;
  const conditions = compileRuleDraft(draft.conditions);
  if (!conditions.ok) errors.conditions = conditions.errors;
  if (draft.actions.length === 0) errors.actions = 'Add at least one action.';
  else if (draft.actions.length > AUTOMATION_LIMITS.actionsPerRule) errors.actions = `At most ${AUTOMATION_LIMITS.actionsPerRule} actions.`;
  const actions: AutomationAction[] = [];
  const rowErrors = new Map<number, string>();
  for (const d of draft.actions) {
    const checked = actionFromDraft(d);
    if (checked.ok) actions.push(checked.action);
    else rowErrors.set(d.key, checked.error);
  }
  if (rowErrors.size > 0) errors.action = rowErrors;
  if (errors.name || errors.conditions || errors.actions || errors.action || !conditions.ok) return { ok: false, errors };
  return { ok: true, input: { name, enabled: draft.enabled, trigger: draft.trigger, conditions: conditions.rule, actions, stop_processing: draft.stopProcessing } };
}

/**
 * Only what differs from the saved rule. The conditions are compared as the
 * builder writes them (a lone condition comes back wrapped in `all`), so
 * opening and saving a rule changes nothing.
 */
export function automationRulePatch(saved: AutomationRule, input: AutomationRuleInput): UpdateAutomationRuleRequest {
  const patch: Record<string, unknown> = {};
  const asBuilt = compileRuleDraft(ruleDraftFrom(saved.conditions));
  const before: Record<string, unknown> = { ...saved, conditions: asBuilt.ok ? asBuilt.rule : saved.conditions };
  for (const [key, value] of Object.entries(input)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) patch[key] = value;
  }
  return patch as UpdateAutomationRuleRequest;
}

/** The ids in the order after moving `id` one place up (-1) or down (1). */
export function orderAfterMove(rules: readonly Pick<AutomationRule, 'id'>[], id: string, delta: -1 | 1): string[] {
  const ids = rules.map((r) => r.id);
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return ids;
}
