/**
 * The collision hint: which agents have a conversation open right now. A tab
 * sends `conversation:view { conversationId, viewing }`; its socket joins or
 * leaves the conversation's viewers room, and the workspace's agents get
 * `viewers { conversationId, agents }` (each agent once, however many tabs).
 * Viewers are read from the room itself (`fetchSockets`), so with the Redis
 * adapter the list spans every node, and a closed tab drops out on disconnect.
 */
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import {
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type ConversationViewer,
  type ConversationViewers,
  conversationViewSchema,
} from '../../protocol/index.js';
import { type Domain, ParleyError } from '../domain/index.js';
import type { AgentNamespace, AgentSocketData } from './agent-namespace.js';
import { respond } from './respond.js';
import { agentsRoom, viewersRoom } from './rooms.js';

type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, Record<string, never>, AgentSocketData>;

/** Open conversations per tab; a bound so one socket can't join rooms without end. */
const MAX_VIEWING = 20;
const ROOM_PREFIX = viewersRoom('');

export async function viewersOf(nsp: AgentNamespace, conversationId: string): Promise<ConversationViewers> {
  const sockets = await nsp.in(viewersRoom(conversationId)).fetchSockets();
  const agents = new Map<string, ConversationViewer>();
  for (const s of sockets) agents.set(s.data.agentId, { id: s.data.agentId, name: s.data.agentName });
  return { conversationId, agents: [...agents.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)) };
}

/** Once per connected socket. */
export function trackViewing(socket: AgentSocket, nsp: AgentNamespace, domain: Domain, logger: Logger, guard: () => Promise<void>): void {
  const { workspaceId } = socket.data;
  const announce = async (conversationId: string): Promise<ConversationViewers> => {
    const viewers = await viewersOf(nsp, conversationId);
    nsp.to(agentsRoom(workspaceId)).emit('viewers', viewers);
    return viewers;
  };

  socket.on(
    'conversation:view',
    respond(logger, conversationViewSchema, async ({ conversationId, viewing }) => {
      const conversation = await domain.conversations.getInWorkspace(workspaceId, conversationId);
      const room = viewersRoom(conversation.id);
      if (viewing) {
        const open = [...socket.rooms].filter((r) => r.startsWith(ROOM_PREFIX)).length;
        if (!socket.rooms.has(room) && open >= MAX_VIEWING) throw new ParleyError('conflict', `at most ${MAX_VIEWING} conversations open per tab`);
        await socket.join(room);
      } else {
        await socket.leave(room);
      }
      return announce(conversation.id);
    }, guard),
  );

  // The rooms are gone by 'disconnect': note them while they are still there.
  let viewed: string[] = [];
  socket.on('disconnecting', () => {
    viewed = [...socket.rooms].filter((r) => r.startsWith(ROOM_PREFIX)).map((r) => r.slice(ROOM_PREFIX.length));
  });
  socket.on('disconnect', () => {
    for (const conversationId of viewed) announce(conversationId).catch((err: unknown) => logger.error({ err }, 'viewers update failed'));
  });
}
