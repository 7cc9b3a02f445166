/**
 * The internal notes of each opened conversation: loaded with its thread,
 * kept live by `note:new`, reloaded after a reconnect (pushes sent while away
 * are gone). Notes are not messages: they never go through the outbox or the
 * socket's `message:send`, only `POST /conversations/:id/notes`.
 */
import { signal, type Signal } from '@preact/signals';
import type { ConversationNote } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { LoadStatus } from './conversation-list-store.js';

export interface NoteThread {
  notes: Signal<readonly ConversationNote[]>;
  status: Signal<LoadStatus>;
}

export interface NoteStore {
  /** The notes of a conversation, loaded on first use (and again after a failure). */
  open(conversationId: string): NoteThread;
  receive(note: ConversationNote): void;
  /** Posts a note; rejects with an ApiError when refused. */
  add(conversationId: string, body: string): Promise<ConversationNote>;
  /** After a reconnect. */
  reloadAll(): Promise<void>;
}

/** Bounds the walk of a very long list of notes (100 a page). */
const MAX_PAGES = 10;

/** Each note once, oldest first (ties by id, so every tab shows the same order). */
export function mergeNotes(notes: readonly ConversationNote[], incoming: readonly ConversationNote[]): readonly ConversationNote[] {
  const known = new Set(notes.map((note) => note.id));
  const fresh = incoming.filter((note) => !known.has(note.id) && known.add(note.id));
  if (fresh.length === 0) return notes;
  return [...notes, ...fresh].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function createNoteStore(api: Pick<InboxApi, 'listNotes' | 'createNote'>): NoteStore {
  const threads = new Map<string, NoteThread>();

  async function load(conversationId: string, thread: NoteThread): Promise<void> {
    thread.status.value = 'loading';
    try {
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await api.listNotes(conversationId, cursor);
        thread.notes.value = mergeNotes(thread.notes.value, result.data);
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      thread.status.value = 'ready';
    } catch {
      thread.status.value = 'error';
    }
  }

  function open(conversationId: string): NoteThread {
    const existing = threads.get(conversationId);
    if (existing) {
      if (existing.status.value === 'error') void load(conversationId, existing);
      return existing;
    }
    const thread: NoteThread = { notes: signal([]), status: signal<LoadStatus>('loading') };
    threads.set(conversationId, thread);
    void load(conversationId, thread);
    return thread;
  }

  function receive(note: ConversationNote): void {
    const thread = threads.get(note.conversationId);
    if (thread) thread.notes.value = mergeNotes(thread.notes.value, [note]);
  }

  return {
    open,
    receive,
    async add(conversationId, body) {
      const note = await api.createNote(conversationId, body);
      receive(note);
      return note;
    },
    async reloadAll() {
      await Promise.all([...threads.entries()].map(([id, thread]) => load(id, thread)));
    },
  };
}
