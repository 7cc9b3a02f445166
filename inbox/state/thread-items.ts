/**
 * What the thread shows: its messages (in `seq` order, ours still sending at
 * the end) with the internal notes slotted in by time. A note sits after every
 * message written before it, so the team reads it where it was said.
 */
import type { ConversationNote } from '../../protocol/index.js';
import { isPending, type ThreadEntry } from './thread-merge.js';

export type ThreadItem = { kind: 'message'; key: string; entry: ThreadEntry } | { kind: 'note'; key: string; note: ConversationNote };

/** `entries` as `mergeMessages` keeps them; `notes` oldest first, as `mergeNotes` keeps them. */
export function interleave(entries: readonly ThreadEntry[], notes: readonly ConversationNote[]): ThreadItem[] {
  const items: ThreadItem[] = [];
  let next = 0;
  const noteItem = (note: ConversationNote): ThreadItem => ({ kind: 'note', key: `note:${note.id}`, note });
  for (const entry of entries) {
    if (!isPending(entry)) {
      const sentAt = Date.parse(entry.message.createdAt);
      while (next < notes.length && Date.parse(notes[next].createdAt) < sentAt) items.push(noteItem(notes[next++]));
    } else {
      // Our unsent messages are the newest thing in the thread.
      while (next < notes.length) items.push(noteItem(notes[next++]));
    }
    items.push({ kind: 'message', key: entry.key, entry });
  }
  while (next < notes.length) items.push(noteItem(notes[next++]));
  return items;
}
