/**
 * Input schemas of `/api/v1/automation-rules`. Every size is bounded here;
 * whether the teams, agents, tags, canned replies and webhooks an action names
 * exist in the workspace is the server's check (a 400 naming the field).
 * Unknown keys are refused, so a typo is an error rather than a silent no-op.
 */
import { z } from 'zod';
import { INBOX_LIMITS } from '../inbox-tools/schemas.js';
import { prioritySchema } from '../schemas.js';
import { ruleSchema } from '../targeting/rule.js';
import { AUTOMATION_TRIGGERS, type AutomationAction } from './models.js';

export const AUTOMATION_LIMITS = {
  name: 120,
  /** Rules per workspace. */
  rules: 100,
  actionsPerRule: 20,
  noteBody: INBOX_LIMITS.noteBody,
  /** A snooze of at most 90 days, like a snooze by hand. */
  snoozeMinutes: INBOX_LIMITS.snoozeDays * 24 * 60,
  /** Runs kept (and shown) per rule, newest first. */
  runsPerRule: 50,
} as const;

const refSchema = z.string().min(1).max(64);
const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(AUTOMATION_LIMITS.name, `at most ${AUTOMATION_LIMITS.name} characters`)
  .refine((s) => !/[\u0000-\u001F\u007F-\u009F]/.test(s), 'no control characters');

const assignSchema = z
  .strictObject({ type: z.literal('assign'), team_id: refSchema.optional(), agent_id: refSchema.optional() })
  .refine((a) => a.team_id !== undefined || a.agent_id !== undefined, 'give team_id, agent_id or both');

export const automationActionSchema: z.ZodType<AutomationAction> = z.discriminatedUnion('type', [
  assignSchema,
  z.strictObject({ type: z.literal('unassign') }),
  z.strictObject({ type: z.literal('add_tag'), tag_id: refSchema }),
  z.strictObject({ type: z.literal('remove_tag'), tag_id: refSchema }),
  z.strictObject({ type: z.literal('set_priority'), priority: prioritySchema }),
  z.strictObject({ type: z.literal('send_canned_reply'), canned_reply_id: refSchema }),
  z.strictObject({
    type: z.literal('add_note'),
    body: z
      .string()
      .max(AUTOMATION_LIMITS.noteBody, `at most ${AUTOMATION_LIMITS.noteBody} characters`)
      .refine((s) => s.trim().length > 0, 'must not be empty'),
  }),
  z.strictObject({ type: z.literal('call_webhook'), webhook_id: refSchema }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('snooze'), minutes: z.number().int().min(1).max(AUTOMATION_LIMITS.snoozeMinutes) }),
]);

const actionsSchema = z
  .array(automationActionSchema)
  .min(1, 'give at least one action')
  .max(AUTOMATION_LIMITS.actionsPerRule, `at most ${AUTOMATION_LIMITS.actionsPerRule} actions`);

const positionSchema = z.number().int().min(0).max(AUTOMATION_LIMITS.rules);

export const createAutomationRuleSchema = z.strictObject({
  name: nameSchema,
  enabled: z.boolean().default(true),
  trigger: z.enum(AUTOMATION_TRIGGERS),
  /** Absent: every event of the trigger matches. */
  conditions: ruleSchema.optional(),
  actions: actionsSchema,
  stop_processing: z.boolean().default(false),
  /** Where to insert it (0 = first); absent: last. */
  position: positionSchema.optional(),
});
export type CreateAutomationRuleInput = z.infer<typeof createAutomationRuleSchema>;

/** Only what is sent changes; `actions` replaces the list; a new `position` moves the rule and shifts the others. */
export const updateAutomationRuleSchema = z.strictObject({
  name: nameSchema.optional(),
  enabled: z.boolean().optional(),
  trigger: z.enum(AUTOMATION_TRIGGERS).optional(),
  conditions: ruleSchema.optional(),
  actions: actionsSchema.optional(),
  stop_processing: z.boolean().optional(),
  position: positionSchema.optional(),
});
export type UpdateAutomationRuleInput = z.infer<typeof updateAutomationRuleSchema>;

/** `PUT /automation-rules/order`: every rule id of the workspace, once each, in the new order. */
export const reorderAutomationRulesSchema = z.strictObject({
  ids: z
    .array(refSchema)
    .max(AUTOMATION_LIMITS.rules)
    .refine((ids) => new Set(ids).size === ids.length, 'each rule once'),
});
export type ReorderAutomationRulesInput = z.infer<typeof reorderAutomationRulesSchema>;
