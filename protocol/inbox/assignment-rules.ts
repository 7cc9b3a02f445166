/**
 * Assignment rules (`/api/v1/assignment-rules`): an ordered list; on every new
 * conversation the first enabled rule whose `when` holds sets the team and the
 * priority and picks an agent with its strategy. `when` is a targeting rule
 * (DESIGN.md §4) over the contact — traits, events, segments, last page — plus
 * the conversation's own attributes as traits named in CONVERSATION_FACTS.
 */
import { z } from 'zod';
import type { Priority } from '../models.js';
import { type Rule, ruleSchema } from '../targeting/rule.js';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from './teams.js';

export const ASSIGNMENT_RULE_LIMITS = {
  name: 120,
  /** Rules per workspace: every new conversation walks the list. */
  rules: 100,
} as const;

/**
 * The conversation as a rule sees it, next to the contact's traits (a
 * contact trait of the same name is shadowed):
 * - `conversation.channel`: where it started (`"messenger"`).
 * - `conversation.priority`: `"low" | "normal" | "high" | "urgent"` when it started (`"normal"`).
 * - `conversation.started_by`: `"visitor"`, or `"team"` when the team wrote first (a survey follow-up).
 * - `conversation.first_message`: the visitor's first message (markdown, at most 1 000 characters; absent when the team wrote first).
 */
export const CONVERSATION_FACTS = ['conversation.channel', 'conversation.priority', 'conversation.started_by', 'conversation.first_message'] as const;
export type ConversationFact = (typeof CONVERSATION_FACTS)[number];

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly Priority[];

/** `GET /api/v1/assignment-rules/:id`. */
export interface AssignmentRule {
  id: string;
  name: string;
  /** 0-based place in the list; the first enabled match wins. */
  position: number;
  enabled: boolean;
  when: Rule;
  /** The team the conversation goes to; null: no team (the rule only sets the priority). */
  team_id: string | null;
  /** Set on the conversation when given; null leaves it as it is. */
  priority: Priority | null;
  strategy: AssignmentStrategy;
  created_at: string;
  updated_at: string;
}

const nameSchema = z.string().trim().min(1).max(ASSIGNMENT_RULE_LIMITS.name);
const teamIdSchema = z.string().min(1).max(64).nullable();

export const createAssignmentRuleSchema = z.strictObject({
  name: nameSchema,
  enabled: z.boolean().default(true),
  /** Absent: every conversation matches (a catch-all, usually last). */
  when: ruleSchema.optional(),
  team_id: teamIdSchema.default(null),
  priority: z.enum(PRIORITIES).nullable().default(null),
  strategy: z.enum(ASSIGNMENT_STRATEGIES).default('round_robin'),
  /** Where to insert it (0 = first); absent: last. */
  position: z.number().int().min(0).max(ASSIGNMENT_RULE_LIMITS.rules).optional(),
});
export type CreateAssignmentRuleInput = z.infer<typeof createAssignmentRuleSchema>;

/** Only what is sent changes; a new `position` moves the rule and shifts the others. */
export const updateAssignmentRuleSchema = z.strictObject({
  name: nameSchema.optional(),
  enabled: z.boolean().optional(),
  when: ruleSchema.optional(),
  team_id: teamIdSchema.optional(),
  priority: z.enum(PRIORITIES).nullable().optional(),
  strategy: z.enum(ASSIGNMENT_STRATEGIES).optional(),
  position: z.number().int().min(0).max(ASSIGNMENT_RULE_LIMITS.rules).optional(),
});
export type UpdateAssignmentRuleInput = z.infer<typeof updateAssignmentRuleSchema>;
