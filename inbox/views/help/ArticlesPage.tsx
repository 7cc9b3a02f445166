/**
 * `#/help`: the help center's articles in one locale (status, collection,
 * translations, last change), searchable, with "New article", and the
 * collections below them. Each article's title links to its editor.
 */
import { useState } from 'preact/hooks';
import { HELP_LOCALES, type HelpArticle, type HelpCollection, type HelpLocale } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { formatDateTime, formatRelative } from '../../format/relative-time.js';
import { contentHref } from '../../host/hash-route.js';
import { useNow } from '../../host/use-now.js';
import { LOCALE_NAMES } from '../../state/help-article-form.js';
import { ContentPage, StatusBadge } from '../content/ContentPage.js';
import { LoadState } from '../content/LoadState.js';
import { useResource } from '../content/use-resource.js';
import { CollectionsPanel } from './CollectionsPanel.js';
import '../../styles/tables.css';
import '../../styles/help.css';

type ListApi = Pick<InboxApi, 'listArticles' | 'listHelpCollections' | 'createHelpCollection' | 'updateHelpCollection' | 'deleteHelpCollection'>;

interface Listing {
  articles: HelpArticle[];
  /** Every locale's articles' group ids: which translations each article has. */
  groups: Map<string, HelpLocale[]>;
  collections: HelpCollection[];
}

export function ArticlesPage({ api }: { api: ListApi }) {
  const [locale, setLocale] = useState<HelpLocale>('en');
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const now = useNow(60_000);
  const { resource, retry, set } = useResource<Listing>(
    async () => {
      const [all, collections] = await Promise.all([api.listArticles(search ? { q: search } : {}), api.listHelpCollections()]);
      const groups = new Map<string, HelpLocale[]>();
      for (const a of all.data) groups.set(a.group_id, [...(groups.get(a.group_id) ?? []), a.locale]);
      return { articles: all.data.filter((a) => a.locale === locale), groups, collections: collections.data };
    },
    `${locale}:${search}`,
    'Could not load the articles.',
  );
  const listing = resource.status === 'ready' ? resource.value : null;
  const collectionName = (id: string | null) => listing?.collections.find((c) => c.id === id)?.name ?? '—';

  return (
    <ContentPage
      titleId="help-title"
      title="Help center"
      wide
      actions={
        <a class="button button--primary" href={contentHref('help', 'new')}>
          New article
        </a>
      }
    >
      <form
        class="help-filters"
        role="search"
        aria-label="Articles"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(query.trim());
        }}
      >
        <label class="field__label" for="help-locale">
          Language
        </label>
        <select id="help-locale" class="input" value={locale} onChange={(e) => setLocale(e.currentTarget.value as HelpLocale)}>
          {HELP_LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <input class="input" type="search" aria-label="Search articles" placeholder="Search articles" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <button type="submit" class="button">
          Search
        </button>
      </form>
      <LoadState resource={resource} what="articles" onRetry={retry} />
      {listing && listing.articles.length === 0 && (
        <div class="empty-state empty-state--compact">
          <p class="empty-state__title">{search ? 'No articles match' : `No ${LOCALE_NAMES[locale]} articles yet`}</p>
          <p class="empty-state__hint">Articles answer questions before they are asked: in the messenger’s Home tab, as answer suggestions while visitors write, and on your public help page.</p>
        </div>
      )}
      {listing && listing.articles.length > 0 && (
        <div class="data-table__wrap">
          <table class="data-table" aria-labelledby="help-title">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Collection</th>
                <th scope="col">Languages</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {listing.articles.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={contentHref('help', { id: a.id })}>{a.title}</a>
                  </th>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>{collectionName(a.collection_id)}</td>
                  <td>{(listing.groups.get(a.group_id) ?? [a.locale]).map((l) => l.toUpperCase()).join(' · ')}</td>
                  <td>
                    <time dateTime={a.updated_at} title={formatDateTime(a.updated_at)}>
                      {formatRelative(a.updated_at, now)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listing && <CollectionsPanel api={api} collections={listing.collections} onChange={(collections) => set({ ...listing, collections })} />}
    </ContentPage>
  );
}
