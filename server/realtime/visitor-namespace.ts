/**
 * /visitor: the widget's socket. Authenticated by the visitor token in
 * `handshake.auth` (never a cookie); every request is scoped to the token's own
 * contact, so a visitor can reach only its own conversations.
 */
import type { Namespace } from 'socket.io';
import type { Logger } from 'pino';
import {
  conversationRatingSchema,
  surveyAnswerSchema,
  surveyLoadSchema,
  surveyStartSchema,
  tourProgressSchema,
  tourStartSchema,
  contentClaimSchema,
  contentOutcomeSchema,
  readSchema,
  sendMessageSchema,
  startConversationSchema,
  syncMessagesSchema,
  typingSchema,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '../../protocol/index.js';
import { z } from 'zod';
import { type Domain, ParleyError, isOriginAllowed } from '../domain/index.js';
import { respond } from './respond.js';
import { agentsRoom, contactRoom } from './rooms.js';
import { socketRateLimiter } from './socket-limits.js';
import { attachHelpEvents } from './visitor-help.js';

const pickerCheckSchema = z.object({ token: z.string().min(1).max(2_000) });

export interface VisitorSocketData {
  contactId: string;
  workspaceId: string;
}

export type VisitorNamespace = Namespace<VisitorClientToServerEvents, VisitorServerToClientEvents, Record<string, never>, VisitorSocketData>;

export function attachVisitorNamespace(nsp: VisitorNamespace, domain: Domain, logger: Logger): void {
  const limit = socketRateLimiter();

  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown }).token;
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    (async () => {
      const claims = await domain.visitorTokens.verify(token);
      const ws = await domain.workspaces.byId(claims.workspaceId);
      if (!isOriginAllowed(ws.allowedOrigins, socket.handshake.headers.origin)) throw new ParleyError('origin_not_allowed', 'origin not allowed');
      // A token naming a contact that is gone (merged, erased) is as good as no token.
      await domain.contacts.get(ws.id, claims.contactId).catch(() => {
        throw new ParleyError('unauthorized', 'unknown visitor');
      });
      socket.data = { contactId: claims.contactId, workspaceId: ws.id };
    })().then(
      () => next(),
      (err: unknown) => next(new Error(err instanceof ParleyError ? err.code : 'unauthorized')),
    );
  });

  nsp.on('connection', (socket) => {
    const { contactId, workspaceId } = socket.data;
    void socket.join(contactRoom(contactId));
    const contact = () => domain.contacts.get(workspaceId, contactId);
    const guard = () => limit(socket.id);

    socket.on(
      'conversations:list',
      respond(logger, z.object({}).passthrough(), async () => ({ conversations: await domain.conversations.listForContact(await contact()) }), guard),
    );

    socket.on(
      'conversation:start',
      respond(logger, startConversationSchema, async (input) => {
        const me = await contact();
        // A reply to an in-app chat message: the conversation opens with that message.
        const opening = input.deliveryId ? await domain.inApp.replyOpening(me, input.deliveryId) : undefined;
        const { conversation, message } = await domain.conversations.start(me, input, opening);
        if (input.deliveryId) await domain.inApp.markReplied(me, input.deliveryId, conversation.id);
        return { conversation: await domain.conversations.visitorView(conversation), message };
      }, guard),
    );

    socket.on(
      'message:send',
      respond(logger, sendMessageSchema, async (input) => {
        const me = await contact();
        const conversation = await domain.conversations.getForContact(me, input.conversationId);
        const { message } = await domain.messages.append({
          workspaceId,
          conversationId: conversation.id,
          clientId: input.clientId,
          body: input.body,
          author: { type: 'visitor', id: me.id, name: me.name },
          attachmentIds: input.attachmentIds,
          // A bot's buttons answered (docs/bots.md): the bot checks it is its question's.
          choice: input.choice,
        });
        return { message };
      }, guard),
    );

    socket.on(
      'messages:sync',
      respond(logger, syncMessagesSchema, async (input) => {
        const conversation = await domain.conversations.getForContact(await contact(), input.conversationId);
        const messages = await domain.messages.since(conversation.id, input.afterSeq, input.limit ?? 200);
        return { messages, lastSeq: Number(conversation.last_seq) };
      }, guard),
    );

    socket.on(
      'read',
      respond(logger, readSchema, async (input) => {
        const conversation = await domain.conversations.getForContact(await contact(), input.conversationId);
        return { seq: await domain.conversations.markRead(conversation, 'visitor', input.seq) };
      }, guard),
    );

    socket.on(
      'content:list',
      respond(logger, z.object({}).passthrough(), async () => domain.inApp.snapshotFor(await contact()), guard),
    );

    socket.on(
      'content:claim',
      respond(logger, contentClaimSchema, async (input) => domain.inApp.claim(await contact(), input.messageId), guard),
    );

    socket.on(
      'content:outcome',
      respond(logger, contentOutcomeSchema, async (input) => ({
        recorded: await domain.inApp.recordOutcome(await contact(), input.deliveryId, input.outcome),
      }), guard),
    );

    socket.on(
      'survey:answer',
      respond(logger, surveyAnswerSchema, async (input) => domain.responses.save(await contact(), input), guard),
    );

    socket.on(
      'survey:load',
      respond(logger, surveyLoadSchema, async (input) => ({ message: await domain.inApp.surveyInConversation(await contact(), input.deliveryId) }), guard),
    );

    socket.on(
      'tour:start',
      respond(logger, tourStartSchema, async (input) => ({ message: await domain.inApp.startNow(await contact(), input.tourId, 'tour') }), guard),
    );

    socket.on(
      'tour:progress',
      respond(logger, tourProgressSchema, async (input) => domain.tourRuns.progress(await contact(), input), guard),
    );

    socket.on(
      'tour:picker',
      respond(logger, pickerCheckSchema, async (input) => {
        if ((await domain.pickerTokens.verify(input.token)) !== workspaceId) throw new ParleyError('unauthorized', 'this picker token is for another workspace');
        return { ok: true as const };
      }, guard),
    );

    socket.on(
      'survey:start',
      respond(logger, surveyStartSchema, async (input) => ({ message: await domain.inApp.startNow(await contact(), input.surveyId, 'survey') }), guard),
    );

    socket.on(
      'conversation:rate',
      respond(logger, conversationRatingSchema, async (input) => {
        const me = await contact();
        const conversation = await domain.conversations.getForContact(me, input.conversationId);
        const rated = await domain.conversations.rate(conversation, input.rating, input.comment);
        await domain.events.record(me, [
          { id: `${rated.id}:rated:${rated.rated_at}`, type: 'track', name: 'conversation_rated', props: { conversation_id: rated.id, rating: input.rating } },
        ]);
        return { conversation: await domain.conversations.visitorView(rated) };
      }, guard),
    );

    attachHelpEvents(socket, domain, logger);

    socket.on(
      'typing',
      respond(logger, typingSchema, async (input) => {
        const me = await contact();
        await domain.conversations.getForContact(me, input.conversationId);
        nsp.server.of('/agent').to(agentsRoom(workspaceId)).emit('typing', {
          conversationId: input.conversationId,
          typing: input.typing,
          author: 'visitor',
          name: me.name,
        });
      }, guard),
    );
  });
}
