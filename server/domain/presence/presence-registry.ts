/**
 * Who of the agents is online, away or offline. An agent is `online` while at
 * least one of its /agent sockets is connected and it has not set `away`, and
 * `offline` when no socket is.
 *
 * One interface, so the edges and automatic assignment don't care where
 * presence lives: in this node's memory for now (`MemoryPresenceRegistry`);
 * the scale-out issue (REDIS_URL, sockets of one agent on several nodes) brings
 * a Redis-backed registry behind the same interface — which is why every
 * method is async although the memory one never waits.
 */
import type { AgentPresence } from '../../../protocol/index.js';

export interface AgentRef {
  workspaceId: string;
  agentId: string;
}

export interface PresenceChange extends AgentRef {
  presence: AgentPresence;
  previous: AgentPresence;
}

export interface PresenceRegistry {
  socketConnected(agent: AgentRef, socketId: string): Promise<void>;
  socketDisconnected(agent: AgentRef, socketId: string): Promise<void>;
  /** The agent's own choice; it lasts across reconnects until changed. Returns the presence that results. */
  setAway(agent: AgentRef, away: boolean): Promise<AgentPresence>;
  /** Presence of each agent asked about (an unknown agent is offline). */
  presenceOf(workspaceId: string, agentIds: readonly string[]): Promise<Map<string, AgentPresence>>;
  /** Called after every change of an agent's presence; returns the unsubscribe function. */
  onChange(listener: (change: PresenceChange) => void): () => void;
}
