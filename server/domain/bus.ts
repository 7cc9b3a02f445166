/**
 * Domain events: what happened, published after the write is durable.
 * Transports (sockets, webhooks) subscribe; the domain knows none of them.
 */
import { EventEmitter } from 'node:events';
import type { ContactProfile, Message } from '../../protocol/index.js';
import type { ConversationNote, SurveyResponseData, TourCompletedData } from '../../protocol/index.js';

export interface DomainEvents {
  'message.created': { workspaceId: string; contactId: string; message: Message };
  'conversation.updated': { workspaceId: string; contactId: string; conversationId: string };
  /** A conversation was created (once per conversation, after its first messages are durable): assignment rules run on it. */
  'conversation.created': { workspaceId: string; contactId: string; conversationId: string; startedBy: 'visitor' | 'team' };
  'contact.updated': { workspaceId: string; contact: ContactProfile };
  /** A contact was created: an anonymous visitor's first visit, or a user identified for the first time. */
  'contact.created': { workspaceId: string; contact: ContactProfile };
  /** A contact completed a survey (once per survey delivery). */
  'survey.response': { workspaceId: string; contactId: string; response: SurveyResponseData };
  /** A contact completed a tour (once per tour delivery). */
  'tour.completed': { workspaceId: string; contactId: string; tour: TourCompletedData };
  'conversation.read': { workspaceId: string; contactId: string; conversationId: string; seq: number; by: 'visitor' | 'agent' };
  /** Events were stored for a contact (names of the new ones; `tracked`: those of `track` events, not page views). */
  'contact.events': { workspaceId: string; contactId: string; names: string[]; tracked?: string[] };
  /** Tags were put on a conversation (ids of the ones it did not carry before): automation's "tag added". */
  'conversation.tags_added': { workspaceId: string; contactId: string; conversationId: string; tagIds: string[] };
  /** What a contact (or, without contactId, every contact of the workspace) is eligible for may have changed. */
  'content.changed': { workspaceId: string; contactId?: string };
  /** An internal note was written (for the team only: never sent to a visitor). */
  'note.created': { workspaceId: string; note: ConversationNote };
}

export class DomainBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Returns the unsubscribe function. */
  subscribe<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
