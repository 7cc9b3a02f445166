/**
 * Saved views (`/views`): the agent's own and the team's shared list queries.
 * Applying one replaces the list's filter; saving keeps the current filter
 * under a name. Only a view's owner (or an admin) may delete it.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { AgentProfile, SavedView } from '../../protocol/index.js';
import type { InboxApi } from '../api/endpoints.js';
import type { ConversationListStore, LoadStatus } from './conversation-list-store.js';
import { filterFromView, sameFilter, viewFiltersOf } from './list-filter.js';

export interface SavedViewsStore {
  views: ReadonlySignal<readonly SavedView[]>;
  status: ReadonlySignal<LoadStatus | 'idle'>;
  /** The view whose filter the list shows now, if any. */
  active: ReadonlySignal<SavedView | null>;
  ensure(): Promise<void>;
  reload(): Promise<void>;
  apply(view: SavedView): void;
  /** Saves the list's current filter; rejects with an ApiError. */
  save(name: string, shared: boolean): Promise<SavedView>;
  remove(id: string): Promise<void>;
  canDelete(view: SavedView): boolean;
}

const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name);

export function createSavedViewsStore(
  api: Pick<InboxApi, 'listViews' | 'createView' | 'deleteView'>,
  list: Pick<ConversationListStore, 'filter' | 'applyFilter'>,
  agent: Pick<AgentProfile, 'id' | 'role'>,
): SavedViewsStore {
  const views = signal<readonly SavedView[]>([]);
  const status = signal<LoadStatus | 'idle'>('idle');
  let loading: Promise<void> | null = null;

  function reload(): Promise<void> {
    status.value = 'loading';
    loading = api.listViews().then(
      (page) => {
        views.value = [...page.data].sort(byName);
        status.value = 'ready';
      },
      () => {
        loading = null;
        status.value = 'error';
      },
    );
    return loading;
  }

  return {
    views,
    status,
    active: computed(() => views.value.find((view) => sameFilter(filterFromView(view.filters), list.filter.value)) ?? null),
    ensure: () => loading ?? reload(),
    reload,
    apply: (view) => list.applyFilter(filterFromView(view.filters)),
    async save(name, shared) {
      const view = await api.createView({ name: name.trim(), filters: viewFiltersOf(list.filter.value), shared });
      views.value = [...views.value.filter((v) => v.id !== view.id), view].sort(byName);
      return view;
    },
    async remove(id) {
      await api.deleteView(id);
      views.value = views.value.filter((view) => view.id !== id);
    },
    canDelete: (view) => view.owner_id === agent.id || agent.role === 'admin',
  };
}
