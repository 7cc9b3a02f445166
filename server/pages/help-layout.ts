/**
 * The public help page's HTML, server-rendered and script-free: the shell
 * (language and direction, stylesheet, hreflang links, header with search),
 * the home (collections and their articles), search results and an article.
 * Every value from the workspace or the request is escaped; the article's
 * markdown goes through help-markdown.ts.
 */
import { HELP_LOCALES, type HelpArticleSummary, type HelpLocale } from '../../protocol/index.js';
import type { SiteArticle, SiteHome, SiteWorkspace } from '../domain/index.js';
import { escapeHtml, renderMarkdownHtml } from './help-markdown.js';
import { HELP_PAGE_STRINGS } from './help-strings.js';

export interface Shell {
  workspace: SiteWorkspace;
  locale: HelpLocale;
  title: string;
  /** Other locales of this page, for `<link rel="alternate" hreflang>` and the language links. */
  alternates: Array<{ locale: HelpLocale; href: string }>;
  /** The search box's text on a results page. */
  query?: string;
  main: string;
}

export const homePath = (appId: string, locale: HelpLocale) => `/help/${encodeURIComponent(appId)}/${locale}`;

function shell({ workspace, locale, title, alternates, query, main }: Shell): string {
  const t = HELP_PAGE_STRINGS[locale];
  const home = homePath(workspace.appId, locale);
  const links = alternates.map((a) => `<link rel="alternate" hreflang="${a.locale}" href="${escapeHtml(a.href)}">`).join('\n');
  const languages = [{ locale, href: home }, ...alternates]
    .sort((a, b) => HELP_LOCALES.indexOf(a.locale) - HELP_LOCALES.indexOf(b.locale))
    .map((a) =>
      a.locale === locale
        ? `<a href="${escapeHtml(a.href)}" aria-current="true" lang="${a.locale}">${escapeHtml(HELP_PAGE_STRINGS[a.locale].language)}</a>`
        : `<a href="${escapeHtml(a.href)}" hreflang="${a.locale}" lang="${a.locale}">${escapeHtml(HELP_PAGE_STRINGS[a.locale].language)}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/help/help.css">
${links}
</head>
<body>
<header class="top"><div class="inner">
<a class="brand" href="${escapeHtml(home)}">${escapeHtml(workspace.name)} · ${escapeHtml(t.helpCenter)}</a>
${alternates.length > 0 ? `<nav class="langs" aria-label="${escapeHtml(t.languages)}">${languages}</nav>` : ''}
<form class="search" role="search" method="get" action="${escapeHtml(`${home}/search`)}">
<input type="search" name="q" aria-label="${escapeHtml(t.searchLabel)}" placeholder="${escapeHtml(t.searchLabel)}" value="${escapeHtml(query ?? '')}" maxlength="200">
<button type="submit">${escapeHtml(t.searchButton)}</button>
</form>
</div></header>
<main class="page">
${main}
</main>
</body>
</html>`;
}

function articleList(articles: readonly HelpArticleSummary[]): string {
  const items = articles.map((a) => `<li><a href="${escapeHtml(a.url)}"><strong>${escapeHtml(a.title)}</strong>${a.summary ? `<span>${escapeHtml(a.summary)}</span>` : ''}</a></li>`);
  return `<ul class="articles">${items.join('')}</ul>`;
}

export function homePage(home: SiteHome, absolute: (path: string) => string): string {
  const t = HELP_PAGE_STRINGS[home.locale];
  const sections = home.sections.map(
    (s) => `<section class="section">${s.name ? `<h2>${escapeHtml(s.name)}</h2>` : `<h2>${escapeHtml(t.otherArticles)}</h2>`}${
      s.description ? `<p>${escapeHtml(s.description)}</p>` : ''
    }${articleList(s.articles)}</section>`,
  );
  return shell({
    workspace: home.workspace,
    locale: home.locale,
    title: `${t.helpCenter} · ${home.workspace.name}`,
    alternates: home.locales.filter((l) => l !== home.locale).map((l) => ({ locale: l, href: absolute(homePath(home.workspace.appId, l)) })),
    main: `<h1 class="visually-hidden">${escapeHtml(t.helpCenter)}</h1>${sections.join('') || `<p class="empty">${escapeHtml(t.noArticles)}</p>`}`,
  });
}

export function searchPage(workspace: SiteWorkspace, locale: HelpLocale, query: string, results: readonly HelpArticleSummary[]): string {
  const t = HELP_PAGE_STRINGS[locale];
  return shell({
    workspace,
    locale,
    title: `${t.resultsFor(query)} · ${t.helpCenter}`,
    alternates: [],
    query,
    main: `<p class="crumbs"><a href="${escapeHtml(homePath(workspace.appId, locale))}">${escapeHtml(t.allArticles)}</a></p>
<h1>${escapeHtml(t.resultsFor(query))}</h1>
${results.length > 0 ? articleList(results) : `<p class="empty">${escapeHtml(t.noResults)}</p>`}`,
  });
}

export function articlePage(site: SiteArticle, absolute: (path: string) => string): string {
  const { workspace, article, collection, translations } = site;
  const t = HELP_PAGE_STRINGS[article.locale];
  const date = new Date(article.updated_at).toLocaleDateString(article.locale, { year: 'numeric', month: 'long', day: 'numeric' });
  return shell({
    workspace,
    locale: article.locale,
    title: `${article.title} · ${workspace.name}`,
    alternates: translations.map((tr) => ({ locale: tr.locale, href: absolute(tr.path) })),
    main: `<p class="crumbs"><a href="${escapeHtml(homePath(workspace.appId, article.locale))}">${escapeHtml(t.allArticles)}</a>${collection ? ` › ${escapeHtml(collection)}` : ''}</p>
<article>
<h1>${escapeHtml(article.title)}</h1>
${article.summary ? `<p class="lead">${escapeHtml(article.summary)}</p>` : ''}
<p class="meta">${escapeHtml(t.updated(date))}</p>
${renderMarkdownHtml(article.body)}
</article>`,
  });
}

/** Unknown help center, language or article: a plain page, not the API's JSON error. */
export function notFoundPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found</title><link rel="stylesheet" href="/help/help.css"></head>
<body><main class="page"><h1>Not found</h1><p class="empty">This help article does not exist, or is not published.</p></main></body></html>`;
}
