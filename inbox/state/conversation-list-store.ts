/**
 * The left column's data: one filtered, paginated list kept live by socket
 * events. A reload can race live events (the REST page may have been read
 * before a push arrived), so every live change seen during a reload is applied
 * again once the page lands; the pure rules make replays harmless.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentConversation, ContactProfile, Message, ReadNotice } from '../../protocol/index.js';
import type { InboxApi, ListedConversation, ListFilter } from '../api/endpoints.js';
import {
  appendPage,
  mapConversations,
  matchesFilter,
  orderFor,
  upsertConversation,
  withContact,
  withMessage,
  withRead,
} from './conversation-list.js';
import { DEFAULT_FILTER, normalizeFilter, sameFilter } from './list-filter.js';

export type LoadStatus = 'loading' | 'ready' | 'error';

type Change = (list: readonly ListedConversation[]) => readonly ListedConversation[];

export interface ConversationListStore {
  filter: ReadonlySignal<ListFilter>;
  items: ReadonlySignal<readonly ListedConversation[]>;
  status: ReadonlySignal<LoadStatus>;
  error: ReadonlySignal<string | null>;
  hasMore: ReadonlySignal<boolean>;
  loadingMore: ReadonlySignal<boolean>;
  /** Changes some keys of the filter (a key set to undefined is no longer filtered on). */
  setFilter(patch: Partial<ListFilter>): void;
  /** Replaces the whole filter (a saved view). */
  applyFilter(filter: ListFilter): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  upsert(conversation: AgentConversation): void;
  /** Folds a new message in; fetches the conversation when it is new to us (it may belong at the top). */
  applyMessage(message: Message): void;
  applyRead(notice: ReadNotice): void;
  applyContact(contact: ContactProfile): void;
}

export function createConversationListStore(api: InboxApi, agentId: string): ConversationListStore {
  const filter = signal<ListFilter>(DEFAULT_FILTER);
  const items = signal<readonly ListedConversation[]>([]);
  const status = signal<LoadStatus>('loading');
  const error = signal<string | null>(null);
  const cursor = signal<string | null>(null);
  const loadingMore = signal(false);
  /** Bumped per reload so a slow response for an old filter is dropped. */
  let generation = 0;
  /** Live changes received while a reload is in flight, replayed over its result. */
  let changesDuringReload: Change[] | null = null;
  const fetching = new Set<string>();
  /**
   * Conversations fetched for a message that turned out not to match the filter:
   * remembered so each further message there does not cost another request.
   */
  const excluded = new Set<string>();

  function change(apply: Change): void {
    changesDuringReload?.push(apply);
    items.value = apply(items.value);
  }

  function upsert(conversation: AgentConversation): void {
    excluded.delete(conversation.id);
    change((list) => upsertConversation(list, conversation, filter.value, agentId));
  }

  async function reload(): Promise<void> {
    const mine = ++generation;
    changesDuringReload = [];
    excluded.clear();
    if (items.value.length === 0) status.value = 'loading';
    try {
      const page = await api.listConversations(filter.value);
      if (mine !== generation) return;
      items.value = changesDuringReload.reduce((list, apply) => apply(list), page.data as readonly ListedConversation[]);
      cursor.value = page.next_cursor;
      status.value = 'ready';
      error.value = null;
    } catch (cause) {
      if (mine !== generation) return;
      status.value = 'error';
      error.value = cause instanceof Error ? cause.message : 'Could not load conversations.';
    } finally {
      if (mine === generation) changesDuringReload = null;
    }
  }

  async function fetchUnknown(conversationId: string): Promise<void> {
    if (fetching.has(conversationId)) return;
    fetching.add(conversationId);
    try {
      const conversation = await api.getConversation(conversationId);
      upsert(conversation);
      if (!matchesFilter(conversation, filter.value, agentId)) excluded.add(conversationId);
    } catch {
      // Not visible to this agent (or gone): nothing to show.
    } finally {
      fetching.delete(conversationId);
    }
  }

  function applyFilter(wanted: ListFilter): void {
    const next = normalizeFilter(wanted);
    if (sameFilter(next, filter.value)) return;
    filter.value = next;
    items.value = [];
    cursor.value = null;
    excluded.clear();
    void reload();
  }

  /** Live changes keep the list in the filter's order (or in place where only the server knows it). */
  const mapAll = (update: (item: ListedConversation) => ListedConversation): void =>
    change((list) => mapConversations(list, update, orderFor(filter.value)));

  return {
    filter,
    items,
    status,
    error,
    hasMore: computed(() => cursor.value !== null),
    loadingMore,
    setFilter: (patch) => applyFilter({ ...filter.value, ...patch }),
    applyFilter,
    reload,
    async loadMore() {
      if (!cursor.value || loadingMore.value) return;
      const mine = generation;
      loadingMore.value = true;
      try {
        const page = await api.listConversations(filter.value, cursor.value);
        if (mine !== generation) return;
        items.value = appendPage(items.value, page.data);
        cursor.value = page.next_cursor;
      } catch (cause) {
        error.value = cause instanceof Error ? cause.message : 'Could not load more conversations.';
      } finally {
        loadingMore.value = false;
      }
    },
    upsert,
    applyMessage(message) {
      const known = items.value.some((item) => item.id === message.conversationId);
      if (!known) {
        if (!excluded.has(message.conversationId)) void fetchUnknown(message.conversationId);
        return;
      }
      mapAll((item) => withMessage(item, message));
    },
    applyRead(notice) {
      mapAll((item) => withRead(item, notice));
    },
    applyContact(contact) {
      mapAll((item) => withContact(item, contact));
    },
  };
}
