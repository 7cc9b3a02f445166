/**
 * The bot endpoints (docs/bots.md): the ordered custom bots, their whole
 * order at once, and the answer bot's switch. Part of `InboxApi`; reads for
 * every agent, writes for admins on the server.
 */
import type { z } from 'zod';
import type { AnswerBotSettings, Bot, Page, createBotSchema, updateBotSchema } from '../../protocol/index.js';
import type { HttpClient } from './http.js';

export type CreateBotRequest = z.input<typeof createBotSchema>;
export type UpdateBotRequest = z.input<typeof updateBotSchema>;

export interface BotApi {
  listBots(): Promise<Page<Bot>>;
  createBot(input: CreateBotRequest): Promise<Bot>;
  /** `steps` replaces the flow; a new `position` moves the bot and shifts the others. */
  updateBot(id: string, patch: UpdateBotRequest): Promise<Bot>;
  deleteBot(id: string): Promise<void>;
  /** Every bot id once, in the new order; answers the bots in that order. */
  reorderBots(ids: readonly string[]): Promise<Page<Bot>>;
  getAnswerBot(): Promise<AnswerBotSettings>;
  updateAnswerBot(settings: AnswerBotSettings): Promise<AnswerBotSettings>;
}

export function createBotApi(http: HttpClient): BotApi {
  const id = encodeURIComponent;
  return {
    listBots: () => http.get('/bots'),
    createBot: (input) => http.post('/bots', input),
    updateBot: (botId, patch) => http.patch(`/bots/${id(botId)}`, patch),
    deleteBot: (botId) => http.delete(`/bots/${id(botId)}`),
    reorderBots: (ids) => http.put('/bots/order', { ids }),
    getAnswerBot: () => http.get('/bots/answer-bot'),
    updateAnswerBot: (settings) => http.patch('/bots/answer-bot', settings),
  };
}
