/**
 * The middle column for one conversation: header, messages, typing, composer.
 * While it is on screen (and the tab is in front) it reports reads as messages arrive.
 */
import { useEffect } from 'preact/hooks';
import { contactDisplayName } from '../format/contact-name.js';
import { useDocumentVisible } from '../host/use-document-visible.js';
import { Composer } from './Composer.js';
import { useInbox } from './inbox-context.js';
import { MessageList } from './MessageList.js';
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
        <ThreadHeader conversation={conversation} />
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
          conversation={conversation}
          visitorName={visitorName}
          onRetry={(clientId) => inbox.threads.retry(conversationId, clientId)}
        />
      )}
      <TypingIndicator notice={inbox.typing.of(conversationId).value} />
      <Composer conversationId={conversationId} />
    </div>
  );
}
