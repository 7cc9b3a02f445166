/**
 * Domain events → sockets. The node that wrote the row emits; with the Redis
 * adapter the emit reaches sockets on every node.
 */
import type { Logger } from 'pino';
import type { Domain } from '../domain/index.js';
import type { AgentNamespace } from './agent-namespace.js';
import { agentsRoom, contactRoom } from './rooms.js';
import type { VisitorNamespace } from './visitor-namespace.js';

/** How long conversation updates are gathered before one is sent per conversation. */
const COALESCE_MS = 30;

export function startFanout(domain: Domain, visitors: VisitorNamespace, agents: AgentNamespace, logger: Logger): () => void {
  const fail = (err: unknown) => logger.error({ err }, 'fanout failed');
  const pendingUpdates = new Map<string, string>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flushUpdates = () => {
    flushTimer = null;
    const batch = [...pendingUpdates];
    pendingUpdates.clear();
    for (const [conversationId, workspaceId] of batch) {
      domain.conversations
        .getInWorkspace(workspaceId, conversationId)
        .then(async (row) => {
          visitors.to(contactRoom(row.contact_id)).emit('conversation:updated', await domain.conversations.visitorView(row));
          agents.to(agentsRoom(workspaceId)).emit('conversation:updated', await domain.conversations.agentView(row));
        })
        .catch(fail);
    }
  };
  const unsubscribers = [
    domain.bus.subscribe('message.created', ({ workspaceId, contactId, message }) => {
      visitors.to(contactRoom(contactId)).emit('message:new', message);
      agents.to(agentsRoom(workspaceId)).emit('message:new', message);
    }),
    domain.bus.subscribe('conversation.updated', ({ workspaceId, conversationId }) => {
      // Coalesced: a busy conversation is re-read and re-sent at most once per window,
      // not once per message (message:new already carries each message live).
      pendingUpdates.set(conversationId, workspaceId);
      flushTimer ??= setTimeout(flushUpdates, COALESCE_MS);
    }),
    domain.bus.subscribe('conversation.read', ({ workspaceId, contactId, conversationId, seq, by }) => {
      if (by === 'visitor') agents.to(agentsRoom(workspaceId)).emit('read', { conversationId, seq, by });
      else visitors.to(contactRoom(contactId)).emit('read', { conversationId, seq, by });
    }),
    domain.bus.subscribe('contact.updated', ({ workspaceId, contact }) => {
      agents.to(agentsRoom(workspaceId)).emit('contact:updated', contact);
    }),
    domain.bus.subscribe('content.changed', ({ workspaceId, contactId }) => {
      // One contact, or (a message was edited) every visitor of the workspace connected here.
      const contactIds = contactId
        ? [contactId]
        : [...new Set([...visitors.sockets.values()].filter((s) => s.data.workspaceId === workspaceId).map((s) => s.data.contactId))];
      for (const id of contactIds) {
        domain.contacts
          .get(workspaceId, id)
          .then((row) => domain.inApp.snapshotFor(row))
          .then((snapshot) => visitors.to(contactRoom(id)).emit('content:changed', snapshot))
          .catch(fail);
      }
    }),
  ];
  return () => {
    unsubscribers.forEach((off) => off());
    if (flushTimer) clearTimeout(flushTimer);
  };
}
