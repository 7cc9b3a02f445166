/**
 * The tools for working a conversation, built with the inbox: tags, saved
 * views, canned replies, internal notes with their @mentions, and who else is
 * viewing. Binds its own socket events (`note:new`, `mention`, `viewers`) and
 * its own reconnect duty (report the viewed conversation again, reload notes),
 * and removes every listener in `dispose`.
 */
import type { AgentProfile, ConversationNote, ConversationViewers, MentionNotice } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { AgentSocket } from '../api/socket.js';
import type { Announcer } from './announcer.js';
import { createCannedReplyStore, type CannedReplyStore } from './canned-reply-store.js';
import type { ConversationListStore } from './conversation-list-store.js';
import { createMentionStore, mentionText, type MentionStore } from './mention-store.js';
import { createNoteStore, type NoteStore } from './note-store.js';
import { createSavedViewsStore, type SavedViewsStore } from './saved-views-store.js';
import { createTagStore, type TagStore } from './tag-store.js';
import { createViewersStore, type ViewersStore } from './viewers-store.js';

export interface WorkTools {
  /** Internal notes of the opened conversations. */
  notes: NoteStore;
  /** Notes that mention this agent, shown until dismissed. */
  mentions: MentionStore;
  /** Who else is viewing which conversation, and what this tab views. */
  viewers: ViewersStore;
  tags: TagStore;
  cannedReplies: CannedReplyStore;
  views: SavedViewsStore;
}

export interface WorkToolsOptions {
  api: InboxApi;
  agent: AgentProfile;
  socket: AgentSocket;
  list: ConversationListStore;
  announcer: Announcer;
  /** "Grace Hopper": whom a conversation is with, for announcements. */
  conversationName(conversationId: string): string;
}

export function createWorkTools(options: WorkToolsOptions): WorkTools & { dispose(): void } {
  const { api, agent, socket, list, announcer } = options;
  const notes = createNoteStore(api);
  const mentions = createMentionStore(agent.id);
  const viewers = createViewersStore({
    isConnected: () => socket.connected,
    view(conversationId, viewing, onViewers) {
      socket.emit('conversation:view', { conversationId, viewing }, (ack) => {
        if (ack.ok) onViewers(ack.data);
      });
    },
  });

  let connectedBefore = socket.connected;
  const handlers = {
    connect(): void {
      // A new socket is in no viewers room: say again which conversation this tab shows.
      viewers.resend();
      // Notes pushed while we were away are gone: fetch them (the first connect has nothing to catch up).
      if (connectedBefore) void notes.reloadAll();
      connectedBefore = true;
    },
    'note:new': (note: ConversationNote): void => notes.receive(note),
    mention({ note }: MentionNotice): void {
      notes.receive(note);
      if (mentions.receive(note)) {
        announcer.announce(`${mentionText(note)} (conversation with ${options.conversationName(note.conversationId)})`);
      }
    },
    viewers: (list: ConversationViewers): void => viewers.apply(list),
  };
  const raw = socket as unknown as { on(e: string, f: unknown): void; off(e: string, f: unknown): void };
  for (const [event, handler] of Object.entries(handlers)) raw.on(event, handler);

  return {
    notes,
    mentions,
    viewers,
    tags: createTagStore(api),
    cannedReplies: createCannedReplyStore(api),
    views: createSavedViewsStore(api, list, agent),
    dispose() {
      for (const [event, handler] of Object.entries(handlers)) raw.off(event, handler);
    },
  };
}
