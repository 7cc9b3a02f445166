/**
 * Input schemas of `/api/v1/bots` (a visitor's button choice is in
 * `sendMessageSchema`, protocol/schemas.ts). Every
 * size is bounded here; whether the tags and teams a step names exist in the
 * workspace is the server's check (a 400 naming the field). The flow itself
 * is checked whole: step ids unique, every `next` an id of the bot, options
 * where a step needs them. Unknown keys are refused.
 */
import { z } from 'zod';
import { prioritySchema } from '../schemas.js';
import { ruleSchema } from '../targeting/rule.js';
import { BOT_TRIGGERS, type BotStep } from './models.js';

export const BOT_LIMITS = {
  name: 120,
  /** Bots per workspace. */
  bots: 50,
  steps: 30,
  body: 2_000,
  options: 10,
  label: 60,
  /** Invalid answers to one question before the bot hands over. */
  attempts: 3,
  /** Articles the answer bot offers. */
  articles: 3,
  stepId: 32,
} as const;

const refSchema = z.string().min(1).max(64);
const stepIdSchema = z
  .string()
  .min(1)
  .max(BOT_LIMITS.stepId)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
const traitKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'trait names start with a letter or "_"');
const noControl = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);
const bodySchema = z
  .string()
  .max(BOT_LIMITS.body, `at most ${BOT_LIMITS.body} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty');
const labelSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(BOT_LIMITS.label, `at most ${BOT_LIMITS.label} characters`)
  .refine(noControl, 'no control characters');
const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(BOT_LIMITS.name, `at most ${BOT_LIMITS.name} characters`)
  .refine(noControl, 'no control characters');

const optionSchema = z.strictObject({ id: stepIdSchema, label: labelSchema, next: stepIdSchema.optional() });
const options = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'give at least one option')
    .max(BOT_LIMITS.options, `at most ${BOT_LIMITS.options} options`);

const stepSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: stepIdSchema, type: z.literal('message'), body: bodySchema }),
  z.strictObject({ id: stepIdSchema, type: z.literal('buttons'), body: bodySchema, options: options(optionSchema), trait_key: traitKeySchema.optional() }),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('collect'),
    body: bodySchema,
    field: z.enum(['email', 'name', 'trait']),
    trait_key: traitKeySchema.optional(),
    validation: z.enum(['email', 'text', 'number', 'choice']),
    options: options(labelSchema).optional(),
  }),
  z.strictObject({ id: stepIdSchema, type: z.literal('set_trait'), key: traitKeySchema, value: z.union([z.string().max(1_000), z.number().finite(), z.boolean()]) }),
  z.strictObject({ id: stepIdSchema, type: z.literal('tag'), tag_id: refSchema }),
  z.strictObject({ id: stepIdSchema, type: z.literal('set_priority'), priority: prioritySchema }),
  z.strictObject({ id: stepIdSchema, type: z.literal('assign'), team_id: refSchema }),
  z.strictObject({ id: stepIdSchema, type: z.literal('suggest_articles') }),
  z.strictObject({ id: stepIdSchema, type: z.literal('handover') }),
]);

/** What a flow must hold together, said at the path of the first problem. */
function checkFlow(steps: readonly BotStep[], ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  steps.forEach((step, i) => {
    if (ids.has(step.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `step id "${step.id}" used twice` });
    ids.add(step.id);
  });
  steps.forEach((step, i) => {
    if (step.type === 'buttons') {
      const optionIds = new Set<string>();
      step.options.forEach((o, j) => {
        if (optionIds.has(o.id)) ctx.addIssue({ code: 'custom', path: [i, 'options', j, 'id'], message: `option id "${o.id}" used twice` });
        optionIds.add(o.id);
        if (o.next !== undefined && !ids.has(o.next)) ctx.addIssue({ code: 'custom', path: [i, 'options', j, 'next'], message: `no step "${o.next}" in this bot` });
      });
    }
    if (step.type === 'collect') {
      if (step.field === 'trait' && !step.trait_key) ctx.addIssue({ code: 'custom', path: [i, 'trait_key'], message: 'name the trait to keep the answer in' });
      if (step.validation === 'choice' && !step.options) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'a choice needs options' });
    }
  });
}

const stepsSchema = z
  .array(stepSchema)
  .min(1, 'give at least one step')
  .max(BOT_LIMITS.steps, `at most ${BOT_LIMITS.steps} steps`)
  .superRefine((steps, ctx) => checkFlow(steps as BotStep[], ctx));

export const botTriggerSchema = z.strictObject({
  on: z.enum(BOT_TRIGGERS),
  /** Absent: every visitor. */
  audience: ruleSchema.optional(),
});

const positionSchema = z.number().int().min(0).max(BOT_LIMITS.bots);

export const createBotSchema = z.strictObject({
  name: nameSchema,
  enabled: z.boolean().default(true),
  trigger: botTriggerSchema,
  steps: stepsSchema,
  /** Where to insert it (0 = first); absent: last. */
  position: positionSchema.optional(),
});
export type CreateBotInput = z.infer<typeof createBotSchema>;

/** Only what is sent changes; `steps` replaces the flow; a new `position` moves the bot and shifts the others. */
export const updateBotSchema = z.strictObject({
  name: nameSchema.optional(),
  enabled: z.boolean().optional(),
  trigger: botTriggerSchema.optional(),
  steps: stepsSchema.optional(),
  position: positionSchema.optional(),
});
export type UpdateBotInput = z.infer<typeof updateBotSchema>;

/** `PUT /bots/order`: every bot id of the workspace, once each, in the new order. */
export const reorderBotsSchema = z.strictObject({
  ids: z
    .array(refSchema)
    .max(BOT_LIMITS.bots)
    .refine((ids) => new Set(ids).size === ids.length, 'each bot once'),
});

/** `PATCH /bots/answer-bot`. */
export const answerBotSettingsSchema = z.strictObject({ enabled: z.boolean() });
