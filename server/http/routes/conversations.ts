/** Admin REST for conversations and their messages (DESIGN.md §2). */
import { Router } from 'express';
import {
  agentReplySchema,
  assignConversationSchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  type Page,
  type Message,
  updateConversationSchema,
} from '../../../protocol/index.js';
import { type Author, type Domain, ParleyError, idFromParams, validate } from '../../domain/index.js';
import { principalOf } from '../auth/index.js';
import { conversationNoteRoutes } from './conversation-notes.js';
import { conversationTagRoutes } from './tags.js';
import { randomUUID } from 'node:crypto';
import type { AdminPrincipal } from '../../domain/index.js';

export function authorOf(principal: AdminPrincipal): Author {
  return principal.agent
    ? { type: 'agent', id: principal.agent.id, name: principal.agent.name }
    : { type: 'bot', id: null, name: 'API' };
}

export function conversationRoutes(domain: Domain): Router {
  const router = Router();
  const { conversations, messages } = domain;

  router.get('/', async (req, res) => {
    const p = principalOf(res);
    const q = validate(listConversationsQuerySchema, req.query);
    const page = await conversations.listForAgents({
      workspaceId: p.workspaceId,
      agentId: p.agent?.id ?? '',
      status: q.status,
      assignee: q.assignee,
      contactId: q.contact_id,
      teamId: q.team_id,
      limit: q.limit,
      cursor: q.cursor,
      tag: q.tag,
      priority: q.priority,
      sort: q.sort,
      search: q.q,
      sla: q.sla,
    });
    res.json({ data: page.data, next_cursor: page.next });
  });

  router.get('/:id', async (req, res) => {
    const row = await conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(await conversations.agentView(row));
  });

  router.patch('/:id', async (req, res) => {
    const patch = validate(updateConversationSchema, req.body);
    const row = await conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(await conversations.agentView(await conversations.update(row, patch)));
  });

  router.post('/:id/assign', async (req, res) => {
    const input = validate(assignConversationSchema, req.body);
    const row = await conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.id));
    res.json(await conversations.agentView(await domain.routing.manual.assign(row, input)));
  });

  router.get('/:id/messages', async (req, res) => {
    const q = validate(listMessagesQuerySchema, req.query);
    const row = await conversations.getInWorkspace(principalOf(res).workspaceId, idFromParams(req.params.id));
    const data = await messages.since(row.id, q.after_seq, q.limit);
    const last = data[data.length - 1];
    const body: Page<Message> = { data, next_cursor: last && last.seq < Number(row.last_seq) ? String(last.seq) : null };
    res.json(body);
  });

  router.post('/:id/messages', async (req, res) => {
    const p = principalOf(res);
    const input = validate(agentReplySchema, req.body);
    const row = await conversations.getInWorkspace(p.workspaceId, idFromParams(req.params.id));
    const clientId = input.clientId ?? randomUUID();
    if (input.surveyId) {
      if (input.attachmentIds?.length) throw new ParleyError('bad_request', 'a survey is sent without attachments');
      const sent = await domain.conversationSurveys.send(row, { surveyId: input.surveyId, body: input.body, clientId, author: authorOf(p) });
      res.status(sent.created ? 201 : 200).json(sent.message);
      return;
    }
    const result = await messages.append({
      workspaceId: p.workspaceId,
      conversationId: row.id,
      clientId,
      body: input.body,
      author: authorOf(p),
      attachmentIds: input.attachmentIds,
    });
    res.status(result.created ? 201 : 200).json(result.message);
  });

  // Notes and tags of a conversation (their own modules).
  router.use(conversationNoteRoutes(domain));
  router.use(conversationTagRoutes(domain));

  return router;
}
