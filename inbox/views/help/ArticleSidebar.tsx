/**
 * Beside a saved article: its translations (links to each, and "Add <language>
 * translation" for the missing ones: a draft copy to translate) and its stats
 * (views, and how many said it helped).
 */
import { useState } from 'preact/hooks';
import { HELP_LOCALES, type HelpArticle, type HelpArticleStats, type HelpLocale } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatCount } from '../../format/stats.js';
import { contentHref } from '../../host/hash-route.js';
import { LOCALE_NAMES } from '../../state/help-article-form.js';
import { StatTile } from '../content/StatTile.js';
import { errorText, useResource } from '../content/use-resource.js';

type SidebarApi = Pick<InboxApi, 'listArticles' | 'articleStats' | 'createArticle'>;

export function ArticleSidebar({ api, article }: { api: SidebarApi; article: HelpArticle }) {
  const group = useResource(() => api.listArticles({ group_id: article.group_id }).then((p) => p.data), article.group_id, 'Could not load the translations.');
  const stats = useResource<HelpArticleStats>(() => api.articleStats(article.id), article.id, 'Could not load the stats.');
  const [failure, setFailure] = useState('');
  const translations = group.resource.status === 'ready' ? group.resource.value : [];
  const missing = HELP_LOCALES.filter((l) => !translations.some((t) => t.locale === l) && l !== article.locale);

  const translate = async (locale: HelpLocale) => {
    setFailure('');
    try {
      const copy = await api.createArticle({
        title: article.title,
        summary: article.summary,
        body: article.body,
        locale,
        translation_of: article.id,
        collection_id: article.collection_id,
        pages: article.pages,
        status: 'draft',
      });
      window.location.hash = contentHref('help', { id: copy.id });
    } catch (error) {
      setFailure(errorText(error, 'Could not add the translation.'));
    }
  };

  const s = stats.resource.status === 'ready' ? stats.resource.value : null;
  return (
    <>
      <section class="settings__section" aria-labelledby="article-languages-title">
        <h2 id="article-languages-title" class="settings__section-title">
          Languages
        </h2>
        <ul class="help-languages">
          {translations
            .filter((t) => t.id !== article.id)
            .map((t) => (
              <li key={t.id}>
                <a href={contentHref('help', { id: t.id })} hreflang={t.locale}>
                  {LOCALE_NAMES[t.locale]}: {t.title}
                </a>{' '}
                ({t.status === 'live' ? 'Live' : 'Draft'})
              </li>
            ))}
        </ul>
        {missing.map((l) => (
          <button key={l} type="button" class="button" onClick={() => void translate(l)}>
            Add {LOCALE_NAMES[l]} translation
          </button>
        ))}
        {failure && (
          <p class="settings__error" role="alert">
            {failure}
          </p>
        )}
      </section>
      <section class="settings__section" aria-labelledby="article-stats-title">
        <h2 id="article-stats-title" class="settings__section-title">
          Stats
        </h2>
        {s ? (
          <div class="help-stats">
            <StatTile id="views" label="Views" value={formatCount(s.views)}>
              {formatCount(s.viewers)} visitors in the messenger
            </StatTile>
            <StatTile id="helpful" label="Helpful" value={s.helpful_rate === null ? '—' : `${s.helpful_rate}%`}>
              {formatCount(s.helpful)} yes · {formatCount(s.not_helpful)} no
            </StatTile>
          </div>
        ) : (
          <p role="status">{stats.resource.status === 'failed' ? stats.resource.message : 'Loading stats…'}</p>
        )}
      </section>
    </>
  );
}
