/**
 * The survey editor's draft: every field of a survey as the form holds it
 * (strings as typed, the audience as a rule builder draft, questions, logic
 * rows and follow-ups as keyed lists), made from a saved survey or from
 * defaults, and the list edits (add, remove, move, change type) that keep
 * logic jumps and follow-ups pointing at the right questions.
 * `survey-input.ts` turns it back into a request body.
 */
import type { ContentStatus, QuestionType, Survey, SurveyFollowUp, SurveyQuestion } from '../../protocol/index.js';
import { conditionDraftFrom, isNumericType, newConditionDraft, type AnsweredQuestion, type ConditionDraft } from './answer-condition.js';
import { deliveryDraftFrom, newDeliveryDraft, type DeliveryDraft } from './delivery-draft.js';
import { firstFreeId, moveByKey } from './keyed-list.js';
import { ruleDraftFrom, type RuleDraft } from './rule-check.js';
import { nextKey } from './rule-tree.js';

export interface OptionDraft {
  key: number;
  text: string;
}

/** "If answer [op] [value] go to [goto]"; goto is a later question's id, "end", or "" (none chosen). */
export interface LogicDraft extends ConditionDraft {
  key: number;
  goto: string;
}

/** Every question keeps the fields of all types, so switching its type and back loses nothing. */
export interface QuestionDraft {
  key: number;
  /** Stable across moves; logic, follow-ups and the results name it. */
  id: string;
  type: QuestionType;
  text: string;
  required: boolean;
  options: OptionDraft[];
  allowOther: boolean;
  style: 'stars' | 'faces';
  /** rating: the top of the scale, as typed. */
  scale: string;
  long: boolean;
  lowLabel: string;
  highLabel: string;
  logic: LogicDraft[];
}

export interface TraitDraft {
  key: number;
  name: string;
  value: string;
}

/** "When [question] [op] [value]: open a conversation …; set traits …; add tags …"; question "" until chosen. */
export interface FollowUpDraft extends ConditionDraft {
  key: number;
  question: string;
  openConversation: boolean;
  body: string;
  /** "" = unassigned. */
  assigneeId: string;
  traits: TraitDraft[];
  /** Tags to add to the contact, comma-separated as typed. */
  tags: string;
}

export interface SurveyDraft extends DeliveryDraft {
  name: string;
  display: 'card' | 'post';
  questions: QuestionDraft[];
  /** Both empty: no thank-you of the author's (the widget says "Thank you!"). */
  thankYouTitle: string;
  thankYouBody: string;
  audience: RuleDraft;
  samplePct: string;
  followUps: FollowUpDraft[];
  status: ContentStatus;
}

export const QUESTION_LABELS: Record<QuestionType, string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  single: 'Single choice',
  multi: 'Multiple choice',
  rating: 'Rating',
  text: 'Text',
};

/** What a new question of each type asks until the author writes their own. */
export const DEFAULT_QUESTION_TEXT: Record<QuestionType, string> = {
  nps: 'How likely are you to recommend us to a friend or colleague?',
  csat: 'How satisfied are you with us?',
  ces: 'How easy was it to get what you needed?',
  single: 'Which of these describes you best?',
  multi: 'What do you use us for?',
  rating: 'How would you rate this feature?',
  text: 'What could we do better?',
};

/** "q1", "q2"…: the first number no question uses (ids must be unique within a survey). */
export function nextQuestionId(questions: readonly Pick<QuestionDraft, 'id'>[]): string {
  return firstFreeId(questions, 'q');
}

export function optionDraft(text = ''): OptionDraft {
  return { key: nextKey(), text };
}

export function newQuestion(type: QuestionType, questions: readonly QuestionDraft[]): QuestionDraft {
  return {
    key: nextKey(),
    id: nextQuestionId(questions),
    type,
    text: DEFAULT_QUESTION_TEXT[type],
    required: true,
    options: [optionDraft(), optionDraft()],
    allowOther: false,
    style: 'stars',
    scale: '5',
    long: false,
    lowLabel: '',
    highLabel: '',
    logic: [],
  };
}

function questionDraftFrom(q: SurveyQuestion): QuestionDraft {
  const base = newQuestion(q.type, []);
  return {
    ...base,
    id: q.id,
    text: q.text,
    required: q.required !== false,
    options: q.options ? q.options.map((o) => optionDraft(o)) : base.options,
    allowOther: q.allow_other === true,
    style: q.style ?? 'stars',
    scale: q.scale !== undefined ? String(q.scale) : base.scale,
    long: q.long === true,
    lowLabel: q.low_label ?? '',
    highLabel: q.high_label ?? '',
    logic: (q.logic ?? []).map((jump) => ({ key: nextKey(), ...conditionDraftFrom(jump.if), goto: jump.goto })),
  };
}

export function traitDraft(name = '', value = ''): TraitDraft {
  return { key: nextKey(), name, value };
}

function followUpDraftFrom(f: SurveyFollowUp): FollowUpDraft {
  return {
    key: nextKey(),
    question: f.question,
    ...conditionDraftFrom(f.if),
    openConversation: f.open_conversation !== undefined,
    body: f.open_conversation?.body ?? '',
    assigneeId: f.open_conversation?.assignee_id ?? '',
    traits: Object.entries(f.set_traits ?? {}).map(([name, value]) => traitDraft(name, String(value))),
    tags: (f.add_tags ?? []).join(', '),
  };
}

export function newSurveyDraft(): SurveyDraft {
  return {
    ...newDeliveryDraft(),
    name: '',
    display: 'card',
    questions: [newQuestion('nps', [])],
    thankYouTitle: '',
    thankYouBody: '',
    audience: ruleDraftFrom(null),
    samplePct: '100',
    followUps: [],
    status: 'draft',
  };
}

export function surveyDraftFrom(survey: Survey | null): SurveyDraft {
  if (!survey) return newSurveyDraft();
  return {
    ...newSurveyDraft(),
    ...deliveryDraftFrom(survey),
    name: survey.name,
    display: survey.display,
    questions: survey.questions.map(questionDraftFrom),
    thankYouTitle: survey.thank_you?.title ?? '',
    thankYouBody: survey.thank_you?.body ?? '',
    audience: ruleDraftFrom(survey.audience),
    samplePct: String(survey.sample_pct),
    followUps: survey.follow_up.map(followUpDraftFrom),
    status: survey.status,
  };
}

/** The options as the survey sends them: trimmed, blank rows left out. */
export function filledOptions(question: Pick<QuestionDraft, 'options'>): string[] {
  return question.options.map((o) => o.text.trim()).filter((text) => text !== '');
}

/** What the conditions on a question's answers need to know of it. */
export function answeredQuestion(question: QuestionDraft): AnsweredQuestion {
  const scale = Number(question.scale.trim());
  return { type: question.type, options: filledOptions(question), scale: Number.isInteger(scale) ? scale : 5 };
}

// ---- The question list ----

export function addQuestion(questions: readonly QuestionDraft[], type: QuestionType = 'nps'): QuestionDraft[] {
  return [...questions, newQuestion(type, questions)];
}

/**
 * Removes a question. Jumps and follow-ups that named it lose their target
 * ("" until the author chooses again) rather than disappearing with it: the
 * form then says what to fix instead of dropping the author's work unseen.
 */
export function removeQuestion(draft: Pick<SurveyDraft, 'questions' | 'followUps'>, key: number): Pick<SurveyDraft, 'questions' | 'followUps'> {
  const gone = draft.questions.find((q) => q.key === key);
  if (!gone) return { questions: [...draft.questions], followUps: [...draft.followUps] };
  return {
    questions: draft.questions
      .filter((q) => q.key !== key)
      .map((q) => (q.logic.some((l) => l.goto === gone.id) ? { ...q, logic: q.logic.map((l) => (l.goto === gone.id ? { ...l, goto: '' } : l)) } : q)),
    followUps: draft.followUps.map((f) => (f.question === gone.id ? { ...f, question: '' } : f)),
  };
}

/** Moves a question one place up (-1) or down (+1); no change at either end. A jump left pointing backwards is refused by the check. */
export function moveQuestion(questions: readonly QuestionDraft[], key: number, delta: -1 | 1): QuestionDraft[] {
  return moveByKey(questions, key, delta);
}

/** The same question as another type: the default text follows when the author hadn't written their own; logic rows start over when their values no longer mean anything. */
export function changeQuestionType(question: QuestionDraft, type: QuestionType): QuestionDraft {
  if (type === question.type) return question;
  const untouched = question.text.trim() === '' || question.text === DEFAULT_QUESTION_TEXT[question.type];
  const changed: QuestionDraft = { ...question, type, text: untouched ? DEFAULT_QUESTION_TEXT[type] : question.text };
  const sameValues = (isNumericType(type) && isNumericType(question.type)) || (isChoice(type) && isChoice(question.type));
  if (sameValues || question.logic.length === 0) return changed;
  const fresh = newConditionDraft(answeredQuestion(changed));
  return { ...changed, logic: changed.logic.map((l) => ({ ...l, ...fresh })) };
}

function isChoice(type: QuestionType): boolean {
  return type === 'single' || type === 'multi';
}

/** A new jump on a question: its first condition, to the end (always a valid target). */
export function addLogic(question: QuestionDraft): QuestionDraft {
  return { ...question, logic: [...question.logic, { key: nextKey(), ...newConditionDraft(answeredQuestion(question)), goto: 'end' }] };
}

/** Where a jump from the question at `index` may go: any later question, or the end. */
export function gotoTargets(questions: readonly QuestionDraft[], index: number): Array<{ value: string; label: string }> {
  return [
    ...questions.slice(index + 1).map((q, i) => ({ value: q.id, label: `Question ${index + i + 2}: ${snippet(q.text)}` })),
    { value: 'end', label: 'End of survey' },
  ];
}

/** A question's text cut short for a select's option. */
export function snippet(text: string, max = 40): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain || '(no text yet)';
}

// ---- Follow-ups ----

export function newFollowUp(questions: readonly QuestionDraft[]): FollowUpDraft {
  // The first NPS question if there is one: "every detractor gets a conversation" is the usual first follow-up.
  const question = questions.find((q) => q.type === 'nps') ?? questions[0];
  return {
    key: nextKey(),
    question: question?.id ?? '',
    ...(question ? newConditionDraft(answeredQuestion(question)) : { op: 'answered' as const, value: '', values: [] }),
    openConversation: true,
    body: '',
    assigneeId: '',
    traits: [],
    tags: '',
  };
}

/** The follow-up watching another question: its condition starts over, as the old values belong to the old question. */
export function changeFollowUpQuestion(followUp: FollowUpDraft, questionId: string, questions: readonly QuestionDraft[]): FollowUpDraft {
  const question = questions.find((q) => q.id === questionId);
  return { ...followUp, question: questionId, ...(question ? newConditionDraft(answeredQuestion(question)) : {}) };
}
