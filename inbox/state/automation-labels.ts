/**
 * The words of the automation settings: triggers, actions, run outcomes, and
 * the one-line summaries of a rule and of an action, naming what an action
 * points at (a team, a tag…) from the lists the page loaded.
 */
import type {
  AutomationAction,
  AutomationActionType,
  AutomationRule,
  AutomationRunOutcome,
  AutomationTrigger,
  CannedReply,
  Tag,
  Team,
  Webhook,
  AgentProfile,
} from '../../protocol/index.js';
import { PRIORITY_LABELS } from './assignment-labels.js';
import { conditionSummary } from './assignment-rule-form.js';

export const TRIGGER_LABELS: Record<AutomationTrigger, string> = {
  conversation_created: 'A conversation is created',
  message_received: 'The visitor sends a message',
  tag_added: 'A tag is added',
  survey_answered: 'A survey is answered',
  event_tracked: 'An event is tracked',
};

export const ACTION_LABELS: Record<AutomationActionType, string> = {
  assign: 'Assign',
  unassign: 'Unassign the agent',
  add_tag: 'Add a tag',
  remove_tag: 'Remove a tag',
  set_priority: 'Set the priority',
  send_canned_reply: 'Send a canned reply',
  add_note: 'Add an internal note',
  call_webhook: 'Call a webhook',
  close: 'Close',
  snooze: 'Snooze',
};

export const OUTCOME_LABELS: Record<AutomationRunOutcome, string> = {
  succeeded: 'Succeeded',
  partially_failed: 'Partly failed',
  failed: 'Failed',
};

/** What the settings' selects list, and the summaries name. */
export interface AutomationReferences {
  teams: readonly Pick<Team, 'id' | 'name'>[];
  agents: readonly Pick<AgentProfile, 'id' | 'name'>[];
  tags: readonly Pick<Tag, 'id' | 'name'>[];
  cannedReplies: readonly Pick<CannedReply, 'id' | 'shortcut' | 'title'>[];
  webhooks: readonly Pick<Webhook, 'id' | 'url' | 'description'>[];
}

export const webhookLabel = (w: Pick<Webhook, 'url' | 'description'>): string => w.description || w.url;

function nameOf(list: readonly { id: string; name: string }[], id: string | undefined, gone: string): string {
  return list.find((x) => x.id === id)?.name ?? gone;
}

/** "Add tag billing", "Assign to Billing", "Snooze 60 min". */
export function actionSummary(action: AutomationAction, refs: AutomationReferences): string {
  switch (action.type) {
    case 'assign': {
      const parts = [
        action.team_id !== undefined ? nameOf(refs.teams, action.team_id, 'a deleted team') : null,
        action.agent_id !== undefined ? nameOf(refs.agents, action.agent_id, 'a deleted agent') : null,
      ].filter(Boolean);
      return `Assign to ${parts.join(' / ')}`;
    }
    case 'add_tag':
    case 'remove_tag':
      return `${action.type === 'add_tag' ? 'Add' : 'Remove'} tag ${nameOf(refs.tags, action.tag_id, '(deleted)')}`;
    case 'set_priority':
      return `Priority ${PRIORITY_LABELS[action.priority].toLowerCase()}`;
    case 'send_canned_reply': {
      const reply = refs.cannedReplies.find((r) => r.id === action.canned_reply_id);
      return `Reply /${reply?.shortcut ?? '(deleted)'}`;
    }
    case 'call_webhook': {
      const hook = refs.webhooks.find((w) => w.id === action.webhook_id);
      return `Call ${hook ? webhookLabel(hook) : 'a webhook'}`;
    }
    case 'snooze':
      return `Snooze ${action.minutes} min`;
    case 'add_note':
      return 'Add a note';
    case 'unassign':
      return 'Unassign';
    case 'close':
      return 'Close';
  }
}

/** "When the visitor sends a message · 1 condition · then Add tag billing, Priority high · stops the rules after it". */
export function automationRuleSummary(rule: AutomationRule, refs: AutomationReferences): string {
  const conditions = conditionSummary(rule.conditions);
  return [
    `When ${TRIGGER_LABELS[rule.trigger].replace(/^A |^An |^The /, (w) => w.toLowerCase())}`,
    conditions === 'Every conversation' ? 'always' : conditions,
    `then ${rule.actions.map((a) => actionSummary(a, refs)).join(', ')}`,
    rule.stop_processing ? 'stops the rules after it' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The rules in list order (the server keeps positions 0, 1, 2… without gaps). */
export function rulesInOrder(rules: readonly AutomationRule[]): AutomationRule[] {
  return [...rules].sort((a, b) => a.position - b.position);
}
