/**
 * The public help center of each workspace, server-rendered with no client
 * script (docs/help-center.md):
 *   /help/<appId>                               → the visitor's language (Accept-Language)
 *   /help/<appId>/<locale>                      → collections and their live articles
 *   /help/<appId>/<locale>/search?q=…           → ranked results
 *   /help/<appId>/<locale>/articles/<slug>      → one article (its view recorded)
 * Under a CSP stricter than the app's: no script at all, styles from our own
 * file only, forms only to ourselves.
 *
 * @example app.use('/help', helpPageRoutes(domain, config.publicUrl))
 */
import { type ErrorRequestHandler, type RequestHandler, Router } from 'express';
import { HELP_LOCALES, type HelpLocale } from '../../protocol/index.js';
import { type Domain, ParleyError } from '../domain/index.js';
import { articlePage, homePage, homePath, notFoundPage, searchPage } from './help-layout.js';
import { HELP_CSS } from './help-style.js';

const CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

const strictPage: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  next();
};

function localeParam(value: unknown): HelpLocale {
  if (typeof value === 'string' && (HELP_LOCALES as readonly string[]).includes(value)) return value as HelpLocale;
  throw new ParleyError('not_found', 'no such language');
}

function appIdParam(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 100) throw new ParleyError('not_found', 'no such help center');
  return value;
}

export function helpPageRoutes(domain: Domain, publicUrl: string): Router {
  const router = Router();
  const { site } = domain.help;
  const absolute = (path: string) => new URL(path, publicUrl).href;

  router.get('/help.css', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/css').send(HELP_CSS);
  });

  router.use(strictPage);

  router.get('/:appId', (req, res) => {
    const appId = appIdParam(req.params.appId);
    const locale = (req.acceptsLanguages(...HELP_LOCALES) || 'en') as HelpLocale;
    res.redirect(302, homePath(appId, locale));
  });

  router.get('/:appId/:locale', async (req, res) => {
    const home = await site.home(appIdParam(req.params.appId), localeParam(req.params.locale));
    res.type('html').send(homePage(home, absolute));
  });

  router.get('/:appId/:locale/search', async (req, res) => {
    const appId = appIdParam(req.params.appId);
    const locale = localeParam(req.params.locale);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : '';
    const { workspace, results } = await site.search(appId, locale, q);
    res.type('html').send(searchPage(workspace, locale, q, results));
  });

  router.get('/:appId/:locale/articles/:slug', async (req, res) => {
    const slug = typeof req.params.slug === 'string' ? req.params.slug.slice(0, 200) : '';
    const found = await site.article(appIdParam(req.params.appId), localeParam(req.params.locale), slug);
    res.type('html').send(articlePage(found, absolute));
  });

  router.use(htmlNotFound);
  return router;
}

const htmlNotFound: ErrorRequestHandler = (err, _req, res, next) => {
  if (!(err instanceof ParleyError) || (err.code !== 'not_found' && err.code !== 'unknown_app')) return next(err);
  res.status(404).type('html').send(notFoundPage());
};
