/**
 * Wires the /agent socket's pushes into the stores, and runs the reconnect
 * routine: after any reconnect the list and every opened thread are refetched
 * from their cursors, because pushes sent while we were away are gone.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { AgentConversation, ContactProfile, Message, ReadNotice, TypingNotice } from '../../protocol/index.js';
import type { AgentSocket } from '../api/socket.js';
import { contactDisplayName } from '../format/contact-name.js';
import type { Announcer } from './announcer.js';
import type { ContactStore } from './contact-store.js';
import type { ConversationListStore } from './conversation-list-store.js';
import type { CurrentConversationStore } from './current-conversation-store.js';
import type { ThreadStore } from './thread-store.js';
import type { TypingStore } from './typing-store.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface RealtimeStores {
  list: ConversationListStore;
  current: CurrentConversationStore;
  threads: ThreadStore;
  typing: TypingStore;
  contact: ContactStore;
  announcer: Announcer;
  /** The server refused the socket itself (not a network blip): check whether the session ended. */
  onRefused(): void;
}

export interface Realtime {
  connection: ReadonlySignal<ConnectionState>;
  /** Removes every listener added here. */
  unbind(): void;
}

const PREVIEW_LENGTH = 80;
const MAX_ANNOUNCED = 500;

export function bindRealtime(socket: AgentSocket, stores: RealtimeStores): Realtime {
  const { list, current, threads, typing, contact, announcer } = stores;
  const connection = signal<ConnectionState>(socket.connected ? 'online' : 'connecting');
  let connectedBefore = socket.connected;
  /** A message can arrive twice (push, then again after a catch-up); announce it once. */
  const announced = new Set<string>();

  function nameOf(conversationId: string): string {
    const known =
      current.conversation.value?.id === conversationId
        ? current.conversation.value
        : list.items.value.find((item) => item.id === conversationId);
    return known ? contactDisplayName(known.contact) : 'a visitor';
  }

  const onConnect = (): void => {
    connection.value = 'online';
    threads.flushOutbox();
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    void threads.catchUpAll();
    void list.reload();
    void current.reload();
    void contact.reload();
  };
  const onDisconnect = (): void => {
    connection.value = 'offline';
  };
  const onConnectError = (): void => {
    connection.value = 'offline';
    // `active` is false when the server's middleware refused us; Socket.IO then stops retrying.
    if (!socket.active) stores.onRefused();
  };
  const onMessage = (message: Message): void => {
    list.applyMessage(message);
    current.applyMessage(message);
    threads.receive(message);
    if (message.authorType !== 'bot') typing.clear(message.conversationId, message.authorType, message.authorName);
    if (message.authorType === 'visitor' && !announced.has(message.id)) {
      announced.add(message.id);
      if (announced.size > MAX_ANNOUNCED) announced.delete(announced.values().next().value ?? '');
      const preview = message.body.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH);
      announcer.announce(`New message from ${nameOf(message.conversationId)}: ${preview}`);
    }
  };
  const onConversation = (conversation: AgentConversation): void => {
    list.upsert(conversation);
    current.upsert(conversation);
  };
  const onContact = (profile: ContactProfile): void => {
    list.applyContact(profile);
    current.applyContact(profile);
    contact.apply(profile);
  };
  const onTyping = (notice: TypingNotice): void => typing.apply(notice);
  const onRead = (notice: ReadNotice): void => {
    list.applyRead(notice);
    current.applyRead(notice);
  };

  // One table for binding and unbinding, so the two can't drift apart.
  const handlers = {
    connect: onConnect,
    disconnect: onDisconnect,
    connect_error: onConnectError,
    'message:new': onMessage,
    'conversation:updated': onConversation,
    'contact:updated': onContact,
    typing: onTyping,
    read: onRead,
  };
  const raw = socket as unknown as { on(e: string, f: unknown): void; off(e: string, f: unknown): void };
  for (const [event, handler] of Object.entries(handlers)) raw.on(event, handler);

  return {
    connection,
    unbind() {
      for (const [event, handler] of Object.entries(handlers)) raw.off(event, handler);
    },
  };
}
