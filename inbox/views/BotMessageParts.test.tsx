// @vitest-environment happy-dom
/** Bots in the agent's views: a bot's question with the buttons it offered, the visitor's choice, and the answer bot's tile on the Reports page. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/index.js';
import { MessageItem } from './MessageItem.js';
import { BotDeflectionTile } from './reports/BotDeflectionTile.js';

afterEach(cleanup);

const base: Message = {
  id: 'msg_1',
  conversationId: 'conv_1',
  seq: 2,
  clientId: 'c-1',
  authorType: 'bot',
  authorId: null,
  authorName: 'Acme',
  body: 'Which plan are you on?',
  attachments: [],
  createdAt: '2025-03-01T12:00:00.000Z',
};

const item = (message: Message) =>
  render(
    <ul>
      <MessageItem entry={{ key: message.id, message, delivery: 'sent', error: null }} conversation={null} showReceipt={false} visitorName="Ada" onRetry={() => {}} />
    </ul>,
  );

describe('bots in the thread', () => {
  it('marks a bot’s message and lists the buttons it offered', () => {
    item({ ...base, automatic: true, buttons: [{ id: 'free', label: 'Free' }, { id: 'pro', label: 'Pro' }] });
    expect(screen.getByText(/Acme/).textContent).toBe('Acme · Bot');
    const offered = screen.getByRole('list', { name: 'Buttons offered' });
    expect(within(offered).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Free', 'Pro']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a visitor’s message was a button', () => {
    item({ ...base, id: 'msg_2', authorType: 'visitor', authorName: null, body: 'Pro', choice: { messageId: 'msg_1', optionId: 'pro' } });
    expect(screen.getByText('Chosen with a button')).toBeTruthy();
    expect(screen.getByText('Ada')).toBeTruthy();
  });
});

describe('the answer bot tile', () => {
  it('shows the deflection rate and what it is of', () => {
    render(<BotDeflectionTile report={{ answered: 3, resolved: 1, deflection_rate: 0.3333 }} />);
    const tile = screen.getByRole('region', { name: 'Answer bot deflection' });
    expect(tile.textContent).toContain('33.3%');
    expect(tile.textContent).toContain('Resolved 1 of 3 it answered');
  });

  it('says so when it answered nothing, and is absent without numbers', () => {
    const { unmount } = render(<BotDeflectionTile report={{ answered: 0, resolved: 0, deflection_rate: null }} />);
    expect(screen.getByRole('region', { name: 'Answer bot deflection' }).textContent).toContain('—');
    unmount();
    render(<BotDeflectionTile report={undefined} />);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
