import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../protocol/index.js';
import { matchAgents, matchCannedReplies, mentionOf, mentionTrigger, replaceTrigger, slashTrigger } from './composer-suggestions.js';
import { listboxAction } from './listbox-keys.js';

const reply = (shortcut: string, title: string): CannedReply => ({ id: shortcut, shortcut, title, body: '', created_at: '', updated_at: '' });

describe('canned replies: `/` at the start of a reply', () => {
  it('triggers only at the very start, on one line, up to the caret', () => {
    expect(slashTrigger('/ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashTrigger('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashTrigger('/refund and more', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashTrigger('see /ref', 8)).toBeNull();
    expect(slashTrigger('/a\nb', 4)).toBeNull();
  });

  it('matches the shortcut’s start first, then shortcut or title containing the text', () => {
    const replies = [reply('thanks', 'Thank you'), reply('refund', 'Refund policy'), reply('billing-refund', 'Card charged twice'), reply('hello', 'Greeting')];
    expect(matchCannedReplies(replies, 'ref').map((r) => r.shortcut)).toEqual(['refund', 'billing-refund']);
    expect(matchCannedReplies(replies, 'CARD').map((r) => r.shortcut)).toEqual(['billing-refund']);
    expect(matchCannedReplies(replies, '').map((r) => r.shortcut)).toEqual(['billing-refund', 'hello', 'refund', 'thanks']);
  });
});

describe('mentions: `@` in a note', () => {
  const agents = [
    { id: 'a1', name: 'Ada Lovelace', email: 'ada@example.com' },
    { id: 'a2', name: 'Grace Hopper', email: 'grace@example.com' },
    { id: 'a3', name: 'Alan Turing', email: 'alan@example.com' },
  ];

  it('triggers at the start or after a space, not inside a word or an email', () => {
    expect(mentionTrigger('@gr', 3)).toEqual({ start: 0, query: 'gr' });
    expect(mentionTrigger('ask @Grace H', 12)).toEqual({ start: 4, query: 'Grace H' });
    expect(mentionTrigger('mail ada@example', 16)).toBeNull();
    expect(mentionTrigger('@ grace', 7)).toBeNull();
    expect(mentionTrigger('no mention', 10)).toBeNull();
  });

  it('offers teammates (not oneself) by any word of the name or the email', () => {
    expect(matchAgents(agents, 'a', 'a1').map((a) => a.name)).toEqual(['Alan Turing']);
    expect(matchAgents(agents, 'hop', 'a1').map((a) => a.name)).toEqual(['Grace Hopper']);
    expect(matchAgents(agents, 'grace h', 'a1').map((a) => a.name)).toEqual(['Grace Hopper']);
    expect(matchAgents(agents, '', 'a1').map((a) => a.id)).toEqual(['a3', 'a2']);
  });

  it('replaces just the trigger and puts the caret after it', () => {
    const text = 'ask @gr about it';
    const trigger = mentionTrigger(text, 7);
    expect(trigger).not.toBeNull();
    if (!trigger) return;
    expect(replaceTrigger(text, trigger, 7, mentionOf('Grace Hopper', text.slice(7)))).toEqual({ text: 'ask @Grace Hopper about it', caret: 17 });
    expect(replaceTrigger('@gr', { start: 0, query: 'gr' }, 3, mentionOf('Grace Hopper'))).toEqual({ text: '@Grace Hopper ', caret: 14 });
  });
});

describe('listbox keys', () => {
  it('moves (wrapping), picks and closes', () => {
    expect(listboxAction('ArrowDown', 0, 3)).toEqual({ type: 'move', index: 1 });
    expect(listboxAction('ArrowDown', 2, 3)).toEqual({ type: 'move', index: 0 });
    expect(listboxAction('ArrowUp', 0, 3)).toEqual({ type: 'move', index: 2 });
    expect(listboxAction('ArrowUp', -1, 3)).toEqual({ type: 'move', index: 2 });
    expect(listboxAction('ArrowDown', -1, 3)).toEqual({ type: 'move', index: 0 });
    expect(listboxAction('Enter', 1, 3)).toEqual({ type: 'pick', index: 1 });
    expect(listboxAction('Tab', -1, 3)).toEqual({ type: 'pick', index: -1 });
    expect(listboxAction('Escape', 1, 3)).toEqual({ type: 'close' });
    expect(listboxAction('a', 1, 3)).toBeNull();
    expect(listboxAction('Enter', 0, 0)).toBeNull();
  });
});
