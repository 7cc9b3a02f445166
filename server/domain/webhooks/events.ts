/**
 * Domain events → webhook events: follows the bus and writes an outbox row per
 * subscriber (nothing at all when the workspace has none, so an install
 * without webhooks pays one cached lookup per event). The `data` of each
 * event is the object as the REST API returns it. Events of one conversation
 * are handled in order on this node, so its state diff sees them in sequence.
 *
 * Internal notes are not messages (their own `note.created` bus event) and
 * never become a webhook.
 */
import type { WebhookPayload, WebhookPayloadType } from '../../../protocol/index.js';
import type { DomainBus } from '../bus.js';
import type { Conversations } from '../conversations/index.js';
import { newId } from '../ids.js';
import type { ConversationChanges, ConversationStates } from './conversation-states.js';
import type { DeliveryOutbox } from './outbox.js';
import type { WebhookSubscriptions } from './subscriptions.js';

/** The events whose subscribers need conversation states kept. */
export const CONVERSATION_CHANGE_TYPES = ['conversation.updated', 'conversation.closed'] as const;

export interface WebhookEventDeps {
  bus: DomainBus;
  subscriptions: WebhookSubscriptions;
  outbox: DeliveryOutbox;
  states: ConversationStates;
  conversations: Pick<Conversations, 'getInWorkspace' | 'agentView'>;
  now?: () => Date;
}

export interface WebhookEvents {
  /** Resolves when every event taken so far is in the outbox (tests, shutdown). */
  settled(): Promise<void>;
  stop(): void;
}

export function startWebhookEvents(deps: WebhookEventDeps, onError: (err: unknown) => void): WebhookEvents {
  const { bus, subscriptions, outbox, states, conversations } = deps;
  const now = deps.now ?? (() => new Date());
  const running = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const p = work.catch(onError).finally(() => running.delete(p));
    running.add(p);
  };
  // One chain per conversation: its events are diffed in the order they came.
  const chains = new Map<string, Promise<void>>();
  const inOrder = (key: string, work: () => Promise<void>) => {
    const next = (chains.get(key) ?? Promise.resolve()).then(work).catch(onError);
    chains.set(key, next);
    track(next.finally(() => chains.get(key) === next && chains.delete(key)));
  };

  /** Writes the event for the workspace's subscribers; `data` is built only when someone wants it. */
  const emit = async (workspaceId: string, type: WebhookPayloadType, data: () => Promise<unknown> | unknown, changes?: ConversationChanges) => {
    const subscribers = await subscriptions.subscribers(workspaceId, [type]);
    if (subscribers.length === 0) return;
    const at = now();
    const payload: WebhookPayload = { id: newId('evt'), type, created_at: at.toISOString(), workspace_id: workspaceId, data: await data(), ...(changes ? { changes } : {}) };
    await outbox.enqueue(payload, subscribers, at);
  };

  const conversation = (workspaceId: string, id: string) => conversations.getInWorkspace(workspaceId, id).catch(() => null);

  const offs = [
    bus.subscribe('conversation.created', ({ workspaceId, conversationId }) =>
      inOrder(conversationId, async () => {
        const [tracking, created] = await Promise.all([
          subscriptions.subscribers(workspaceId, CONVERSATION_CHANGE_TYPES),
          subscriptions.subscribers(workspaceId, ['conversation.created']),
        ]);
        if (tracking.length === 0 && created.length === 0) return;
        const row = await conversation(workspaceId, conversationId);
        if (!row) return;
        if (tracking.length > 0) await states.baseline(row);
        await emit(workspaceId, 'conversation.created', () => conversations.agentView(row));
      }),
    ),
    bus.subscribe('conversation.updated', ({ workspaceId, conversationId }) =>
      inOrder(conversationId, async () => {
        if ((await subscriptions.subscribers(workspaceId, CONVERSATION_CHANGE_TYPES)).length === 0) return;
        const row = await conversation(workspaceId, conversationId);
        const changes = row ? await states.advance(row) : null;
        if (!row || !changes) return;
        const view = await conversations.agentView(row);
        await emit(workspaceId, 'conversation.updated', () => view, changes);
        if (changes.status?.to === 'closed') await emit(workspaceId, 'conversation.closed', () => view);
      }),
    ),
    bus.subscribe('message.created', ({ workspaceId, message }) => track(emit(workspaceId, 'message.created', () => message))),
    bus.subscribe('contact.created', ({ workspaceId, contact }) => track(emit(workspaceId, 'contact.created', () => contact))),
    bus.subscribe('contact.updated', ({ workspaceId, contact }) => track(emit(workspaceId, 'contact.updated', () => contact))),
    bus.subscribe('survey.response', ({ workspaceId, response }) => track(emit(workspaceId, 'survey.response', () => response))),
    bus.subscribe('tour.completed', ({ workspaceId, tour }) => track(emit(workspaceId, 'tour.completed', () => tour))),
  ];

  return {
    settled: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop: () => offs.forEach((off) => off()),
  };
}
