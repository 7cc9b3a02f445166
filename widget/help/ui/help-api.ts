/**
 * The help center's requests over the messenger's connection (whichever tab
 * holds the socket), typed from the protocol; a refusal or no answer in time
 * rejects, and the views show what they had.
 */
import type { HelpArticleContent, HelpArticleSummary, HelpSuggestions, HelpViewSource } from '../../../protocol/help/models.js';
import type { RequestEvent } from '../../state/transport.js';
import type { HelpDeps } from '../help-deps.js';

const TIMEOUT_MS = 8_000;

export interface HelpApi {
  search(q: string, limit?: number): Promise<HelpArticleSummary[]>;
  suggest(): Promise<HelpSuggestions>;
  article(id: string, source?: HelpViewSource): Promise<HelpArticleContent>;
  vote(id: string, helpful: boolean): Promise<unknown>;
}

export function helpApi(deps: HelpDeps): HelpApi {
  const call = async <T>(event: RequestEvent, payload: unknown): Promise<T> => {
    const r = await deps.request<T>(event, payload, TIMEOUT_MS);
    if (!r?.ok) throw new Error(r ? r.error.code : 'timeout');
    return r.data;
  };
  return {
    search: (q, limit) => call<{ articles: HelpArticleSummary[] }>('help:search', { q, locale: deps.locale, limit }).then((r) => r.articles),
    suggest: () => call<HelpSuggestions>('help:suggest', { pageUrl: deps.pageUrl(), locale: deps.locale }),
    article: (id, source) => call<{ article: HelpArticleContent }>('help:article', { id, source }).then((r) => r.article),
    vote: (id, helpful) => call('help:vote', { id, helpful }),
  };
}

/** An article's public page as an absolute http(s) link (its `url` is relative to the server, apiBase may be relative to the page). */
export function articleHref(deps: HelpDeps, url: string): string {
  try {
    const href = new URL(url, new URL(deps.apiBase, globalThis.location?.href)).href;
    if (/^https?:/.test(href)) return href;
  } catch {
    // An apiBase that is not a URL: the path alone still names the page on a same-origin server.
  }
  return url;
}
