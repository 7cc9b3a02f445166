// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answers, SurveyQuestion, WidgetSurvey } from '../../../protocol/surveys/models.js';
import { ar } from '../../i18n/ar.js';
import { en } from '../../i18n/en.js';
import { SurveyView } from './SurveyView.js';
import type { SurveyViewProps } from './types.js';

// The NPS survey of protocol/surveys/logic.test.ts: detractors, passives and promoters each get their own follow-up.
const questions: SurveyQuestion[] = [
  { id: 'nps', type: 'nps', text: 'How likely are you to **recommend** us?', logic: [{ if: { op: 'lte', value: 6 }, goto: 'better' }, { if: { op: 'gte', value: 9 }, goto: 'review' }] },
  { id: 'passive', type: 'text', text: 'What would make it a 10?', logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'better', type: 'text', text: 'What could we do better?', required: false, logic: [{ if: { op: 'answered' }, goto: 'end' }] },
  { id: 'review', type: 'single', text: 'Would you leave a [review](https://reviews.example/acme)?', options: ['Yes', 'No'] },
];

function show(over: Partial<WidgetSurvey> = {}, props: Partial<SurveyViewProps> = {}) {
  const onAnswer = vi.fn<(answers: Answers, completed: boolean) => void>();
  const onDismiss = vi.fn();
  const survey: WidgetSurvey = { questions, thank_you: null, display: 'card', answers: {}, ...over };
  const result = render(<SurveyView survey={survey} strings={en} onAnswer={onAnswer} onDismiss={onDismiss} {...props} />);
  return { onAnswer, onDismiss, ...result };
}
const next = () => fireEvent.click(screen.getByRole('button', { name: /^(Next|Submit)$/ }));
const question = () => screen.getByRole('dialog').querySelector('.ps-question')?.textContent;

afterEach(cleanup);

describe('survey view', () => {
  it('is a dialog named by its first question (plain text), showing one question and its progress', () => {
    show();
    screen.getByRole('dialog', { name: 'How likely are you to recommend us?' });
    expect(screen.getAllByRole('radiogroup')).toHaveLength(1);
    expect(screen.getByRole('radiogroup', { name: 'How likely are you to recommend us?' })).toBeTruthy();
    expect(screen.getByText('Question 1 of 4').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('button', { name: 'Next' })).toBeTruthy();
  });

  it('walks the logic: a detractor gets "What could we do better?", then the end', () => {
    const { onAnswer } = show();
    fireEvent.click(screen.getByRole('radio', { name: '3' }));
    next();
    expect(onAnswer).toHaveBeenLastCalledWith({ nps: 3 }, false);
    expect(question()).toBe('What could we do better?');
    // Two steps at most now: the passive question was jumped over.
    expect(screen.getByText('Question 2 of 3')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'What could we do better?' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Faster exports' } });
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onAnswer).toHaveBeenLastCalledWith({ nps: 3, better: 'Faster exports' }, true);
    expect(screen.getByRole('heading', { name: en.surveyThanks })).toBe(document.activeElement);
  });

  it('sends a promoter to the review question, whose link stays a link', () => {
    const { onAnswer } = show();
    fireEvent.click(screen.getByRole('radio', { name: '10' }));
    next();
    expect(question()).toBe('Would you leave a review?');
    expect(screen.getByRole('link', { name: 'review' }).getAttribute('href')).toBe('https://reviews.example/acme');
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    next();
    expect(onAnswer.mock.calls).toEqual([[{ nps: 10 }, false], [{ nps: 10, review: 'Yes' }, true]]);
  });

  it('resumes at the first unanswered question on the path, keeping the earlier answers', () => {
    const { onAnswer } = show({ answers: { nps: 8 } });
    expect(question()).toBe('What would make it a 10?');
    expect(screen.getByText('Question 2 of 4')).toBeTruthy(); // an upper bound: the review question is still possible
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'Dark mode' } });
    next();
    expect(onAnswer).toHaveBeenCalledWith({ nps: 8, passive: 'Dark mode' }, true);
  });

  it('a required question does not advance without an answer, and says why', () => {
    const { onAnswer } = show();
    const button = screen.getByRole('button', { name: 'Next' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onAnswer).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(en.required);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '0' }));
    fireEvent.click(screen.getByRole('radio', { name: '7' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(button.hasAttribute('aria-disabled')).toBe(false);
  });

  it('an optional question can be skipped, and the logic sees it as skipped', () => {
    const { onAnswer } = show({ answers: { nps: 2 } });
    expect(question()).toBe('What could we do better?');
    // Unanswered, its "answered → end" jump does not apply: the review question comes next.
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('aria-disabled')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onAnswer).toHaveBeenCalledWith({ nps: 2 }, false);
    expect(question()).toBe('Would you leave a review?');
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull(); // required by default
  });

  it('"Next" on an optional question with nothing given skips it; the last one says "Submit"', () => {
    const { onAnswer } = show({ questions: [{ id: 'a', type: 'ces', text: 'Easy?', required: false }] });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onAnswer).toHaveBeenCalledWith({}, true);
  });

  it('an "Other" answer is the typed text', () => {
    const { onAnswer } = show({ questions: [{ id: 'why', type: 'single', text: 'Why?', options: ['Price'], allow_other: true }] });
    fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Other' }), { target: { value: 'The team' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Other' }), { key: 'Enter' });
    expect(onAnswer).toHaveBeenCalledWith({ why: 'The team' }, true);
  });

  it('by keyboard: arrows choose on the scale, Enter on the focused button answers', () => {
    const { onAnswer } = show();
    const five = screen.getByRole('radio', { name: '5' });
    five.focus();
    fireEvent.keyDown(five, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect((screen.getByRole('radio', { name: '7' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.submit(screen.getByRole('button', { name: 'Next' }).closest('form') as HTMLFormElement);
    expect(onAnswer).toHaveBeenCalledWith({ nps: 7 }, false);
  });

  it('shows the author thank-you, whose Close dismisses; × and Esc dismiss before the end', () => {
    const { onDismiss } = show({ questions: [questions[1]], thank_you: { title: 'Merci!', body: 'We read **every** answer.' } });
    expect(screen.queryByText(/Question 1 of/)).toBeNull(); // a single question needs no progress
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape' });
    expect(onDismiss).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: en.dismiss }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'x' } });
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Enter' });
    expect(screen.getByRole('heading', { name: 'Merci!' })).toBeTruthy();
    expect(screen.getByText('every').tagName).toBe('STRONG');
    fireEvent.click(screen.getByRole('button', { name: en.surveyClose }));
    expect(onDismiss).toHaveBeenCalledTimes(3);
  });

  it('as a post: a modal dialog over a backdrop that takes focus on mount', () => {
    const { container } = show({ display: 'post' });
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(container.querySelector('.pm-backdrop')).toBeTruthy();
    expect(document.activeElement).toBe(dialog);
  });

  it('as a post keeps Tab inside, wrapping at the ends only (a radio group stays one tab stop)', () => {
    show({ display: 'post' });
    const close = screen.getByRole('button', { name: en.dismiss });
    const nextButton = screen.getByRole('button', { name: 'Next' });
    nextButton.focus();
    fireEvent.keyDown(nextButton, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(nextButton);
    const radio = screen.getByRole('radio', { name: '4' });
    radio.focus();
    // Not the ends: left to the browser, which goes from the group to "Next" in one step.
    expect(fireEvent.keyDown(radio, { key: 'Tab' })).toBe(true);
  });

  it('as a card it leaves focus where it was, and in preview it is static, not modal, and ignores Esc', () => {
    show();
    expect(screen.getByRole('dialog').hasAttribute('aria-modal')).toBe(false);
    expect(document.activeElement).toBe(document.body);
    cleanup();
    const { onDismiss } = show({ display: 'post' }, { preview: true });
    const dialog = screen.getByRole('dialog');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(document.activeElement).not.toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('radio', { name: '10' }));
    next();
    expect(document.activeElement).toBe(document.body); // no focus moves in preview
  });

  it('speaks the visitor language, and falls back to "Survey" for a name', () => {
    render(<SurveyView survey={{ questions: [{ id: 'i', type: 'csat', text: '![](https://x.example/a.png)' }], thank_you: null, display: 'card', answers: {} }}
      strings={ar} onAnswer={() => {}} onDismiss={() => {}} />);
    screen.getByRole('dialog', { name: ar.survey });
    expect(screen.getByRole('button', { name: ar.surveySubmit })).toBeTruthy();
  });

  it('in a conversation’s thread is a group in the flow, with nothing to close: Esc does not dismiss it and the thank-you stays', () => {
    const { onAnswer, onDismiss } = show({ questions: [questions[1]] }, { inline: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    const group = screen.getByRole('group', { name: 'What would make it a 10?' });
    expect(group.className).toContain('ps-inline');
    expect(screen.queryByRole('button', { name: en.dismiss })).toBeNull();
    const box = screen.getByRole('textbox');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.input(box, { target: { value: 'More integrations' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onAnswer).toHaveBeenLastCalledWith({ passive: 'More integrations' }, true);
    screen.getByRole('heading', { name: en.surveyThanks });
    expect(screen.queryByRole('button', { name: en.surveyClose })).toBeNull();
  });
});
