/** Admin REST for contacts and their event log. */
import { Router } from 'express';
import { pageQuerySchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, toContactProfile, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function contactRoutes(domain: Domain): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = validate(pageQuerySchema, req.query);
    const page = await domain.contacts.list(principalOf(res).workspaceId, { limit: q.limit, cursor: q.cursor });
    res.json({ data: page.rows.map(toContactProfile), next_cursor: page.next });
  });

  router.get('/:id', async (req, res) => {
    const row = await domain.contacts.get(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(toContactProfile(row));
  });

  router.get('/:id/events', async (req, res) => {
    const q = validate(pageQuerySchema, req.query);
    const workspaceId = principalOf(res).workspaceId;
    const contact = await domain.contacts.get(workspaceId, idFromParams(req.params.id));
    const data = await domain.events.recent(workspaceId, contact.id, { limit: q.limit, before: q.cursor });
    const last = data[data.length - 1];
    res.json({ data, next_cursor: data.length === q.limit && last ? last.occurredAt : null });
  });

  return router;
}
