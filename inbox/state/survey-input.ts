/**
 * Survey draft → request body, checked by our own rules first (so each
 * problem is named on its question, logic row or follow-up) and then with
 * the protocol's `createSurveySchema`; the server's refusal mapped back onto
 * the same places; and the PATCH of what changed.
 */
import {
  createSurveySchema,
  type AnswerCondition,
  type CreateSurveyInput,
  type LogicJump,
  type Survey,
  type SurveyFollowUp,
  type SurveyQuestion,
  type UpdateSurveyInput,
} from '../../protocol/index.js';
import { conditionFrom } from './answer-condition.js';
import { checkDelivery, deliveryFieldOfPath, type DeliveryField } from './delivery-draft.js';
import { changedKeys, parseServerIssue, sentence, zodIssues, type FieldErrors, type Issue } from './form-issues.js';
import { isEveryone } from './message-input.js';
import { compileRuleDraft, keyAtPath, type RuleErrors } from './rule-check.js';
import { answeredQuestion, filledOptions, type FollowUpDraft, type QuestionDraft, type SurveyDraft } from './survey-draft.js';

export type SurveyField = 'name' | 'display' | 'questions' | 'thankYouTitle' | 'thankYouBody' | 'audience' | 'samplePct' | 'followUps' | 'status' | DeliveryField;
export type QuestionPart = 'id' | 'type' | 'text' | 'options' | 'scale' | 'lowLabel' | 'highLabel';

export interface QuestionErrors {
  fields: FieldErrors<QuestionPart>;
  /** Logic row key → what is wrong with it. */
  logic: ReadonlyMap<number, string>;
}

/** Which part of a follow-up a problem is about (its control is marked invalid). */
export type FollowUpPart = 'question' | 'condition' | 'body' | 'traits' | 'tags' | 'action';

export interface FollowUpError {
  part: FollowUpPart;
  text: string;
}

export interface SurveyErrors {
  fields: FieldErrors<SurveyField>;
  audience: RuleErrors | null;
  /** Question key → its problems. */
  questions: ReadonlyMap<number, QuestionErrors>;
  /** Follow-up key → what is wrong with it. */
  followUps: ReadonlyMap<number, FollowUpError>;
}

export type SurveyInputResult = { ok: true; input: CreateSurveyInput } | { ok: false; errors: SurveyErrors };

const WHOLE = /^\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Collects errors as they are found; the first one of each place wins. */
class ErrorSet {
  fields: FieldErrors<SurveyField> = {};
  audience: RuleErrors | null = null;
  questions = new Map<number, { fields: FieldErrors<QuestionPart>; logic: Map<number, string> }>();
  followUps = new Map<number, FollowUpError>();

  field(field: SurveyField, text: string): void {
    if (this.fields[field] === undefined) this.fields[field] = text;
  }
  private question(key: number) {
    let entry = this.questions.get(key);
    if (!entry) this.questions.set(key, (entry = { fields: {}, logic: new Map() }));
    return entry;
  }
  questionPart(key: number, part: QuestionPart, text: string): void {
    const entry = this.question(key);
    if (entry.fields[part] === undefined) entry.fields[part] = text;
  }
  logic(questionKey: number, rowKey: number, text: string): void {
    const entry = this.question(questionKey);
    if (!entry.logic.has(rowKey)) entry.logic.set(rowKey, text);
  }
  followUp(key: number, part: FollowUpPart, text: string): void {
    if (!this.followUps.has(key)) this.followUps.set(key, { part, text });
  }
  get empty(): boolean {
    return Object.keys(this.fields).length === 0 && this.audience === null && this.questions.size === 0 && this.followUps.size === 0;
  }
  result(): SurveyErrors {
    return { fields: this.fields, audience: this.audience, questions: this.questions, followUps: this.followUps };
  }
}

export function surveyInputFrom(draft: SurveyDraft): SurveyInputResult {
  const errors = new ErrorSet();
  const need = (field: SurveyField, ok: boolean, text: string): void => {
    if (!ok) errors.field(field, text);
  };

  need('name', draft.name.trim() !== '', 'Give the survey a name.');
  need('questions', draft.questions.length > 0, 'Add at least one question.');
  const questions = draft.questions.map((q, i) => questionOf(q, i, draft.questions, errors));
  const thankYouTitle = draft.thankYouTitle.trim();
  need('thankYouTitle', thankYouTitle !== '' || draft.thankYouBody.trim() === '', 'Give the thank-you a title.');
  need('samplePct', WHOLE.test(draft.samplePct.trim()) && Number(draft.samplePct) >= 1 && Number(draft.samplePct) <= 100, 'Enter a whole number from 1 to 100.');
  const delivery = checkDelivery(draft, need);
  const audience = compileRuleDraft(draft.audience);
  if (!audience.ok) {
    errors.field('audience', 'Check the audience conditions.');
    errors.audience = audience.errors;
  }
  const followUps = draft.followUps.map((f) => followUpOf(f, draft.questions, errors));

  const candidate = {
    name: draft.name.trim(),
    questions,
    thank_you: thankYouTitle ? { title: thankYouTitle, body: draft.thankYouBody.trim() } : null,
    display: draft.display,
    audience: audience.ok && !isEveryone(audience.rule) ? audience.rule : null,
    trigger: delivery.trigger,
    frequency: delivery.frequency,
    schedule: delivery.schedule,
    sample_pct: Number(draft.samplePct.trim()),
    follow_up: followUps,
    priority: delivery.priority,
    status: draft.status,
  };
  if (!errors.empty) return { ok: false, errors: errors.result() };

  const parsed = createSurveySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  for (const issue of zodIssues(parsed.error)) placeIssue(issue, draft, errors);
  // Nothing the form shows: still refuse, on the name (the first field), rather than send what the server will refuse.
  if (errors.empty) errors.field('name', sentence(parsed.error.issues[0]?.message ?? 'Invalid survey.'));
  return { ok: false, errors: errors.result() };
}

function questionOf(draft: QuestionDraft, index: number, all: readonly QuestionDraft[], errors: ErrorSet): SurveyQuestion {
  const { key, type } = draft;
  const part = (p: QuestionPart, ok: boolean, text: string) => {
    if (!ok) errors.questionPart(key, p, text);
  };
  part('text', draft.text.trim() !== '', 'Write the question.');
  const question: SurveyQuestion = { id: draft.id, type, text: draft.text.trim() };
  if (!draft.required) question.required = false;
  if (type === 'single' || type === 'multi') {
    const options = filledOptions(draft);
    part('options', options.length >= 2, 'Add at least two options.');
    part('options', new Set(options).size === options.length, 'Each option must be different.');
    question.options = options;
    if (draft.allowOther) question.allow_other = true;
  }
  if (type === 'csat' && draft.style === 'faces') question.style = 'faces';
  if (type === 'rating') {
    const scale = draft.scale.trim();
    part('scale', WHOLE.test(scale) && Number(scale) >= 3 && Number(scale) <= 10, 'Enter a whole number from 3 to 10.');
    question.scale = Number(scale);
  }
  if (type === 'text' && draft.long) question.long = true;
  if (type !== 'single' && type !== 'multi' && type !== 'text') {
    if (draft.lowLabel.trim()) question.low_label = draft.lowLabel.trim();
    if (draft.highLabel.trim()) question.high_label = draft.highLabel.trim();
  }
  const later = new Set(['end', ...all.slice(index + 1).map((q) => q.id)]);
  const answered = answeredQuestion(draft);
  const logic: LogicJump[] = [];
  for (const row of draft.logic) {
    const condition = conditionFrom(row, answered);
    if (!condition.ok) errors.logic(key, row.key, condition.problem);
    else if (!later.has(row.goto)) errors.logic(key, row.key, row.goto === '' ? 'Choose where to go.' : 'Go to a later question or the end.');
    else logic.push({ if: condition.condition, goto: row.goto });
  }
  if (logic.length > 0) question.logic = logic;
  return question;
}

/** A trait's value as typed: numbers and true/false are stored as such, anything else as text. */
export function traitValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (NUMBER.test(trimmed)) return Number(trimmed);
  return text;
}

function followUpOf(draft: FollowUpDraft, questions: readonly QuestionDraft[], errors: ErrorSet): SurveyFollowUp {
  const problem = (part: FollowUpPart, text: string) => errors.followUp(draft.key, part, text);
  const question = questions.find((q) => q.id === draft.question);
  let condition: AnswerCondition = { op: draft.op };
  if (!question) problem('question', 'Choose a question.');
  else {
    const checked = conditionFrom(draft, answeredQuestion(question));
    if (checked.ok) condition = checked.condition;
    else problem('condition', checked.problem);
  }
  const traits = draft.traits.filter((t) => t.name.trim() !== '' || t.value.trim() !== '');
  if (draft.openConversation && draft.body.trim() === '') problem('body', 'Write the message that opens the conversation.');
  if (traits.some((t) => t.name.trim() === '')) problem('traits', 'Name each trait to set.');
  const tags = tagsOf(draft.tags);
  if (tags.some((t) => t.length > TAG_MAX)) problem('tags', `Keep each tag to ${TAG_MAX} characters.`);
  if (tags.length > TAGS_MAX) problem('tags', `Add at most ${TAGS_MAX} tags.`);
  if (!draft.openConversation && traits.length === 0 && tags.length === 0) problem('action', 'Open a conversation, set a trait or add a tag, or remove this follow-up.');
  const followUp: SurveyFollowUp = { question: draft.question, if: condition };
  if (draft.openConversation) followUp.open_conversation = { body: draft.body.trim(), assignee_id: draft.assigneeId || null };
  if (traits.length > 0) followUp.set_traits = Object.fromEntries(traits.map((t) => [t.name.trim(), traitValue(t.value)]));
  if (tags.length > 0) followUp.add_tags = tags;
  return followUp;
}

const TAG_MAX = 50;
const TAGS_MAX = 10;

/** Comma-separated tags as typed: trimmed, empty parts dropped. */
export function tagsOf(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

const TOP: Record<string, SurveyField> = {
  name: 'name',
  display: 'display',
  questions: 'questions',
  audience: 'audience',
  sample_pct: 'samplePct',
  follow_up: 'followUps',
  status: 'status',
};

const QUESTION_PARTS: Record<string, QuestionPart> = {
  id: 'id',
  type: 'type',
  text: 'text',
  options: 'options',
  allow_other: 'options',
  style: 'type',
  scale: 'scale',
  long: 'type',
  low_label: 'lowLabel',
  high_label: 'highLabel',
};

/** Puts an issue at `path` (of the request body) where the form shows it; false when the form has no such place. */
function placeIssue(issue: Issue, draft: SurveyDraft, errors: ErrorSet): boolean {
  const { path } = issue;
  const text = sentence(issue.text);
  const [head, index, sub, subIndex] = path;
  if (head === 'questions' && typeof index === 'number') {
    const question = draft.questions[index];
    if (!question) return (errors.field('questions', text), true);
    if (sub === 'logic') {
      const row = typeof subIndex === 'number' ? question.logic[subIndex] : undefined;
      if (row) errors.logic(question.key, row.key, text);
      else errors.questionPart(question.key, 'text', text);
      return true;
    }
    errors.questionPart(question.key, (typeof sub === 'string' && QUESTION_PARTS[sub]) || 'text', text);
    return true;
  }
  if (head === 'follow_up' && typeof index === 'number') {
    const followUp = draft.followUps[index];
    const part: FollowUpPart = sub === 'question' ? 'question' : sub === 'if' ? 'condition' : sub === 'set_traits' ? 'traits' : sub === 'add_tags' ? 'tags' : sub === 'open_conversation' ? 'body' : 'action';
    if (followUp) errors.followUp(followUp.key, part, text);
    else errors.field('followUps', text);
    return true;
  }
  if (head === 'thank_you') {
    errors.field(sub === 'body' || index === 'body' ? 'thankYouBody' : 'thankYouTitle', text);
    return true;
  }
  if (head === 'audience') {
    errors.field('audience', text);
    errors.audience = new Map([[keyAtPath(draft.audience.root, path.slice(1)), text]]);
    return true;
  }
  const delivery = deliveryFieldOfPath(path);
  if (delivery) return (errors.field(delivery, text), true);
  const top = typeof head === 'string' ? TOP[head] : undefined;
  if (top) return (errors.field(top, text), true);
  return false;
}

/** The server's `validation_failed` message on the form; null when it names nothing the form shows. */
export function surveyServerErrors(message: string, draft: SurveyDraft): SurveyErrors | null {
  const issue = parseServerIssue(message);
  if (!issue) return null;
  const errors = new ErrorSet();
  return placeIssue(issue, draft, errors) ? errors.result() : null;
}

/** What to PATCH on a saved survey: only what the form changed. */
export function surveyPatch(saved: Survey, input: CreateSurveyInput): UpdateSurveyInput {
  return changedKeys(saved, input);
}
