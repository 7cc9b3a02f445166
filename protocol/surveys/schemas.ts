/**
 * Input schemas of `/api/v1/surveys` and of the widget's survey requests.
 * Questions are checked as a whole: ids unique, options where a type needs
 * them, logic jumps only forward (a survey always ends).
 */
import { z } from 'zod';
import { CONTENT_STATUSES } from '../content/models.js';
import { frequencySchema, scheduleSchema, triggerSchema } from '../content/schemas.js';
import { ruleSchema } from '../targeting/rule.js';
import { QUESTION_TYPES } from './models.js';

export const SURVEY_LIMITS = { questions: 20, options: 20, option: 200, text: 1_000, answerText: 2_000, followUps: 10 } as const;

const questionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (at most 40)');
const scalar = z.union([z.number().finite(), z.string().max(SURVEY_LIMITS.option)]);

export const answerConditionSchema = z.strictObject({
  op: z.enum(['eq', 'neq', 'lte', 'gte', 'in', 'answered', 'skipped']),
  value: z.union([scalar, z.array(scalar).max(SURVEY_LIMITS.options)]).optional(),
});

export const surveyQuestionSchema = z.strictObject({
  id: questionId,
  type: z.enum(QUESTION_TYPES),
  text: z.string().trim().min(1).max(SURVEY_LIMITS.text),
  required: z.boolean().optional(),
  options: z.array(z.string().trim().min(1).max(SURVEY_LIMITS.option)).max(SURVEY_LIMITS.options).optional(),
  allow_other: z.boolean().optional(),
  style: z.enum(['stars', 'faces']).optional(),
  scale: z.number().int().min(3).max(10).optional(),
  long: z.boolean().optional(),
  low_label: z.string().max(60).optional(),
  high_label: z.string().max(60).optional(),
  logic: z.array(z.strictObject({ if: answerConditionSchema, goto: z.union([z.literal('end'), questionId]) })).max(10).optional(),
});

export const followUpSchema = z.strictObject({
  question: questionId,
  if: answerConditionSchema,
  open_conversation: z
    .strictObject({ body: z.string().trim().min(1).max(2_000), assignee_id: z.string().max(64).nullable().optional(), team_id: z.string().max(64).nullable().optional() })
    .optional(),
  set_traits: z.record(z.string().min(1).max(64), z.union([z.string().max(1_000), z.number().finite(), z.boolean()])).optional(),
  add_tags: z.array(z.string().trim().min(1).max(50)).max(10).optional(),
});

type QuestionInput = z.infer<typeof surveyQuestionSchema>;

function checkQuestions(questions: QuestionInput[] | undefined, followUps: Array<{ question: string }> | undefined, ctx: z.RefinementCtx): void {
  if (!questions) return;
  const ids = questions.map((q) => q.id);
  questions.forEach((q, i) => {
    if (ids.indexOf(q.id) !== i) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id "${q.id}" is used twice` });
    if ((q.type === 'single' || q.type === 'multi') && !(q.options && q.options.length >= 2)) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'a choice question needs at least two options' });
    }
    (q.logic ?? []).forEach((jump, j) => {
      if (jump.goto !== 'end' && ids.indexOf(jump.goto) <= i) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'logic', j, 'goto'], message: `"${jump.goto}" must be a later question or "end"` });
      }
    });
  });
  (followUps ?? []).forEach((f, i) => {
    if (!ids.includes(f.question)) ctx.addIssue({ code: 'custom', path: ['follow_up', i, 'question'], message: `no question "${f.question}"` });
  });
}

const thankYouSchema = z.strictObject({ title: z.string().trim().min(1).max(200), body: z.string().max(SURVEY_LIMITS.text) });

const surveyFields = {
  name: z.string().trim().min(1).max(120),
  questions: z.array(surveyQuestionSchema).min(1).max(SURVEY_LIMITS.questions),
  thank_you: thankYouSchema.nullable().optional(),
  display: z.enum(['card', 'post']).optional(),
  audience: ruleSchema.nullable().optional(),
  trigger: triggerSchema.optional(),
  frequency: frequencySchema.nullable().optional(),
  schedule: scheduleSchema.nullable().optional(),
  sample_pct: z.number().int().min(1).max(100).optional(),
  follow_up: z.array(followUpSchema).max(SURVEY_LIMITS.followUps).optional(),
  priority: z.number().int().min(0).max(100).optional(),
  status: z.enum(CONTENT_STATUSES).optional(),
};

export const createSurveySchema = z.strictObject(surveyFields).superRefine((s, ctx) => checkQuestions(s.questions, s.follow_up, ctx));
export const updateSurveySchema = z
  .strictObject({ ...surveyFields, name: surveyFields.name.optional(), questions: surveyFields.questions.optional() })
  .superRefine((s, ctx) => checkQuestions(s.questions, s.follow_up, ctx));
export type CreateSurveyInput = z.infer<typeof createSurveySchema>;
export type UpdateSurveyInput = z.infer<typeof updateSurveySchema>;

export const answerValueSchema = z.union([
  z.number().finite(),
  z.string().max(SURVEY_LIMITS.answerText),
  z.array(z.string().max(SURVEY_LIMITS.option)).max(SURVEY_LIMITS.options),
]);

/** Widget → server: answers so far (saved as they come), and whether the respondent finished. */
export const surveyAnswerSchema = z.object({
  deliveryId: z.string().min(1).max(64),
  answers: z.record(questionId, answerValueSchema).refine((a) => Object.keys(a).length <= SURVEY_LIMITS.questions, 'too many answers'),
  completed: z.boolean(),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerSchema>;

/** A survey sent in a conversation: its questions and saved answers, by the delivery the message carries. */
export const surveyLoadSchema = z.object({ deliveryId: z.string().min(1).max(64) });

/** `Messenger.startSurvey(id)`. */
export const surveyStartSchema = z.object({ surveyId: z.string().min(1).max(64) });

/** The visitor rates a closed conversation (CSAT after close). */
export const conversationRatingSchema = z.object({
  conversationId: z.string().min(1).max(64),
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(SURVEY_LIMITS.answerText).optional(),
});
export type ConversationRatingInput = z.infer<typeof conversationRatingSchema>;

/** `?from=&to=` of results and reports (ISO 8601, `to` exclusive). */
export const dateRangeQuerySchema = z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional() });

export const surveyResultsQuerySchema = dateRangeQuerySchema.extend({
  by: z.string().regex(/^(segment|trait:[A-Za-z0-9_.-]{1,64})$/, 'segment or trait:<key>').optional(),
});
