// @vitest-environment happy-dom
/** A bot's question in the thread: its buttons are a group the question labels, clickable by keyboard, disabled once answered. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../protocol/index.js';
import { en } from '../i18n/en.js';
import { fromMessage, pendingItem, type ThreadItem } from '../state/thread.js';
import { Thread } from './Thread.js';

afterEach(cleanup);

const question: Message = {
  id: 'msg_q',
  conversationId: 'conv_1',
  seq: 2,
  clientId: 'bot-1',
  authorType: 'bot',
  authorId: null,
  authorName: 'Acme',
  body: 'Which plan are you on?',
  attachments: [],
  createdAt: '2025-03-01T12:00:00.000Z',
  automatic: true,
  buttons: [
    { id: 'free', label: 'Free' },
    { id: 'pro', label: 'Pro' },
  ],
};

function thread(items: ThreadItem[], onChoose = vi.fn()) {
  render(<Thread items={items} conversation={undefined} typingName={undefined} strings={en} onRetry={() => {}} onDiscard={() => {}} onChoose={onChoose} />);
  return onChoose;
}

describe('bot buttons', () => {
  it('are real buttons in a group named by the question; a click sends the choice', () => {
    const onChoose = thread([fromMessage(question)]);
    const group = screen.getByRole('group', { name: 'Which plan are you on?' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Free', 'Pro']);
    expect(buttons.every((b) => b.getAttribute('type') === 'button' && !(b as HTMLButtonElement).disabled)).toBe(true);
    fireEvent.click(within(group).getByRole('button', { name: 'Pro' }));
    expect(onChoose).toHaveBeenCalledWith(question, { id: 'pro', label: 'Pro' });
  });

  it('are disabled once the visitor has answered (even while the answer is still sending)', () => {
    thread([fromMessage(question), pendingItem('c-1', 'Pro')]);
    const buttons = within(screen.getByRole('group', { name: 'Which plan are you on?' })).getAllByRole('button');
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  });

  it('leave other messages alone', () => {
    thread([fromMessage({ ...question, id: 'msg_plain', buttons: undefined, body: 'Hello' })]);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
