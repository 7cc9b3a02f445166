/**
 * Answer suggestions: while the visitor writes the first message of a new
 * conversation, up to 3 articles that may answer it, above the composer, as
 * links that open in the messenger. Searched once typing pauses (300 ms);
 * nothing shows while nothing matches.
 */
import { useMemo } from 'preact/hooks';
import type { Strings } from '../../i18n/index.js';
import type { HelpDeps } from '../help-deps.js';
import { addStylesOnce } from '../use-styles.js';
import { ArticleList } from './ArticleList.js';
import { helpApi } from './help-api.js';
import { HELP_CSS } from './help-css.js';
import { useArticleSearch } from './use-article-search.js';

export interface AnswerSuggestionsProps {
  deps: HelpDeps;
  strings: Strings;
  /** The message as written so far. */
  text: string;
  onOpen: (id: string) => void;
  delayMs?: number;
}

const MAX_ANSWERS = 3;

export function AnswerSuggestions({ deps, strings, text, onOpen, delayMs = 300 }: AnswerSuggestionsProps) {
  addStylesOnce(deps.addStyles, HELP_CSS);
  const api = useMemo(() => helpApi(deps), [deps]);
  const found = useArticleSearch((q) => api.search(q, MAX_ANSWERS), text, delayMs);
  if (!found || found.articles.length === 0) return null;
  return (
    <section class="answers" aria-labelledby="help-answers">
      <p id="help-answers">{strings.helpSuggested}</p>
      <ArticleList deps={deps} articles={found.articles.slice(0, MAX_ANSWERS)} onOpen={onOpen} summaries={false} />
    </section>
  );
}
