/**
 * The search box above the list: searches messages and contacts
 * (`GET /conversations?q=`) a moment after the agent stops typing, at once on
 * Enter; Escape clears it. The list's other filters still apply.
 */
import { useEffect, useState } from 'preact/hooks';
import { useInbox } from './inbox-context.js';

/** How long typing must pause before the list is searched. */
export const SEARCH_DEBOUNCE_MS = 300;

export function ConversationSearch() {
  const { list } = useInbox();
  const searched = list.filter.value.q ?? '';
  const [text, setText] = useState(searched);

  // A saved view (or anything else) that changes the search shows here too.
  useEffect(() => {
    setText((typed) => (typed.trim() === searched ? typed : searched));
  }, [searched]);

  useEffect(() => {
    if (text.trim() === searched) return;
    const timer = setTimeout(() => list.setFilter({ q: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [list, text, searched]);

  return (
    <div class="conversation-search" role="search">
      <label class="visually-hidden" for="conversation-search">
        Search conversations
      </label>
      <input
        id="conversation-search"
        class="input conversation-search__input"
        type="search"
        placeholder="Search messages and contacts"
        maxLength={200}
        autocomplete="off"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setText('');
            list.setFilter({ q: undefined });
          } else if (event.key === 'Enter') {
            event.preventDefault();
            list.setFilter({ q: text.trim() || undefined });
          }
        }}
      />
    </div>
  );
}
