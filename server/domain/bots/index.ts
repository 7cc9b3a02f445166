/**
 * Bots (docs/bots.md): custom bot flows and the answer bot, their store and
 * settings, and the engine that follows the bus and holds routing while a bot
 * talks. Wired once per process by `createBots`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import type { ContactStore } from '../contacts/index.js';
import type { TargetingContexts } from '../content/index.js';
import type { Conversations, MessageLog } from '../conversations/index.js';
import { BackgroundJobs, type Routing } from '../routing/index.js';
import type { TagStore } from '../tags/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import type { ArticleSuggester } from './answer-bot.js';
import { BotActions } from './bot-actions.js';
import { BotChooser } from './bot-chooser.js';
import { BotSettings } from './bot-settings.js';
import { BotStore } from './bot-store.js';
import { BotEngine } from './engine.js';
import { FlowRunner } from './flow-runner.js';
import { BotRunStore } from './run-store.js';

export { type ArticleSuggester, type SuggestedArticle, answerBotSteps, articlesMessage } from './answer-bot.js';
export { buttonsOf, checkAnswer, type Checked, type Question } from './answer-check.js';
export { botTexts } from './bot-texts.js';
export { BotSettings } from './bot-settings.js';
export { BotStore, toBot } from './bot-store.js';
export { BotEngine } from './engine.js';
export { BotRunStore, toBotRun } from './run-store.js';

export interface Bots {
  bots: BotStore;
  settings: BotSettings;
  runs: BotRunStore;
  engine: BotEngine;
  /** Resolves when every bot move started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  /** Unexpected failures (a bug, the store going away): the edge that has a logger listens. Returns the unsubscribe function. */
  onError(listener: (err: unknown) => void): () => void;
  stop(): void;
}

export interface BotDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  targeting: TargetingContexts;
  workspaces: WorkspaceDirectory;
  conversations: Conversations;
  messages: MessageLog;
  contacts: ContactStore;
  tags: TagStore;
  routing: Pick<Routing, 'auto' | 'manual'>;
  /** The help center's article search; null until it is there (the answer bot then never starts). */
  articles: () => ArticleSuggester | null;
  /** Absolute links to articles in bot messages. */
  publicUrl: string;
}

/** Builds the bot services, makes routing wait for bots, and starts following the bus. */
export function createBots(deps: BotDeps): Bots {
  const { db } = deps;
  const jobs = new BackgroundJobs();
  const bots = new BotStore(db);
  const settings = new BotSettings(db);
  const runs = new BotRunStore(db);
  const chooser = new BotChooser({ db, bots, settings, targeting: deps.targeting, workspaces: deps.workspaces, articles: deps.articles });
  const localeOf = async (conversation: { contact_id: string }) =>
    (await db.selectFrom('contacts').select('locale').where('id', '=', conversation.contact_id).executeTakeFirst())?.locale ?? null;
  const flow = new FlowRunner({
    runs,
    actions: new BotActions(deps),
    conversations: deps.conversations,
    routing: deps.routing,
    articles: deps.articles,
    firstMessage: (conversation) => chooser.firstMessage(conversation),
    localeOf,
    publicUrl: deps.publicUrl,
  });
  const engine = new BotEngine({ db, bus: deps.bus, runs, chooser, flow, jobs });
  deps.routing.auto.useHold((event) => engine.holds(event));
  const stop = engine.start();
  return { bots, settings, runs, engine, settled: () => jobs.settled(), onError: (listener) => jobs.onError(listener), stop };
}
