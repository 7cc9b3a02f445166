/**
 * The visitor's chat as the widget shows it. ChatClient keeps it; its parts
 * (the outbox, the catch-up) read and change it through ChatStateAccess.
 */
import type { VisitorConversation } from '../../protocol/index.js';
import type { ThreadItem } from './thread.js';

export interface ChatState {
  status: 'connecting' | 'online' | 'offline';
  conversations: VisitorConversation[];
  threads: Record<string, ThreadItem[]>;
  /** conversationId → name of the agent typing ('' when unnamed); absent when nobody types. */
  typing: Record<string, string>;
  unread: number;
}

export interface ChatStateAccess {
  /** The state now (each change replaces it). */
  state(): ChatState;
  /** Changes it and tells the client's listeners. */
  update(patch: Partial<ChatState>): void;
}
