/**
 * The help center's requests on /visitor (`help:search`, `help:suggest`,
 * `help:article`, `help:vote`): always the socket's own workspace and
 * contact, live articles only. They have a budget of their own, apart from
 * the chat's: answer suggestions follow the typing (debounced in the widget),
 * and must never use up what sending messages needs.
 *
 * @example attachHelpEvents(socket, domain, logger) // in the /visitor connection handler
 */
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import {
  helpArticleRequestSchema,
  helpSearchSchema,
  helpSuggestSchema,
  helpVoteSchema,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
} from '../../protocol/index.js';
import type { Domain } from '../domain/index.js';
import { respond } from './respond.js';
import { socketRateLimiter } from './socket-limits.js';
import type { VisitorSocketData } from './visitor-namespace.js';

type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, Record<string, never>, VisitorSocketData>;

/** Per socket: 40 help requests per 10 s — about four a second of typing, with room for the Home screen. */
const limit = socketRateLimiter(40, 10);

export function attachHelpEvents(socket: VisitorSocket, domain: Domain, logger: Logger): void {
  const { workspaceId, contactId } = socket.data;
  const guard = () => limit(socket.id);
  const help = domain.help.visitors;

  socket.on(
    'help:search',
    respond(logger, helpSearchSchema, async (input) => ({ articles: await help.find(workspaceId, input.q, input.locale, input.limit) }), guard),
  );

  socket.on(
    'help:suggest',
    respond(logger, helpSuggestSchema, (input) => help.suggestForPage(workspaceId, input.pageUrl, input.locale), guard),
  );

  socket.on(
    'help:article',
    respond(logger, helpArticleRequestSchema, async (input) => ({ article: await help.open(workspaceId, contactId, input.id, input.source) }), guard),
  );

  socket.on(
    'help:vote',
    respond(logger, helpVoteSchema, async (input) => {
      await help.vote(workspaceId, contactId, input.id, input.helpful);
      return { helpful: input.helpful };
    }, guard),
  );
}
