/** Saved views through the real server: private and shared, who may change which, validation, isolation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, Page, SavedView } from '../../../protocol/index.js';
import { addAgent, otherWorkspace, type Session } from '../../test-support/inbox-fixtures.js';
import { adminFetch, loginAgent, startTestServer, type TestServer } from '../../test-support/test-server.js';

const API_TOKEN = 'pk_test_views_token';
let server: TestServer;
let admin: Session;
let ada: Session;
let bob: Session;

const api = <T>(as: Session, method: string, path: string, body?: unknown) => adminFetch<T>(server.url, as, method, path, body);
const create = (as: Session, body: unknown) => api<SavedView & ErrorResponse>(as, 'POST', '/views', body);
const names = async (as: Session) => (await api<Page<SavedView>>(as, 'GET', '/views')).body.data.map((v) => v.name);

beforeAll(async () => {
  server = await startTestServer({ BOOTSTRAP_TOKEN: API_TOKEN });
  admin = await loginAgent(server.url);
  ada = await addAgent(server, { name: 'Ada', email: 'ada-views@test.local' });
  bob = await addAgent(server, { name: 'Bob', email: 'bob-views@test.local' });
});
afterAll(() => server.stop());

describe('saved views', () => {
  it('creates a view returned whole, private by default', async () => {
    const res = await create(ada, { name: 'My urgent', filters: { assignee: 'me', priority: 'urgent', sort: 'waiting', status: 'open' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^view_/),
      name: 'My urgent',
      filters: { assignee: 'me', priority: 'urgent', sort: 'waiting', status: 'open' },
      shared: false,
      owner_id: ada.agentId,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect((await api<SavedView>(ada, 'GET', `/views/${res.body.id}`)).body).toEqual(res.body);
  });

  it('shows private views to their owner only, shared views to everyone', async () => {
    const mine = (await create(ada, { name: 'Ada private', filters: { tag: 'Bug', sla: 'breached' } })).body;
    expect(mine.filters).toEqual({ tag: 'Bug', sla: 'breached' });
    await create(ada, { name: 'Team billing', filters: { tag: 'Billing', q: 'refund' }, shared: true });
    expect(await names(ada)).toEqual(expect.arrayContaining(['Ada private', 'Team billing']));
    const bobs = await names(bob);
    expect(bobs).toContain('Team billing');
    expect(bobs).not.toContain('Ada private');
    expect((await api(bob, 'GET', `/views/${mine.id}`)).status).toBe(404);
    expect((await api(bob, 'PATCH', `/views/${mine.id}`, { name: 'x' })).status).toBe(404);
    expect((await api(bob, 'DELETE', `/views/${mine.id}`)).status).toBe(404);
    // An admin doesn't see someone's private views either.
    expect((await api(admin, 'GET', `/views/${mine.id}`)).status).toBe(404);
  });

  it('lets only the owner or an admin change a shared view', async () => {
    const shared = (await create(ada, { name: 'Shared by Ada', filters: { status: 'open' }, shared: true })).body;
    const refused = await api<ErrorResponse>(bob, 'PATCH', `/views/${shared.id}`, { name: 'Bob was here' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await api(bob, 'DELETE', `/views/${shared.id}`)).status).toBe(403);

    const byOwner = await api<SavedView>(ada, 'PATCH', `/views/${shared.id}`, { filters: { status: 'snoozed' } });
    expect(byOwner.body).toMatchObject({ name: 'Shared by Ada', filters: { status: 'snoozed' }, shared: true });
    const byAdmin = await api<SavedView>(admin, 'PATCH', `/views/${shared.id}`, { name: 'Renamed by admin' });
    expect(byAdmin.body).toMatchObject({ name: 'Renamed by admin', owner_id: ada.agentId });
    // Unsharing hides it from everyone but its owner.
    await api(ada, 'PATCH', `/views/${shared.id}`, { shared: false });
    expect(await names(bob)).not.toContain('Renamed by admin');
    expect((await api(ada, 'DELETE', `/views/${shared.id}`)).status).toBe(204);
    expect((await api(ada, 'GET', `/views/${shared.id}`)).status).toBe(404);
  });

  it('lets an API token keep its own views and manage shared ones', async () => {
    const headers = { Authorization: `Bearer ${API_TOKEN}`, 'Content-Type': 'application/json' };
    const made = await fetch(`${server.url}/api/v1/views`, { method: 'POST', headers, body: JSON.stringify({ name: 'From the API', filters: {} }) });
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({ owner_id: null, shared: false });
    const shared = (await create(bob, { name: 'Bob shared', shared: true })).body;
    const patched = await fetch(`${server.url}/api/v1/views/${shared.id}`, { method: 'PATCH', headers, body: JSON.stringify({ name: 'Fixed by API' }) });
    expect(patched.status).toBe(200);
    expect(await names(bob)).not.toContain('From the API');
  });

  it.each([
    ['an unknown status', { name: 'v', filters: { status: 'pending' } }],
    ['an unknown filter', { name: 'v', filters: { colour: 'red' } }],
    ['an unknown sort', { name: 'v', filters: { sort: 'random' } }],
    ['an over-long search', { name: 'v', filters: { q: 'x'.repeat(201) } }],
    ['an empty name', { name: '  ' }],
    ['a string for shared', { name: 'v', shared: 'yes' }],
  ])('refuses %s with 400', async (_what, body) => {
    const res = await create(ada, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('keeps workspaces apart', async () => {
    const shared = (await create(ada, { name: 'Workspace wide', shared: true })).body;
    const { session } = await otherWorkspace(server);
    expect(await names(session)).toEqual([]);
    expect((await api(session, 'GET', `/views/${shared.id}`)).status).toBe(404);
    expect((await api(session, 'PATCH', `/views/${shared.id}`, { name: 'x' })).status).toBe(404);
  });
});
