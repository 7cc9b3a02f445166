/** The bot endpoints of `fakeApi`: each fails unless a test provides it. */
import type { BotApi } from '../api/bot-endpoints.js';

export function unexpectedBotApi(unexpected: () => Promise<never>): BotApi {
  return {
    listBots: unexpected,
    createBot: unexpected,
    updateBot: unexpected,
    deleteBot: unexpected,
    reorderBots: unexpected,
    getAnswerBot: unexpected,
    updateAnswerBot: unexpected,
  };
}
