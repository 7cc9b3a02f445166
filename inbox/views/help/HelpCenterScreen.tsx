/** `#/help`: the articles and collections; `#/help/new` and `#/help/<id>`: an article's editor. */
import type { InboxApi } from '../../api/endpoints.js';
import { ArticleEditor } from './ArticleEditor.js';
import { ArticlesPage } from './ArticlesPage.js';

export function HelpCenterScreen({ api, id }: { api: InboxApi; id: string | null | undefined }) {
  return id === undefined ? <ArticlesPage api={api} /> : <ArticleEditor api={api} id={id} />;
}
