// @vitest-environment happy-dom
/** The thread header's tools against a fake API and socket: tags, priority, snooze, and who else is viewing or typing. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ack, AgentConversation, Priority } from '../../protocol/index.js';
import { conversation } from '../test-support/fixtures.js';
import { ada, announced, connectSocket, goTo, grace, openConversation, renderWorkspace } from '../test-support/render-workspace.js';

const c1 = conversation({ id: 'c1', contact: { id: 'ct1', externalId: null, name: 'Linus', email: null, identified: true }, tags: ['Bug'] });

function setup() {
  let state: AgentConversation = c1;
  const change = (patch: Partial<AgentConversation>) => (state = { ...state, ...patch });
  const setConversationTags = vi.fn(async (_id: string, tags: readonly string[]) => change({ tags: [...tags].sort((a, b) => a.localeCompare(b)) }));
  const setPriority = vi.fn(async (_id: string, priority: Priority) => change({ priority }));
  const snooze = vi.fn(async (_id: string, until: string) => change({ status: 'snoozed', snoozedUntil: until }));
  const setStatus = vi.fn(async (_id: string, status: AgentConversation['status']) => change({ status, snoozedUntil: null }));
  const tag = (name: string) => ({ id: name, name, color: null, count: 1, created_at: '' });
  const harness = renderWorkspace({
    listConversations: async () => ({ data: [state], next_cursor: null }),
    getConversation: async () => state,
    listTags: async () => ({ data: [tag('Billing'), tag('Bug'), tag('Feature request')], next_cursor: null }),
    setConversationTags,
    setPriority,
    snooze,
    setStatus,
  });
  return { ...harness, setConversationTags, setPriority, snooze, setStatus };
}


describe('the conversation’s tools', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => cleanup());

  it('adds a tag from the suggestions by keyboard, a new one by name, and removes one', async () => {
    const { setConversationTags } = setup();
    await openConversation('c1');
    const input = await screen.findByRole('combobox', { name: 'Add a tag' });
    expect(within(screen.getByRole('list', { name: 'Conversation tags' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Bug×']);

    await act(async () => {
      fireEvent.focus(input);
    });
    fireEvent.input(input, { target: { value: 'b' } });
    const listbox = await screen.findByRole('listbox', { name: 'Tag suggestions' });
    // Bug is already on the conversation.
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['Billing']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const option = within(listbox).getByRole('option', { name: 'Billing' });
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(option.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(setConversationTags).toHaveBeenCalledWith('c1', ['Bug', 'Billing']));
    await waitFor(() => expect(announced()).toBe('Tag Billing added.'));
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.input(input, { target: { value: '  Refund ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(setConversationTags).toHaveBeenLastCalledWith('c1', ['Billing', 'Bug', 'Refund']));

    fireEvent.input(input, { target: { value: 'bug' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(document.getElementById('tag-problem')?.textContent).toBe('“bug” is already on this conversation.');
    expect(input.getAttribute('aria-describedby')).toBe('tag-problem');
    expect(setConversationTags).toHaveBeenCalledTimes(2);

    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove tag Bug' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag Bug' }));
    expect(document.activeElement).toBe(input);
    await waitFor(() => expect(setConversationTags).toHaveBeenLastCalledWith('c1', ['Billing', 'Refund']));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag Bug' })).toBeNull());
  });

  it('sets the priority, snoozes for an hour, shows until when, and reopens', async () => {
    const { setPriority, snooze, setStatus } = setup();
    await openConversation('c1');
    fireEvent.change(await screen.findByRole('combobox', { name: 'Priority' }), { target: { value: 'high' } });
    await waitFor(() => expect(setPriority).toHaveBeenCalledWith('c1', 'high'));

    const before = Date.now();
    const toggle = screen.getByRole('button', { name: 'Snooze' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('group', { name: 'Snooze until' });
    expect(within(panel).getAllByRole('button').map((b) => b.textContent?.split(/\d/)[0])).toEqual([
      '',
      'Tomorrow, ',
      'Next Monday, ',
      'Snooze until then',
    ]);

    // A time in the past is refused before anything is sent.
    fireEvent.input(within(panel).getByLabelText('Date and time'), { target: { value: '2020-01-01T09:00' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Snooze until then' }));
    expect(within(panel).getByRole('alert').textContent).toBe('Pick a time in the future.');
    expect(snooze).not.toHaveBeenCalled();

    fireEvent.click(within(panel).getByRole('button', { name: /^1 hour/ }));
    await waitFor(() => expect(snooze).toHaveBeenCalled());
    const until = Date.parse(snooze.mock.calls[0][1]);
    expect(until - before).toBeGreaterThanOrEqual(3_600_000);
    expect(until - before).toBeLessThan(3_660_000);

    const reopen = await screen.findByRole('button', { name: 'Reopen' });
    expect(document.activeElement).toBe(reopen);
    expect(document.querySelector('.conversation-toolbar')?.textContent).toContain('Snoozed until');
    fireEvent.click(reopen);
    await waitFor(() => expect(setStatus).toHaveBeenCalledWith('c1', 'open'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Snooze' })));
  });

  it('tells the team this agent is viewing, and shows the other agents viewing', async () => {
    const { socket } = setup();
    socket.respond = (event, payload): Ack<unknown> | undefined =>
      event === 'conversation:view' ? { ok: true, data: { conversationId: (payload as { conversationId: string }).conversationId, agents: [ada, grace] } } : undefined;
    await connectSocket(socket);
    await openConversation('c1');
    await waitFor(() => expect(socket.sent('conversation:view')).toEqual([{ conversationId: 'c1', viewing: true }]));
    const viewers = await screen.findByText('Grace Hopper is also viewing');
    expect(viewers.closest('[role="status"]')).not.toBeNull();

    await act(async () => socket.fire('viewers', { conversationId: 'c1', agents: [{ id: ada.id, name: ada.name }] }));
    expect(screen.queryByText(/is also viewing/)).toBeNull();

    // Teammates typing are named (the agent's own other tabs are not someone else).
    await act(async () => {
      socket.fire('typing', { conversationId: 'c1', typing: true, author: 'visitor', name: null });
      socket.fire('typing', { conversationId: 'c1', typing: true, author: 'agent', name: grace.name });
      socket.fire('typing', { conversationId: 'c1', typing: true, author: 'agent', name: ada.name });
    });
    expect(screen.getByText('Visitor and Grace Hopper are typing…')).toBeTruthy();
    await act(async () => socket.fire('typing', { conversationId: 'c1', typing: false, author: 'visitor', name: null }));
    expect(screen.getByText('Grace Hopper is typing…')).toBeTruthy();

    // A hidden tab is not viewing; back in front, it is again.
    const setVisibility = async (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
    };
    await setVisibility('hidden');
    await setVisibility('visible');
    // After a reconnect the new socket says it again.
    await act(async () => {
      socket.fire('disconnect', 'transport close');
      socket.connect();
    });
    // Leaving the conversation ends it.
    await goTo('#/settings');
    expect(socket.sent('conversation:view')).toEqual([
      { conversationId: 'c1', viewing: true },
      { conversationId: 'c1', viewing: false },
      { conversationId: 'c1', viewing: true },
      { conversationId: 'c1', viewing: true },
      { conversationId: 'c1', viewing: false },
    ]);
  });
});
