/** Tags through the real server: the workspace list, a conversation's set, the list filter, roles and isolation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ErrorResponse, Page, Tag } from '../../../protocol/index.js';
import { DEFAULT_TAGS } from '../../domain/index.js';
import { addAgent, otherWorkspace, type Session, startConversation } from '../../test-support/inbox-fixtures.js';
import { adminFetch, loginAgent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

let server: TestServer;
let admin: Session;
const sockets: VisitorSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.stop();
});

const api = <T>(method: string, path: string, body?: unknown, as: Session = admin) => adminFetch<T>(server.url, as, method, path, body);
async function conversation(body = 'hello'): Promise<string> {
  const started = await startConversation(server, body);
  sockets.push(started.socket);
  return started.conversationId;
}
const setTags = (id: string, tags: unknown) => api<AgentConversation & ErrorResponse>('PUT', `/conversations/${id}/tags`, { tags });
const tagList = async () => (await api<Page<Tag>>('GET', '/tags')).body.data;

describe('tags', () => {
  it('starts a new workspace with the suggested tags, unused', async () => {
    const tags = await tagList();
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining([...DEFAULT_TAGS]));
    expect(tags.every((t) => t.count === 0)).toBe(true);
  });

  it('creates a tag (trimmed, colour lowercased) and refuses the same name in another case', async () => {
    const created = await api<Tag>('POST', '/tags', { name: '  VIP customer ', color: '#FFAA00' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^tag_/), name: 'VIP customer', color: '#ffaa00', count: 0 });
    const again = await api<ErrorResponse>('POST', '/tags', { name: 'vip CUSTOMER' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it.each([
    ['an empty name', { name: '   ' }],
    ['a name over 50 characters', { name: 'x'.repeat(51) }],
    ['a bad colour', { name: 'Colourful', color: 'red' }],
    ['an unknown field', { name: 'Extra', colour: '#fff' }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await api<ErrorResponse>('POST', '/tags', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('sets a conversation’s tags, creating missing names and reusing existing ones regardless of case', async () => {
    const id = await conversation();
    const res = await setTags(id, ['bug', ' Refund ', 'BUG', 'vip customer']);
    expect(res.status).toBe(200);
    // "bug" and "vip customer" are the existing tags, spelled as first written; "Refund" is new.
    expect(res.body.tags).toEqual(['Bug', 'Refund', 'VIP customer']);
    expect((await api<AgentConversation>('GET', `/conversations/${id}`)).body.tags).toEqual(['Bug', 'Refund', 'VIP customer']);
    const counts = Object.fromEntries((await tagList()).map((t) => [t.name, t.count]));
    expect(counts).toMatchObject({ Bug: 1, Refund: 1, 'VIP customer': 1 });

    // A PUT replaces the set.
    expect((await setTags(id, ['Refund'])).body.tags).toEqual(['Refund']);
    expect((await setTags(id, [])).body.tags).toEqual([]);
  });

  it('refuses more than 20 tags or over-long names, and changes nothing', async () => {
    const id = await conversation();
    await setTags(id, ['keep']);
    const many = await setTags(id, Array.from({ length: 21 }, (_, i) => `t${i}`));
    expect(many.status).toBe(400);
    expect(many.body.error.message).toMatch(/at most 20/);
    expect((await setTags(id, ['y'.repeat(51)])).status).toBe(400);
    expect((await setTags(id, 'bug')).status).toBe(400);
    expect((await api<AgentConversation>('GET', `/conversations/${id}`)).body.tags).toEqual(['keep']);
  });

  it('filters the conversation list by tag, any case', async () => {
    const tagged = await conversation();
    const other = await conversation();
    await setTags(tagged, ['Incident']);
    const list = await api<Page<AgentConversation>>('GET', '/conversations?tag=INCIDENT');
    const ids = list.body.data.map((c) => c.id);
    expect(ids).toContain(tagged);
    expect(ids).not.toContain(other);
    expect((await api<Page<AgentConversation>>('GET', '/conversations?tag=no-such-tag')).body.data).toEqual([]);
  });

  it('renames and recolours a tag; refuses a rename onto another tag', async () => {
    const a = (await api<Tag>('POST', '/tags', { name: 'Rename me' })).body;
    const renamed = await api<Tag>('PATCH', `/tags/${a.id}`, { name: 'Renamed', color: '#123456' });
    expect(renamed.body).toMatchObject({ name: 'Renamed', color: '#123456' });
    const clash = await api<ErrorResponse>('PATCH', `/tags/${a.id}`, { name: 'bug' });
    expect(clash.status).toBe(409);
  });

  it('lets admins delete a tag (taken off every conversation), not agents', async () => {
    const id = await conversation();
    await setTags(id, ['Temporary', 'Bug']);
    const tag = (await tagList()).find((t) => t.name === 'Temporary') as Tag;
    const agent = await addAgent(server, { name: 'Tag Agent', email: 'tag-agent@test.local' });
    const refused = await api<ErrorResponse>('DELETE', `/tags/${tag.id}`, undefined, agent);
    expect(refused.status).toBe(403);
    // Agents may still tag conversations.
    expect((await setTags(id, ['Temporary', 'Bug', 'Agent added'])).status).toBe(200);

    expect((await api('DELETE', `/tags/${tag.id}`)).status).toBe(204);
    expect((await api<AgentConversation>('GET', `/conversations/${id}`)).body.tags).toEqual(['Agent added', 'Bug']);
    expect((await api('DELETE', `/tags/${tag.id}`)).status).toBe(404);
  });

  it('keeps workspaces apart: another workspace sees none of these tags or conversations', async () => {
    const id = await conversation();
    await setTags(id, ['Secret project']);
    const { session: outsider } = await otherWorkspace(server);
    const theirs = await api<Page<Tag>>('GET', '/tags', undefined, outsider);
    expect(theirs.body.data.map((t) => t.name)).not.toContain('Secret project');
    const ours = (await tagList()).find((t) => t.name === 'Secret project') as Tag;
    expect((await api('GET', `/tags/${ours.id}`, undefined, outsider)).status).toBe(404);
    expect((await api('PATCH', `/tags/${ours.id}`, { name: 'x' }, outsider)).status).toBe(404);
    expect((await api('DELETE', `/tags/${ours.id}`, undefined, outsider)).status).toBe(404);
    expect((await api('PUT', `/conversations/${id}/tags`, { tags: ['x'] }, outsider)).status).toBe(404);
    // Their tag of the same name is their own.
    expect((await api<Tag>('POST', '/tags', { name: 'Secret project' }, outsider)).status).toBe(201);
    expect((await tagList()).filter((t) => t.name === 'Secret project')).toHaveLength(1);
  });

  it('refuses callers without a session', async () => {
    expect((await fetch(`${server.url}/api/v1/tags`)).status).toBe(401);
  });
});
