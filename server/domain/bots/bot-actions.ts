/**
 * What a bot does to the world, through the same services as everything else
 * (so the visitor gets its messages live over /visitor, agents see the usual
 * `conversation:updated`, webhooks and automation follow):
 * - it speaks through the message log, as `bot` messages named after the
 *   workspace and marked automatic (like the away message: not the team's
 *   reply, so the visitor's wait and the SLA clock go on). Client ids are
 *   derived from the run and its version, so doing a step again (a node that
 *   lost a race, a stalled run resumed) stores nothing twice;
 * - it keeps answers on the contact (email, name, traits), tags, sets the
 *   priority, and resolves (closes, marked `resolved_by: 'bot'`).
 */
import type { Kysely } from 'kysely';
import { INBOX_LIMITS, type Message, type BotButton, type Priority } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';
import type { ContactStore } from '../contacts/index.js';
import type { Conversations, MessageLog } from '../conversations/index.js';
import { tagKey, type TagStore } from '../tags/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';

export interface BotActionDeps {
  db: Kysely<Database>;
  messages: MessageLog;
  conversations: Conversations;
  contacts: ContactStore;
  tags: TagStore;
  workspaces: WorkspaceDirectory;
}

export class BotActions {
  constructor(private readonly deps: BotActionDeps) {}

  /** A bot message in the conversation (with buttons for a question); the stored one when the client id was used. */
  async say(conversation: ConversationRow, clientId: string, body: string, buttons?: BotButton[]): Promise<Message> {
    const workspace = await this.deps.workspaces.byId(conversation.workspace_id);
    const { message } = await this.deps.messages.append({
      workspaceId: conversation.workspace_id,
      conversationId: conversation.id,
      clientId,
      body,
      author: { type: 'bot', id: null, name: workspace.name },
      automatic: true,
      ...(buttons ? { buttons } : {}),
    });
    return message;
  }

  /**
   * Keeps an answer on the contact. An identified contact's email comes from
   * the host's backend (identify), never from a chat: it is left as it is.
   */
  async keep(conversation: ConversationRow, field: 'email' | 'name' | 'trait', value: string | number | boolean, traitKey?: string): Promise<void> {
    const contact = await this.deps.contacts.get(conversation.workspace_id, conversation.contact_id);
    if (field === 'email') {
      if (contact.external_id === null) await this.deps.contacts.updateTraits(contact, undefined, { email: String(value).toLowerCase() });
      return;
    }
    if (field === 'name') {
      await this.deps.contacts.updateTraits(contact, undefined, { name: String(value) });
      return;
    }
    if (traitKey) await this.deps.contacts.updateTraits(contact, { [traitKey]: value });
  }

  /** Puts the tag on (nothing when it is already there, or gone, or the conversation carries the most it may). */
  async tag(conversation: ConversationRow, tagId: string): Promise<void> {
    const { tags } = this.deps;
    const tag = await tags.get(conversation.workspace_id, tagId).catch(() => null);
    if (!tag) return;
    const names = await tags.namesFor(conversation.id);
    if (names.some((n) => tagKey(n) === tagKey(tag.name)) || names.length >= INBOX_LIMITS.tagsPerConversation) return;
    await tags.setForConversation(conversation, [...names, tag.name]);
  }

  async setPriority(conversation: ConversationRow, priority: Priority): Promise<void> {
    if (conversation.priority !== priority) await this.deps.conversations.update(conversation, { priority });
  }

  /** The visitor said the articles helped: closed, and counted as resolved by the bot. */
  async resolve(conversation: ConversationRow): Promise<void> {
    await this.deps.db.updateTable('conversations').set({ resolved_by: 'bot' }).where('id', '=', conversation.id).execute();
    await this.deps.conversations.update(conversation, { status: 'closed' });
  }

  /** The visitor wrote again after the bot resolved it: no longer the bot's resolution. */
  async unresolve(conversationId: string): Promise<void> {
    await this.deps.db.updateTable('conversations').set({ resolved_by: null }).where('id', '=', conversationId).where('resolved_by', '=', 'bot').execute();
  }
}
