/**
 * A condition on a survey answer as the editor holds it ("If answer [is at
 * most] [6]"): which conditions a question type offers, which values an
 * answer can take, and the conversion both ways to the protocol's
 * `AnswerCondition`. Used by logic jumps and follow-ups alike.
 */
import type { AnswerCondition, QuestionType } from '../../protocol/index.js';
import { scaleRange } from '../../protocol/surveys/answers.js';

export type ConditionOp = AnswerCondition['op'];

/** Strings as chosen: `value` for eq/neq/lte/gte, `values` for in. */
export interface ConditionDraft {
  op: ConditionOp;
  value: string;
  values: string[];
}

/** What the conditions need to know of a question. */
export interface AnsweredQuestion {
  type: QuestionType;
  /** single / multi: the (non-blank) options. */
  options: readonly string[];
  /** rating: the top of the scale. */
  scale: number;
}

const NUMERIC_OPS: ReadonlyArray<[ConditionOp, string]> = [
  ['lte', 'is at most'],
  ['gte', 'is at least'],
  ['eq', 'is'],
  ['neq', 'is not'],
  ['in', 'is one of'],
  ['answered', 'is answered'],
  ['skipped', 'is skipped'],
];
const SINGLE_OPS: ReadonlyArray<[ConditionOp, string]> = [
  ['eq', 'is'],
  ['neq', 'is not'],
  ['in', 'is one of'],
  ['answered', 'is answered'],
  ['skipped', 'is skipped'],
];
const MULTI_OPS: ReadonlyArray<[ConditionOp, string]> = [
  ['eq', 'includes'],
  ['neq', 'does not include'],
  ['in', 'includes any of'],
  ['answered', 'is answered'],
  ['skipped', 'is skipped'],
];
const TEXT_OPS: ReadonlyArray<[ConditionOp, string]> = [
  ['answered', 'is answered'],
  ['skipped', 'is skipped'],
];

export function isNumericType(type: QuestionType): boolean {
  return type === 'nps' || type === 'csat' || type === 'ces' || type === 'rating';
}

/** The conditions a question of this type offers, with their words. */
export function conditionOps(type: QuestionType): ReadonlyArray<{ op: ConditionOp; label: string }> {
  const ops = isNumericType(type) ? NUMERIC_OPS : type === 'single' ? SINGLE_OPS : type === 'multi' ? MULTI_OPS : TEXT_OPS;
  return ops.map(([op, label]) => ({ op, label }));
}

// The range of a scale question: one definition, shared with the server's answer checks.
export { scaleRange };

/** The values an answer can take (the numbers of a scale, the options of a choice); empty for text. */
export function answerValues(question: AnsweredQuestion): string[] {
  const range = scaleRange(question);
  if (range) return Array.from({ length: range[1] - range[0] + 1 }, (_, i) => String(range[0] + i));
  if (question.type === 'single' || question.type === 'multi') return [...question.options];
  return [];
}

/** Whether the condition compares with a value (one, or several for `in`). */
export function takesValue(op: ConditionOp): 'one' | 'many' | 'none' {
  return op === 'in' ? 'many' : op === 'answered' || op === 'skipped' ? 'none' : 'one';
}

export function conditionDraftFrom(condition: AnswerCondition): ConditionDraft {
  const { op, value } = condition;
  if (Array.isArray(value)) return { op, value: '', values: value.map(String) };
  return { op, value: value === undefined ? '' : String(value), values: [] };
}

/** A fresh condition for a question: the first value it offers (NPS: "is at most 6", the detractors). */
export function newConditionDraft(question: AnsweredQuestion): ConditionDraft {
  if (question.type === 'nps') return { op: 'lte', value: '6', values: [] };
  if (isNumericType(question.type)) return { op: 'lte', value: String(scaleRange(question)?.[0] ?? 1), values: [] };
  if (question.type === 'single' || question.type === 'multi') return { op: 'eq', value: question.options[0] ?? '', values: [] };
  return { op: 'answered', value: '', values: [] };
}

/** What a condition means for this question, or what is wrong with it. */
export function conditionFrom(draft: ConditionDraft, question: AnsweredQuestion): { ok: true; condition: AnswerCondition } | { ok: false; problem: string } {
  if (!conditionOps(question.type).some((o) => o.op === draft.op)) return { ok: false, problem: 'Choose a condition this question can meet.' };
  const allowed = answerValues(question);
  const numeric = isNumericType(question.type);
  const cast = (v: string): number | string => (numeric ? Number(v) : v);
  switch (takesValue(draft.op)) {
    case 'none':
      return { ok: true, condition: { op: draft.op } };
    case 'one':
      if (!allowed.includes(draft.value)) return { ok: false, problem: 'Choose a value.' };
      return { ok: true, condition: { op: draft.op, value: cast(draft.value) } };
    case 'many': {
      // In the question's order, whatever order they were ticked in.
      const values = allowed.filter((v) => draft.values.includes(v));
      if (values.length === 0) return { ok: false, problem: 'Choose at least one value.' };
      return { ok: true, condition: { op: 'in', value: values.map(cast) } };
    }
  }
}
