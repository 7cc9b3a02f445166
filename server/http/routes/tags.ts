/**
 * Admin REST for tags: the workspace's list (with how many conversations
 * carry each), and the tags of one conversation (`PUT /conversations/:id/tags`
 * replaces the set and creates names the workspace doesn't have yet).
 * Deleting a tag takes it off every conversation, so only admins (and API
 * tokens) may.
 *
 * @example api.use('/tags', admin, tagRoutes(domain))
 */
import { Router } from 'express';
import { createTagSchema, setConversationTagsSchema, updateTagSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';
import { requireAdmin } from './require-admin.js';

export function tagRoutes(domain: Domain): Router {
  const router = Router();
  const { tags } = domain;

  router.use(crudRoutes(tags, { create: createTagSchema, update: updateTagSchema }, { remove: requireAdmin('tags') }));
  return router;
}

/** `PUT /conversations/:id/tags`, mounted inside the conversation router. */
export function conversationTagRoutes(domain: Domain): Router {
  const router = Router();
  router.put('/:id/tags', async (req, res) => {
    const { tags } = validate(setConversationTagsSchema, req.body);
    const row = await domain.conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.id));
    await domain.tags.setForConversation(row, tags);
    res.json(await domain.conversations.agentView(await domain.conversations.getInWorkspace(row.workspace_id, row.id)));
  });
  return router;
}
