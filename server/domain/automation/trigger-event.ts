/**
 * The five triggers as the engine receives them, translated from domain bus
 * events (`fromBus` in engine.ts). A survey answered or an event tracked may
 * have no conversation of its own: the engine then uses the contact's most
 * recently active conversation that is not closed, or none.
 */
import type { SurveyResponseData } from '../../../protocol/index.js';

interface Base {
  workspaceId: string;
  contactId: string;
}

export type TriggerEvent =
  | (Base & { trigger: 'conversation_created'; conversationId: string })
  /** A visitor's message (never the team's, a bot's or automation's). */
  | (Base & { trigger: 'message_received'; conversationId: string; body: string })
  | (Base & { trigger: 'tag_added'; conversationId: string; tagId: string })
  | (Base & { trigger: 'survey_answered'; conversationId: string | null; response: SurveyResponseData })
  | (Base & { trigger: 'event_tracked'; conversationId: null; eventName: string });
