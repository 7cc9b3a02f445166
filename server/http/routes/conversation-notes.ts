/**
 * Admin REST for internal notes: `GET/POST /conversations/:id/notes`. Notes
 * are for the team only; they are not messages and never reach the visitor.
 *
 * @example router.use(conversationNoteRoutes(domain)) // inside the conversation router
 */
import { Router } from 'express';
import { createNoteSchema, pageQuerySchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';

export function conversationNoteRoutes(domain: Domain): Router {
  const router = Router();

  router.get('/:id/notes', async (req, res) => {
    const q = validate(pageQuerySchema, req.query);
    const row = await domain.conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.id));
    const page = await domain.notes.list(row, { limit: q.limit, cursor: q.cursor });
    res.json({ data: page.data, next_cursor: page.next });
  });

  router.post('/:id/notes', async (req, res) => {
    const p = principalOf(res);
    const { body } = validate(createNoteSchema, req.body);
    const row = await domain.conversations.getInWorkspace(p.workspaceId, idFromParams(req.params.id));
    const author = p.agent ? { id: p.agent.id, name: p.agent.name } : { id: null, name: 'API' };
    res.status(201).json(await domain.notes.add(row, author, body));
  });

  return router;
}
