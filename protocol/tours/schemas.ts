/**
 * Input schemas of `/api/v1/tours` and of the widget's tour requests. Steps
 * are checked as a whole: ids unique, an element for every anchored step.
 */
import { z } from 'zod';
import { CONTENT_STATUSES } from '../content/models.js';
import { CONTENT_LIMITS, frequencySchema, pageGlobSchema, scheduleSchema, triggerSchema } from '../content/schemas.js';
import { ruleSchema } from '../targeting/rule.js';
import { TOUR_ENDINGS, TOUR_PLACEMENTS, TOUR_STEP_KINDS } from './models.js';

export const TOUR_LIMITS = { steps: 30, title: 120, body: 4_000, waitMs: 30_000 } as const;

const stepId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (at most 40)');

export const tourStepSchema = z.strictObject({
  id: stepId,
  kind: z.enum(TOUR_STEP_KINDS),
  title: z.string().trim().max(TOUR_LIMITS.title).optional(),
  body: z.string().max(TOUR_LIMITS.body),
  image_url: z
    .string()
    .max(CONTENT_LIMITS.url)
    .refine((u) => /^https?:\/\/\S+$/i.test(u), 'an http(s) image URL')
    .optional(),
  selector: z.string().trim().min(1).max(CONTENT_LIMITS.selector).optional(),
  placement: z.enum(TOUR_PLACEMENTS).optional(),
  page: pageGlobSchema.optional(),
  advance: z.enum(['button', 'click']).optional(),
  wait_ms: z.number().int().min(0).max(TOUR_LIMITS.waitMs).optional(),
  if_missing: z.enum(['skip', 'end']).optional(),
});
export type TourStepInput = z.infer<typeof tourStepSchema>;

function checkSteps(steps: TourStepInput[] | undefined, ctx: z.RefinementCtx): void {
  if (!steps) return;
  const ids = steps.map((s) => s.id);
  steps.forEach((step, i) => {
    if (ids.indexOf(step.id) !== i) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `step id "${step.id}" is used twice` });
    if (step.kind !== 'post' && !step.selector) ctx.addIssue({ code: 'custom', path: ['steps', i, 'selector'], message: `a ${step.kind} step needs the CSS selector of its element` });
    if (step.kind === 'post' && step.advance === 'click') ctx.addIssue({ code: 'custom', path: ['steps', i, 'advance'], message: 'a post has no element to click' });
    if (!step.title?.trim() && !step.body.trim()) ctx.addIssue({ code: 'custom', path: ['steps', i, 'body'], message: 'a step needs a title or a body' });
  });
}

const tourFields = {
  name: z.string().trim().min(1).max(CONTENT_LIMITS.name),
  steps: z.array(tourStepSchema).min(1).max(TOUR_LIMITS.steps),
  audience: ruleSchema.nullable().optional(),
  trigger: triggerSchema.optional(),
  frequency: frequencySchema.nullable().optional(),
  schedule: scheduleSchema.nullable().optional(),
  priority: z.number().int().min(0).max(100).optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
};

export const createTourSchema = z.strictObject(tourFields).superRefine((t, ctx) => checkSteps(t.steps, ctx));
export const updateTourSchema = z
  .strictObject({ ...tourFields, name: tourFields.name.optional(), steps: tourFields.steps.optional() })
  .superRefine((t, ctx) => checkSteps(t.steps, ctx));
export type CreateTourInput = z.infer<typeof createTourSchema>;
export type UpdateTourInput = z.infer<typeof updateTourSchema>;

const deliveryId = z.string().min(1).max(64);
const stepIndex = z.number().int().min(0).max(TOUR_LIMITS.steps - 1);

/** Widget → server: where a user is in a running tour. */
export const tourProgressSchema = z.discriminatedUnion('type', [
  z.strictObject({ deliveryId, type: z.literal('step_seen'), step: stepIndex }),
  z.strictObject({ deliveryId, type: z.literal('step_missing'), step: stepIndex, skipped: z.boolean() }),
  z.strictObject({ deliveryId, type: z.literal('ended'), step: stepIndex, reason: z.enum(TOUR_ENDINGS) }),
]);

/** `Messenger.startTour(id)`. */
export const tourStartSchema = z.object({ tourId: z.string().min(1).max(64) });
