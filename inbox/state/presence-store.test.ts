import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { bindPresence, createPresenceStore } from './presence-store.js';

describe('presence store', () => {
  it('is seeded from the roster and follows the socket’s presence pushes', () => {
    const announce = vi.fn();
    const store = createPresenceStore({ agentId: 'me', save: vi.fn(), announce });
    expect(store.mine.value).toBeNull();
    store.seed([
      { id: 'me', presence: 'online' },
      { id: 'a2', presence: 'offline' },
      { id: 'a3' },
    ]);
    expect(store.mine.value).toBe('online');
    expect(store.of('a2')).toBe('offline');
    expect(store.of('a3')).toBeNull();

    const socket = new FakeAgentSocket();
    const unbind = bindPresence(socket.asAgentSocket(), store);
    socket.fire('presence', { agentId: 'a2', presence: 'online' });
    expect(store.of('a2')).toBe('online');
    expect(announce).not.toHaveBeenCalled();
    // Our own status changed in another tab: said out loud.
    socket.fire('presence', { agentId: 'me', presence: 'away' });
    expect(store.mine.value).toBe('away');
    expect(announce).toHaveBeenCalledWith('Your status is now away.');

    unbind();
    socket.fire('presence', { agentId: 'a2', presence: 'away' });
    expect(store.of('a2')).toBe('online');
  });

  it('saves the agent’s own choice, takes the presence the server answers, and says why it failed', async () => {
    const announce = vi.fn();
    const save = vi.fn(async (presence: 'online' | 'away') => ({ id: 'me', presence }));
    const store = createPresenceStore({ agentId: 'me', save, announce });
    store.seed([{ id: 'me', presence: 'online' }]);
    const pending = store.setMine('away');
    expect(store.saving.value).toBe(true);
    // The push of our own change arrives before the answer: not news.
    store.apply({ agentId: 'me', presence: 'away' });
    await pending;
    expect(save).toHaveBeenCalledWith('away');
    expect(store.mine.value).toBe('away');
    expect(store.saving.value).toBe(false);
    expect(announce).not.toHaveBeenCalled();

    save.mockRejectedValueOnce(new ApiError(403, 'forbidden', 'An API token is not an agent.'));
    await store.setMine('online');
    expect(store.mine.value).toBe('away');
    expect(store.error.value).toBe('An API token is not an agent.');
    expect(announce).toHaveBeenCalledWith('Could not change your status. An API token is not an agent.');
  });
});
