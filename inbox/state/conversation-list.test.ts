import { describe, expect, it } from 'vitest';
import type { ListFilter } from '../api/endpoints.js';
import { contactProfile, conversation, message } from '../test-support/fixtures.js';
import {
  appendPage,
  isUnread,
  mapConversations,
  matchesFilter,
  mergeConversation,
  orderFor,
  upsertConversation,
  withContact,
  withMessage,
  withRead,
} from './conversation-list.js';

const open: ListFilter = { status: 'open', assignee: 'all' };

describe('matchesFilter', () => {
  it('filters by status and assignee', () => {
    const mine = conversation({ assigneeId: 'me' });
    expect(matchesFilter(mine, open, 'me')).toBe(true);
    expect(matchesFilter(mine, { status: 'closed', assignee: 'all' }, 'me')).toBe(false);
    expect(matchesFilter(mine, { status: 'open', assignee: 'me' }, 'me')).toBe(true);
    expect(matchesFilter(mine, { status: 'open', assignee: 'unassigned' }, 'me')).toBe(false);
    expect(matchesFilter(conversation(), { status: 'open', assignee: 'unassigned' }, 'me')).toBe(true);
    expect(matchesFilter(conversation({ status: 'snoozed' }), open, 'me')).toBe(false);
  });
});

describe('isUnread', () => {
  it('is unread when the visitor wrote last and agents have not read it', () => {
    const last = message({ seq: 3, authorType: 'visitor' });
    expect(isUnread(conversation({ lastSeq: 3, agentReadSeq: 2, lastMessage: last }))).toBe(true);
    expect(isUnread(conversation({ lastSeq: 3, agentReadSeq: 3, lastMessage: last }))).toBe(false);
    const reply = message({ seq: 3, authorType: 'agent' });
    expect(isUnread(conversation({ lastSeq: 3, agentReadSeq: 2, lastMessage: reply }))).toBe(false);
  });
});

describe('upsertConversation', () => {
  const older = conversation({ id: 'old', updatedAt: '2025-01-01T10:00:00.000Z' });
  const newer = conversation({ id: 'new', updatedAt: '2025-01-01T11:00:00.000Z' });

  it('puts a new conversation at the top (newest activity first)', () => {
    const list = upsertConversation([older], newer, open, 'me');
    expect(list.map((c) => c.id)).toEqual(['new', 'old']);
  });

  it('moves a conversation up when it gets newer activity', () => {
    const bumped = { ...older, updatedAt: '2025-01-01T12:00:00.000Z' };
    expect(upsertConversation([newer, older], bumped, open, 'me').map((c) => c.id)).toEqual(['old', 'new']);
  });

  it('removes a conversation that no longer matches the filter', () => {
    const closed = { ...older, status: 'closed' as const };
    expect(upsertConversation([newer, older], closed, open, 'me').map((c) => c.id)).toEqual(['new']);
    const list = [newer];
    expect(upsertConversation(list, closed, open, 'me')).toBe(list);
  });

  it('never lets a stale snapshot move seqs backwards', () => {
    const current = conversation({ lastSeq: 5, agentReadSeq: 5, visitorReadSeq: 4, lastMessage: message({ seq: 5 }) });
    const stale = conversation({ lastSeq: 3, agentReadSeq: 2, visitorReadSeq: 1, lastMessage: message({ seq: 3 }) });
    const merged = mergeConversation(current, stale);
    expect(merged).toMatchObject({ lastSeq: 5, agentReadSeq: 5, visitorReadSeq: 4 });
    expect(merged.lastMessage?.seq).toBe(5);
  });
});

describe('withMessage / withRead / withContact', () => {
  it('updates preview, lastSeq and activity time with a newer message only', () => {
    const c = conversation({ lastSeq: 1 });
    const next = withMessage(c, message({ seq: 2, createdAt: '2025-01-02T00:00:00.000Z' }));
    expect(next).toMatchObject({ lastSeq: 2, updatedAt: '2025-01-02T00:00:00.000Z' });
    expect(next.lastMessage?.seq).toBe(2);
    expect(withMessage(next, message({ seq: 1 }))).toBe(next);
    expect(withMessage(c, message({ seq: 2, conversationId: 'other' }))).toBe(c);
  });

  it('counts an agent reply as read by the agent side', () => {
    const c = conversation({ lastSeq: 1, agentReadSeq: 0 });
    expect(withMessage(c, message({ seq: 2, authorType: 'agent' })).agentReadSeq).toBe(2);
    expect(withMessage(c, message({ seq: 2, authorType: 'visitor' })).agentReadSeq).toBe(0);
  });

  it('applies read receipts per side, forward only', () => {
    const c = conversation({ visitorReadSeq: 2, agentReadSeq: 2 });
    expect(withRead(c, { conversationId: 'c1', seq: 4, by: 'visitor' }).visitorReadSeq).toBe(4);
    expect(withRead(c, { conversationId: 'c1', seq: 3, by: 'agent' }).agentReadSeq).toBe(3);
    expect(withRead(c, { conversationId: 'c1', seq: 1, by: 'visitor' })).toBe(c);
  });

  it('renames the contact everywhere it appears', () => {
    const c = conversation();
    const renamed = withContact(c, contactProfile({ name: 'Ada', email: 'ada@example.com', identified: true }));
    expect(renamed.contact).toMatchObject({ name: 'Ada', email: 'ada@example.com', identified: true });
    expect(withContact(c, contactProfile({ id: 'someone-else' }))).toBe(c);
  });
});

describe('appendPage', () => {
  it('skips conversations already loaded', () => {
    const a = conversation({ id: 'a' });
    const b = conversation({ id: 'b' });
    expect(appendPage([a], [a, b]).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('tags, priority, sort and search in the list', () => {
  const at = (hour: number) => `2025-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

  it('filters by tag (any case), priority and team as the server does', () => {
    const bug = conversation({ tags: ['Bug', 'vip'], priority: 'urgent', teamId: 'team_1' });
    expect(matchesFilter(bug, { ...open, tag: 'bug' }, 'me')).toBe(true);
    expect(matchesFilter(bug, { ...open, tag: 'billing' }, 'me')).toBe(false);
    expect(matchesFilter(bug, { ...open, priority: 'urgent', team_id: 'team_1' }, 'me')).toBe(true);
    expect(matchesFilter(bug, { ...open, priority: 'low' }, 'me')).toBe(false);
    // No status: any status.
    expect(matchesFilter(conversation({ status: 'snoozed' }), { assignee: 'all' }, 'me')).toBe(true);
  });

  it('orders by the chosen sort, and leaves "waiting longest" and searches in the server’s order', () => {
    const low = conversation({ id: 'low', priority: 'low', updatedAt: at(12) });
    const urgent = conversation({ id: 'urgent', priority: 'urgent', updatedAt: at(9) });
    const high = conversation({ id: 'high', priority: 'high', updatedAt: at(10) });
    const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);
    expect(ids([low, urgent, high].sort(orderFor({ ...open, sort: 'priority' }) ?? undefined))).toEqual(['urgent', 'high', 'low']);
    expect(ids([low, urgent, high].sort(orderFor({ ...open, sort: 'oldest' }) ?? undefined))).toEqual(['urgent', 'high', 'low']);
    expect(ids([urgent, low, high].sort(orderFor(open) ?? undefined))).toEqual(['low', 'high', 'urgent']);
    expect(orderFor({ ...open, sort: 'waiting' })).toBeNull();
    expect(orderFor({ ...open, q: 'refund' })).toBeNull();
    // A live change keeps a server-ordered list in place.
    const list = [urgent, low];
    const changed = mapConversations(list, (c) => (c.id === 'low' ? { ...c, updatedAt: at(20) } : c), null);
    expect(ids(changed)).toEqual(['urgent', 'low']);
  });

  it('in a search, updates rows in place with their excerpt, and adds no row it cannot know matches', () => {
    const searching = { ...open, q: 'refund' };
    const hit = { ...conversation({ id: 'hit', updatedAt: at(9) }), match: 'my refund please' };
    const other = conversation({ id: 'other', updatedAt: at(10) });
    const list = [other, hit];
    const bumped = upsertConversation(list, { ...conversation({ id: 'hit', updatedAt: at(11) }), priority: 'high' }, searching, 'me');
    expect(bumped.map((c) => c.id)).toEqual(['other', 'hit']);
    expect(bumped[1]).toMatchObject({ priority: 'high', match: 'my refund please' });
    expect(upsertConversation(list, conversation({ id: 'new', updatedAt: at(12) }), searching, 'me')).toBe(list);
    // Closed while searching "open": it goes.
    expect(upsertConversation(list, conversation({ id: 'hit', status: 'closed' }), searching, 'me').map((c) => c.id)).toEqual(['other']);
  });
});
