/** The left column: search, filters and saved views, the live list, and its loading, error and empty states. */
import { useNow } from '../host/use-now.js';
import { ConversationFilters } from './ConversationFilters.js';
import { ConversationItem } from './ConversationItem.js';
import { ConversationSearch } from './ConversationSearch.js';
import { SavedViews } from './SavedViews.js';
import { useInbox } from './inbox-context.js';
import '../styles/conversation-list.css';
import '../styles/list-tools.css';

export function ConversationList() {
  const { list, current, agent } = useInbox();
  const now = useNow();
  const items = list.items.value;
  const status = list.status.value;
  const selectedId = current.id.value;
  const searching = Boolean(list.filter.value.q);
  const found = `${items.length}${list.hasMore.value ? '+' : ''}`;

  return (
    <nav class="column column--list" aria-label="Conversations">
      <div class="column__header">
        <h2 class="column__title">Conversations</h2>
        <ConversationSearch />
        <ConversationFilters />
        <SavedViews />
      </div>
      <p class="visually-hidden" role="status">
        {searching && status === 'ready' ? `${found} ${items.length === 1 ? 'conversation' : 'conversations'} found` : ''}
      </p>
      <div class="conversation-list">
        {status === 'loading' && items.length === 0 && (
          <p class="list-message" role="status">
            Loading conversations…
          </p>
        )}
        {status === 'error' && items.length === 0 && (
          <div class="list-message">
            <p>{list.error.value ?? 'Could not load conversations.'}</p>
            <button type="button" class="button" onClick={() => void list.reload()}>
              Try again
            </button>
          </div>
        )}
        {status === 'ready' && items.length === 0 && (
          <div class="empty-state empty-state--compact">
            {searching ? (
              <p class="empty-state__title">No conversations match</p>
            ) : (
              <>
                <p class="empty-state__title">No conversations yet</p>
                <p class="empty-state__hint">New conversations from your visitors will appear here.</p>
              </>
            )}
          </div>
        )}
        {items.length > 0 && (
          <ul class="conversation-list__items">
            {items.map((conversation) => (
              <ConversationItem
                key={conversation.id}
                conversation={conversation}
                selected={conversation.id === selectedId}
                now={now}
                agentId={agent.id}
              />
            ))}
          </ul>
        )}
        {list.hasMore.value && (
          <button
            type="button"
            class="button button--ghost conversation-list__more"
            disabled={list.loadingMore.value}
            onClick={() => void list.loadMore()}
          >
            {list.loadingMore.value ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </nav>
  );
}
