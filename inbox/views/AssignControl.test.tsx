// @vitest-environment happy-dom
/** AssignControl inside a real inbox (fake API, fake socket): team and agent, presence and capacity, live presence, errors, keyboard. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentConversation } from '../../protocol/index.js';
import { ApiError } from '../api/http.js';
import type { AssignRequest } from '../api/team-endpoints.js';
import { createInbox, type Inbox } from '../state/inbox.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { conversation } from '../test-support/fixtures.js';
import { agentProfile, team } from '../test-support/team-fixtures.js';
import { AssignControl } from './AssignControl.js';
import { InboxContext } from './inbox-context.js';

const ada = agentProfile({ id: 'a1', name: 'Ada Lovelace', presence: 'online', capacity: 5, open_assigned: 1 });
const grace = agentProfile({ id: 'a2', name: 'Grace Hopper', email: 'grace@example.com', role: 'agent', presence: 'away', capacity: 2, open_assigned: 2 });
const katherine = agentProfile({ id: 'a3', name: 'Katherine Johnson', email: 'kj@example.com', role: 'agent', presence: 'offline', capacity: 0, open_assigned: 4 });
const support = team({ id: 'team_1', name: 'Support', member_ids: ['a3', 'a2'] });
const billing = team({ id: 'team_2', name: 'Billing' });

let inbox: Inbox | null = null;

function setup(assign?: (id: string, input: AssignRequest) => Promise<AgentConversation>) {
  const c1 = conversation({ id: 'c1' });
  const assignConversation = vi.fn(assign ?? (async (id: string, input: AssignRequest) => ({ ...c1, id, teamId: input.teamId ?? null, teamName: 'Support', assigneeId: input.assigneeId ?? null, assigneeName: 'Grace Hopper' })));
  const api = fakeApi({
    listConversations: async () => ({ data: [c1], next_cursor: null }),
    listAgents: async () => ({ data: [ada, grace, katherine], next_cursor: null }),
    listTeams: async () => ({ data: [billing, support], next_cursor: null }),
    assignConversation,
  });
  const socket = new FakeAgentSocket();
  inbox = createInbox({ api, agent: { id: 'a1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'admin' }, connect: () => socket.asAgentSocket() });
  render(
    <InboxContext.Provider value={inbox}>
      <AssignControl conversation={c1} />
    </InboxContext.Provider>,
  );
  return { socket, assignConversation, inbox };
}

const radios = () => within(screen.getByRole('group', { name: 'Agent' })).getAllByRole('radio');

describe('AssignControl', () => {
  afterEach(() => {
    cleanup();
    inbox?.dispose();
    inbox = null;
  });

  it('assigns to a team and one of its members, with presence and capacity beside each agent', async () => {
    const { assignConversation, inbox } = setup();
    const toggle = screen.getByRole('button', { name: /^Assign/ });
    expect(toggle.textContent).toBe('AssignNo team · Unassigned');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', { name: 'Assign conversation' });
    const teamSelect = within(form).getByLabelText('Team') as HTMLSelectElement;
    expect(document.activeElement).toBe(teamSelect);
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Support' })).toBeTruthy());

    // Without a team, agents by name; presence is a word, not only a dot.
    await waitFor(() => expect(screen.getByRole('radio', { name: /Grace Hopper/ })).toBeTruthy());
    expect(radios().map((r) => r.closest('label')?.textContent)).toEqual([
      'Unassigned',
      'Ada Lovelace (you)Online1 of 5 open',
      'Grace HopperAwayAt capacity: 2 of 2 open',
      'Katherine JohnsonOffline4 open, no limit',
    ]);
    expect((screen.getByRole('radio', { name: 'Unassigned' }) as HTMLInputElement).checked).toBe(true);

    // A team puts its members first, in its round-robin order.
    fireEvent.change(teamSelect, { target: { value: 'team_1' } });
    expect(radios().map((r) => r.closest('label')?.querySelector('.assign-option__name')?.textContent ?? 'Unassigned')).toEqual([
      'Unassigned',
      'Katherine Johnson',
      'Grace Hopper',
      'Ada Lovelace (you)',
    ]);
    expect(screen.getByRole('radio', { name: /Grace Hopper/ }).closest('label')?.textContent).toContain('In Support · At capacity');
    fireEvent.click(screen.getByRole('radio', { name: /Grace Hopper/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Assign' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Assign conversation' })).toBeNull());
    expect(assignConversation).toHaveBeenCalledWith('c1', { teamId: 'team_1', assigneeId: 'a2' });
    expect(inbox.announcer.text.value).toBe('Assigned to Grace Hopper in Support.');
    expect(inbox.list.items.value.find((c) => c.id === 'c1')?.assigneeId).toBe('a2');
    expect(document.activeElement).toBe(toggle);
  });

  it('sends only the agent when the team stays, and shows presence as it changes', async () => {
    const { assignConversation, socket } = setup();
    fireEvent.click(screen.getByRole('button', { name: /^Assign/ }));
    const katherineRadio = await screen.findByRole('radio', { name: /Katherine Johnson/ });
    expect(katherineRadio.closest('label')?.textContent).toContain('Offline');
    act(() => socket.fire('presence', { agentId: 'a3', presence: 'online' }));
    expect(katherineRadio.closest('label')?.textContent).toContain('Online');
    expect(katherineRadio.closest('label')?.querySelector('.presence--online')).toBeTruthy();
    fireEvent.click(katherineRadio);
    fireEvent.submit(screen.getByRole('form', { name: 'Assign conversation' }));
    await waitFor(() => expect(assignConversation).toHaveBeenCalledWith('c1', { assigneeId: 'a3' }));
  });

  it('shows a refusal in the form and closes with Escape, back on the button', async () => {
    setup(async () => {
      throw new ApiError(404, 'not_found', 'No such agent.');
    });
    const toggle = screen.getByRole('button', { name: /^Assign/ });
    fireEvent.click(toggle);
    fireEvent.click(await screen.findByRole('radio', { name: /Ada Lovelace/ }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Assign conversation' })).getByRole('button', { name: 'Assign' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No such agent.');
    fireEvent.keyDown(screen.getByRole('radio', { name: /Ada Lovelace/ }), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Assign conversation' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});
