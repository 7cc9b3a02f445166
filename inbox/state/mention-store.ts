/**
 * Notes that mention this agent, from the `mention` event: shown as small
 * notices with a link to the conversation until dismissed or opened. Each
 * note once (a reconnect may bring it again), the newest few only.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ConversationNote } from '../../protocol/index.js';

export const MAX_MENTION_NOTICES = 5;

export interface MentionStore {
  notices: ReadonlySignal<readonly ConversationNote[]>;
  /** False when the note was already shown, or is the agent's own. */
  receive(note: ConversationNote): boolean;
  dismiss(noteId: string): void;
  /** The agent opened the conversation: its notices have done their job. */
  seen(conversationId: string): void;
}

export function createMentionStore(agentId: string): MentionStore {
  const notices = signal<readonly ConversationNote[]>([]);
  const shown = new Set<string>();
  return {
    notices,
    receive(note) {
      if (shown.has(note.id) || note.authorId === agentId) return false;
      shown.add(note.id);
      notices.value = [note, ...notices.value].slice(0, MAX_MENTION_NOTICES);
      return true;
    },
    dismiss(noteId) {
      notices.value = notices.value.filter((note) => note.id !== noteId);
    },
    seen(conversationId) {
      if (notices.value.some((note) => note.conversationId === conversationId)) {
        notices.value = notices.value.filter((note) => note.conversationId !== conversationId);
      }
    },
  };
}

/** "Grace Hopper mentioned you in a note: Can you…" — what the announcer reads. */
export function mentionText(note: ConversationNote, preview = 80): string {
  const text = note.body.replace(/\s+/g, ' ').trim();
  const short = text.length > preview ? `${text.slice(0, preview - 1)}…` : text;
  return `${note.authorName?.trim() || 'A teammate'} mentioned you in a note: ${short}`;
}
