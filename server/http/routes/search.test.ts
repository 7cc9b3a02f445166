/**
 * `GET /conversations?q=…`: full-text search (SQLite FTS5) over message
 * bodies and the contact's name, email and external id, through the real
 * server: words, prefixes, diacritics, filters, paging, hostile input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSearchResult, ErrorResponse, Page } from '../../../protocol/index.js';
import { otherWorkspace, type Session, startConversation } from '../../test-support/inbox-fixtures.js';
import { adminFetch, loginAgent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

let server: TestServer;
let admin: Session;
const sockets: VisitorSocket[] = [];
let cafe: string;
let refund: string;
let ada: string;

const api = <T>(method: string, path: string, body?: unknown, as: Session = admin) => adminFetch<T>(server.url, as, method, path, body);
const search = async (q: string, extra = '', as: Session = admin) => {
  const res = await api<Page<ConversationSearchResult> & ErrorResponse>('GET', `/conversations?q=${encodeURIComponent(q)}${extra}`, undefined, as);
  expect(res.status).toBe(200);
  return res.body;
};
const found = async (q: string, extra = '') => (await search(q, extra)).data.map((c) => c.id);

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
  const start = async (body: string, user?: { id: string; name?: string; email?: string }) => {
    const s = await startConversation(server, body, user);
    sockets.push(s.socket);
    return s;
  };
  cafe = (await start('Le café était fermé hier soir, pourquoi ?')).conversationId;
  refund = (await start('I would like a refund for my subscription\n\nplease hurry')).conversationId;
  const withAda = await start('Hello there', { id: 'user-ada-42', name: 'Ada Lovelace', email: 'ada.lovelace@analytical.test' });
  ada = withAda.conversationId;
  // The team's replies are searchable too.
  await api('POST', `/conversations/${refund}/messages`, { body: 'Your reimbursement is on its way' });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.stop();
});

describe('conversation search', () => {
  it('finds words in messages, with a plain-text excerpt of the match', async () => {
    const page = await search('refund');
    expect(page.data.map((c) => c.id)).toEqual([refund]);
    expect(page.data[0].match).toBe('I would like a refund for my subscription please hurry');
    expect(page.data[0]).toMatchObject({ id: refund, status: 'open', tags: [] });
    expect(await found('reimbursement')).toEqual([refund]);
    // Every word must match.
    expect(await found('refund café')).toEqual([]);
  });

  it('matches the last word as a prefix, and ignores diacritics both ways', async () => {
    expect(await found('subscr')).toEqual([refund]);
    expect(await found('cafe')).toEqual([cafe]);
    expect(await found('ÉTAIT FERME')).toEqual([cafe]);
    expect(await found('Lovel')).toEqual([ada]);
  });

  it('finds the contact by name, email and external id', async () => {
    expect(await found('ada lovelace')).toEqual([ada]);
    const byEmail = await search('ada.lovelace@analytical.test');
    expect(byEmail.data.map((c) => c.id)).toEqual([ada]);
    expect(byEmail.data[0].match).toContain('analytical');
    expect(await found('analytical')).toEqual([ada]);
    expect(await found('user-ada-42')).toEqual([ada]);
  });

  it('finds a contact by a name given after the conversation started', async () => {
    const later = await startConversation(server, 'no names yet');
    sockets.push(later.socket);
    const contact = await server.domain.contacts.get((await server.domain.workspaces.byAppId('demo')).id, later.contactId);
    await server.domain.contacts.updateTraits(contact, { name: 'Grace Hopper' });
    expect(await found('hopper')).toEqual([later.conversationId]);
  });

  it.each([
    ['"a" OR *'],
    ['NEAR('],
    ['NEAR(refund subscription, 2)'],
    ['refund"'],
    ['body:refund'],
    ['-refund'],
    ['(refund'],
    ['*'],
    ['"'],
    ['AND OR NOT'],
    ["'; DROP TABLE messages; --"],
    ['refund\u0000"'],
    ['\u0000'],
    ['^refund'],
  ])('answers hostile input %s with results or none, never an error', async (q) => {
    const page = await search(q);
    expect(Array.isArray(page.data)).toBe(true);
  });

  it('reads query syntax as plain words', async () => {
    // `"refund"` quoted by the user is the word refund; NEAR( is a word that appears nowhere.
    expect(await found('"refund"')).toEqual([refund]);
    expect(await found('refund NEAR(')).toEqual([]);
    expect(await found('*')).toEqual([]);
  });

  it('lists as usual when the query is blank', async () => {
    const blank = await search('   ');
    expect(blank.data.map((c) => c.id)).toEqual(expect.arrayContaining([cafe, refund, ada]));
    expect(blank.data.every((c) => !('match' in c))).toBe(true);
  });

  it('combines with the list filters', async () => {
    expect(await found('refund', '&status=closed')).toEqual([]);
    await api('PUT', `/conversations/${refund}/tags`, { tags: ['Billing'] });
    expect(await found('refund', '&tag=billing')).toEqual([refund]);
    expect(await found('cafe', '&tag=billing')).toEqual([]);
  });

  it('orders by newest match and pages by cursor', async () => {
    const more: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await startConversation(server, `pagination needle ${i}`);
      sockets.push(s.socket);
      more.push(s.conversationId);
    }
    // A new match in the first one makes it the newest.
    await api('POST', `/conversations/${more[0]}/messages`, { body: 'another needle here' });
    const first = await search('needle', '&limit=2');
    expect(first.data.map((c) => c.id)).toEqual([more[0], more[2]]);
    expect(first.data[0].match).toBe('another needle here');
    expect(first.next_cursor).not.toBeNull();
    const second = await search('needle', `&limit=2&cursor=${encodeURIComponent(first.next_cursor ?? '')}`);
    expect(second.data.map((c) => c.id)).toEqual([more[1]]);
    expect(second.next_cursor).toBeNull();
    // A list cursor is not a search cursor.
    const list = await api<Page<ConversationSearchResult>>('GET', '/conversations?limit=1');
    const mixed = await api<ErrorResponse>('GET', `/conversations?q=needle&cursor=${encodeURIComponent(list.body.next_cursor ?? '')}`);
    expect(mixed.status).toBe(400);
  });

  it('refuses an over-long query', async () => {
    expect((await api('GET', `/conversations?q=${'x'.repeat(201)}`)).status).toBe(400);
  });

  it('never shows another workspace’s conversations', async () => {
    const { session } = await otherWorkspace(server);
    expect((await search('refund', '', session)).data).toEqual([]);
    expect((await search('ada', '', session)).data).toEqual([]);
  });

  it('forgets what was erased: a deleted conversation is no longer found', async () => {
    const s = await startConversation(server, 'ephemeral zanzibar');
    sockets.push(s.socket);
    expect(await found('zanzibar')).toEqual([s.conversationId]);
    await server.domain.db.deleteFrom('conversations').where('id', '=', s.conversationId).execute();
    expect(await found('zanzibar')).toEqual([]);
  });
});
