/** Canned replies through the real server: CRUD, shortcut rules, rendering for a conversation, isolation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CannedReply, ErrorResponse, Page } from '../../../protocol/index.js';
import { computeUserHash } from '../../domain/index.js';
import { addAgent, otherWorkspace, type Session } from '../../test-support/inbox-fixtures.js';
import {
  adminFetch,
  bootVisitor,
  connectVisitor,
  IDENTITY_SECRET,
  loginAgent,
  startTestServer,
  type TestServer,
  type VisitorSocket,
} from '../../test-support/test-server.js';

const API_TOKEN = 'pk_test_canned_token';
let server: TestServer;
let admin: Session;
const sockets: VisitorSocket[] = [];

const api = <T>(method: string, path: string, body?: unknown, as: Session = admin) => adminFetch<T>(server.url, as, method, path, body);
const create = (body: unknown, as: Session = admin) => api<CannedReply & ErrorResponse>('POST', '/canned-replies', body, as);
const render = (id: string, conversationId?: string, as: Session = admin) =>
  api<{ body: string } & ErrorResponse>('GET', `/canned-replies/${id}/render${conversationId ? `?conversation_id=${conversationId}` : ''}`, undefined, as);

/** A conversation of an identified visitor with this name and traits. */
async function conversationOf(userId: string, name: string, traits: Record<string, string> = {}): Promise<string> {
  const boot = await bootVisitor(server.url, { user: { id: userId, name, traits, userHash: computeUserHash(IDENTITY_SECRET, userId) } });
  const socket = await connectVisitor(server.url, boot.token);
  sockets.push(socket);
  const r = await socket.emitWithAck('conversation:start', { clientId: `canned-${userId}`, body: 'hi' });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.conversation.id;
}

beforeAll(async () => {
  server = await startTestServer({ BOOTSTRAP_TOKEN: API_TOKEN });
  admin = await loginAgent(server.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.stop();
});

describe('canned replies CRUD', () => {
  it('creates, reads, lists (by shortcut), updates and deletes a reply', async () => {
    const created = await create({ shortcut: 'refund-policy', title: 'Refund policy', body: 'Refunds within **30 days**.' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^cr_/),
      shortcut: 'refund-policy',
      title: 'Refund policy',
      body: 'Refunds within **30 days**.',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    await create({ shortcut: 'hello', title: 'Hello', body: 'Hi!' });
    const list = await api<Page<CannedReply>>('GET', '/canned-replies');
    expect(list.body.data.map((r) => r.shortcut)).toEqual(['hello', 'refund-policy']);
    expect((await api<CannedReply>('GET', `/canned-replies/${created.body.id}`)).body).toEqual(created.body);

    const patched = await api<CannedReply>('PATCH', `/canned-replies/${created.body.id}`, { title: 'Refunds', shortcut: 'refunds' });
    expect(patched.body).toMatchObject({ title: 'Refunds', shortcut: 'refunds', body: 'Refunds within **30 days**.' });
    expect((await api('DELETE', `/canned-replies/${created.body.id}`)).status).toBe(204);
    expect((await api('GET', `/canned-replies/${created.body.id}`)).status).toBe(404);
    expect((await api('DELETE', `/canned-replies/${created.body.id}`)).status).toBe(404);
  });

  it('keeps shortcuts unique per workspace, on create and on rename', async () => {
    await create({ shortcut: 'unique-one', title: 'One', body: '1' });
    const second = await create({ shortcut: 'unique-two', title: 'Two', body: '2' });
    const dup = await create({ shortcut: 'unique-one', title: 'Again', body: 'x' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    expect((await api<ErrorResponse>('PATCH', `/canned-replies/${second.body.id}`, { shortcut: 'unique-one' })).status).toBe(409);
  });

  it.each([
    ['an uppercase shortcut', { shortcut: 'Hello', title: 't', body: 'b' }],
    ['a shortcut with spaces', { shortcut: 'two words', title: 't', body: 'b' }],
    ['a shortcut with a slash', { shortcut: '/hello', title: 't', body: 'b' }],
    ['a shortcut over 40 characters', { shortcut: 'a'.repeat(41), title: 't', body: 'b' }],
    ['an empty title', { shortcut: 'ok', title: ' ', body: 'b' }],
    ['an empty body', { shortcut: 'ok', title: 't', body: '  ' }],
    ['a body over 10 000 characters', { shortcut: 'ok', title: 't', body: 'x'.repeat(10_001) }],
    ['an unknown field', { shortcut: 'ok', title: 't', body: 'b', tags: [] }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('rendering a canned reply', () => {
  it('fills in the conversation’s contact, the agent and the workspace', async () => {
    const reply = (await create({
      shortcut: 'greeting',
      title: 'Greeting',
      body: 'Hi {{user.first_name | fallback: "there"}}, {{agent.first_name}} from {{workspace.name}} here. Your plan: {{user.plan | fallback: "free"}}.',
    })).body;
    const conversationId = await conversationOf('canned-ada', 'Ada Lovelace', { plan: 'pro' });
    expect((await render(reply.id, conversationId)).body).toEqual({ body: 'Hi Ada, Admin from Parley Demo here. Your plan: pro.' });

    const grace = await addAgent(server, { name: 'Grace Hopper', email: 'grace-canned@test.local' });
    expect((await render(reply.id, conversationId, grace)).body.body).toBe('Hi Ada, Grace from Parley Demo here. Your plan: pro.');
  });

  it('uses the fallbacks without a conversation or an agent (API token)', async () => {
    const reply = (await create({ shortcut: 'fallbacks', title: 'F', body: 'Hi {{user.name | fallback: "there"}}, {{agent.name | fallback: "the team"}} here.' })).body;
    expect((await render(reply.id)).body.body).toBe('Hi there, Admin here.');
    const res = await fetch(`${server.url}/api/v1/canned-replies/${reply.id}/render`, { headers: { Authorization: `Bearer ${API_TOKEN}` } });
    expect(await res.json()).toEqual({ body: 'Hi there, the team here.' });
  });

  it('escapes what the contact wrote, so a name never becomes a link', async () => {
    const reply = (await create({ shortcut: 'escape', title: 'E', body: 'Dear {{user.name}}' })).body;
    const conversationId = await conversationOf('canned-evil', '[click me](https://evil.example)');
    expect((await render(reply.id, conversationId)).body.body).toBe('Dear \\[click me\\]\\(https\\://evil.example\\)');
  });

  it('answers 404 for another workspace’s reply or conversation', async () => {
    const reply = (await create({ shortcut: 'isolated', title: 'I', body: 'Hi {{user.name}}' })).body;
    const conversationId = await conversationOf('canned-iso', 'Iso');
    const { session } = await otherWorkspace(server);
    expect((await render(reply.id, conversationId, session)).status).toBe(404);
    expect((await api('GET', `/canned-replies/${reply.id}`, undefined, session)).status).toBe(404);
    expect((await api('PATCH', `/canned-replies/${reply.id}`, { title: 'mine' }, session)).status).toBe(404);
    expect((await api('DELETE', `/canned-replies/${reply.id}`, undefined, session)).status).toBe(404);
    expect((await api<Page<CannedReply>>('GET', '/canned-replies', undefined, session)).body.data).toEqual([]);
    // Their own reply with our conversation: still 404.
    const theirs = (await create({ shortcut: 'isolated', title: 'Theirs', body: 'x' }, session)).body;
    expect((await render(theirs.id, conversationId, session)).status).toBe(404);
    expect((await render(reply.id, 'conv_missing')).status).toBe(404);
  });
});
