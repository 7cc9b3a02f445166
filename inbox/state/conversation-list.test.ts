import { describe, expect, it } from 'vitest';
import type { ListFilter } from '../api/endpoints.js';
import { contactProfile, conversation, message } from '../test-support/fixtures.js';
import {
  appendPage,
  isUnread,
  matchesFilter,
  mergeConversation,
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
