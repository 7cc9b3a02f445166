/**
 * Agents' presence over /agent: each socket registers with the presence
 * registry while connected, and every change of an agent's presence is pushed
 * to the workspace's agents (`presence`). Failures of background routing
 * (which presence changes start) are logged here, where the logger is.
 */
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { AgentClientToServerEvents, AgentServerToClientEvents } from '../../protocol/index.js';
import type { Domain } from '../domain/index.js';
import type { AgentNamespace, AgentSocketData } from './agent-namespace.js';
import { agentsRoom } from './rooms.js';

type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, Record<string, never>, AgentSocketData>;

/** Once per namespace; returns the function that unlinks it. */
export function linkPresence(nsp: AgentNamespace, domain: Domain, logger: Logger): () => void {
  const offs = [
    domain.presence.onChange(({ workspaceId, agentId, presence }) => nsp.to(agentsRoom(workspaceId)).emit('presence', { agentId, presence })),
    domain.routing.onError((err) => logger.error({ err }, 'conversation routing failed')),
  ];
  return () => offs.forEach((off) => off());
}

/** Once per connected socket. */
export function trackPresence(socket: AgentSocket, domain: Domain, logger: Logger): void {
  const agent = { workspaceId: socket.data.workspaceId, agentId: socket.data.agentId };
  const fail = (err: unknown) => logger.error({ err }, 'presence update failed');
  domain.presence.socketConnected(agent, socket.id).catch(fail);
  socket.on('disconnect', (reason) => {
    // This node is stopping, not the agent leaving: its sockets reconnect to another node (or this one
    // after a restart), so no offline notice and no hand-out of their conversations.
    if (reason === 'server shutting down') return;
    domain.presence.socketDisconnected(agent, socket.id).catch(fail);
  });
}
