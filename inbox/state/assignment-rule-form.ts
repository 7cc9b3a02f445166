/**
 * An assignment rule as the settings edit it: name, condition (a targeting
 * rule draft, as the rule builder holds it), team, priority, strategy and
 * whether it runs; turned into the create input or the PATCH of what changed.
 * Also the one-line summary the list shows and the rule's move up/down.
 */
import { ASSIGNMENT_RULE_LIMITS, type AssignmentRule, type AssignmentStrategy, type Priority, type Rule, type Team } from '../../protocol/index.js';
import type { CreateAssignmentRuleRequest, UpdateAssignmentRuleRequest } from '../api/team-endpoints.js';
import { PRIORITY_LABELS, STRATEGY_LABELS } from './assignment-labels.js';
import { compileRuleDraft, ruleDraftFrom, type RuleDraft, type RuleErrors } from './rule-check.js';

export interface AssignmentRuleDraft {
  name: string;
  enabled: boolean;
  when: RuleDraft;
  /** '' = no team (the rule only sets the priority). */
  teamId: string;
  /** '' = leave the priority as it is. */
  priority: Priority | '';
  strategy: AssignmentStrategy;
}

export function assignmentRuleDraftFrom(rule: AssignmentRule | null): AssignmentRuleDraft {
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    when: ruleDraftFrom(rule?.when ?? null),
    teamId: rule?.team_id ?? '',
    priority: rule?.priority ?? '',
    strategy: rule?.strategy ?? 'round_robin',
  };
}

export interface AssignmentRuleErrors {
  name?: string;
  when?: RuleErrors;
}

export type AssignmentRuleInput = Required<Omit<CreateAssignmentRuleRequest, 'position'>> & { when: Rule };

export function assignmentRuleInputFrom(draft: AssignmentRuleDraft): { ok: true; input: AssignmentRuleInput } | { ok: false; errors: AssignmentRuleErrors } {
  const errors: AssignmentRuleErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the rule a name.';
  else if (name.length > ASSIGNMENT_RULE_LIMITS.name) errors.name = `At most ${ASSIGNMENT_RULE_LIMITS.name} characters.`;
  const when = compileRuleDraft(draft.when);
  if (!when.ok) errors.when = when.errors;
  if (errors.name || errors.when || !when.ok) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      enabled: draft.enabled,
      when: when.rule,
      team_id: draft.teamId || null,
      priority: draft.priority || null,
      strategy: draft.strategy,
    },
  };
}

/** Only what differs from the saved rule. */
export function assignmentRulePatch(saved: AssignmentRule, input: AssignmentRuleInput): UpdateAssignmentRuleRequest {
  const patch: Record<string, unknown> = {};
  const before: Record<string, unknown> = { ...saved };
  for (const [key, value] of Object.entries(input)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) patch[key] = value;
  }
  return patch as UpdateAssignmentRuleRequest;
}

/** "Every conversation" or "2 conditions". */
export function conditionSummary(when: Rule): string {
  const parts = 'all' in when ? when.all : 'any' in when ? when.any : null;
  if (parts === null) return '1 condition';
  if (parts.length === 0) return 'Every conversation';
  const joiner = 'all' in when ? 'all of' : 'any of';
  return parts.length === 1 ? '1 condition' : `${joiner} ${parts.length} conditions`;
}

/** "Team Support · Priority high · Round robin": where a matching conversation goes. */
export function assignmentRuleSummary(rule: AssignmentRule, teams: readonly Pick<Team, 'id' | 'name'>[]): string {
  const team = rule.team_id ? (teams.find((t) => t.id === rule.team_id)?.name ?? 'a deleted team') : null;
  return [
    conditionSummary(rule.when),
    team ? `to ${team}` : 'no team',
    rule.priority ? `priority ${PRIORITY_LABELS[rule.priority].toLowerCase()}` : null,
    team ? STRATEGY_LABELS[rule.strategy].replace(/ \(.*\)$/, '').toLowerCase() : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The rules in list order (the server keeps positions 0, 1, 2… without gaps). */
export function inOrder(rules: readonly AssignmentRule[]): AssignmentRule[] {
  return [...rules].sort((a, b) => a.position - b.position);
}
