import { describe, expect, it } from 'vitest';
import { conversationQuery, type ListFilter } from '../api/endpoints.js';
import { DEFAULT_FILTER, filterFromView, normalizeFilter, sameFilter, viewFiltersOf } from './list-filter.js';

describe('the list filter', () => {
  it('turns every filter into the query keys of GET /conversations', () => {
    const filter: ListFilter = { status: 'open', assignee: 'me', tag: 'Bug', priority: 'urgent', sort: 'waiting', q: 'refund', team_id: 'team_1', sla: 'breached' };
    expect(conversationQuery(filter, 'next')).toEqual({
      status: 'open',
      assignee: 'me',
      team_id: 'team_1',
      tag: 'Bug',
      priority: 'urgent',
      q: 'refund',
      sort: 'waiting',
      sla: 'breached',
      limit: 50,
      cursor: 'next',
    });
    // Unset keys stay unset (the HTTP client leaves them out of the URL).
    expect(conversationQuery(DEFAULT_FILTER)).toMatchObject({ status: 'open', assignee: 'all', tag: undefined, q: undefined, sort: undefined });
  });

  it('drops what filters nothing, so equal filters compare equal', () => {
    expect(normalizeFilter({ assignee: 'all', status: 'open', q: '  ', sort: 'newest', tag: undefined })).toEqual({ assignee: 'all', status: 'open' });
    expect(normalizeFilter({ assignee: 'all', q: ' refund  ' }).q).toBe('refund');
    expect(sameFilter({ assignee: 'all', status: 'open', sort: 'newest' }, DEFAULT_FILTER)).toBe(true);
    expect(sameFilter({ assignee: 'all', status: 'open', tag: 'Bug' }, DEFAULT_FILTER)).toBe(false);
    expect(sameFilter({ assignee: 'all' }, DEFAULT_FILTER)).toBe(false);
  });

  it('goes to and from a saved view’s filters', () => {
    const filter: ListFilter = { status: 'snoozed', assignee: 'me', priority: 'high', sort: 'priority' };
    expect(viewFiltersOf(filter)).toEqual({ status: 'snoozed', assignee: 'me', priority: 'high', sort: 'priority' });
    expect(filterFromView(viewFiltersOf(filter))).toEqual(filter);
    // A view without an assignee (or status) shows everyone's (in any status).
    expect(filterFromView({ tag: 'vip' })).toEqual({ assignee: 'all', tag: 'vip' });
  });
});
