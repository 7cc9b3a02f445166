/**
 * Input schemas of the content REST API (`messages`, `segments`, `series`) and
 * of the widget's content requests. Every limit is enforced before anything is
 * stored; a rule goes through the bounded `ruleSchema`.
 */
import { z } from 'zod';
import { ruleSchema } from '../targeting/rule.js';
import { CONTENT_STATUSES, MESSAGE_FORMATS, TRIGGER_KINDS, WIDGET_OUTCOMES } from './models.js';

export const CONTENT_LIMITS = {
  name: 120,
  body: 10_000,
  selector: 300,
  buttonLabel: 60,
  url: 2_000,
  steps: 30,
  quietPages: 50,
} as const;

const nameSchema = z.string().trim().min(1).max(CONTENT_LIMITS.name);
const eventNameSchema = z.string().min(1).max(100);
const idRef = z.string().min(1).max(64);

/** Links an admin may put on a button: http(s) and mailto only (DESIGN.md §5). */
export const linkSchema = z
  .string()
  .max(CONTENT_LIMITS.url)
  .refine((u) => /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(u), 'an http(s) or mailto: link');

const isoDateSchema = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date');

/** A URL glob (`/billing/*`, `/docs/**`) or a full URL pattern, matched like a page rule's glob. */
export const pageGlobSchema = z.string().trim().min(1).max(500);

export const triggerSchema = z
  .strictObject({
    on: z.enum(TRIGGER_KINDS),
    event: eventNameSchema.optional(),
    page: pageGlobSchema.optional(),
    seconds: z.number().int().min(0).max(86_400).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.on === 'event' && !t.event) ctx.addIssue({ code: 'custom', path: ['event'], message: 'an event trigger names its event' });
    if (t.on === 'page' && !t.page) ctx.addIssue({ code: 'custom', path: ['page'], message: 'a page trigger names its page' });
    if (t.on === 'time_on_page' && t.seconds === undefined) ctx.addIssue({ code: 'custom', path: ['seconds'], message: 'a time-on-page trigger gives seconds' });
  });

export const frequencySchema = z.strictObject({
  max_per_contact: z.number().int().min(1).max(1_000),
  every_days: z.number().min(0).max(3_650).optional(),
  until_goal: z.boolean().optional(),
});

export const goalSchema = z.strictObject({ event: eventNameSchema, within_days: z.number().int().min(1).max(365) });

export const scheduleSchema = z
  .strictObject({ start_at: isoDateSchema.optional(), end_at: isoDateSchema.optional() })
  .refine((s) => !s.start_at || !s.end_at || Date.parse(s.start_at) < Date.parse(s.end_at), 'start_at must be before end_at');

export const buttonSchema = z.strictObject({ label: z.string().trim().min(1).max(CONTENT_LIMITS.buttonLabel), url: linkSchema.optional() });

const messageFields = {
  name: nameSchema,
  format: z.enum(MESSAGE_FORMATS),
  body: z.string().max(CONTENT_LIMITS.body),
  audience: ruleSchema.nullable().optional(),
  trigger: triggerSchema,
  frequency: frequencySchema.nullable().optional(),
  goal: goalSchema.nullable().optional(),
  schedule: scheduleSchema.nullable().optional(),
  priority: z.number().int().min(0).max(100).optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
  sender_id: idRef.nullable().optional(),
  position: z.enum(['top', 'bottom']).nullable().optional(),
  dismissible: z.boolean().optional(),
  button: buttonSchema.nullable().optional(),
  image_url: z.string().max(CONTENT_LIMITS.url).refine((u) => /^https?:\/\/\S+$/i.test(u), 'an http(s) image URL').nullable().optional(),
  selector: z.string().trim().min(1).max(CONTENT_LIMITS.selector).nullable().optional(),
};

function checkFormat(m: { format?: string; selector?: string | null; body?: string }, ctx: z.RefinementCtx): void {
  if (m.format === 'tooltip' && !m.selector) ctx.addIssue({ code: 'custom', path: ['selector'], message: 'a tooltip needs the CSS selector of its element' });
}

export const createMessageSchema = z.strictObject(messageFields).superRefine(checkFormat);
export type CreateMessageInput = z.infer<typeof createMessageSchema>;

export const updateMessageSchema = z.strictObject({ ...messageFields, name: nameSchema.optional(), format: z.enum(MESSAGE_FORMATS).optional(), body: messageFields.body.optional(), trigger: triggerSchema.optional() });
export type UpdateMessageInput = z.infer<typeof updateMessageSchema>;

export const createSegmentSchema = z.strictObject({ name: nameSchema, rule: ruleSchema });
export const updateSegmentSchema = z.strictObject({ name: nameSchema.optional(), rule: ruleSchema.optional() });
export const previewSegmentSchema = z.strictObject({ rule: ruleSchema });
export type CreateSegmentInput = z.infer<typeof createSegmentSchema>;
export type UpdateSegmentInput = z.infer<typeof updateSegmentSchema>;

const stepId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (at most 40)');
const targetSchema = z.union([z.literal('next'), z.literal('exit'), stepId]);

export const seriesStepSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: stepId, type: z.literal('message'), message_id: idRef }),
  z.strictObject({ id: stepId, type: z.literal('wait'), days: z.number().min(0).max(365), until_event: eventNameSchema.optional() }),
  z.strictObject({ id: stepId, type: z.literal('branch'), rule: ruleSchema, then: targetSchema, else: targetSchema }),
]);

function checkSteps(steps: Array<z.infer<typeof seriesStepSchema>> | undefined, ctx: z.RefinementCtx): void {
  if (!steps) return;
  const ids = new Set<string>();
  steps.forEach((step, i) => {
    if (ids.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `step id "${step.id}" is used twice` });
    ids.add(step.id);
  });
  steps.forEach((step, i) => {
    if (step.type !== 'branch') return;
    for (const key of ['then', 'else'] as const) {
      const target = step[key];
      if (target === 'next' || target === 'exit') continue;
      const at = steps.findIndex((s) => s.id === target);
      // Branches only jump forward: a series always ends (no loops to run forever).
      if (at <= i) ctx.addIssue({ code: 'custom', path: ['steps', i, key], message: `"${target}" must be a later step, "next" or "exit"` });
    }
  });
}

const seriesFields = {
  name: nameSchema,
  entry: ruleSchema,
  steps: z.array(seriesStepSchema).min(1).max(CONTENT_LIMITS.steps),
  status: z.enum(CONTENT_STATUSES).optional(),
};
export const createSeriesSchema = z.strictObject(seriesFields).superRefine((s, ctx) => checkSteps(s.steps, ctx));
export const updateSeriesSchema = z
  .strictObject({ name: nameSchema.optional(), entry: ruleSchema.optional(), steps: seriesFields.steps.optional(), status: seriesFields.status })
  .superRefine((s, ctx) => checkSteps(s.steps, ctx));
export type CreateSeriesInput = z.infer<typeof createSeriesSchema>;
export type UpdateSeriesInput = z.infer<typeof updateSeriesSchema>;

/** Widget → server over /visitor. */
export const contentClaimSchema = z.object({ messageId: idRef });
export const contentOutcomeSchema = z.object({ deliveryId: idRef, outcome: z.enum(WIDGET_OUTCOMES) });
export type ContentClaimInput = z.infer<typeof contentClaimSchema>;
export type ContentOutcomeInput = z.infer<typeof contentOutcomeSchema>;

/** Pages where the workspace wants no in-app messages (checkout, settings…): URL globs. */
export const quietPagesSchema = z.array(pageGlobSchema).max(CONTENT_LIMITS.quietPages);
