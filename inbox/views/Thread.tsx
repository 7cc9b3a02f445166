/**
 * The middle column for one conversation: header and tools, messages with the
 * team's internal notes, typing, composer. While it is on screen (and the tab
 * is in front) it reports reads as messages arrive, and tells the team this
 * agent is viewing it (`conversation:view`).
 */
import { useEffect } from 'preact/hooks';
import { contactDisplayName } from '../format/contact-name.js';
import { useDocumentVisible } from '../host/use-document-visible.js';
import { Composer } from './Composer.js';
import { useInbox } from './inbox-context.js';
import { MessageList } from './MessageList.js';
import { ConversationToolbar } from './ConversationToolbar.js';
import { ThreadHeader } from './ThreadHeader.js';
import { TypingIndicator } from './TypingIndicator.js';
import '../styles/thread.css';

export function Thread({ conversationId }: { conversationId: string }) {
  const inbox = useInbox();
  const thread = inbox.threads.open(conversationId);
  const entries = thread.entries.value;
  const conversation = inbox.current.conversation.value;
  const currentStatus = inbox.current.status.value;
  const connection = inbox.connection.value;
  const visible = useDocumentVisible();
  const noteThread = inbox.notes.open(conversationId);
  const notes = noteThread.notes.value;

  // Viewing means on screen: a hidden tab or another screen is not "also viewing".
  useEffect(() => {
    inbox.viewers.view(visible ? conversationId : null);
    return () => inbox.viewers.view(null);
  }, [inbox, conversationId, visible]);

  useEffect(() => inbox.mentions.seen(conversationId), [inbox, conversationId]);

  useEffect(() => {
    if (visible && connection === 'online') inbox.markRead(conversationId);
  }, [inbox, conversationId, entries, visible, connection, conversation?.agentReadSeq]);

  if (currentStatus === 'not-found') {
    return (
      <div class="empty-state">
        <p class="empty-state__title">Conversation not found</p>
        <p class="empty-state__hint">It may have been deleted, or you may not have access to it.</p>
      </div>
    );
  }

  const visitorName = conversation ? contactDisplayName(conversation.contact) : 'Visitor';

  return (
    <div class="thread">
      {conversation ? (
        <>
          <ThreadHeader conversation={conversation} />
          <ConversationToolbar conversation={conversation} />
        </>
      ) : currentStatus === 'error' ? (
        <header class="thread-header">
          <p class="thread-header__error">Could not load this conversation.</p>
          <button type="button" class="button" onClick={() => void inbox.current.reload()}>
            Try again
          </button>
        </header>
      ) : (
        <header class="thread-header thread-header--placeholder" aria-busy="true" />
      )}
      {thread.status.value === 'loading' && entries.length === 0 ? (
        <p class="message-list message-list--status" role="status">
          Loading messages…
        </p>
      ) : thread.status.value === 'error' && entries.length === 0 ? (
        <div class="message-list message-list--status">
          <p>{thread.error.value ?? 'Could not load messages.'}</p>
          <button type="button" class="button" onClick={() => inbox.threads.open(conversationId)}>
            Try again
          </button>
        </div>
      ) : (
        <MessageList
          entries={entries}
          notes={notes}
          conversation={conversation}
          visitorName={visitorName}
          onRetry={(clientId) => inbox.threads.retry(conversationId, clientId)}
        />
      )}
      {noteThread.status.value === 'error' && (
        <p class="notes-error" role="status">
          Internal notes could not be loaded.{' '}
          <button type="button" class="link-button" onClick={() => inbox.notes.open(conversationId)}>
            Load notes
          </button>
        </p>
      )}
      <TypingIndicator notices={inbox.typing.of(conversationId).value} />
      <Composer conversationId={conversationId} />
    </div>
  );
}
