/**
 * Row types of the bot tables (migration 021): custom bots, the workspace's
 * bot settings and one run per conversation a bot talks in. Same conventions
 * as schema.ts (ISO text times, JSON as text, booleans as 0/1).
 */
import type { BotRunStatus, BotTriggerOn } from '../../protocol/index.js';

export interface BotRow {
  id: string;
  workspace_id: string;
  name: string;
  enabled: number;
  /** 0, 1, 2… without gaps per workspace. */
  position: number;
  trigger_on: BotTriggerOn;
  /** JSON of a targeting rule; null = everyone. */
  audience: string | null;
  /** JSON array of steps. */
  steps: string;
  created_at: string;
  updated_at: string;
}

export interface BotSettingsRow {
  workspace_id: string;
  answer_bot_enabled: number;
  updated_at: string;
}

export interface BotRunRow {
  id: string;
  workspace_id: string;
  /** Null for the answer bot (and kept when the bot is deleted: the run goes on with its own steps). */
  bot_id: string | null;
  kind: 'flow' | 'answer';
  bot_name: string;
  conversation_id: string;
  contact_id: string;
  status: BotRunStatus;
  /** JSON array: the steps the run started with. */
  steps: string;
  step: number;
  /** Invalid answers to the current question. */
  attempts: number;
  /** Bumped by every move: the compare-and-set of two nodes handling one conversation. */
  version: number;
  /** The question waiting for an answer, and its seq: visitor messages up to it are not answers. */
  prompt_message_id: string | null;
  prompt_seq: number;
  /** JSON object step id → answer. */
  answers: string;
  /** Set by an `assign` step: the team the conversation goes to at hand-over. */
  team_id: string | null;
  /** When the answer bot offered articles (the deflection report counts these). */
  suggested_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The bot tables, as `Database` (schema.ts) includes them. */
export interface BotTables {
  bots: BotRow;
  bot_settings: BotSettingsRow;
  bot_runs: BotRunRow;
}
