import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { AgentProfile } from '../../protocol/index.js';
import { FakeAgentSocket } from '../test-support/fake-socket.js';
import { conversation } from '../test-support/fixtures.js';
import { agentProfile, team } from '../test-support/team-fixtures.js';
import { createRoster } from './roster.js';

function setup(listTeams = vi.fn(async () => ({ data: [team()], next_cursor: null }))) {
  const socket = new FakeAgentSocket();
  const agents = signal<readonly AgentProfile[]>([agentProfile({ id: 'a1', presence: undefined })]);
  const onConversation = vi.fn();
  const api = {
    listAgents: vi.fn(async () => ({ data: [agentProfile({ id: 'a1', presence: 'away' }), agentProfile({ id: 'a2', presence: 'online', open_assigned: 2 })] })),
    listTeams,
    setMyPresence: vi.fn(),
    assignConversation: vi.fn(async (id: string) => conversation({ id, assigneeId: 'a2' })),
  };
  const roster = createRoster({ api, agent: agentProfile({ id: 'a1', presence: undefined }), socket: socket.asAgentSocket(), agents, announce: vi.fn(), onConversation });
  return { roster, api, socket, agents, onConversation };
}

describe('roster', () => {
  it('seeds presence from the agents, and reloads them after every connect', async () => {
    const { roster, api, socket, agents } = setup();
    expect(roster.presence.mine.value).toBeNull();
    socket.connect();
    await vi.waitFor(() => expect(agents.value).toHaveLength(2));
    expect(api.listAgents).toHaveBeenCalledTimes(1);
    expect(roster.presence.mine.value).toBe('away');
    expect(roster.presence.of('a2')).toBe('online');
    roster.dispose();
    socket.connect();
    socket.fire('presence', { agentId: 'a2', presence: 'offline' });
    expect(api.listAgents).toHaveBeenCalledTimes(1);
    expect(roster.presence.of('a2')).toBe('online');
  });

  it('loads the teams once when first needed, and again after a failure', async () => {
    const listTeams = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue({ data: [team({ name: 'Billing' })], next_cursor: null });
    const { roster } = setup(listTeams);
    expect(roster.teams.status.value).toBe('idle');
    roster.teams.ensure();
    await vi.waitFor(() => expect(roster.teams.status.value).toBe('failed'));
    roster.teams.ensure();
    await vi.waitFor(() => expect(roster.teams.status.value).toBe('ready'));
    roster.teams.ensure();
    expect(listTeams).toHaveBeenCalledTimes(2);
    expect(roster.teams.list.value.map((t) => t.name)).toEqual(['Billing']);
  });

  it('assigns through the API, hands the answer on and refreshes the open counts', async () => {
    const { roster, api, onConversation, agents } = setup();
    const answer = await roster.assign('c9', { teamId: 'team_1', assigneeId: 'a2' });
    expect(api.assignConversation).toHaveBeenCalledWith('c9', { teamId: 'team_1', assigneeId: 'a2' });
    expect(onConversation).toHaveBeenCalledWith(answer);
    await vi.waitFor(() => expect(agents.value.find((a) => a.id === 'a2')?.open_assigned).toBe(2));
  });
});
