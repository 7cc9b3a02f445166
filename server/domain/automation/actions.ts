/**
 * One action of a rule, through the same domain services the REST API uses
 * (so agents see the usual `conversation:updated`, notes, messages and
 * webhooks follow): manual assignment, tags, notes, `Conversations.update`
 * for priority, close and snooze, the message log for a canned reply. Each
 * action reads the conversation again, as the previous actions left it, and
 * throws when it cannot do its part; the engine logs that and goes on.
 */
import { INBOX_LIMITS, type AutomationAction, type AutomationRule, type AutomationTrigger } from '../../../protocol/index.js';
import type { ConversationRow } from '../../store/index.js';
import type { CannedReplies } from '../canned-replies/index.js';
import { type ContactStore, toContactProfile } from '../contacts/index.js';
import type { Conversations, MessageLog } from '../conversations/index.js';
import { ParleyError } from '../errors.js';
import type { NoteStore } from '../notes/index.js';
import type { ManualAssignment } from '../routing/index.js';
import { tagKey, type TagStore } from '../tags/index.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import type { AutomationWebhookCall } from './webhook-call.js';

export interface ActionDeps {
  conversations: Conversations;
  messages: MessageLog;
  contacts: ContactStore;
  tags: TagStore;
  notes: NoteStore;
  cannedReplies: CannedReplies;
  workspaces: WorkspaceDirectory;
  assignment: ManualAssignment;
  webhookCall: AutomationWebhookCall;
}

/** Where an action runs: the rule, the run (its id keys the bot message's client id) and the event's conversation. */
export interface ActionScope {
  rule: AutomationRule;
  runKey: string;
  trigger: AutomationTrigger;
  workspaceId: string;
  contactId: string;
  conversationId: string | null;
}

const MINUTE_MS = 60_000;

export class AutomationActions {
  constructor(private readonly deps: ActionDeps) {}

  async run(action: AutomationAction, index: number, scope: ActionScope): Promise<void> {
    if (action.type === 'call_webhook') return this.callWebhook(action.webhook_id, scope);
    const { conversations, assignment } = this.deps;
    const row = await this.conversation(scope);
    switch (action.type) {
      case 'assign':
        await assignment.assign(row, { ...(action.team_id !== undefined ? { teamId: action.team_id } : {}), ...(action.agent_id !== undefined ? { assigneeId: action.agent_id } : {}) });
        return;
      case 'unassign':
        await assignment.assign(row, { assigneeId: null });
        return;
      case 'add_tag':
      case 'remove_tag':
        return this.retag(row, action.tag_id, action.type === 'add_tag');
      case 'set_priority':
        await conversations.update(row, { priority: action.priority });
        return;
      case 'send_canned_reply':
        return this.sendCannedReply(row, action.canned_reply_id, `automation:${scope.runKey}:${index}`);
      case 'add_note':
        await this.deps.notes.add(row, { id: null, name: `Automation: ${scope.rule.name}` }, action.body);
        return;
      case 'close':
        await conversations.update(row, { status: 'closed' });
        return;
      case 'snooze':
        await conversations.update(row, { status: 'snoozed', snoozed_until: new Date(Date.now() + action.minutes * MINUTE_MS).toISOString() });
        return;
    }
  }

  private async conversation(scope: ActionScope): Promise<ConversationRow> {
    if (!scope.conversationId) throw new ParleyError('conflict', 'no conversation: the contact has none open');
    return this.deps.conversations.getInWorkspace(scope.workspaceId, scope.conversationId);
  }

  private async retag(row: ConversationRow, tagId: string, add: boolean): Promise<void> {
    const { tags } = this.deps;
    const tag = await tags.get(row.workspace_id, tagId);
    const names = await tags.namesFor(row.id);
    const has = names.some((n) => tagKey(n) === tagKey(tag.name));
    if (has === add) return;
    if (add && names.length >= INBOX_LIMITS.tagsPerConversation) throw new ParleyError('conflict', `a conversation carries at most ${INBOX_LIMITS.tagsPerConversation} tags`);
    await tags.setForConversation(row, add ? [...names, tag.name] : names.filter((n) => tagKey(n) !== tagKey(tag.name)));
  }

  /**
   * A bot message named after the workspace, placeholders filled as the inbox
   * fills them (agent placeholders take their fallbacks: no agent wrote it).
   * Marked automatic, like the away message: it is not the team's reply, so
   * the visitor's wait and the SLA clock keep running.
   */
  private async sendCannedReply(row: ConversationRow, replyId: string, clientId: string): Promise<void> {
    const [workspace, contact] = await Promise.all([this.deps.workspaces.byId(row.workspace_id), this.deps.contacts.get(row.workspace_id, row.contact_id)]);
    const { body } = await this.deps.cannedReplies.render(row.workspace_id, replyId, { contact, agent: null, workspaceName: workspace.name });
    await this.deps.messages.append({
      workspaceId: row.workspace_id,
      conversationId: row.id,
      clientId,
      body,
      author: { type: 'bot', id: null, name: workspace.name },
      automatic: true,
    });
  }

  private async callWebhook(webhookId: string, scope: ActionScope): Promise<void> {
    const { conversations, contacts } = this.deps;
    const row = scope.conversationId ? await conversations.getInWorkspace(scope.workspaceId, scope.conversationId) : null;
    const contact = await contacts.get(scope.workspaceId, scope.contactId).catch(() => null);
    await this.deps.webhookCall.enqueue(scope.workspaceId, webhookId, {
      rule: { id: scope.rule.id, name: scope.rule.name },
      trigger: scope.trigger,
      conversation: row ? await conversations.agentView(row) : null,
      contact: contact ? toContactProfile(contact) : null,
    });
  }
}
