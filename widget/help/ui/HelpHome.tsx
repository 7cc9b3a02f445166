/**
 * The Home tab: "Start a conversation" first (the chat stays one click
 * away), a search box that searches as you type, and until then the
 * articles meant for this page (or the most read ones).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpSuggestions } from '../../../protocol/help/models.js';
import type { Strings } from '../../i18n/index.js';
import type { HelpDeps } from '../help-deps.js';
import { ArticleList } from './ArticleList.js';
import type { HelpApi } from './help-api.js';
import { useArticleSearch } from './use-article-search.js';

interface Props {
  deps: HelpDeps;
  api: HelpApi;
  strings: Strings;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string, source: 'home' | 'search') => void;
  onChat: () => void;
  delayMs: number;
}

export function HelpHome({ deps, api, strings, query, onQuery, onOpen, onChat, delayMs }: Props) {
  const [suggested, setSuggested] = useState<HelpSuggestions | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const found = useArticleSearch((q) => api.search(q), query, delayMs);

  useEffect(() => {
    box.current?.focus();
    api.suggest().then(setSuggested, () => {});
  }, [api]);

  return (
    <div class="list help">
      <button type="button" class="primary" onClick={onChat}>
        {strings.helpStart}
      </button>
      <input
        ref={box}
        type="search"
        class="help-search"
        aria-label={strings.helpSearch}
        placeholder={strings.helpSearch}
        value={query}
        maxLength={200}
        onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
      />
      {found ? (
        <section aria-label={strings.helpResults}>
          {found.articles.length > 0 ? (
            <ArticleList deps={deps} articles={found.articles} onOpen={(id) => onOpen(id, 'search')} />
          ) : (
            <p class="empty" role="status">
              {strings.helpNoResults}
            </p>
          )}
        </section>
      ) : (
        suggested &&
        suggested.articles.length > 0 && (
          <section aria-labelledby="help-suggested">
            <h3 id="help-suggested">{suggested.reason === 'page' ? strings.helpForPage : strings.helpPopular}</h3>
            <ArticleList deps={deps} articles={suggested.articles} onOpen={(id) => onOpen(id, 'home')} />
          </section>
        )
      )}
    </div>
  );
}
