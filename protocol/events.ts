/**
 * The typed Socket.IO event maps: one source for both ends of /visitor and /agent.
 * Requests carry an ack callback and are always answered with an `Ack`.
 */
import type { Ack } from './ack.js';
import type { AgentConversation, ContactProfile, Message, VisitorConversation } from './models.js';
import type {
  ReadInput,
  SendMessageInput,
  StartConversationInput,
  SyncMessagesInput,
  TypingInput,
} from './schemas.js';

export interface SyncResult {
  messages: Message[];
  /** The conversation's lastSeq when the page was read; more pages if above the last message's seq. */
  lastSeq: number;
}

export interface TypingNotice {
  conversationId: string;
  typing: boolean;
  author: 'visitor' | 'agent';
  name: string | null;
}

export interface ReadNotice {
  conversationId: string;
  seq: number;
  by: 'visitor' | 'agent';
}

/** Handshake `auth` of the /visitor namespace (never a cookie: see DESIGN.md §5). */
export interface VisitorHandshakeAuth {
  token: string;
}

export interface VisitorClientToServerEvents {
  'conversations:list': (payload: Record<string, never>, ack: (r: Ack<{ conversations: VisitorConversation[] }>) => void) => void;
  'conversation:start': (input: StartConversationInput, ack: (r: Ack<{ conversation: VisitorConversation; message: Message }>) => void) => void;
  'message:send': (input: SendMessageInput, ack: (r: Ack<{ message: Message }>) => void) => void;
  'messages:sync': (input: SyncMessagesInput, ack: (r: Ack<SyncResult>) => void) => void;
  typing: (input: TypingInput) => void;
  read: (input: ReadInput, ack?: (r: Ack<{ seq: number }>) => void) => void;
}

export interface VisitorServerToClientEvents {
  'message:new': (message: Message) => void;
  'conversation:updated': (conversation: VisitorConversation) => void;
  typing: (notice: TypingNotice) => void;
  read: (notice: ReadNotice) => void;
}

export interface AgentClientToServerEvents {
  'message:send': (input: SendMessageInput, ack: (r: Ack<{ message: Message }>) => void) => void;
  'messages:sync': (input: SyncMessagesInput, ack: (r: Ack<SyncResult>) => void) => void;
  typing: (input: TypingInput) => void;
  read: (input: ReadInput, ack?: (r: Ack<{ seq: number }>) => void) => void;
}

export interface AgentServerToClientEvents {
  'message:new': (message: Message) => void;
  'conversation:updated': (conversation: AgentConversation) => void;
  'contact:updated': (contact: ContactProfile) => void;
  typing: (notice: TypingNotice) => void;
  read: (notice: ReadNotice) => void;
}
