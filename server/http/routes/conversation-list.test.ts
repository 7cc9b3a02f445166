/** The inbox list's priority filter and sort orders, each paged by cursor through the real server. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, ErrorResponse, Page, Priority } from '../../../protocol/index.js';
import { type Session, startConversation } from '../../test-support/inbox-fixtures.js';
import { adminFetch, loginAgent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

let server: TestServer;
let admin: Session;
const sockets: VisitorSocket[] = [];
/** The five conversations of this file, by the priority each gets. */
const ids: Record<'low' | 'urgent1' | 'normal' | 'high' | 'urgent2', string> = { low: '', urgent1: '', normal: '', high: '', urgent2: '' };
const RANK: Record<Priority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };

const api = <T>(method: string, path: string, body?: unknown) => adminFetch<T>(server.url, admin, method, path, body);

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    const started = await startConversation(server, `about ${key}`);
    sockets.push(started.socket);
    ids[key] = started.conversationId;
    // A tag of this file's own keeps other conversations out of the lists below.
    await api('PUT', `/conversations/${started.conversationId}/tags`, { tags: ['list-test'] });
    await api('PATCH', `/conversations/${started.conversationId}`, { priority: key.replace(/\d$/, '') });
  }
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.stop();
});

/** Every page of a list, two at a time. */
async function allPages(query: string): Promise<AgentConversation[]> {
  const out: AgentConversation[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: Page<AgentConversation> } = await api<Page<AgentConversation>>(
      'GET',
      `/conversations?tag=list-test&limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.next_cursor;
  } while (cursor);
  return out;
}

describe('conversation list', () => {
  it('filters by priority', async () => {
    const urgent = await api<Page<AgentConversation>>('GET', '/conversations?tag=list-test&priority=urgent');
    expect(urgent.body.data.map((c) => c.id).sort()).toEqual([ids.urgent1, ids.urgent2].sort());
    expect((await api('GET', '/conversations?priority=critical')).status).toBe(400);
  });

  it('sorts newest and oldest by last activity, every row once across pages', async () => {
    const newest = await allPages('sort=newest');
    expect(newest).toHaveLength(5);
    const times = newest.map((c) => c.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
    const oldest = await allPages('sort=oldest');
    expect(oldest.map((c) => c.id)).toEqual(newest.map((c) => c.id).reverse());
  });

  it('sorts by priority, urgent first and newest first within a priority', async () => {
    const list = await allPages('sort=priority');
    expect(list.map((c) => c.priority)).toEqual(['urgent', 'urgent', 'high', 'normal', 'low']);
    // urgent2 was set after urgent1: more recent activity.
    expect(list.slice(0, 2).map((c) => c.id)).toEqual([ids.urgent2, ids.urgent1]);
    for (let i = 1; i < list.length; i++) expect(RANK[list[i - 1].priority]).toBeGreaterThanOrEqual(RANK[list[i].priority]);
  });

  it('sorts by waiting time: the longest-waiting visitor first, then conversations nobody waits on', async () => {
    // waiting_since is kept by the conversation metrics; set here so this test reads only the order.
    const set = (id: string, at: string | null) => sql`UPDATE conversations SET waiting_since = ${at} WHERE id = ${id}`.execute(server.domain.db);
    await set(ids.normal, '2024-01-01T08:00:00.000Z');
    await set(ids.low, '2024-01-01T09:00:00.000Z');
    await set(ids.high, '2024-01-02T08:00:00.000Z');
    await set(ids.urgent1, null);
    await set(ids.urgent2, null);
    const list = await allPages('sort=waiting');
    expect(list.map((c) => c.id)).toEqual([ids.normal, ids.low, ids.high, ids.urgent1, ids.urgent2]);
  });

  it('refuses a cursor of another sort order, and an unknown sort', async () => {
    const first = await api<Page<AgentConversation>>('GET', '/conversations?tag=list-test&limit=1&sort=priority');
    const cursor = encodeURIComponent(first.body.next_cursor ?? '');
    const wrong = await api<ErrorResponse>('GET', `/conversations?tag=list-test&limit=1&sort=newest&cursor=${cursor}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('bad_request');
    expect((await api('GET', `/conversations?tag=list-test&sort=oldest&cursor=${cursor}`)).status).toBe(400);
    expect((await api('GET', '/conversations?sort=random')).status).toBe(400);
  });
});
