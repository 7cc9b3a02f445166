// @vitest-environment happy-dom
/** The list's search, filters and saved views against a fake API: the requests they make and what the agent sees. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedView } from '../../protocol/index.js';
import type { ListFilter } from '../api/endpoints.js';
import type { NewSavedView } from '../api/tool-endpoints.js';
import { conversation } from '../test-support/fixtures.js';
import { announced, renderWorkspace } from '../test-support/render-workspace.js';
import { SEARCH_DEBOUNCE_MS } from './ConversationSearch.js';

const grace = { id: 'ct1', externalId: null, name: 'Grace Hopper', email: 'grace@example.com', identified: true };
const c1 = conversation({ id: 'c1', contact: grace, tags: ['Bug', 'billing', 'vip'], priority: 'urgent' });
const c2 = conversation({ id: 'c2', status: 'snoozed', snoozedUntil: '2030-03-04T08:00:00.000Z' });

function setup(views: SavedView[] = []) {
  const listConversations = vi.fn(async (filter: ListFilter) => {
    if (filter.q) return { data: [{ ...c1, match: 'Refund for my <b>card</b> please' }], next_cursor: null };
    return { data: filter.status === 'snoozed' ? [c2] : [c1], next_cursor: null };
  });
  const createView = vi.fn(async (input: NewSavedView): Promise<SavedView> => ({ id: 'v9', owner_id: 'a1', created_at: '', updated_at: '', ...input }));
  const deleteView = vi.fn(async () => undefined);
  const harness = renderWorkspace({
    listConversations,
    listTags: async () => ({ data: [{ id: 't1', name: 'Bug', color: null, count: 3, created_at: '' }], next_cursor: null }),
    listViews: async () => ({ data: views, next_cursor: null }),
    createView,
    deleteView,
  });
  return { ...harness, listConversations, createView, deleteView };
}

const lastQuery = (fn: { mock: { calls: unknown[][] } }) => fn.mock.calls.at(-1)?.[0];
const nav = () => screen.getByRole('navigation', { name: 'Conversations' });

describe('searching and filtering the list', () => {
  beforeEach(() => {
    window.location.hash = '';
  });
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
  });

  it('searches on Enter, shows the excerpt as plain text, keeps the filters, and clears on Escape', async () => {
    const { listConversations } = setup();
    await within(nav()).findByRole('link', { name: /Grace Hopper/ });
    const search = screen.getByRole('searchbox', { name: 'Search conversations' });
    fireEvent.input(search, { target: { value: '  refund ' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(lastQuery(listConversations)).toEqual({ status: 'open', assignee: 'all', q: 'refund' });

    const row = await within(nav()).findByRole('link', { name: /Refund for my/ });
    // The server's excerpt is text: markup in it is shown, never rendered.
    expect(row.textContent).toContain('Refund for my <b>card</b> please');
    expect(row.querySelector('b')).toBeNull();
    expect(await screen.findByText('1 conversation found')).toBeTruthy();

    fireEvent.keyDown(search, { key: 'Escape' });
    expect((search as HTMLInputElement).value).toBe('');
    expect(lastQuery(listConversations)).toEqual({ status: 'open', assignee: 'all' });
  });

  it('searches once the agent pauses typing', async () => {
    const { listConversations } = setup();
    await within(nav()).findByRole('link', { name: /Grace Hopper/ });
    vi.useFakeTimers();
    const search = screen.getByRole('searchbox', { name: 'Search conversations' });
    fireEvent.input(search, { target: { value: 'ref' } });
    fireEvent.input(search, { target: { value: 'refund' } });
    act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 1);
    });
    expect(listConversations.mock.calls.some(([filter]) => filter.q)).toBe(false);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(listConversations.mock.calls.filter(([filter]) => filter.q).map(([filter]) => filter.q)).toEqual(['refund']);
  });

  it('filters by status, tag and priority and sorts, with the tags, priority and snooze shown on rows', async () => {
    const { listConversations } = setup();
    const row = await within(nav()).findByRole('link', { name: /Grace Hopper/ });
    expect(row.textContent).toContain('Urgent');
    expect(row.textContent).toContain('Bug');
    expect(row.textContent).toContain('+1');
    expect(row.textContent).toContain('more tags: vip');

    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by Tag' }), { target: { value: 'Bug' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by Priority' }), { target: { value: 'urgent' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'waiting' } });
    expect(lastQuery(listConversations)).toEqual({ status: 'open', assignee: 'all', tag: 'Bug', priority: 'urgent', sort: 'waiting' });

    fireEvent.click(screen.getByRole('button', { name: 'Snoozed' }));
    expect(lastQuery(listConversations)).toMatchObject({ status: 'snoozed', tag: 'Bug' });
    const snoozed = await within(nav()).findByRole('link', { name: /Snoozed until/ });
    expect(snoozed.textContent).toMatch(/Snoozed until Mar 4/);
  });

  it('applies, saves and deletes saved views', async () => {
    const mine: SavedView = { id: 'v1', name: 'My urgent', filters: { assignee: 'me', priority: 'urgent', status: 'open' }, shared: false, owner_id: 'a1', created_at: '', updated_at: '' };
    const shared: SavedView = { id: 'v2', name: 'Team bugs', filters: { tag: 'Bug' }, shared: true, owner_id: 'a2', created_at: '', updated_at: '' };
    const { listConversations, createView, deleteView } = setup([mine, shared]);
    await within(nav()).findByRole('link', { name: /Grace Hopper/ });
    const toggle = screen.getByRole('button', { name: 'Saved views' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Saved views' });
    // Only one's own views (or an admin's) can be deleted; Ada is an admin here.
    expect(within(list).getByRole('button', { name: 'Delete view My urgent' })).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Team bugs' }));
    expect(lastQuery(listConversations)).toEqual({ assignee: 'all', tag: 'Bug' });
    expect(within(list).getByRole('button', { name: 'Team bugs' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Saved views: Team bugs' })).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'My urgent' }));
    expect(lastQuery(listConversations)).toEqual({ assignee: 'me', priority: 'urgent', status: 'open' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'oldest' } });
    fireEvent.input(screen.getByLabelText('View name'), { target: { value: 'Old urgent ones' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Share with the team' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save current filters' }));
    });
    expect(createView).toHaveBeenCalledWith({ name: 'Old urgent ones', shared: true, filters: { assignee: 'me', priority: 'urgent', status: 'open', sort: 'oldest' } });
    await waitFor(() => expect(announced()).toBe('View Old urgent ones saved.'));
    expect(within(list).getByRole('button', { name: 'Old urgent ones' }).getAttribute('aria-pressed')).toBe('true');

    await act(async () => {
      fireEvent.click(within(list).getByRole('button', { name: 'Delete view My urgent' }));
    });
    expect(deleteView).toHaveBeenCalledWith('v1');
    await waitFor(() => expect(within(list).queryByRole('button', { name: 'My urgent' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByLabelText('View name'));
  });
});
