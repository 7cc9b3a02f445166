/** A list of articles as links: they open inside the messenger; the link itself is the public page (new tab, copy). */
import type { HelpArticleSummary } from '../../../protocol/help/models.js';
import type { HelpDeps } from '../help-deps.js';
import { articleHref } from './help-api.js';

interface Props {
  deps: HelpDeps;
  articles: readonly HelpArticleSummary[];
  onOpen: (id: string) => void;
  /** Show each article's summary under its title. */
  summaries?: boolean;
}

export function ArticleList({ deps, articles, onOpen, summaries = true }: Props) {
  return (
    <ul class="articles">
      {articles.map((a) => (
        <li key={a.id}>
          <a
            href={articleHref(deps, a.url)}
            data-article-id={a.id}
            onClick={(e) => {
              // A plain click reads it here; a modified one (new tab, window) goes to the public page.
              if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              onOpen(a.id);
            }}
          >
            <strong>{a.title}</strong>
            {summaries && a.summary && <span>{a.summary}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
