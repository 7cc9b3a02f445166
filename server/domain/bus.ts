/**
 * Domain events: what happened, published after the write is durable.
 * Transports (sockets, webhooks later) subscribe; the domain knows none of them.
 */
import { EventEmitter } from 'node:events';
import type { ContactProfile, Message } from '../../protocol/index.js';

export interface DomainEvents {
  'message.created': { workspaceId: string; contactId: string; message: Message };
  'conversation.updated': { workspaceId: string; contactId: string; conversationId: string };
  'contact.updated': { workspaceId: string; contact: ContactProfile };
  'conversation.read': { workspaceId: string; contactId: string; conversationId: string; seq: number; by: 'visitor' | 'agent' };
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
