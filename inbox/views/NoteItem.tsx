/**
 * An internal note in the thread: on the team's side like a reply, but
 * yellow and labelled, so no one takes it for something the visitor saw.
 */
import type { ConversationNote } from '../../protocol/index.js';
import { formatClock, formatDateTime } from '../format/relative-time.js';
import { MessageBody } from './MessageBody.js';
import '../styles/notes.css';

export const NOTE_LABEL = 'Internal note — only your team sees this';

export function NoteItem({ note }: { note: ConversationNote }) {
  return (
    <li class="message message--team message--note" data-note-id={note.id}>
      <p class="message__author">
        {note.authorName ?? 'A teammate'}
        <span aria-hidden="true"> · </span>
        <span class="note__label">{NOTE_LABEL}</span>
      </p>
      <div class="message__bubble note__bubble">
        <MessageBody body={note.body} />
      </div>
      <p class="message__meta">
        <time dateTime={note.createdAt} title={formatDateTime(note.createdAt)}>
          {formatClock(note.createdAt)}
        </time>
      </p>
    </li>
  );
}
