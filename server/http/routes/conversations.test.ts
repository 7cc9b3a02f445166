import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, Message, Page } from '../../../protocol/index.js';
import {
  ADMIN,
  adminFetch,
  bootVisitor,
  connectVisitor,
  loginAgent,
  startTestServer,
  type TestServer,
} from '../../test-support/test-server.js';

let server: TestServer;
let session: { cookie: string; csrf: string; agentId: string };
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer({ BOOTSTRAP_TOKEN: 'pk_test_bootstrap_token' });
  session = await loginAgent(server.url);
  const v = await bootVisitor(server.url);
  const socket = await connectVisitor(server.url, v.token);
  const r = await socket.emitWithAck('conversation:start', { clientId: 'rest-conv-0001', body: 'I need help' });
  if (!r.ok) throw new Error('start failed');
  conversationId = r.data.conversation.id;
  socket.close();
});
afterAll(() => server.stop());

describe('agent session', () => {
  it('refuses wrong credentials and anonymous callers', async () => {
    const bad = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email: ADMIN.email, password: 'wrong' }),
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: 'unauthorized', message: 'wrong email or password' } });
    const anon = await fetch(`${server.url}/api/v1/conversations`);
    expect(anon.status).toBe(401);
  });

  it('sets an httpOnly SameSite=Strict cookie and reports the agent', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify(ADMIN),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/parley_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await adminFetch<{ agent: { email: string } }>(server.url, session, 'GET', '/auth/me');
    expect(me.body.agent.email).toBe(ADMIN.email);
  });

  it('needs the CSRF token and our own Origin for changes made with the cookie', async () => {
    const noCsrf = await fetch(`${server.url}/api/v1/conversations/${conversationId}`, {
      method: 'PATCH',
      headers: { Cookie: session.cookie, Origin: server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.code).toBe('csrf_failed');
    const crossSite = await fetch(`${server.url}/api/v1/conversations/${conversationId}`, {
      method: 'PATCH',
      headers: { Cookie: session.cookie, Origin: 'https://evil.example', 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'closed' }),
    });
    expect(crossSite.status).toBe(403);
    const conv = await adminFetch<AgentConversation>(server.url, session, 'GET', `/conversations/${conversationId}`);
    expect(conv.body.status).toBe('open');
  });

  it('accepts the bootstrap API token as a bearer token, and nothing else', async () => {
    const ok = await fetch(`${server.url}/api/v1/conversations`, { headers: { Authorization: 'Bearer pk_test_bootstrap_token' } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${server.url}/api/v1/conversations`, { headers: { Authorization: 'Bearer pk_nope' } });
    expect(bad.status).toBe(401);
  });
});

describe('conversations', () => {
  it('lists with filters, assigns to self, closes and reopens', async () => {
    const open = await adminFetch<Page<AgentConversation>>(server.url, session, 'GET', '/conversations?status=open&assignee=unassigned');
    expect(open.body.data.map((c) => c.id)).toContain(conversationId);
    expect(open.body.next_cursor).toBeNull();

    const assigned = await adminFetch<AgentConversation>(server.url, session, 'POST', `/conversations/${conversationId}/assign`, { assigneeId: session.agentId });
    expect(assigned.body).toMatchObject({ assigneeId: session.agentId, assigneeName: 'Admin' });
    const mine = await adminFetch<Page<AgentConversation>>(server.url, session, 'GET', '/conversations?assignee=me');
    expect(mine.body.data.map((c) => c.id)).toEqual([conversationId]);

    expect((await adminFetch<AgentConversation>(server.url, session, 'PATCH', `/conversations/${conversationId}`, { status: 'closed' })).body.status).toBe('closed');
    const closedList = await adminFetch<Page<AgentConversation>>(server.url, session, 'GET', '/conversations?status=closed');
    expect(closedList.body.data.map((c) => c.id)).toContain(conversationId);
    expect((await adminFetch<AgentConversation>(server.url, session, 'PATCH', `/conversations/${conversationId}`, { status: 'open' })).body.status).toBe('open');
  });

  it('replies over REST idempotently and pages messages by seq', async () => {
    const first = await adminFetch<Message>(server.url, session, 'POST', `/conversations/${conversationId}/messages`, { body: 'Hello!', clientId: 'rest-reply-0001' });
    expect(first.status).toBe(201);
    const again = await adminFetch<Message>(server.url, session, 'POST', `/conversations/${conversationId}/messages`, { body: 'Hello!', clientId: 'rest-reply-0001' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const page1 = await adminFetch<Page<Message>>(server.url, session, 'GET', `/conversations/${conversationId}/messages?limit=1`);
    expect(page1.body.data.map((m) => m.seq)).toEqual([1]);
    expect(page1.body.next_cursor).toBe('1');
    const page2 = await adminFetch<Page<Message>>(server.url, session, 'GET', `/conversations/${conversationId}/messages?after_seq=1`);
    expect(page2.body.data.map((m) => [m.seq, m.authorType])).toEqual([[2, 'agent']]);
  });

  it('answers 404 for unknown ids and 400 for bad input', async () => {
    expect((await adminFetch(server.url, session, 'GET', '/conversations/conv_doesnotexist')).status).toBe(404);
    expect((await adminFetch(server.url, session, 'PATCH', `/conversations/${conversationId}`, { status: 'deleted' })).status).toBe(400);
    expect((await adminFetch(server.url, session, 'POST', `/conversations/${conversationId}/assign`, { assigneeId: 'ag_nobody' })).status).toBe(404);
    expect((await adminFetch(server.url, session, 'POST', `/conversations/${conversationId}/messages`, { body: '   ' })).status).toBe(400);
    expect((await adminFetch(server.url, session, 'GET', '/conversations?cursor=%%%')).status).toBe(400);
    expect((await adminFetch(server.url, session, 'GET', '/nothing-here')).status).toBe(404);
  });

  it('lists agents and contacts', async () => {
    const agents = await adminFetch<Page<{ email: string }>>(server.url, session, 'GET', '/agents');
    expect(agents.body.data.map((a) => a.email)).toEqual([ADMIN.email]);
    const contacts = await adminFetch<Page<{ id: string }>>(server.url, session, 'GET', '/contacts?limit=1');
    expect(contacts.body.data).toHaveLength(1);
  });

  it('logs out: the cookie stops working', async () => {
    const s = await loginAgent(server.url);
    expect((await adminFetch(server.url, s, 'POST', '/auth/logout')).status).toBe(204);
    expect((await adminFetch(server.url, s, 'GET', '/conversations')).status).toBe(401);
  });
});
