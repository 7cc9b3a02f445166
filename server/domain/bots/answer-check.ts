/**
 * Whether the visitor's message answers the question a bot waits on: a
 * button of a `buttons` step (by the choice the widget sends, or the label
 * typed), or a `collect` step's answer that passes its validation. Pure: the
 * engine stores what it answers and re-asks on a problem.
 */
import type { BotChoice, BotStep, BotButton } from '../../../protocol/index.js';

export type Question = Extract<BotStep, { type: 'buttons' | 'collect' }>;

export type Checked =
  /** `value` is what is kept (the label of a choice); `button` the id of the one chosen; `next` the step it leads to. */
  | { ok: true; value: string | number; button?: string; next?: string }
  | { ok: false; problem: 'email' | 'number' | 'text' | 'choice' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const MAX_TEXT = 1_000;

/** The buttons shown under a question: a `buttons` step's options, or a `collect` choice's options. */
export function buttonsOf(step: Question): BotButton[] | undefined {
  if (step.type === 'buttons') return step.options.map((o) => ({ id: o.id, label: o.label }));
  if (step.validation === 'choice' && step.options) return step.options.map((label, i) => ({ id: `c${i}`, label }));
  return undefined;
}

/**
 * `choice` counts only when it names the question's own message (`promptId`)
 * and one of its buttons; otherwise the body is read as typed text (a label
 * typed in any case is that button too).
 */
export function checkAnswer(step: Question, input: { body: string; choice?: BotChoice }, promptId: string | null): Checked {
  const text = input.body.trim();
  const buttons = buttonsOf(step);
  if (buttons) {
    const chosen =
      (input.choice && input.choice.messageId === promptId ? buttons.find((b) => b.id === input.choice?.optionId) : undefined) ??
      buttons.find((b) => b.label.trim().toLowerCase() === text.toLowerCase());
    if (!chosen) return { ok: false, problem: 'choice' };
    const next = step.type === 'buttons' ? step.options.find((o) => o.id === chosen.id)?.next : undefined;
    return { ok: true, value: chosen.label, button: chosen.id, ...(next !== undefined ? { next } : {}) };
  }
  if (step.type !== 'collect') return { ok: false, problem: 'choice' };
  switch (step.validation) {
    case 'email':
      return EMAIL.test(text) && text.length <= 320 ? { ok: true, value: text.toLowerCase() } : { ok: false, problem: 'email' };
    case 'number':
      return NUMBER.test(text) ? { ok: true, value: Number(text.replace(',', '.')) } : { ok: false, problem: 'number' };
    default:
      return text.length > 0 ? { ok: true, value: text.slice(0, MAX_TEXT) } : { ok: false, problem: 'text' };
  }
}
