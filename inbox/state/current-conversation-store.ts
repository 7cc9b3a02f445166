/**
 * The conversation open in the middle column: its header data (kept live like
 * the list, but independent of the list's filter, so closing a conversation
 * while viewing "Open" keeps it on screen) and the actions on it.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type {
  AgentConversation,
  ContactProfile,
  ConversationStatus,
  Message,
  Priority,
  ReadNotice,
} from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import { mergeConversation, withContact, withMessage, withRead } from './conversation-list.js';

export type CurrentStatus = 'none' | 'loading' | 'ready' | 'not-found' | 'error';

export interface CurrentConversationStore {
  id: ReadonlySignal<string | null>;
  conversation: ReadonlySignal<AgentConversation | null>;
  status: ReadonlySignal<CurrentStatus>;
  /** Why the last action (assign, close) failed; cleared by the next one. */
  actionError: ReadonlySignal<string | null>;
  busy: ReadonlySignal<boolean>;
  select(id: string | null): void;
  reload(): Promise<void>;
  upsert(conversation: AgentConversation): void;
  applyMessage(message: Message): void;
  applyRead(notice: ReadNotice): void;
  applyContact(contact: ContactProfile): void;
  assign(assigneeId: string | null): Promise<void>;
  setStatus(status: ConversationStatus): Promise<void>;
  /** These resolve with whether the change was made (`actionError` says why not). */
  setPriority(priority: Priority): Promise<boolean>;
  /** Sets the conversation aside until `until` (an ISO instant); it reopens by itself then. */
  snooze(until: string): Promise<boolean>;
  /** Replaces the conversation's tags (`PUT …/tags`) with `edit` of the tags it has when the edit runs. */
  editTags(edit: (tags: readonly string[]) => readonly string[]): Promise<boolean>;
}

export function createCurrentConversationStore(
  api: Pick<InboxApi, 'getConversation' | 'assign' | 'setStatus' | 'setPriority' | 'snooze' | 'setConversationTags'>,
  /** Action results go to the list as well. */
  onChanged: (conversation: AgentConversation) => void,
): CurrentConversationStore {
  const id = signal<string | null>(null);
  const conversation = signal<AgentConversation | null>(null);
  const status = signal<CurrentStatus>('none');
  const actionError = signal<string | null>(null);
  const busy = signal(false);

  function update(change: (current: AgentConversation) => AgentConversation): void {
    if (conversation.value) conversation.value = change(conversation.value);
  }

  async function reload(): Promise<void> {
    const wanted = id.value;
    if (!wanted) return;
    if (conversation.value?.id !== wanted) status.value = 'loading';
    try {
      const loaded = await api.getConversation(wanted);
      if (id.value !== wanted) return;
      conversation.value = mergeConversation(
        conversation.value?.id === wanted ? conversation.value : undefined,
        loaded,
      );
      status.value = 'ready';
    } catch (error) {
      if (id.value !== wanted) return;
      status.value = error instanceof ApiError && error.code === 'not_found' ? 'not-found' : 'error';
    }
  }

  /**
   * Actions run one after another: two quick tag edits must not race (the
   * second PUT would undo the first). Each runs on the conversation it was
   * asked for, and is dropped if the agent has moved on meanwhile.
   */
  let queue: Promise<boolean> = Promise.resolve(true);
  function act(run: (current: AgentConversation) => Promise<AgentConversation>): Promise<boolean> {
    const askedFor = conversation.value?.id;
    if (!askedFor) return Promise.resolve(false);
    queue = queue.then(() => perform(askedFor, run));
    return queue;
  }

  async function perform(askedFor: string, run: (current: AgentConversation) => Promise<AgentConversation>): Promise<boolean> {
    const current = conversation.value;
    if (!current || current.id !== askedFor) return false;
    busy.value = true;
    actionError.value = null;
    try {
      const updated = await run(current);
      if (conversation.value?.id === updated.id) conversation.value = mergeConversation(conversation.value, updated);
      onChanged(updated);
      return true;
    } catch (error) {
      actionError.value = error instanceof Error ? error.message : 'That did not work. Please try again.';
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    id,
    conversation,
    status,
    actionError,
    busy,
    select(next) {
      if (next === id.value) return;
      id.value = next;
      actionError.value = null;
      conversation.value = null;
      status.value = next ? 'loading' : 'none';
      void reload();
    },
    reload,
    upsert(next) {
      if (next.id === id.value) {
        conversation.value = mergeConversation(conversation.value ?? undefined, next);
        status.value = 'ready';
      }
    },
    applyMessage: (message) => update((current) => withMessage(current, message)),
    applyRead: (notice) => update((current) => withRead(current, notice)),
    applyContact: (contact) => update((current) => withContact(current, contact)),
    assign: async (assigneeId) => void (await act((c) => api.assign(c.id, assigneeId))),
    setStatus: async (next) => void (await act((c) => api.setStatus(c.id, next))),
    setPriority: (priority) => act((c) => api.setPriority(c.id, priority)),
    snooze: (until) => act((c) => api.snooze(c.id, until)),
    editTags: (edit) => act((c) => api.setConversationTags(c.id, edit(c.tags ?? []))),
  };
}
