/**
 * API tokens over REST, against the real server: created once with their
 * value, listed without it, scopes enforced on every admin route, only admins
 * manage them, revoked tokens and bad bearers answer 401 with the error shape.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiToken, CreatedApiToken, Page } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { createAgent } from '../../test-support/team-fixtures.js';

const BOOTSTRAP = 'pk_test_api_tokens_bootstrap';
const t = useAdminTestServer({ BOOTSTRAP_TOKEN: BOOTSTRAP });

interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

async function bearer<T = unknown>(authorization: string | null, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (authorization !== null) headers.Authorization = authorization;
  const res = await fetch(`${t.server.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}
const as = <T = unknown>(token: string, method: string, path: string, body?: unknown) => bearer<T>(`Bearer ${token}`, method, path, body);

async function create(scopes: string[], name = `token ${scopes.join('+')}`): Promise<CreatedApiToken> {
  const res = await t.api<CreatedApiToken>('POST', '/api-tokens', { name, scopes });
  if (res.status !== 201) throw new Error(`create token: ${JSON.stringify(res.body)}`);
  return res.body;
}

type ErrorBody = { error: { code: string; message: string } };

describe('API tokens', () => {
  it('returns the value once, and lists tokens without value or hash', async () => {
    const res = await fetch(`${t.server.url}/api/v1/api-tokens`, {
      method: 'POST',
      headers: { Cookie: t.session.cookie, 'X-CSRF-Token': t.session.csrf, Origin: t.server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '  CRM sync ', scopes: ['write', 'read'] }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = (await res.json()) as CreatedApiToken;
    expect(created.token).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(created).toEqual({
      id: expect.stringMatching(/^tok_/),
      name: 'CRM sync',
      scopes: ['read', 'write'],
      prefix: created.token.slice(0, 7),
      created_by: { type: 'agent', id: t.session.agentId, name: 'Admin' },
      created_at: expect.any(String),
      last_used_at: null,
      revoked_at: null,
      token: created.token,
    });

    const list = await t.api<Page<ApiToken>>('GET', '/api-tokens');
    expect(list.status).toBe(200);
    expect(list.body.next_cursor).toBeNull();
    const { token: _value, ...listed } = created;
    expect(list.body.data[0]).toEqual(listed);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(createHash('sha256').update(created.token).digest('hex'));
    for (const row of list.body.data) expect(Object.keys(row).sort()).toEqual(Object.keys(listed).sort());
    // BOOTSTRAP_TOKEN is a token with every scope, made by nobody.
    expect(list.body.data.find((row) => row.name === 'bootstrap')).toMatchObject({ scopes: ['read', 'write', 'admin'], created_by: null, revoked_at: null });
  });

  it('read can GET everywhere but API tokens and webhooks, and changes nothing', async () => {
    const { token } = await create(['read']);
    expect((await as(token, 'GET', '/conversations')).status).toBe(200);
    expect((await as(token, 'GET', '/contacts')).status).toBe(200);
    expect((await as(token, 'GET', '/settings')).status).toBe(200);
    const post = await as<ErrorBody>(token, 'POST', '/tags', { name: 'vip' });
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe('forbidden');
    expect(post.body.error.message).toContain('"write"');
    const settings = await as<ErrorBody>(token, 'PATCH', '/settings', { name: 'Renamed' });
    expect(settings.status).toBe(403);
    expect(settings.body.error.message).toContain('"admin"');
    expect((await as<ErrorBody>(token, 'GET', '/api-tokens')).body.error.message).toContain('"admin"');
    expect((await as(token, 'GET', '/webhooks')).status).toBe(403);
    expect((await as(token, 'POST', '/uploads?name=a.txt')).status).toBe(403);
  });

  it('write can change content and conversations, not read them, not the admin area', async () => {
    const { token } = await create(['write']);
    const tag = await as<{ id: string; name: string }>(token, 'POST', '/tags', { name: 'from-api' });
    expect(tag.status).toBe(201);
    expect(tag.body.name).toBe('from-api');
    expect((await as(token, 'PATCH', `/tags/${tag.body.id}`, { name: 'from-the-api' })).status).toBe(200);
    expect((await as<ErrorBody>(token, 'GET', '/tags')).body.error.message).toContain('"read"');
    expect((await as(token, 'POST', '/teams', { name: 'Nope' })).status).toBe(403);
    expect((await as(token, 'POST', '/api-tokens', { name: 'x', scopes: ['write'] })).status).toBe(403);
    expect((await as(token, 'DELETE', `/tags/${tag.body.id}`)).status).toBe(204);
  });

  it('admin manages tokens and the workspace, and grants no scope it lacks', async () => {
    const admin = await create(['admin'], 'automation');
    expect((await as(admin.token, 'GET', '/settings')).status).toBe(200);
    const team = await as<{ id: string }>(admin.token, 'POST', '/teams', { name: 'API team' });
    expect(team.status).toBe(201);
    expect((await as(admin.token, 'GET', '/conversations')).status).toBe(403);

    const child = await as<CreatedApiToken>(admin.token, 'POST', '/api-tokens', { name: 'child', scopes: ['admin'] });
    expect(child.status).toBe(201);
    expect(child.body.created_by).toEqual({ type: 'api_token', id: admin.id, name: 'automation' });
    const escalate = await as<ErrorBody>(admin.token, 'POST', '/api-tokens', { name: 'wider', scopes: ['admin', 'write'] });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error.message).toContain('write');
    expect((await as<Page<ApiToken>>(admin.token, 'GET', '/api-tokens')).body.data.map((r) => r.id)).toContain(child.body.id);
    expect((await as(admin.token, 'DELETE', `/api-tokens/${child.body.id}`)).status).toBe(204);
    expect((await as(child.body.token, 'GET', '/settings')).status).toBe(401);
  });

  it('only admin agents manage tokens', async () => {
    const agent = await createAgent(t.server, { name: 'Plain agent' });
    const { id } = await create(['read']);
    const asAgent = (method: string, path: string, body?: unknown) => fetchAs(agent, method, path, body);
    expect((await asAgent('GET', '/api-tokens')).status).toBe(403);
    const post = await asAgent('POST', '/api-tokens', { name: 'mine', scopes: ['read'] });
    expect(post.status).toBe(403);
    expect((post.body as ErrorBody).error).toEqual({ code: 'forbidden', message: 'only admins can manage API tokens' });
    expect((await asAgent('DELETE', `/api-tokens/${id}`)).status).toBe(403);
  });

  it('revokes: the token answers 401 at once, the list shows when', async () => {
    const { id, token } = await create(['read', 'write', 'admin']);
    expect((await as(token, 'GET', '/conversations')).status).toBe(200);
    expect((await t.api('DELETE', `/api-tokens/${id}`)).status).toBe(204);
    const after = await as<ErrorBody>(token, 'GET', '/conversations');
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: { code: 'unauthorized', message: 'invalid or revoked API token' } });
    expect(after.headers.get('www-authenticate')).toContain('Bearer');
    const row = (await t.api<Page<ApiToken>>('GET', '/api-tokens')).body.data.find((r) => r.id === id);
    expect(row?.revoked_at).toEqual(expect.any(String));
    expect((await t.api('DELETE', `/api-tokens/${id}`)).status).toBe(204);
    expect((await t.api<ErrorBody>('DELETE', '/api-tokens/tok_nope')).body.error.code).toBe('not_found');
  });

  it('answers 401 with the error shape to a wrong, garbled or absent bearer', async () => {
    const { token } = await create(['read']);
    for (const header of [null, 'Bearer', 'Bearer ', 'Bearer pk_wrong', `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Bearer ${'A'.repeat(5_000)}`, 'Bearer pk_%%%~~~', `Basic ${token}`]) {
      const res = await bearer<ErrorBody>(header, 'GET', '/conversations');
      expect(res.status, String(header).slice(0, 40)).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(typeof res.body.error.message).toBe('string');
    }
    // The scheme is case-insensitive (RFC 9110).
    expect((await bearer(`bearer ${token}`, 'GET', '/conversations')).status).toBe(200);
  });

  it('refuses bad input', async () => {
    for (const body of [{ name: 'x' }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['root'] }, { name: '  ', scopes: ['read'] }, { name: 'x', scopes: ['read', 'read'] }, { name: 'x', scopes: ['read'], token: 'pk_mine' }]) {
      const res = await t.api<ErrorBody>('POST', '/api-tokens', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('BOOTSTRAP_TOKEN keeps working with every scope', async () => {
    expect((await as(BOOTSTRAP, 'GET', '/conversations')).status).toBe(200);
    expect((await as(BOOTSTRAP, 'GET', '/api-tokens')).status).toBe(200);
    expect((await as(BOOTSTRAP, 'POST', '/tags', { name: 'bootstrap-tag' })).status).toBe(201);
  });
});

async function fetchAs(agent: { cookie: string; csrf: string }, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${t.server.url}/api/v1${path}`, {
    method,
    headers: { Cookie: agent.cookie, 'X-CSRF-Token': agent.csrf, Origin: t.server.url, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}
