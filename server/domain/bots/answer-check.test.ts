/** What counts as an answer to a bot's question: the pure check the engine relies on, and the texts it re-asks with. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buttonsOf, checkAnswer, type Question } from './answer-check.js';
import { botTexts } from './bot-texts.js';

const plan: Question = {
  id: 'plan',
  type: 'buttons',
  body: 'Plan?',
  options: [
    { id: 'free', label: 'Free' },
    { id: 'ent', label: 'Enterprise', next: 'vip' },
  ],
};
const collect = (validation: 'email' | 'text' | 'number' | 'choice', options?: string[]): Question => ({ id: 'q', type: 'collect', body: '?', field: 'trait', trait_key: 'k', validation, ...(options ? { options } : {}) });

describe('checkAnswer', () => {
  it('takes a button by its choice only on the question’s own message, and by its label typed in any case', () => {
    expect(checkAnswer(plan, { body: 'Enterprise', choice: { messageId: 'msg_q', optionId: 'ent' } }, 'msg_q')).toEqual({ ok: true, value: 'Enterprise', button: 'ent', next: 'vip' });
    // A choice of an older question is read as its text.
    expect(checkAnswer(plan, { body: 'free', choice: { messageId: 'msg_old', optionId: 'ent' } }, 'msg_q')).toEqual({ ok: true, value: 'Free', button: 'free' });
    expect(checkAnswer(plan, { body: 'the big one' }, 'msg_q')).toEqual({ ok: false, problem: 'choice' });
  });

  it('validates emails, numbers, text and choices', () => {
    expect(checkAnswer(collect('email'), { body: '  Ada@Example.COM ' }, null)).toEqual({ ok: true, value: 'ada@example.com' });
    expect(checkAnswer(collect('email'), { body: 'ada at example' }, null)).toEqual({ ok: false, problem: 'email' });
    expect(checkAnswer(collect('number'), { body: '12,5' }, null)).toEqual({ ok: true, value: 12.5 });
    expect(checkAnswer(collect('number'), { body: 'twelve' }, null)).toEqual({ ok: false, problem: 'number' });
    expect(checkAnswer(collect('text'), { body: '   ' }, null)).toEqual({ ok: false, problem: 'text' });
    expect(checkAnswer(collect('choice', ['Low', 'High']), { body: 'high' }, null)).toEqual({ ok: true, value: 'High', button: 'c1' });
    expect(buttonsOf(collect('choice', ['Low', 'High']))).toEqual([
      { id: 'c0', label: 'Low' },
      { id: 'c1', label: 'High' },
    ]);
    expect(buttonsOf(collect('text'))).toBeUndefined();
  });

  it('never accepts a text answer that is only whitespace, and keeps at most 1 000 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), (body) => {
        const checked = checkAnswer(collect('text'), { body }, null);
        expect(checked.ok).toBe(body.trim().length > 0);
        if (checked.ok) expect(String(checked.value).length).toBeLessThanOrEqual(1_000);
      }),
    );
  });

  it('re-asks in the contact’s language, English otherwise', () => {
    expect(botTexts('id-ID').invalid.email).toMatch(/^Sepertinya/);
    expect(botTexts('in').didThatHelp).toBe('Apakah itu membantu?');
    expect(botTexts('ar-EG').yes).toBe('نعم، شكرًا');
    expect(botTexts('fr').no).toBe('No, talk to a person');
    expect(botTexts(null).glad).toMatch(/^Great/);
  });
});
