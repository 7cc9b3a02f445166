/**
 * Notes that mention the agent, as small notices in the corner with a link to
 * the conversation and a dismiss button. Screen readers hear each one through
 * the announcer when it arrives; this is where it can be acted on.
 */
import { conversationHref } from '../host/hash-route.js';
import { useInbox } from './inbox-context.js';
import '../styles/notes.css';

export function MentionNotices() {
  const { mentions } = useInbox();
  const notices = mentions.notices.value;
  if (notices.length === 0) return null;
  return (
    <section class="mention-notices" aria-label="Mentions">
      <ul class="mention-notices__list">
        {notices.map((note) => {
          const author = note.authorName?.trim() || 'A teammate';
          const body = note.body.replace(/\s+/g, ' ').trim();
          return (
            <li key={note.id} class="mention-notice">
              <p class="mention-notice__title">
                <span class="mention-notice__badge" aria-hidden="true">
                  @
                </span>
                {author} mentioned you in a note
              </p>
              <p class="mention-notice__body">{body.length > 140 ? `${body.slice(0, 139)}…` : body}</p>
              <div class="mention-notice__actions">
                <a class="button button--primary" href={conversationHref(note.conversationId)} onClick={() => mentions.dismiss(note.id)}>
                  Open conversation<span class="visually-hidden"> from {author}</span>
                </a>
                <button type="button" class="button button--ghost" aria-label={`Dismiss mention from ${author}`} onClick={() => mentions.dismiss(note.id)}>
                  Dismiss
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
