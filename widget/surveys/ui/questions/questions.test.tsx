// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue, SurveyQuestion } from '../../../../protocol/surveys/models.js';
import { en } from '../../../i18n/en.js';
import { QuestionControl } from './QuestionControl.js';

function show(question: Omit<SurveyQuestion, 'id' | 'text'>, dir: 'ltr' | 'rtl' = 'ltr') {
  const onChange = vi.fn<(value: AnswerValue | undefined) => void>();
  const onSubmit = vi.fn();
  render(
    <div dir={dir}>
      <p id="q">The question</p>
      <QuestionControl question={{ id: 'q1', text: 'The question', ...question }} strings={en} value={undefined}
        onChange={onChange} onSubmit={onSubmit} labelId="q" name="n" required />
    </div>,
  );
  return { onChange, onSubmit };
}
const names = (role: 'radio' | 'checkbox') => screen.getAllByRole(role).map((r) => r.getAttribute('aria-label') ?? r.closest('label')?.textContent);

afterEach(cleanup);

describe('scales', () => {
  it('NPS is a radiogroup named by the question, radios "0"…"10", default end labels describing the ends', () => {
    const { onChange } = show({ type: 'nps' });
    const group = screen.getByRole('radiogroup', { name: 'The question' });
    expect(group.getAttribute('aria-required')).toBe('true');
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => screen.getByRole('radio', { name: r.getAttribute('aria-label') ?? '' }))).toHaveLength(11);
    expect(names('radio')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(screen.getByRole('radio', { name: '0', description: 'Not likely' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '10', description: 'Very likely' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    expect(onChange).toHaveBeenLastCalledWith(9);
  });

  it('CES is 1–7 from "Very difficult" to "Very easy"; custom labels win', () => {
    show({ type: 'ces' });
    expect(names('radio')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(screen.getByText('Very difficult')).toBeTruthy();
    expect(screen.getByText('Very easy')).toBeTruthy();
    cleanup();
    show({ type: 'nps', low_label: 'Never', high_label: 'Absolutely' });
    expect(screen.getByRole('radio', { name: '10', description: 'Absolutely' })).toBeTruthy();
  });

  it('CSAT draws stars or faces but names its radios "1"…"5"', () => {
    const { onChange } = show({ type: 'csat' });
    expect(names('radio')).toEqual(['1', '2', '3', '4', '5']);
    expect(document.querySelectorAll('.ps-stars .ps-face')[0].textContent).toBe('★');
    fireEvent.click(screen.getByRole('radio', { name: '4' }));
    expect(onChange).toHaveBeenLastCalledWith(4);
    cleanup();
    show({ type: 'csat', style: 'faces' });
    expect(screen.getByRole('radio', { name: '1' })).toBeTruthy();
    expect(document.querySelector('.ps-faces .ps-face')?.textContent).toBe('😞');
  });

  it('rating goes from 1 to its scale (default 5, kept within 3–10)', () => {
    show({ type: 'rating', scale: 7 });
    expect(names('radio')).toHaveLength(7);
    cleanup();
    show({ type: 'rating' });
    expect(names('radio')).toHaveLength(5);
    cleanup();
    show({ type: 'rating', scale: 40 });
    expect(names('radio')).toHaveLength(10);
  });

  it('arrow keys move and choose, wrapping, with ←/→ following the writing direction', () => {
    const { onChange } = show({ type: 'rating', scale: 5 });
    const three = screen.getByRole('radio', { name: '3' });
    fireEvent.keyDown(three, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '4' }));
    expect(onChange).toHaveBeenLastCalledWith(4);
    fireEvent.keyDown(screen.getByRole('radio', { name: '1' }), { key: 'ArrowUp' });
    expect(onChange).toHaveBeenLastCalledWith(5);
    cleanup();
    const rtl = show({ type: 'rating', scale: 5 }, 'rtl');
    fireEvent.keyDown(screen.getByRole('radio', { name: '3' }), { key: 'ArrowLeft' });
    expect(rtl.onChange).toHaveBeenLastCalledWith(4);
    fireEvent.keyDown(screen.getByRole('radio', { name: '3' }), { key: 'ArrowDown' });
    expect(rtl.onChange).toHaveBeenLastCalledWith(4);
  });
});

describe('choices', () => {
  it('single: a radiogroup of the options; "Other" reveals a textbox whose text is the answer', () => {
    const { onChange, onSubmit } = show({ type: 'single', options: ['Price', 'Features'], allow_other: true });
    screen.getByRole('radiogroup', { name: 'The question' });
    expect(names('radio')).toEqual(['Price', 'Features', 'Other']);
    fireEvent.click(screen.getByRole('radio', { name: 'Features' }));
    expect(onChange).toHaveBeenLastCalledWith('Features');
    expect(screen.queryByRole('textbox', { name: 'Other' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined); // nothing typed yet: no answer
    const other = screen.getByRole('textbox', { name: 'Other' });
    fireEvent.input(other, { target: { value: ' Support ' } });
    expect(onChange).toHaveBeenLastCalledWith('Support');
    fireEvent.keyDown(other, { key: 'Enter' });
    expect(onSubmit).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('radio', { name: 'Price' }));
    expect(onChange).toHaveBeenLastCalledWith('Price');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('multi: a group of checkboxes; the answer lists the options in their order, then the other text', () => {
    const { onChange } = show({ type: 'multi', options: ['A', 'B', 'C'], allow_other: true });
    screen.getByRole('group', { name: 'The question' });
    expect(names('checkbox')).toEqual(['A', 'B', 'C', 'Other']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'C' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'A' }));
    expect(onChange).toHaveBeenLastCalledWith(['A', 'C']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Other' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Other' }), { target: { value: 'Z' } });
    expect(onChange).toHaveBeenLastCalledWith(['A', 'C', 'Z']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'A' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'C' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Other' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});

describe('text', () => {
  it('is a textbox named by the question; Enter answers, the answer is trimmed', () => {
    const { onChange, onSubmit } = show({ type: 'text' });
    const box = screen.getByRole('textbox', { name: 'The question' });
    expect(box.tagName).toBe('INPUT');
    fireEvent.input(box, { target: { value: '  Faster  ' } });
    expect(onChange).toHaveBeenLastCalledWith('Faster');
    fireEvent.input(box, { target: { value: '   ' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('long: a textarea where Shift+Enter is a new line', () => {
    const { onSubmit } = show({ type: 'text', long: true });
    const box = screen.getByRole('textbox', { name: 'The question' });
    expect(box.tagName).toBe('TEXTAREA');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSubmit).toHaveBeenCalledOnce();
  });
});
