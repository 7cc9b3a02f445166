/**
 * /agent: the inbox's socket. Authenticated by the agent's session cookie and
 * allowed only from our own origin (cookies ride along cross-site; Origin doesn't lie in browsers).
 */
import type { Namespace } from 'socket.io';
import type { Logger } from 'pino';
import {
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  readSchema,
  sendMessageSchema,
  syncMessagesSchema,
  typingSchema,
} from '../../protocol/index.js';
import { type Domain, ParleyError } from '../domain/index.js';
import { isSameOrigin, readCookie, SESSION_COOKIE } from '../http/auth/index.js';
import { respond } from './respond.js';
import { agentRoom, agentsRoom, contactRoom } from './rooms.js';
import { socketRateLimiter } from './socket-limits.js';
import { linkPresence, trackPresence } from './presence-link.js';
import { trackViewing } from './conversation-viewers.js';
import { linkNotes } from './note-fanout.js';

export interface AgentSocketData {
  agentId: string;
  agentName: string;
  workspaceId: string;
}

export type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, Record<string, never>, AgentSocketData>;

export function attachAgentNamespace(nsp: AgentNamespace, domain: Domain, logger: Logger, publicUrl: string): void {
  const limit = socketRateLimiter(120, 10);
  linkPresence(nsp, domain, logger);
  linkNotes(nsp, domain);

  nsp.use((socket, next) => {
    (async () => {
      if (!isSameOrigin(socket.request, publicUrl)) throw new ParleyError('origin_not_allowed', 'origin not allowed');
      const cookie = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      const session = cookie ? await domain.agents.session(cookie) : null;
      if (!session) throw new ParleyError('unauthorized', 'log in first');
      socket.data = { agentId: session.agent.id, agentName: session.agent.name, workspaceId: session.agent.workspace_id };
    })().then(
      () => next(),
      (err: unknown) => next(new Error(err instanceof ParleyError ? err.code : 'unauthorized')),
    );
  });

  nsp.on('connection', (socket) => {
    const { agentId, agentName, workspaceId } = socket.data;
    void socket.join(agentsRoom(workspaceId));
    trackPresence(socket, domain, logger);
    const guard = () => limit(socket.id);
    const conversation = (id: string) => domain.conversations.getInWorkspace(workspaceId, id);
    // The agent's own room (mentions) and who views which conversation (the collision hint).
    void socket.join(agentRoom(agentId));
    trackViewing(socket, nsp, domain, logger, guard);

    socket.on(
      'message:send',
      respond(logger, sendMessageSchema, async (input) => {
        const conv = await conversation(input.conversationId);
        const { message } = await domain.messages.append({
          workspaceId,
          conversationId: conv.id,
          clientId: input.clientId,
          body: input.body,
          author: { type: 'agent', id: agentId, name: agentName },
          attachmentIds: input.attachmentIds,
        });
        return { message };
      }, guard),
    );

    socket.on(
      'messages:sync',
      respond(logger, syncMessagesSchema, async (input) => {
        const conv = await conversation(input.conversationId);
        return { messages: await domain.messages.since(conv.id, input.afterSeq, input.limit ?? 200), lastSeq: Number(conv.last_seq) };
      }, guard),
    );

    socket.on(
      'read',
      respond(logger, readSchema, async (input) => {
        const conv = await conversation(input.conversationId);
        return { seq: await domain.conversations.markRead(conv, 'agent', input.seq) };
      }, guard),
    );

    socket.on(
      'typing',
      respond(logger, typingSchema, async (input) => {
        const conv = await conversation(input.conversationId);
        const notice = { conversationId: conv.id, typing: input.typing, author: 'agent' as const, name: agentName };
        nsp.server.of('/visitor').to(contactRoom(conv.contact_id)).emit('typing', notice);
        // Other agents see it too: the collision hint of the inbox.
        socket.to(agentsRoom(workspaceId)).emit('typing', notice);
      }, guard),
    );
  });
}
