// @vitest-environment happy-dom
/** The top bar's own status: seeded from the roster, set by the agent, live from the socket, announced when changed elsewhere. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http.js';
import { fakeApi } from '../test-support/fake-api.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { agentProfile } from '../test-support/team-fixtures.js';
import { Workspace } from './Workspace.js';

const agent = { id: 'a1', email: 'ada@example.com', name: 'Ada Admin', role: 'admin' as const };

function setup(setMyPresence = vi.fn(async (presence: 'online' | 'away') => agentProfile({ id: 'a1', presence }))) {
  const socket = new FakeAgentSocket();
  const listAgents = vi.fn(async () => ({ data: [agentProfile({ id: 'a1', name: 'Ada Admin', presence: 'online' })] }));
  const api = fakeApi({ listConversations: async () => ({ data: [], next_cursor: null }), listAgents, setMyPresence });
  render(<Workspace agent={agent} api={api} onLogout={async () => undefined} connect={() => socket.asAgentSocket()} />);
  return { socket, setMyPresence, listAgents };
}

const status = () => screen.getByLabelText('Your status') as HTMLSelectElement;
const liveRegion = () => document.querySelector('.topbar [aria-live="polite"]') as HTMLElement;

describe('PresenceControl', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => cleanup());

  it('shows the status the roster gives, and sets away and back', async () => {
    const { setMyPresence } = setup();
    await waitFor(() => expect(status().value).toBe('online'));
    fireEvent.change(status(), { target: { value: 'away' } });
    await waitFor(() => expect(setMyPresence).toHaveBeenCalledWith('away'));
    await waitFor(() => expect(status().value).toBe('away'));
    expect(document.querySelector('.presence-control .presence--away')).toBeTruthy();
    fireEvent.change(status(), { target: { value: 'online' } });
    await waitFor(() => expect(status().value).toBe('online'));
    expect(liveRegion().textContent).toBe('');
  });

  it('follows changes made in another tab and says so; reloads the roster after a reconnect', async () => {
    const { socket, listAgents } = setup();
    await waitFor(() => expect(status().value).toBe('online'));
    act(() => socket.fire('presence', { agentId: 'a1', presence: 'away' }));
    expect(status().value).toBe('away');
    expect(liveRegion().textContent).toBe('Your status is now away.');
    // Someone else's presence is no news for the top bar.
    act(() => socket.fire('presence', { agentId: 'a2', presence: 'online' }));
    expect(liveRegion().textContent).toBe('Your status is now away.');

    const calls = listAgents.mock.calls.length;
    act(() => {
      socket.connect();
    });
    await waitFor(() => expect(listAgents.mock.calls.length).toBeGreaterThan(calls));
    await waitFor(() => expect(status().value).toBe('online'));
  });

  it('goes back to the saved status and says why when the server refuses', async () => {
    setup(
      vi.fn(async () => {
        throw new ApiError(0, 'network_error', 'Cannot reach the server. Check your connection.');
      }),
    );
    await waitFor(() => expect(status().value).toBe('online'));
    fireEvent.change(status(), { target: { value: 'away' } });
    await waitFor(() => expect(liveRegion().textContent).toBe('Could not change your status. Cannot reach the server. Check your connection.'));
    expect(status().value).toBe('online');
  });
});
