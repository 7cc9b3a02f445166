/**
 * Bots (`/api/v1/bots`, docs/bots.md): custom bots — an ordered list of steps
 * a new conversation runs through before a person sees it — and the answer
 * bot, which offers help articles for the visitor's first message. Wire
 * shapes only (zod-free: the widget imports this); the input schemas are in
 * schemas.ts. Snake_case like the other admin resources.
 */
import type { Priority } from '../models.js';
import type { Rule } from '../targeting/rule.js';

/** When a bot starts: on every new conversation a visitor starts, or only on those started outside business hours. */
export const BOT_TRIGGERS = ['new_conversation', 'outside_business_hours'] as const;
export type BotTriggerOn = (typeof BOT_TRIGGERS)[number];

export interface BotTrigger {
  on: BotTriggerOn;
  /** A targeting rule (page, segment, traits…) on the contact and the conversation; absent = everyone. */
  audience?: Rule;
}

/** What a `collect` step checks the answer against. `choice`: one of its `options` (also shown as buttons). */
export const BOT_VALIDATIONS = ['email', 'text', 'number', 'choice'] as const;
export type BotValidation = (typeof BOT_VALIDATIONS)[number];

/** Where a `collect` step keeps the answer: the contact's email or name, or a trait. */
export const BOT_FIELDS = ['email', 'name', 'trait'] as const;
export type BotField = (typeof BOT_FIELDS)[number];

/** One button of a `buttons` step; `next` is the id of the step to go to (absent: the step after). */
export interface BotButtonOption {
  id: string;
  label: string;
  next?: string;
}

export const BOT_STEP_TYPES = ['message', 'buttons', 'collect', 'set_trait', 'tag', 'set_priority', 'assign', 'suggest_articles', 'handover'] as const;
export type BotStepType = (typeof BOT_STEP_TYPES)[number];

/** Every step has an id, unique in its bot (buttons name the step they lead to by it). */
export type BotStep = { id: string } & (
  /** Says something and goes on. */
  | { type: 'message'; body: string }
  /** Asks with buttons and waits for a choice; the label may be kept as a trait. */
  | { type: 'buttons'; body: string; options: BotButtonOption[]; trait_key?: string }
  /** Asks and waits for an answer that passes `validation`; re-asks with an error, at most BOT_LIMITS.attempts times, then hands over. */
  | { type: 'collect'; body: string; field: BotField; trait_key?: string; validation: BotValidation; options?: string[] }
  | { type: 'set_trait'; key: string; value: string | number | boolean }
  | { type: 'tag'; tag_id: string }
  | { type: 'set_priority'; priority: Priority }
  /** The team the conversation goes to at hand-over (instead of the assignment rules). */
  | { type: 'assign'; team_id: string }
  /** Help articles for the visitor's first message and "Did that help?": yes resolves the conversation, no goes on. None found: goes on. */
  | { type: 'suggest_articles' }
  /** Ends the bot: the conversation goes to its team (an `assign` step) or to the assignment rules. */
  | { type: 'handover' }
);

export interface Bot {
  id: string;
  name: string;
  enabled: boolean;
  /** 0, 1, 2… in the workspace: the first enabled bot whose trigger and audience match starts. */
  position: number;
  trigger: BotTrigger;
  steps: BotStep[];
  created_at: string;
  updated_at: string;
}

/** `GET/PATCH /bots/answer-bot`: offers help articles on every new conversation, before any custom bot. */
export interface AnswerBotSettings {
  enabled: boolean;
}

export const BOT_RUN_STATUSES = ['running', 'completed', 'handed_over', 'resolved'] as const;
export type BotRunStatus = (typeof BOT_RUN_STATUSES)[number];

/** A bot's questions with buttons carry them on the message; the visitor's choice carries the option it took. */
export interface BotButton {
  id: string;
  label: string;
}

/** The visitor chose `optionId` of the buttons of message `messageId` (the body is the option's label). */
export interface BotChoice {
  messageId: string;
  optionId: string;
}

/** `GET /conversations/:id/bot-run`: where a conversation is in its bot. */
export interface BotRun {
  id: string;
  bot_id: string | null;
  /** `answer` for the answer bot, `flow` for a custom bot. */
  kind: 'flow' | 'answer';
  bot_name: string;
  conversation_id: string;
  status: BotRunStatus;
  /** The step the bot is at (an index into the steps it started with). */
  step: number;
  /** Answers kept so far, by step id. */
  answers: Record<string, string>;
  created_at: string;
  updated_at: string;
}

/** The answer bot in `reports/conversations`: of the conversations opened in the range, those it offered articles to and those it resolved. */
export interface AnswerBotReport {
  answered: number;
  resolved: number;
  /** resolved / answered, 0–1 rounded to 4 decimals; null when it answered none. */
  deflection_rate: number | null;
}
