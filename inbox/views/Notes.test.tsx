// @vitest-environment happy-dom
/** Internal notes and @mentions against a fake API and socket: in the thread, written in "Note" mode, never sent as a message. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationNote } from '../../protocol/index.js';
import { conversation, message } from '../test-support/fixtures.js';
import { ada, announced, connectSocket, grace, openConversation, renderWorkspace, typeInto } from '../test-support/render-workspace.js';

const c1 = conversation({ id: 'c1', lastSeq: 2, agentReadSeq: 2, contact: { id: 'ct1', externalId: null, name: 'Linus', email: null, identified: true } });
const note = (overrides: Partial<ConversationNote>): ConversationNote => ({
  id: 'n1',
  conversationId: 'c1',
  authorId: grace.id,
  authorName: grace.name,
  body: 'Check the **invoice** first',
  mentions: [],
  createdAt: '2025-01-01T12:00:01.500Z',
  ...overrides,
});

function setup() {
  let created = 0;
  const createNote = vi.fn(async (conversationId: string, body: string) =>
    note({ id: `mine-${++created}`, conversationId, body, authorId: ada.id, authorName: ada.name, createdAt: new Date().toISOString() }),
  );
  const harness = renderWorkspace({
    listConversations: async () => ({ data: [c1], next_cursor: null }),
    getConversation: async () => c1,
    listMessages: async () => ({ data: [message({ seq: 1, body: 'Hello' }), message({ seq: 2, body: 'My invoice is wrong' })], next_cursor: null }),
    listNotes: async () => ({ data: [note({})], next_cursor: null }),
    createNote,
  });
  return { ...harness, createNote };
}

const threadOrder = () =>
  [...document.querySelectorAll('.message-list__items > li')].map((li) => li.getAttribute('data-message-id') ?? `note:${li.getAttribute('data-note-id')}`);

describe('internal notes', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => cleanup());

  it('shows notes among the messages by time, marked as internal, and live from note:new', async () => {
    const { socket } = setup();
    await connectSocket(socket);
    await openConversation('c1');
    await waitFor(() => expect(threadOrder()).toEqual(['m1', 'note:n1', 'm2']));
    const item = document.querySelector('[data-note-id="n1"]') as HTMLElement;
    expect(item.classList.contains('message--note')).toBe(true);
    expect(item.textContent).toContain('Internal note — only your team sees this');
    expect(item.textContent).toContain('Grace Hopper');
    expect(item.querySelector('strong')?.textContent).toBe('invoice');

    await act(async () => socket.fire('note:new', note({ id: 'n2', body: 'Refunded.', createdAt: '2025-01-01T12:00:05.000Z' })));
    await act(async () => socket.fire('note:new', note({ id: 'n2', body: 'Refunded.', createdAt: '2025-01-01T12:00:05.000Z' })));
    expect(threadOrder()).toEqual(['m1', 'note:n1', 'm2', 'note:n2']);
  });

  it('writes a note in "Note" mode with @ suggestions, and never sends it as a message', async () => {
    const { socket, createNote } = setup();
    await connectSocket(socket);
    await openConversation('c1');
    await screen.findByRole('textbox', { name: 'Reply' });
    const noteMode = screen.getByRole('button', { name: 'Note' });
    fireEvent.click(noteMode);
    expect(noteMode.getAttribute('aria-pressed')).toBe('true');
    const box = screen.getByRole('textbox', { name: 'Note' });
    expect(box.closest('form')?.classList.contains('composer--note')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();

    typeInto(box, 'Can @gr');
    const listbox = await screen.findByRole('listbox', { name: 'Mention a teammate' });
    // Teammates only: not Ada herself.
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Grace Hoppergrace@example.com']);
    expect(box.getAttribute('aria-activedescendant')).toBe(within(listbox).getByRole('option').id);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((box as HTMLTextAreaElement).value).toBe('Can @Grace Hopper ');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(createNote).not.toHaveBeenCalled();

    typeInto(box, 'Can @Grace Hopper check the invoice?');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(createNote).toHaveBeenCalledWith('c1', 'Can @Grace Hopper check the invoice?'));
    await waitFor(() => expect(document.querySelector('[data-note-id="mine-1"]')?.textContent).toContain('check the invoice?'));
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(announced()).toBe('Note added.');
    // Nothing reached the visitor: no message, not even a typing notice.
    expect(socket.sent('message:send')).toEqual([]);
    expect(socket.sent('typing')).toEqual([]);

    // Back to "Reply": the reply box again.
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeTruthy();
  });

  it('shows a mention of this agent as a notice with a link, and announces it', async () => {
    const { socket } = setup();
    await connectSocket(socket);
    await screen.findByRole('link', { name: /Linus/ });
    const mention = note({ id: 'n7', conversationId: 'c1', body: '@Ada Admin can you   look?', mentions: [ada.id] });
    await act(async () => socket.fire('mention', { note: mention }));
    await act(async () => socket.fire('mention', { note: mention })); // once, however often it comes
    await waitFor(() => expect(announced()).toBe('Grace Hopper mentioned you in a note: @Ada Admin can you look? (conversation with Linus)'));
    const notices = screen.getByRole('region', { name: 'Mentions' });
    expect(within(notices).getAllByRole('listitem')).toHaveLength(1);
    const link = within(notices).getByRole('link', { name: 'Open conversation from Grace Hopper' });
    expect(link.getAttribute('href')).toBe('#/conversations/c1');

    fireEvent.click(within(notices).getByRole('button', { name: 'Dismiss mention from Grace Hopper' }));
    expect(screen.queryByRole('region', { name: 'Mentions' })).toBeNull();
  });
});
