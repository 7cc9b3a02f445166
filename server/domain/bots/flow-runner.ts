/**
 * The one engine file that gets long: a run moving through its steps.
 *
 * - `proceed` takes the steps from where the run is — says messages, keeps
 *   traits, tags, sets the priority, notes the team — until a question (it
 *   asks it and waits), a hand-over, or the end.
 * - `answer` reads the visitor's message to the question waiting: a good
 *   answer is kept and the flow goes on (a button may jump to another step);
 *   a bad one is re-asked with an error, and the third hands over.
 * - `finish` ends the run: resolved (the answer bot helped: closed), or handed
 *   over / completed, when the conversation goes to the team an `assign` step
 *   chose, or to the assignment rules.
 *
 * Every move is claimed first (a compare-and-set on the run's version, so a
 * resent or racing message never takes a step twice) and done after; what it
 * says has a client id made of the run and the claimed version, so a move done
 * again stores nothing twice.
 */
import { BOT_LIMITS, type BotStep, type Message } from '../../../protocol/index.js';
import type { BotRunRow, ConversationRow } from '../../store/index.js';
import type { Conversations } from '../conversations/index.js';
import type { AutoAssignment, ManualAssignment } from '../routing/index.js';
import { type ArticleSuggester, articlesMessage } from './answer-bot.js';
import { buttonsOf, checkAnswer, type Question } from './answer-check.js';
import type { BotActions } from './bot-actions.js';
import { botTexts } from './bot-texts.js';
import { answersOf, type BotRunStore, type RunPatch, stepsOf } from './run-store.js';

export interface FlowRunnerDeps {
  runs: BotRunStore;
  actions: BotActions;
  conversations: Pick<Conversations, 'getInWorkspace'>;
  routing: { auto: Pick<AutoAssignment, 'route'>; manual: Pick<ManualAssignment, 'assign'> };
  articles: () => ArticleSuggester | null;
  /** First visitor message of a conversation (what the articles are searched for). */
  firstMessage: (conversation: ConversationRow) => Promise<string>;
  /** The contact's locale (bot texts and the article search speak it). */
  localeOf: (conversation: ConversationRow) => Promise<string | null>;
  publicUrl: string;
}

/** More steps in one go than any flow has: a guard, never reached by a valid flow. */
const MAX_MOVES = BOT_LIMITS.steps * 2;

const clientId = (run: BotRunRow, part: string) => `bot-${run.id}-${run.version}-${part}`;

export class FlowRunner {
  constructor(private readonly deps: FlowRunnerDeps) {}

  /** Runs the steps from where the run is until one waits for the visitor, or the end. */
  async proceed(start: BotRunRow): Promise<void> {
    const steps = stepsOf(start);
    let run: BotRunRow | undefined = start;
    for (let moves = 0; run && run.status === 'running' && moves < MAX_MOVES; moves++) {
      const step: BotStep | undefined = steps[run.step];
      if (!step) return this.finish(run, 'completed');
      const conversation = await this.conversation(run);
      if (step.type === 'handover') return this.finish(run, 'handed_over');
      if (step.type === 'buttons' || step.type === 'collect') return void (await this.ask(run, conversation, step.body, buttonsOf(step)));
      if (step.type === 'suggest_articles') {
        const asked = await this.suggest(run, conversation);
        if (asked) return;
        run = await this.move(run, steps);
        continue;
      }
      const moved = await this.move(run, steps, undefined, step.type === 'assign' ? { team_id: step.team_id } : {});
      if (moved) await this.act(step, moved, conversation);
      run = moved;
    }
  }

  /** The visitor's message, when a question waits for it. */
  async answer(run: BotRunRow, message: Message): Promise<void> {
    const steps = stepsOf(run);
    const step = steps[run.step];
    if (!step || message.seq <= Number(run.prompt_seq)) return;
    const conversation = await this.conversation(run);
    const question = step.type === 'suggest_articles' ? await this.helpedQuestion(step.id, conversation) : step;
    if (question.type !== 'buttons' && question.type !== 'collect') return;
    const checked = checkAnswer(question, message, run.prompt_message_id);
    if (step.type === 'suggest_articles') {
      // Only "yes" resolves: "no", or anything typed instead (the visitor goes on with their question), goes on to a person.
      if (checked.ok && checked.button === 'yes') return this.finish(run, 'resolved', message.seq);
      const onward = await this.move(run, steps);
      return onward ? this.proceed(onward) : undefined;
    }
    if (!checked.ok) return this.reask(run, conversation, question, checked.problem);
    const answers = { ...answersOf(run), [step.id]: String(checked.value) };
    const moved = await this.move(run, steps, checked.next, { answers: JSON.stringify(answers) });
    if (!moved) return;
    if (question.type === 'collect') await this.deps.actions.keep(conversation, question.field, checked.value, question.trait_key);
    else if (question.trait_key) await this.deps.actions.keep(conversation, 'trait', checked.value, question.trait_key);
    await this.proceed(moved);
  }

  /** Ends the run; `seq` is the visitor's last message it read (a later one after a resolution reopens it). */
  async finish(run: BotRunRow, status: 'completed' | 'handed_over' | 'resolved', seq?: number): Promise<void> {
    const done = await this.deps.runs.move(run, { status, prompt_message_id: null, ...(seq !== undefined ? { prompt_seq: seq } : {}) });
    if (!done) return;
    const conversation = await this.conversation(done);
    if (status === 'resolved') {
      await this.deps.actions.say(conversation, clientId(done, 'glad'), botTexts(await this.deps.localeOf(conversation)).glad);
      await this.deps.actions.resolve(conversation);
      return;
    }
    await this.handOver(done, conversation);
  }

  /** The visitor wrote after the bot resolved the conversation: it was not resolved after all, so a person takes it. */
  async reopen(run: BotRunRow): Promise<void> {
    const moved = await this.deps.runs.move(run, { status: 'handed_over' });
    if (!moved) return;
    await this.deps.actions.unresolve(run.conversation_id);
    await this.handOver(moved, await this.conversation(moved));
  }

  /** To the team an `assign` step chose, or to the assignment rules; a conversation someone routed meanwhile is left alone. */
  private async handOver(run: BotRunRow, conversation: ConversationRow): Promise<void> {
    const { routing } = this.deps;
    if (conversation.team_id !== null || conversation.assignee_id !== null) return;
    if (run.team_id) {
      const given = await routing.manual.assign(conversation, { teamId: run.team_id }).catch(() => null);
      if (given) return; // a team deleted since: the rules decide instead
    }
    await routing.auto.route({ workspaceId: conversation.workspace_id, contactId: conversation.contact_id, conversationId: conversation.id, startedBy: 'visitor' });
  }

  /** What a step that does not wait does, once the move past it is claimed (`moved`); `assign` only notes the team (in the move). */
  private async act(step: BotStep, moved: BotRunRow, conversation: ConversationRow): Promise<void> {
    const { actions } = this.deps;
    if (step.type === 'message') await actions.say(conversation, clientId(moved, 'say'), step.body);
    else if (step.type === 'set_trait') await actions.keep(conversation, 'trait', step.value, step.key);
    else if (step.type === 'tag') await actions.tag(conversation, step.tag_id);
    else if (step.type === 'set_priority') await actions.setPriority(conversation, step.priority);
  }

  /** Claims the move to the step after (or to `to`, a step id); undefined when someone moved the run first. */
  private move(run: BotRunRow, steps: readonly BotStep[], to?: string, patch: RunPatch = {}): Promise<BotRunRow | undefined> {
    const target = to !== undefined ? steps.findIndex((s) => s.id === to) : Number(run.step) + 1;
    return this.deps.runs.move(run, { ...patch, step: target < 0 ? steps.length : target, attempts: 0, prompt_message_id: null, prompt_seq: 0 });
  }

  /** Says the question (with its buttons) and waits: the run remembers which message asked it. */
  private async ask(run: BotRunRow, conversation: ConversationRow, body: string, buttons: ReturnType<typeof buttonsOf>): Promise<BotRunRow | undefined> {
    const message = await this.deps.actions.say(conversation, clientId(run, 'ask'), body, buttons);
    return this.deps.runs.move(run, { prompt_message_id: message.id, prompt_seq: message.seq });
  }

  /** A bad answer: says what is wrong (the buttons again, if any) and waits; the third hands over. */
  private async reask(run: BotRunRow, conversation: ConversationRow, question: Question, problem: keyof ReturnType<typeof botTexts>['invalid']): Promise<void> {
    const attempts = Number(run.attempts) + 1;
    if (attempts >= BOT_LIMITS.attempts) return this.finish(run, 'handed_over');
    const moved = await this.deps.runs.move(run, { attempts, prompt_message_id: null });
    if (!moved) return;
    await this.ask(moved, conversation, botTexts(await this.deps.localeOf(conversation)).invalid[problem], buttonsOf(question));
  }

  /** The answer bot's step: the articles and "Did that help?" with Yes / No. False when the help center has none. */
  private async suggest(run: BotRunRow, conversation: ConversationRow): Promise<boolean> {
    const suggester = this.deps.articles();
    const text = suggester ? await this.deps.firstMessage(conversation) : '';
    const locale = await this.deps.localeOf(conversation);
    const articles = suggester && text.trim() ? await suggester.suggestForText(conversation.workspace_id, text, locale ?? 'en', BOT_LIMITS.articles) : [];
    if (articles.length === 0) return false;
    const question = await this.helpedQuestion('suggest', conversation);
    const message = await this.deps.actions.say(conversation, clientId(run, 'articles'), articlesMessage(articles, locale, this.deps.publicUrl), buttonsOf(question));
    await this.deps.runs.move(run, { prompt_message_id: message.id, prompt_seq: message.seq, suggested_at: message.createdAt });
    return true;
  }

  /** "Did that help?" as a buttons question: Yes first, No second, in the contact's language. */
  private async helpedQuestion(id: string, conversation: ConversationRow): Promise<Question> {
    const texts = botTexts(await this.deps.localeOf(conversation));
    return { id, type: 'buttons', body: texts.didThatHelp, options: [{ id: 'yes', label: texts.yes }, { id: 'no', label: texts.no }] };
  }

  private conversation(run: BotRunRow): Promise<ConversationRow> {
    return this.deps.conversations.getInWorkspace(run.workspace_id, run.conversation_id);
  }
}
