/**
 * Admin REST for bots (docs/bots.md): the ordered custom bots (the shared
 * crudRoutes; a new `position` moves a bot), `PUT /order` for the whole order
 * at once, the answer bot's switch, and where a conversation is in its bot.
 * Read by any agent, written by admins.
 *
 * @example api.use('/bots', admin, botRoutes(domain))
 */
import { Router } from 'express';
import { answerBotSettingsSchema, createBotSchema, reorderBotsSchema, updateBotSchema } from '../../../protocol/index.js';
import { type Domain, idFromParams, notFound, toBotRun, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { crudRoutes } from './crud-routes.js';
import { requireAdmin } from './require-admin.js';

export function botRoutes(domain: Domain): Router {
  const router = Router();
  const { bots, settings, runs } = domain.bots;
  const admins = requireAdmin('bots');

  router.put('/order', admins, async (req, res) => {
    const { ids } = validate(reorderBotsSchema, req.body);
    res.json({ data: await bots.reorder(principalOf(res).workspaceId, ids), next_cursor: null });
  });

  router.get('/answer-bot', async (_req, res) => {
    res.json(await settings.answerBot(principalOf(res).workspaceId));
  });

  router.patch('/answer-bot', admins, async (req, res) => {
    res.json(await settings.setAnswerBot(principalOf(res).workspaceId, validate(answerBotSettingsSchema, req.body)));
  });

  router.get('/runs/:conversationId', async (req, res) => {
    const conversation = await domain.conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.conversationId));
    const run = await runs.byConversation(conversation.id);
    if (!run) throw notFound('bot run');
    res.json(toBotRun(run));
  });

  router.use(crudRoutes(bots, { create: createBotSchema, update: updateBotSchema }, { write: admins }));
  return router;
}
