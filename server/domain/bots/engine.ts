/**
 * The bot engine follows the domain bus:
 * - a conversation a visitor starts (`conversation.created`): the chooser
 *   picks a bot (bot-chooser.ts), a run is stored (one per conversation) and
 *   the flow runs until its first question;
 * - a visitor's message in a conversation whose bot waits: the answer;
 * - a person's message while the bot runs: a person took over, the bot hands over.
 *
 * Routing waits for the bot: assignment rules ask `holds` before routing a
 * new conversation, which answers once the bot is chosen — true while it
 * runs, so the bot routes the conversation itself when it hands over.
 *
 * Work runs in the background, after the request or socket event that caused
 * it has been answered, one event at a time per conversation. With several
 * nodes the bus is per process: each event is handled where it happened, and
 * the runs' compare-and-set keeps two nodes from taking one step twice.
 */
import type { Kysely } from 'kysely';
import type { Message } from '../../../protocol/index.js';
import type { BotRunRow, Database } from '../../store/index.js';
import type { DomainBus, DomainEvents } from '../bus.js';
import type { BackgroundJobs } from '../routing/index.js';
import type { BotChooser } from './bot-chooser.js';
import type { FlowRunner } from './flow-runner.js';
import type { BotRunStore } from './run-store.js';

export interface BotEngineDeps {
  db: Kysely<Database>;
  bus: DomainBus;
  runs: BotRunStore;
  chooser: BotChooser;
  flow: FlowRunner;
  jobs: BackgroundJobs;
}

type Created = DomainEvents['conversation.created'];

/** Conversations this node decided have no bot, so their messages need no look-up; forgotten wholesale past this many. */
const NO_BOT_MEMORY = 10_000;

export class BotEngine {
  /** One chain per conversation: its events are handled in the order they came. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Decisions being made, so routing's question and the engine's own start share one. */
  private readonly deciding = new Map<string, Promise<BotRunRow | undefined>>();
  private readonly noBot = new Set<string>();

  constructor(private readonly deps: BotEngineDeps) {}

  /** Follows the bus; returns the unsubscribe function. */
  start(): () => void {
    const { bus } = this.deps;
    const stops = [
      bus.subscribe('conversation.created', (event) => {
        // The team writing first (a survey follow-up) is no conversation for a bot.
        if (event.startedBy === 'visitor') this.take(event.conversationId, () => this.begin(event));
        else this.remember(event.conversationId);
      }),
      bus.subscribe('message.created', ({ message }) => {
        if (message.authorType === 'bot' || this.noBot.has(message.conversationId)) return;
        this.take(message.conversationId, () => this.onMessage(message));
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Asked by routing before it routes a new conversation: true while a bot talks in it (it routes it when it hands over). */
  async holds(event: Created): Promise<boolean> {
    if (event.startedBy !== 'visitor') return false;
    const decided = await this.decide(event);
    if (!decided) return false;
    return (await this.deps.runs.byConversation(event.conversationId))?.status === 'running';
  }

  /** The conversation's run: the one it has, or the one started now if a bot is for it (undefined when none is). */
  decide(event: Created): Promise<BotRunRow | undefined> {
    const pending = this.deciding.get(event.conversationId);
    if (pending) return pending;
    const decision = this.decideNow(event).finally(() => this.deciding.delete(event.conversationId));
    this.deciding.set(event.conversationId, decision);
    return decision;
  }

  private async decideNow(event: Created): Promise<BotRunRow | undefined> {
    const { db, runs, chooser } = this.deps;
    const existing = await runs.byConversation(event.conversationId);
    if (existing) return existing;
    const conversation = await db.selectFrom('conversations').selectAll().where('id', '=', event.conversationId).where('workspace_id', '=', event.workspaceId).executeTakeFirst();
    const contact = conversation && (await db.selectFrom('contacts').selectAll().where('id', '=', conversation.contact_id).executeTakeFirst());
    const chosen = conversation && contact ? await chooser.choose(conversation, contact) : null;
    if (!chosen) {
      this.remember(event.conversationId);
      return undefined;
    }
    // Another node may have started one first: its run is the one that counts.
    return (await runs.start(chosen)) ?? (await runs.byConversation(event.conversationId));
  }

  private async begin(event: Created): Promise<void> {
    const run = await this.decide(event);
    if (run?.status === 'running' && run.prompt_message_id === null) await this.deps.flow.proceed(run);
  }

  private async onMessage(message: Message): Promise<void> {
    const { runs, flow } = this.deps;
    const run = await runs.byConversation(message.conversationId);
    if (!run) return;
    if (message.authorType === 'agent') {
      if (run.status === 'running') await flow.finish(run, 'handed_over');
      return;
    }
    if (run.status === 'resolved') {
      if (message.seq > Number(run.prompt_seq)) await flow.reopen(run);
      return;
    }
    if (run.status !== 'running') return;
    // No question out while it runs: a move stopped half-way (a node went down). Take it up again.
    if (run.prompt_message_id === null) return flow.proceed(run);
    await flow.answer(run, message);
  }

  private remember(conversationId: string): void {
    if (this.noBot.size >= NO_BOT_MEMORY) this.noBot.clear();
    this.noBot.add(conversationId);
  }

  /** Queues work on the conversation's chain, after the current I/O turn (the caller's answer goes out first). */
  private take(conversationId: string, work: () => Promise<void>): void {
    const next = (this.chains.get(conversationId) ?? Promise.resolve()).then(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await work();
    });
    const tail = next.catch(() => undefined);
    this.chains.set(conversationId, tail);
    void tail.then(() => this.chains.get(conversationId) === tail && this.chains.delete(conversationId));
    this.deps.jobs.run(() => next);
  }
}
