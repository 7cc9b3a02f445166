/**
 * The single-node presence registry: socket ids per agent and the agents who
 * chose `away`, in this process's memory. Lost on restart, which is right for
 * sockets (they reconnect and register again) and acceptable for `away`.
 */
import { EventEmitter } from 'node:events';
import type { AgentPresence } from '../../../protocol/index.js';
import type { AgentRef, PresenceChange, PresenceRegistry } from './presence-registry.js';

export class MemoryPresenceRegistry implements PresenceRegistry {
  /** agent id → its workspace and connected socket ids (agent ids are unique across workspaces). */
  private readonly sockets = new Map<string, { workspaceId: string; ids: Set<string> }>();
  private readonly away = new Set<string>();
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  async socketConnected(agent: AgentRef, socketId: string): Promise<void> {
    this.changing(agent, () => {
      const entry = this.sockets.get(agent.agentId);
      if (entry) entry.ids.add(socketId);
      else this.sockets.set(agent.agentId, { workspaceId: agent.workspaceId, ids: new Set([socketId]) });
    });
  }

  async socketDisconnected(agent: AgentRef, socketId: string): Promise<void> {
    this.changing(agent, () => {
      const entry = this.sockets.get(agent.agentId);
      entry?.ids.delete(socketId);
      if (entry && entry.ids.size === 0) this.sockets.delete(agent.agentId);
    });
  }

  async setAway(agent: AgentRef, away: boolean): Promise<AgentPresence> {
    this.changing(agent, () => {
      if (away) this.away.add(agent.agentId);
      else this.away.delete(agent.agentId);
    });
    return this.current(agent.workspaceId, agent.agentId);
  }

  async presenceOf(workspaceId: string, agentIds: readonly string[]): Promise<Map<string, AgentPresence>> {
    return new Map(agentIds.map((id) => [id, this.current(workspaceId, id)]));
  }

  onChange(listener: (change: PresenceChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  private current(workspaceId: string, agentId: string): AgentPresence {
    const entry = this.sockets.get(agentId);
    if (!entry || entry.workspaceId !== workspaceId) return 'offline';
    return this.away.has(agentId) ? 'away' : 'online';
  }

  /** Applies `mutate` and tells the listeners when the agent's presence changed. */
  private changing(agent: AgentRef, mutate: () => void): void {
    const previous = this.current(agent.workspaceId, agent.agentId);
    mutate();
    const presence = this.current(agent.workspaceId, agent.agentId);
    if (presence !== previous) this.emitter.emit('change', { ...agent, presence, previous } satisfies PresenceChange);
  }
}
