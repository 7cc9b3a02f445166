import { describe, expect, it, vi } from 'vitest';
import type { SavedView } from '../../protocol/index.js';
import type { NewSavedView } from '../api/tool-endpoints.js';
import { fakeApi } from '../test-support/fake-api.js';
import { createConversationListStore } from './conversation-list-store.js';
import { createSavedViewsStore } from './saved-views-store.js';

const view = (overrides: Partial<SavedView>): SavedView => ({
  id: 'v1',
  name: 'Urgent',
  filters: { priority: 'urgent' },
  shared: false,
  owner_id: 'a1',
  created_at: '',
  updated_at: '',
  ...overrides,
});

describe('saved views', () => {
  it('applies a view’s filters to the list, saves the current ones, and deletes', async () => {
    const listConversations = vi.fn(async () => ({ data: [], next_cursor: null }));
    const createView = vi.fn(async (input: NewSavedView) => view({ id: 'v9', ...input, owner_id: 'a1' }));
    const deleteView = vi.fn(async () => undefined);
    const mine = view({ id: 'v1', name: 'Urgent mine', filters: { assignee: 'me', priority: 'urgent', status: 'open' } });
    const theirs = view({ id: 'v2', name: 'Bugs', filters: { tag: 'Bug' }, shared: true, owner_id: 'a2' });
    const api = fakeApi({ listConversations, listViews: async () => ({ data: [theirs, mine], next_cursor: null }), createView, deleteView });
    const list = createConversationListStore(api, 'a1');
    const views = createSavedViewsStore(api, list, { id: 'a1', role: 'agent' });
    await views.ensure();
    expect(views.views.value.map((v) => v.name)).toEqual(['Bugs', 'Urgent mine']);
    expect(views.canDelete(mine)).toBe(true);
    expect(views.canDelete(theirs)).toBe(false);

    views.apply(theirs);
    expect(listConversations).toHaveBeenLastCalledWith({ assignee: 'all', tag: 'Bug' });
    expect(views.active.value?.id).toBe('v2');
    views.apply(mine);
    expect(listConversations).toHaveBeenLastCalledWith({ assignee: 'me', priority: 'urgent', status: 'open' });

    list.setFilter({ sort: 'oldest' });
    expect(views.active.value).toBeNull();
    const saved = await views.save('  Oldest urgent ', true);
    expect(createView).toHaveBeenCalledWith({ name: 'Oldest urgent', shared: true, filters: { assignee: 'me', priority: 'urgent', status: 'open', sort: 'oldest' } });
    expect(views.active.value?.id).toBe(saved.id);

    await views.remove('v1');
    expect(deleteView).toHaveBeenCalledWith('v1');
    expect(views.views.value.map((v) => v.id)).toEqual(['v2', 'v9']);
  });

  it('lets an admin delete anyone’s view', () => {
    const views = createSavedViewsStore(fakeApi(), createConversationListStore(fakeApi(), 'a1'), { id: 'a1', role: 'admin' });
    expect(views.canDelete(view({ owner_id: 'a2', shared: true }))).toBe(true);
  });
});
