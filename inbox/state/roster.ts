/**
 * The team side of a logged-in inbox: agents' presence (live), the
 * workspace's teams (loaded when first needed), and assigning a conversation
 * to a team and/or an agent. Built by `createInbox`; its pieces are exposed
 * on `Inbox` (`presence`, `teams`, `reloadAgents`, `assignConversation`).
 */
import { effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { AgentConversation, AgentProfile, Team } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { AgentSocket } from '../api/socket.js';
import type { AssignRequest } from '../api/team-endpoints.js';
import { bindPresence, createPresenceStore, type PresenceStore } from './presence-store.js';

export type TeamsStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface TeamsStore {
  list: ReadonlySignal<readonly Team[]>;
  status: ReadonlySignal<TeamsStatus>;
  /** Loads the teams unless they are loaded or loading. */
  ensure(): void;
  reload(): Promise<void>;
}

export interface Roster {
  presence: PresenceStore;
  teams: TeamsStore;
  /** Asks `GET /agents` again (capacity and open counts change with every assignment). */
  reloadAgents(): Promise<void>;
  /** `POST /conversations/:id/assign`; the answer goes into the list and the open conversation. Rejects with an ApiError. */
  assign(conversationId: string, input: AssignRequest): Promise<AgentConversation>;
  dispose(): void;
}

export interface RosterOptions {
  api: Pick<InboxApi, 'listAgents' | 'listTeams' | 'setMyPresence' | 'assignConversation'>;
  agent: AgentProfile;
  socket: AgentSocket;
  /** The inbox's agents (the assignee pickers read them); the roster keeps them current. */
  agents: Signal<readonly AgentProfile[]>;
  announce(text: string): void;
  onConversation(conversation: AgentConversation): void;
}

export function createRoster({ api, agent, socket, agents, announce, onConversation }: RosterOptions): Roster {
  const presence = createPresenceStore({ agentId: agent.id, save: (choice) => api.setMyPresence(choice), announce });
  presence.seed([agent]);
  const stopSeeding = effect(() => presence.seed(agents.value));
  const unbindPresence = bindPresence(socket, presence);

  async function reloadAgents(): Promise<void> {
    try {
      agents.value = (await api.listAgents()).data;
    } catch {
      // The roster is a nicety here: pickers keep the agents they have.
    }
  }
  // Presence pushes sent while we were away are gone: the roster says where everyone is now.
  const onConnect = (): void => void reloadAgents();
  socket.on('connect', onConnect);

  const list = signal<readonly Team[]>([]);
  const status = signal<TeamsStatus>('idle');
  async function reload(): Promise<void> {
    status.value = 'loading';
    try {
      list.value = (await api.listTeams()).data;
      status.value = 'ready';
    } catch {
      status.value = 'failed';
    }
  }
  const teams: TeamsStore = {
    list,
    status,
    ensure() {
      if (status.peek() === 'idle' || status.peek() === 'failed') void reload();
    },
    reload,
  };

  return {
    presence,
    teams,
    reloadAgents,
    async assign(conversationId, input) {
      const conversation = await api.assignConversation(conversationId, input);
      onConversation(conversation);
      void reloadAgents();
      return conversation;
    },
    dispose() {
      stopSeeding();
      unbindPresence();
      socket.off('connect', onConnect);
    },
  };
}
