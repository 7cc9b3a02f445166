/** The survey editor's model: the question list edits, logic and follow-ups ↔ request, our own check and the server's refusal. */
import { describe, expect, it } from 'vitest';
import type { Survey } from '../../protocol/index.js';
import { answerValues, conditionFrom, conditionOps } from './answer-condition.js';
import {
  addLogic,
  addQuestion,
  changeFollowUpQuestion,
  changeQuestionType,
  gotoTargets,
  moveQuestion,
  newFollowUp,
  newSurveyDraft,
  optionDraft,
  removeQuestion,
  surveyDraftFrom,
  traitDraft,
  type SurveyDraft,
} from './survey-draft.js';
import { surveyInputFrom, surveyPatch, surveyServerErrors, traitValue } from './survey-input.js';
import { previewSurvey } from './survey-preview.js';

const saved: Survey = {
  id: 'sv_1',
  name: 'Quarterly NPS',
  questions: [
    { id: 'q1', type: 'nps', text: 'How likely are you to recommend us?', low_label: 'Never', logic: [{ if: { op: 'gte', value: 9 }, goto: 'q3' }] },
    { id: 'q2', type: 'multi', text: 'What should we fix?', options: ['Speed', 'Price', 'Docs'], allow_other: true, required: false, logic: [{ if: { op: 'in', value: ['Price', 'Docs'] }, goto: 'end' }] },
    { id: 'q3', type: 'text', text: 'Anything else?', long: true },
  ],
  thank_you: { title: 'Thanks!', body: 'We read every answer.' },
  display: 'post',
  audience: { all: [{ attr: 'plan', op: 'eq', value: 'pro' }] },
  trigger: { on: 'event', event: 'invoice_paid' },
  frequency: { max_per_contact: 2, every_days: 90 },
  schedule: null,
  sample_pct: 25,
  follow_up: [
    { question: 'q1', if: { op: 'lte', value: 6 }, open_conversation: { body: 'Sorry to hear that.', assignee_id: 'a1' }, set_traits: { detractor: true, nps_round: 3 }, add_tags: ['detractor', 'nps q3'] },
  ],
  priority: 7,
  status: 'live',
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};

function input(draft: SurveyDraft) {
  const result = surveyInputFrom(draft);
  if (!result.ok) throw new Error(JSON.stringify({ fields: result.errors.fields, q: [...result.errors.questions], f: [...result.errors.followUps] }));
  return result.input;
}

describe('survey form ↔ input', () => {
  it('round-trips a saved survey with logic and follow-ups: nothing to PATCH', () => {
    const draft = surveyDraftFrom(saved);
    expect(draft.questions.map((q) => q.logic.map((l) => [l.op, l.value, l.values, l.goto]))).toEqual([[['gte', '9', [], 'q3']], [['in', '', ['Price', 'Docs'], 'end']], []]);
    expect(draft.followUps[0]).toMatchObject({ question: 'q1', op: 'lte', value: '6', openConversation: true, assigneeId: 'a1', tags: 'detractor, nps q3' });
    const body = input(draft);
    expect(body.questions).toEqual(saved.questions);
    expect(body.follow_up).toEqual(saved.follow_up);
    expect(surveyPatch(saved, body)).toEqual({});
  });

  it('starts a new survey with one NPS question and sends defaults', () => {
    const draft = { ...newSurveyDraft(), name: ' Pulse ' };
    expect(input(draft)).toEqual({
      name: 'Pulse',
      questions: [{ id: 'q1', type: 'nps', text: 'How likely are you to recommend us to a friend or colleague?' }],
      thank_you: null,
      display: 'card',
      audience: null,
      trigger: { on: 'immediate' },
      frequency: null,
      schedule: null,
      sample_pct: 100,
      follow_up: [],
      priority: 0,
      status: 'draft',
    });
  });

  it('adds, moves and removes questions; a removed question leaves its jumps and follow-ups to re-aim', () => {
    let draft = surveyDraftFrom(saved);
    draft = { ...draft, questions: addQuestion(draft.questions, 'rating') };
    expect(draft.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(draft.questions[3]).toMatchObject({ type: 'rating', text: 'How would you rate this feature?', scale: '5' });

    const q3 = draft.questions[2];
    draft = { ...draft, ...removeQuestion(draft, q3.key) };
    expect(draft.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q4']);
    expect(draft.questions[0].logic[0].goto).toBe('');
    // A fresh id is the first one free again.
    expect(addQuestion(draft.questions).at(-1)?.id).toBe('q3');

    const q1 = draft.questions[0];
    draft = { ...draft, ...removeQuestion(draft, q1.key) };
    expect(draft.followUps[0].question).toBe('');
    const result = surveyInputFrom(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([...result.errors.followUps.values()]).toEqual([{ part: 'question', text: 'Choose a question.' }]);

    const moved = moveQuestion(draft.questions, draft.questions[1].key, -1);
    expect(moved.map((q) => q.id)).toEqual(['q4', 'q2']);
    expect(moveQuestion(moved, moved[0].key, -1)).toEqual(moved);
  });

  it('refuses a jump left pointing backwards after a move, on its row', () => {
    const draft = surveyDraftFrom(saved);
    const questions = moveQuestion(draft.questions, draft.questions[2].key, -1); // q1, q3, q2
    const withJump = questions.map((q) => (q.id === 'q2' ? { ...q, logic: [{ ...q.logic[0], goto: 'q3' }] } : q));
    const result = surveyInputFrom({ ...draft, questions: withJump });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const q2 = withJump[2];
      expect(result.errors.questions.get(q2.key)?.logic.get(q2.logic[0].key)).toBe('Go to a later question or the end.');
    }
    expect(gotoTargets(withJump, 1).map((t) => t.value)).toEqual(['q2', 'end']);
  });

  it('changes a question type: default text follows, logic values start over when they mean nothing', () => {
    const draft = newSurveyDraft();
    const nps = addLogic(draft.questions[0]);
    expect(nps.logic[0]).toMatchObject({ op: 'lte', value: '6', goto: 'end' });
    const ces = changeQuestionType(nps, 'ces');
    expect(ces.text).toBe('How easy was it to get what you needed?');
    // Numbers stay numbers.
    expect(ces.logic[0]).toMatchObject({ op: 'lte', value: '6' });
    const single = changeQuestionType({ ...ces, text: 'My own words' }, 'single');
    expect(single.text).toBe('My own words');
    expect(single.logic[0]).toMatchObject({ op: 'eq', value: '' });
  });

  it('converts conditions per question type', () => {
    const rating = { type: 'rating' as const, options: [], scale: 4 };
    expect(answerValues(rating)).toEqual(['1', '2', '3', '4']);
    expect(conditionFrom({ op: 'in', value: '', values: ['3', '1'] }, rating)).toEqual({ ok: true, condition: { op: 'in', value: [1, 3] } });
    expect(conditionFrom({ op: 'eq', value: '7', values: [] }, rating)).toEqual({ ok: false, problem: 'Choose a value.' });
    expect(conditionFrom({ op: 'in', value: '', values: [] }, rating)).toEqual({ ok: false, problem: 'Choose at least one value.' });
    const choice = { type: 'single' as const, options: ['Yes', 'No'], scale: 5 };
    expect(conditionFrom({ op: 'neq', value: 'No', values: [] }, choice)).toEqual({ ok: true, condition: { op: 'neq', value: 'No' } });
    expect(conditionFrom({ op: 'lte', value: 'No', values: [] }, choice)).toEqual({ ok: false, problem: 'Choose a condition this question can meet.' });
    expect(conditionOps('text').map((o) => o.op)).toEqual(['answered', 'skipped']);
    expect(conditionFrom({ op: 'skipped', value: 'x', values: ['y'] }, { type: 'text', options: [], scale: 5 })).toEqual({ ok: true, condition: { op: 'skipped' } });
  });

  it('builds follow-ups: traits typed, blank rows dropped, an action required', () => {
    const draft = newSurveyDraft();
    const followUp = newFollowUp(draft.questions);
    expect(followUp).toMatchObject({ question: 'q1', op: 'lte', value: '6', openConversation: true });
    const withTraits = { ...followUp, body: ' We are on it. ', traits: [traitDraft('churn_risk', 'true'), traitDraft('', ''), traitDraft('score', '4.5'), traitDraft('note', 'call back')] };
    expect(input({ ...draft, name: 'x', followUps: [withTraits] }).follow_up).toEqual([
      { question: 'q1', if: { op: 'lte', value: 6 }, open_conversation: { body: 'We are on it.', assignee_id: null }, set_traits: { churn_risk: true, score: 4.5, note: 'call back' } },
    ]);
    expect(traitValue('0012')).toBe(12);
    expect(traitValue('false')).toBe(false);

    const nothing = surveyInputFrom({ ...draft, name: 'x', followUps: [{ ...followUp, openConversation: false }] });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(nothing.errors.followUps.get(followUp.key)?.part).toBe('action');
    if (!nothing.ok) expect(nothing.errors.followUps.get(followUp.key)?.text).toBe('Open a conversation, set a trait or add a tag, or remove this follow-up.');
    // Tags alone are an action: trimmed, empty parts dropped; blank tags are left out.
    expect(input({ ...draft, name: 'x', followUps: [{ ...followUp, openConversation: false, tags: ' detractor, ,churn risk ,' }] }).follow_up).toEqual([
      { question: 'q1', if: { op: 'lte', value: 6 }, add_tags: ['detractor', 'churn risk'] },
    ]);
    expect(input({ ...draft, name: 'x', followUps: [{ ...withTraits, tags: ' , ' }] }).follow_up?.[0]).not.toHaveProperty('add_tags');
    const tooMany = surveyInputFrom({ ...draft, name: 'x', followUps: [{ ...followUp, openConversation: false, tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') }] });
    if (!tooMany.ok) expect(tooMany.errors.followUps.get(followUp.key)).toEqual({ part: 'tags', text: 'Add at most 10 tags.' });
    expect(tooMany.ok).toBe(false);
    const noBody = surveyInputFrom({ ...draft, name: 'x', followUps: [followUp] });
    if (!noBody.ok) expect(noBody.errors.followUps.get(followUp.key)).toEqual({ part: 'body', text: 'Write the message that opens the conversation.' });

    // Watching another question: the condition starts over for it.
    const text = { ...addQuestion(draft.questions, 'text')[1] };
    expect(changeFollowUpQuestion(followUp, text.id, [...draft.questions, text])).toMatchObject({ question: text.id, op: 'answered' });
  });

  it('names problems on their question: text, options, scale, thank-you, sample', () => {
    const draft = newSurveyDraft();
    const choice = { ...changeQuestionType(draft.questions[0], 'single'), options: [optionDraft('Yes'), optionDraft('  ')] };
    const rating = { ...addQuestion([choice], 'rating')[1], text: ' ', scale: '12' };
    const result = surveyInputFrom({ ...draft, name: '', questions: [choice, rating], thankYouBody: 'Bye', samplePct: '0' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({ name: 'Give the survey a name.', thankYouTitle: 'Give the thank-you a title.', samplePct: 'Enter a whole number from 1 to 100.' });
    expect(result.errors.questions.get(choice.key)?.fields).toEqual({ options: 'Add at least two options.' });
    expect(result.errors.questions.get(rating.key)?.fields).toEqual({ text: 'Write the question.', scale: 'Enter a whole number from 3 to 10.' });
  });

  it('maps the server’s refusal onto the question, jump or follow-up it names', () => {
    const draft = surveyDraftFrom(saved);
    const onOptions = surveyServerErrors('questions.1.options: a choice question needs at least two options', draft);
    expect(onOptions?.questions.get(draft.questions[1].key)?.fields.options).toBe('A choice question needs at least two options.');
    const onJump = surveyServerErrors('questions.0.logic.0.goto: must be a later question', draft);
    expect(onJump?.questions.get(draft.questions[0].key)?.logic.get(draft.questions[0].logic[0].key)).toBe('Must be a later question.');
    expect(surveyServerErrors('follow_up.0.open_conversation.body: Too big', draft)?.followUps.get(draft.followUps[0].key)).toEqual({ part: 'body', text: 'Too big.' });
    expect(surveyServerErrors('sample_pct: Too big', draft)?.fields).toEqual({ samplePct: 'Too big.' });
    expect(surveyServerErrors('trigger.event: an event trigger names its event', draft)?.fields).toEqual({ triggerEvent: 'An event trigger names its event.' });
    expect(surveyServerErrors('something went wrong', draft)).toBeNull();
  });
});

describe('survey preview', () => {
  it('stands at the question looked at, reached through the logic, and ends on the thank-you', () => {
    const draft = surveyDraftFrom(saved);
    const second = previewSurvey(draft, 1, 'Acme');
    expect(second.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    // An answer below 9: 9 and up would jump past question 2.
    expect(second.answers).toEqual({ q1: 0 });
    expect(second.display).toBe('post');
    expect(second.questions[1]).toMatchObject({ options: ['Speed', 'Price', 'Docs'], allow_other: true });
    // Straight to question 3 from question 1.
    expect(previewSurvey(draft, 2, 'Acme').answers).toEqual({ q1: 9 });
    const thanks = previewSurvey(draft, 3, 'Acme');
    expect(Object.keys(thanks.answers)).toEqual(['q1', 'q3']);
    expect(thanks.thank_you).toEqual({ title: 'Thanks!', body: 'We read every answer.' });
  });

  it('starts at a question no answer reaches', () => {
    const draft = surveyDraftFrom(saved);
    const q1 = { ...draft.questions[0], logic: [{ ...draft.questions[0].logic[0], op: 'answered' as const }] };
    const unreachable = previewSurvey({ ...draft, questions: [q1, ...draft.questions.slice(1)] }, 1, 'Acme');
    expect(unreachable.questions.map((q) => q.id)).toEqual(['q2', 'q3']);
    expect(unreachable.answers).toEqual({});
  });
});
