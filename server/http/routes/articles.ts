/**
 * Admin REST for help articles (DESIGN.md §2 `articles`, docs/help-center.md):
 * list with filters and search (`?locale=&status=&collection_id=&group_id=&q=`),
 * CRUD, and `/:id/stats` (views and "did this help?" votes). The author of a
 * new article is the agent who wrote it (none for an API token).
 *
 * @example api.use('/articles', admin, articleRoutes(domain))
 */
import { Router } from 'express';
import { createHelpArticleSchema, helpArticleListQuerySchema, updateHelpArticleSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function articleRoutes(domain: Domain): Router {
  const router = Router();
  const { articles, feedback } = domain.help;

  router.get('/', async (req, res) => {
    const query = validate(helpArticleListQuerySchema, req.query);
    res.json({ data: await articles.list(principalOf(res).workspaceId, query), next_cursor: null });
  });

  router.post('/', async (req, res) => {
    const input = validate(createHelpArticleSchema, req.body);
    const p = principalOf(res);
    res.status(201).json(await articles.create(p.workspaceId, input, p.agent?.id ?? null));
  });

  router.get('/:id', async (req, res) => {
    res.json(await articles.get(principalOf(res).workspaceId, idFromParams(req.params.id)));
  });

  router.get('/:id/stats', async (req, res) => {
    const article = await articles.get(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(await feedback.stats(article.id));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateHelpArticleSchema, req.body);
    res.json(await articles.update(principalOf(res).workspaceId, idFromParams(req.params.id), patch));
  });

  router.delete('/:id', async (req, res) => {
    await articles.remove(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.status(204).end();
  });

  return router;
}
