import { describe, expect, it } from 'vitest';
import type { ConversationNote } from '../../protocol/index.js';
import { message } from '../test-support/fixtures.js';
import { mergeNotes } from './note-store.js';
import { interleave } from './thread-items.js';
import { addPending, mergeMessages, pendingMessage } from './thread-merge.js';

const note = (id: string, createdAt: string): ConversationNote => ({
  id,
  conversationId: 'c1',
  authorId: 'a2',
  authorName: 'Grace',
  body: `note ${id}`,
  mentions: [],
  createdAt,
});

describe('notes in the thread', () => {
  it('keeps each note once, oldest first', () => {
    const a = note('n1', '2025-01-01T12:00:05.000Z');
    const b = note('n2', '2025-01-01T12:00:01.000Z');
    const merged = mergeNotes([a], [b, a]);
    expect(merged.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(mergeNotes(merged, [a])).toBe(merged);
  });

  it('slots notes between messages by time, before our unsent messages', () => {
    // Messages at 12:00:01, :02, :03 (the fixture's seconds are their seq).
    let entries = mergeMessages([], [message({ seq: 1 }), message({ seq: 2 }), message({ seq: 3 })]);
    entries = addPending(
      entries,
      pendingMessage({ conversationId: 'c1', clientId: 'mine', body: 'on it', authorId: 'a1', authorName: 'Ada', createdAt: '2025-01-01T12:00:00.000Z' }),
    );
    const notes = [note('early', '2025-01-01T12:00:01.500Z'), note('late', '2025-01-01T12:00:09.000Z')];
    const order = interleave(entries, notes).map((item) => (item.kind === 'note' ? item.note.id : item.entry.message.clientId));
    expect(order).toEqual(['client-1', 'early', 'client-2', 'client-3', 'late', 'mine']);
    expect(interleave([], notes).map((item) => item.key)).toEqual(['note:early', 'note:late']);
  });
});
