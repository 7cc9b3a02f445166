/** English strings: the reference set. Every other locale has exactly these keys. */
export const en = {
  openMessenger: 'Open messenger',
  closeMessenger: 'Close messenger',
  messengerTitle: 'Messenger',
  unreadBadge: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  conversations: 'Conversations',
  newConversation: 'Send us a message',
  noConversations: 'No conversations yet.',
  back: 'Back to conversations',
  message: 'Message',
  messagePlaceholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending…',
  failed: 'Not sent.',
  emoji: 'Insert emoji',
  discard: 'Delete',
  retry: 'Retry',
  seen: 'Seen',
  you: 'You',
  team: 'Team',
  typing: (name: string) => (name ? `${name} is typing…` : 'Someone is typing…'),
  offline: 'Reconnecting…',
  closedConversation: 'This conversation is closed. Write to reopen it.',
  newMessageFrom: (name: string) => `New message from ${name}`,
  close: 'Close',
};

export type Strings = typeof en;
