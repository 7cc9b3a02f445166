/**
 * Automation rules (`/api/v1/automation-rules`, docs/automation.md): "when
 * <trigger> and <conditions> then <actions>". Wire shapes only; the input
 * schemas are in schemas.ts. Snake_case like the other admin resources.
 */
import type { AgentConversation, ContactProfile, Priority } from '../models.js';
import type { Rule } from '../targeting/rule.js';
import { CONVERSATION_FACTS } from '../inbox/assignment-rules.js';

/** What starts a rule. `message_received` is a visitor's message only (never the team's, a bot's or automation's). */
export const AUTOMATION_TRIGGERS = ['conversation_created', 'message_received', 'tag_added', 'survey_answered', 'event_tracked'] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

/**
 * The conversation as a rule's conditions see it, next to the contact's
 * traits (a trait of the same name is shadowed). Unlike assignment rules,
 * these are the conversation's values when the rule runs:
 * - the four of assignment rules (`conversation.channel`, `.priority`, `.started_by`, `.first_message`);
 * - `conversation.status`: `"open" | "snoozed" | "closed"`;
 * - `conversation.tags`: its tag names, alphabetical, joined with `", "` (use `contains`);
 * - `conversation.team_id`, `conversation.assignee_id`: ids, absent when none.
 */
export const AUTOMATION_CONVERSATION_FACTS = [...CONVERSATION_FACTS, 'conversation.status', 'conversation.tags', 'conversation.team_id', 'conversation.assignee_id'] as const;

/**
 * What the trigger adds (absent for the other triggers):
 * - `message.body`: the visitor's message (markdown, at most 1 000 characters);
 * - `tag.id`, `tag.name`: the tag just added;
 * - `survey.id`, `survey.name`; `survey.nps` (the NPS answer, 0–10), `survey.score` (the first
 *   NPS/CSAT/CES/rating answer), and `survey.answer.<question id>` for every answer;
 * - `event.name`: the event just tracked.
 */
export const AUTOMATION_TRIGGER_FACTS: Record<AutomationTrigger, readonly string[]> = {
  conversation_created: [],
  message_received: ['message.body'],
  tag_added: ['tag.id', 'tag.name'],
  survey_answered: ['survey.id', 'survey.name', 'survey.nps', 'survey.score', 'survey.answer.<question id>'],
  event_tracked: ['event.name'],
};

export const AUTOMATION_ACTION_TYPES = [
  'assign',
  'unassign',
  'add_tag',
  'remove_tag',
  'set_priority',
  'send_canned_reply',
  'add_note',
  'call_webhook',
  'close',
  'snooze',
] as const;
export type AutomationActionType = (typeof AUTOMATION_ACTION_TYPES)[number];

/** One step of a rule; a rule's actions run in order, each on the conversation as the previous ones left it. */
export type AutomationAction =
  /** Like `POST /conversations/:id/assign`: a team, an agent, or both. */
  | { type: 'assign'; team_id?: string; agent_id?: string }
  /** Clears the agent; the team stays. */
  | { type: 'unassign' }
  | { type: 'add_tag'; tag_id: string }
  | { type: 'remove_tag'; tag_id: string }
  | { type: 'set_priority'; priority: Priority }
  /** Sent to the visitor as a bot message named after the workspace, placeholders filled as the inbox does. */
  | { type: 'send_canned_reply'; canned_reply_id: string }
  /** An internal note (markdown). */
  | { type: 'add_note'; body: string }
  /** Enqueues an `automation.triggered` delivery to that webhook subscription. */
  | { type: 'call_webhook'; webhook_id: string }
  | { type: 'close' }
  | { type: 'snooze'; minutes: number };

/** `GET /api/v1/automation-rules/:id`. */
export interface AutomationRule {
  id: string;
  name: string;
  enabled: boolean;
  /** 0-based place in the list: rules of a trigger run in this order. */
  position: number;
  trigger: AutomationTrigger;
  /** A targeting rule (DESIGN.md §4) over the contact plus the facts above; `{ all: [] }` always holds. */
  conditions: Rule;
  actions: AutomationAction[];
  /** When this rule matched, the rules after it are not run for this event. */
  stop_processing: boolean;
  created_at: string;
  updated_at: string;
}

export const AUTOMATION_RUN_OUTCOMES = ['succeeded', 'partially_failed', 'failed'] as const;
export type AutomationRunOutcome = (typeof AUTOMATION_RUN_OUTCOMES)[number];

/** What one action of a run did. */
export interface AutomationActionResult {
  type: AutomationActionType;
  ok: boolean;
  /** Why it failed; null when it succeeded. */
  error: string | null;
}

/** A row of `GET /automation-rules/:id/runs`: a rule that matched an event, and what its actions did. */
export interface AutomationRun {
  id: string;
  rule_id: string;
  trigger: AutomationTrigger;
  /** Null for an event tracked or a survey answered by a contact without an open conversation. */
  conversation_id: string | null;
  contact_id: string | null;
  outcome: AutomationRunOutcome;
  /** The first action's error, if any. */
  error: string | null;
  actions: AutomationActionResult[];
  created_at: string;
}

/** `data` of the `automation.triggered` webhook delivery (the `call_webhook` action). */
export interface AutomationTriggeredData {
  rule: { id: string; name: string };
  trigger: AutomationTrigger;
  /** The conversation as the REST API returns it, when the event has one. */
  conversation: AgentConversation | null;
  contact: ContactProfile | null;
}
