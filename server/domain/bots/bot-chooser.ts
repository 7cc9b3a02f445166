/**
 * Which bot talks in a new conversation a visitor started, if any:
 * 1. the answer bot, when it is on and the help center has articles for the
 *    visitor's first message;
 * 2. otherwise the first enabled custom bot (in the workspace's order) whose
 *    trigger holds — every new conversation, or only outside the workspace's
 *    business hours — and whose audience the contact and conversation match.
 *
 * Audiences are evaluated like assignment rules: against the contact (traits,
 * events, segments, its last page as the page) plus the conversation's facts
 * as `conversation.*` traits.
 */
import type { Kysely } from 'kysely';
import { type Bot, BOT_LIMITS, evaluateRule, isOpen, type Rule, type TargetingContext } from '../../../protocol/index.js';
import type { ContactRow, ConversationRow, Database } from '../../store/index.js';
import { lastPage } from '../content/contact-facts.js';
import type { TargetingContexts } from '../content/index.js';
import { conversationFacts } from '../routing/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { type ArticleSuggester, answerBotSteps } from './answer-bot.js';
import type { BotSettings } from './bot-settings.js';
import type { BotStore } from './bot-store.js';
import type { StartRun } from './run-store.js';

export interface BotChooserDeps {
  db: Kysely<Database>;
  bots: BotStore;
  settings: BotSettings;
  targeting: TargetingContexts;
  workspaces: WorkspaceDirectory;
  /** The help center's search (absent until it is wired): without it the answer bot never starts. */
  articles: () => ArticleSuggester | null;
}

const EVERYONE: Rule = { all: [] };

export class BotChooser {
  constructor(private readonly deps: BotChooserDeps) {}

  /** The run to start, or null when no bot is for this conversation. */
  async choose(conversation: ConversationRow, contact: ContactRow): Promise<StartRun | null> {
    const base = { workspaceId: conversation.workspace_id, conversationId: conversation.id, contactId: contact.id };
    if (await this.answerBotHelps(conversation, contact)) {
      return { ...base, botId: null, kind: 'answer', botName: 'Answer bot', steps: answerBotSteps(contact.locale) };
    }
    const bot = await this.firstCustomBot(conversation, contact);
    return bot ? { ...base, botId: bot.id, kind: 'flow', botName: bot.name, steps: bot.steps } : null;
  }

  /** The visitor's first message (not an opening the team wrote), as routing reads it. */
  async firstMessage(conversation: ConversationRow): Promise<string> {
    const facts = await conversationFacts(this.deps.db, conversation, 'visitor');
    return String(facts['conversation.first_message'] ?? '');
  }

  private async answerBotHelps(conversation: ConversationRow, contact: ContactRow): Promise<boolean> {
    const suggester = this.deps.articles();
    if (!suggester || !(await this.deps.settings.answerBot(conversation.workspace_id)).enabled) return false;
    const text = await this.firstMessage(conversation);
    if (!text.trim()) return false;
    const found = await suggester.suggestForText(conversation.workspace_id, text, contact.locale ?? 'en', BOT_LIMITS.articles);
    return found.length > 0;
  }

  private async firstCustomBot(conversation: ConversationRow, contact: ContactRow): Promise<Bot | null> {
    const enabled = await this.deps.bots.enabled(conversation.workspace_id);
    if (enabled.length === 0) return null;
    const ws = await this.deps.workspaces.byId(conversation.workspace_id);
    const away = ws.businessHours !== null && !isOpen(ws.businessHours, new Date(conversation.created_at));
    const eligible = enabled.filter((bot) => bot.trigger.on === 'new_conversation' || away);
    if (eligible.length === 0) return null;
    const now = Date.now();
    const audiences = eligible.map((bot) => bot.trigger.audience ?? EVERYONE);
    const [base, facts] = await Promise.all([this.deps.targeting.forContact(contact, audiences, now), conversationFacts(this.deps.db, conversation, 'visitor')]);
    // The conversation's facts shadow a contact trait of the same name.
    const ctx: TargetingContext = { ...base, traits: { ...base.traits, ...facts }, page: lastPage(contact) };
    return eligible.find((bot, i) => evaluateRule(audiences[i], ctx, now)) ?? null;
  }
}
