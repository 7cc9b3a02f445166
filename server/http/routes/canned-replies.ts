/**
 * Admin REST for canned replies: CRUD (the shared crudRoutes) and
 * `GET /canned-replies/:id/render?conversation_id=…`, the body with that
 * conversation's contact, the calling agent and the workspace filled in.
 *
 * @example api.use('/canned-replies', admin, cannedReplyRoutes(domain))
 */
import { Router } from 'express';
import { createCannedReplySchema, renderCannedReplyQuerySchema, updateCannedReplySchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';

export function cannedReplyRoutes(domain: Domain): Router {
  const router = Router();
  const { cannedReplies } = domain;

  router.get('/:id/render', async (req, res) => {
    const p = principalOf(res);
    const q = validate(renderCannedReplyQuerySchema, req.query);
    const id = idFromParams(req.params.id);
    const conversation = q.conversation_id ? await domain.conversations.getInWorkspace(p.workspaceId, q.conversation_id) : null;
    const [contact, ws] = await Promise.all([
      conversation ? domain.contacts.get(p.workspaceId, conversation.contact_id) : Promise.resolve(null),
      domain.workspaces.byId(p.workspaceId),
    ]);
    res.json(await cannedReplies.render(p.workspaceId, id, { contact, agent: p.agent ? { name: p.agent.name } : null, workspaceName: ws.name }));
  });

  router.use(crudRoutes(cannedReplies, { create: createCannedReplySchema, update: updateCannedReplySchema }));
  return router;
}
