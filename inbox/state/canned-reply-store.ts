/**
 * The workspace's canned replies: one list for the composer's `/` menu and the
 * management page, so a reply saved there is offered here at once. Loaded on
 * first use; every change answers with the saved reply, kept by shortcut.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { CannedReply, CreateCannedReplyInput, UpdateCannedReplyInput } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { LoadStatus } from './conversation-list-store.js';

type CannedReplyApi = Pick<
  InboxApi,
  'listCannedReplies' | 'createCannedReply' | 'updateCannedReply' | 'deleteCannedReply' | 'renderCannedReply'
>;

export interface CannedReplyStore {
  replies: ReadonlySignal<readonly CannedReply[]>;
  status: ReadonlySignal<LoadStatus | 'idle'>;
  error: ReadonlySignal<string | null>;
  /** Loads once (again after a failure). */
  ensure(): Promise<void>;
  reload(): Promise<void>;
  /** These reject with an ApiError (409 when the shortcut is taken). */
  create(input: CreateCannedReplyInput): Promise<CannedReply>;
  update(id: string, patch: UpdateCannedReplyInput): Promise<CannedReply>;
  remove(id: string): Promise<void>;
  /** The body to put in the composer, placeholders filled in for this conversation. */
  render(id: string, conversationId: string | null): Promise<string>;
}

const byShortcut = (a: CannedReply, b: CannedReply) => a.shortcut.localeCompare(b.shortcut);

export function createCannedReplyStore(api: CannedReplyApi): CannedReplyStore {
  const replies = signal<readonly CannedReply[]>([]);
  const status = signal<LoadStatus | 'idle'>('idle');
  const error = signal<string | null>(null);
  let loading: Promise<void> | null = null;

  function reload(): Promise<void> {
    status.value = 'loading';
    loading = api.listCannedReplies().then(
      (page) => {
        replies.value = [...page.data].sort(byShortcut);
        status.value = 'ready';
        error.value = null;
      },
      (cause: unknown) => {
        loading = null;
        status.value = 'error';
        error.value = cause instanceof Error ? cause.message : 'Could not load the canned replies.';
      },
    );
    return loading;
  }

  function keep(reply: CannedReply): CannedReply {
    replies.value = [...replies.value.filter((r) => r.id !== reply.id), reply].sort(byShortcut);
    return reply;
  }

  return {
    replies,
    status,
    error,
    ensure: () => loading ?? reload(),
    reload,
    create: async (input) => keep(await api.createCannedReply(input)),
    update: async (id, patch) => keep(await api.updateCannedReply(id, patch)),
    async remove(id) {
      await api.deleteCannedReply(id);
      replies.value = replies.value.filter((r) => r.id !== id);
    },
    render: async (id, conversationId) => (await api.renderCannedReply(id, conversationId)).body,
  };
}
