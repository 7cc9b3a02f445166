/**
 * `#/help/new` and `#/help/<id>`: an article's title, summary, markdown body
 * with a live preview by the widget's own renderer, language, collection,
 * address (slug), the pages it is suggested on, and Draft/Live; beside it,
 * its other languages (or "Add a translation") and its stats.
 */
import { renderMarkdown } from '../../../widget/markdown/index.js';
import { HELP_LOCALES, type HelpArticle, type HelpCollection } from '../../../protocol/index.js';
import type { InboxApi } from '../../api/endpoints.js';
import { contentHref } from '../../host/hash-route.js';
import { type ArticleDraft, articleDraftFrom, articleInputFrom, articlePatch, articleServerErrors, LOCALE_NAMES } from '../../state/help-article-form.js';
import { ConfirmDelete } from '../content/ConfirmDelete.js';
import { ContentPage } from '../content/ContentPage.js';
import { EditorActions, StatusField } from '../content/EditorActions.js';
import { EditorLoader } from '../content/EditorLoader.js';
import { Field } from '../content/Field.js';
import { useContentEditor } from '../content/use-content-editor.js';
import { ArticleSidebar } from './ArticleSidebar.js';
import '../../styles/content.css';
import '../../styles/message-editor.css';
import '../../styles/help.css';

type EditorApi = Pick<InboxApi, 'getArticle' | 'createArticle' | 'updateArticle' | 'deleteArticle' | 'articleStats' | 'listArticles' | 'listHelpCollections'>;

interface Loaded {
  article: HelpArticle | null;
  collections: HelpCollection[];
}

const BACK = { href: contentHref('help'), label: 'All articles' };

export function ArticleEditor({ api, id }: { api: EditorApi; id: string | null }) {
  return (
    <EditorLoader<Loaded>
      section="help"
      noun="article"
      titleId="article-title"
      id={id}
      load={async () => {
        const [article, collections] = await Promise.all([
          id ? api.getArticle(id) : Promise.resolve(null),
          api.listHelpCollections().then((page) => page.data, () => []),
        ]);
        return { article, collections };
      }}
    >
      {(loaded) => <ArticleForm api={api} loaded={loaded} />}
    </EditorLoader>
  );
}

function ArticleForm({ api, loaded }: { api: EditorApi; loaded: Loaded }) {
  const form = useContentEditor({
    noun: 'article',
    section: 'help',
    initial: loaded.article,
    draftFrom: articleDraftFrom,
    check: articleInputFrom,
    create: (input) => api.createArticle(input),
    update: (saved, input) => api.updateArticle(saved.id, articlePatch(saved, input)),
    remove: (saved) => api.deleteArticle(saved.id),
    serverErrors: articleServerErrors,
  });
  const { draft, saved } = form;
  const errors = form.serverErrors ?? form.ownErrors ?? {};
  const edit = <K extends keyof ArticleDraft>(field: K, value: ArticleDraft[K]) => form.edit({ [field]: value } as Partial<ArticleDraft>);

  return (
    <ContentPage titleId="article-title" title={saved ? saved.title : 'New article'} back={BACK} wide>
      <div class="editor">
        <form class="editor__form" ref={form.formRef} onSubmit={form.submit} noValidate aria-labelledby="article-title">
          <section class="settings__section" aria-labelledby="article-text-title">
            <h2 id="article-text-title" class="settings__section-title">
              Article
            </h2>
            <Field id="article-title-input" label="Title" error={errors.title}>
              {(aria) => <input {...aria} class="input" type="text" maxLength={200} value={draft.title} onInput={(e) => edit('title', e.currentTarget.value)} />}
            </Field>
            <Field id="article-summary" label="Summary" error={errors.summary} hint="One or two sentences, shown in lists and search results.">
              {(aria) => <textarea {...aria} class="input" rows={2} maxLength={500} value={draft.summary} onInput={(e) => edit('summary', e.currentTarget.value)} />}
            </Field>
            <Field id="article-body" label="Body" error={errors.body} hint="Markdown: **bold**, _italic_, lists, [links](https://example.com), `code`, ## headings.">
              {(aria) => <textarea {...aria} class="input help-editor__body" rows={14} value={draft.body} onInput={(e) => edit('body', e.currentTarget.value)} />}
            </Field>
          </section>

          <section class="settings__section" aria-labelledby="article-where-title">
            <h2 id="article-where-title" class="settings__section-title">
              Where it shows
            </h2>
            <Field id="article-locale" label="Language" error={errors.locale} hint={saved ? 'Another language is a translation: add it beside.' : undefined}>
              {(aria) => (
                <select {...aria} class="input" value={draft.locale} disabled={Boolean(saved)} onChange={(e) => edit('locale', e.currentTarget.value as ArticleDraft['locale'])}>
                  {HELP_LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {LOCALE_NAMES[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="article-collection" label="Collection" error={errors.collection_id}>
              {(aria) => (
                <select {...aria} class="input" value={draft.collectionId} onChange={(e) => edit('collectionId', e.currentTarget.value)}>
                  <option value="">No collection</option>
                  {loaded.collections.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="article-slug" label="Address" error={errors.slug} hint={`/help/…/${draft.locale}/articles/${draft.slug || 'from-the-title'}: lower-case words and dashes.`}>
              {(aria) => <input {...aria} class="input" type="text" maxLength={120} value={draft.slug} onInput={(e) => edit('slug', e.currentTarget.value)} />}
            </Field>
            <Field id="article-pages" label="Suggested on these pages" error={errors.pages} hint="One page per line, as in page rules: /billing/*, /settings/**. The messenger’s Home tab suggests it there.">
              {(aria) => <textarea {...aria} class="input" rows={3} value={draft.pages} onInput={(e) => edit('pages', e.currentTarget.value)} />}
            </Field>
          </section>

          <StatusField name="article-status" value={draft.status} onChange={(status) => edit('status', status)} />
          <EditorActions saving={form.saving} alert={form.alert} notice={form.notice}>
            {saved && <ConfirmDelete thing="article" onConfirm={form.remove} />}
          </EditorActions>
        </form>
        <aside class="editor__aside" aria-label="Preview and stats">
          <section class="settings__section" aria-labelledby="article-preview-title">
            <h2 id="article-preview-title" class="settings__section-title">
              Preview
            </h2>
            <article class="help-preview" lang={draft.locale} dir={draft.locale === 'ar' ? 'rtl' : 'ltr'} data-testid="article-preview">
              <h3>{draft.title || 'Untitled'}</h3>
              {renderMarkdown(draft.body)}
            </article>
          </section>
          {saved && <ArticleSidebar key={saved.id} api={api} article={saved} />}
        </aside>
      </div>
    </ContentPage>
  );
}
