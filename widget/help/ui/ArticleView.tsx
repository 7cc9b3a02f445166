/**
 * One article inside the messenger: its markdown through the widget's own
 * renderer (no HTML strings), "Did this help?" Yes/No (pressed state shows
 * the vote; a second click changes it), its public page, and "Start a
 * conversation" when it did not help. Focus moves to the title when it loads.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpArticleContent, HelpViewSource } from '../../../protocol/help/models.js';
import type { Strings } from '../../i18n/index.js';
import { renderMarkdown } from '../../markdown/index.js';
import { BackIcon } from '../../ui/icons.js';
import type { HelpDeps } from '../help-deps.js';
import { articleHref, type HelpApi } from './help-api.js';

interface Props {
  deps: HelpDeps;
  api: HelpApi;
  strings: Strings;
  id: string;
  source?: HelpViewSource;
  onBack: () => void;
  onChat: () => void;
}

type Loaded = { article: HelpArticleContent } | { failed: true } | null;

export function ArticleView({ deps, api, strings, id, source, onBack, onChat }: Props) {
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [vote, setVote] = useState<boolean | null>(null);
  const [thanked, setThanked] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api.article(id, source).then(
      (article) => {
        setLoaded({ article });
        setVote(article.vote);
      },
      () => setLoaded({ failed: true }),
    );
  }, [api, id]);
  useEffect(() => title.current?.focus(), [loaded]);

  const cast = (helpful: boolean) => {
    setVote(helpful);
    api.vote(id, helpful).then(
      () => setThanked(true),
      () => {},
    );
  };
  const article = loaded && 'article' in loaded ? loaded.article : null;
  const href = article ? articleHref(deps, article.url) : undefined;

  return (
    <div class="list help help-article">
      <button type="button" class="help-back" onClick={onBack}>
        <BackIcon />
        {strings.helpBack}
      </button>
      {loaded && 'failed' in loaded && <p role="alert">{strings.helpLoadFailed}</p>}
      {article && (
        <article aria-labelledby="help-article-title">
          <h2 id="help-article-title" ref={title} tabIndex={-1}>
            {article.title}
          </h2>
          {renderMarkdown(article.body)}
          <div class="vote" role="group" aria-labelledby="help-vote">
            <span id="help-vote">{strings.helpDidItHelp}</span>
            <button type="button" aria-pressed={vote === true} onClick={() => cast(true)}>
              {strings.helpYes}
            </button>
            <button type="button" aria-pressed={vote === false} onClick={() => cast(false)}>
              {strings.helpNo}
            </button>
          </div>
          <p class="help-status" role="status">
            {thanked ? strings.helpThanks : ''}
          </p>
          {href && (
            <a class="help-page" href={href} target="_blank" rel="noopener noreferrer">
              {strings.helpOpenPage}
            </a>
          )}
        </article>
      )}
      <button type="button" class="primary" onClick={onChat}>
        {strings.helpStart}
      </button>
    </div>
  );
}
