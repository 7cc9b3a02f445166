/**
 * ApiTokens against the real store (SQLite, and Postgres in that project):
 * `last_used_at` is written at most once a minute per token (a controlled
 * clock, no waiting), only the hash is stored, and prefixes stay short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { ApiTokens } from './api-tokens.js';
import { hashTokenValue, prefixOf } from './token-value.js';

let server: TestServer;
let workspaceId: string;
beforeAll(async () => {
  server = await startTestServer();
  workspaceId = (await server.domain.workspaces.byAppId('demo')).id;
});
afterAll(() => server.stop());

describe('ApiTokens', () => {
  it('touches last_used_at at most once a minute', async () => {
    let now = new Date('2030-01-01T10:00:00.000Z');
    const tokens = new ApiTokens(server.domain.db, () => now);
    const { id, token } = await tokens.create(workspaceId, { name: 'clocked', scopes: ['read'] }, null);
    const lastUsed = async () => (await tokens.list(workspaceId)).find((t) => t.id === id)?.last_used_at;
    expect(await lastUsed()).toBeNull();

    expect(await tokens.authenticate(token)).toEqual({ id, workspaceId, scopes: ['read'] });
    expect(await lastUsed()).toBe('2030-01-01T10:00:00.000Z');
    now = new Date('2030-01-01T10:00:59.000Z');
    await tokens.authenticate(token);
    expect(await lastUsed()).toBe('2030-01-01T10:00:00.000Z');
    now = new Date('2030-01-01T10:01:00.000Z');
    await tokens.authenticate(token);
    expect(await lastUsed()).toBe('2030-01-01T10:01:00.000Z');
  });

  it('stores the sha256 of the value only', async () => {
    const tokens = new ApiTokens(server.domain.db);
    const { id, token } = await tokens.create(workspaceId, { name: 'stored', scopes: ['write', 'read'] }, null);
    const row = await server.domain.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashTokenValue(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(7));
    expect(JSON.parse(row.scopes)).toEqual(['read', 'write']);
  });

  it('refuses values that cannot be tokens without a lookup, and revoked ones', async () => {
    const tokens = new ApiTokens(server.domain.db);
    expect(await tokens.authenticate('')).toBeNull();
    expect(await tokens.authenticate('x'.repeat(257))).toBeNull();
    const { id, token } = await tokens.create(workspaceId, { name: 'gone', scopes: ['read'] }, null);
    await tokens.revoke(workspaceId, id);
    expect(await tokens.authenticate(token)).toBeNull();
    await expect(tokens.revoke('ws_other', id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows at most 4 random characters, and a quarter of a chosen value', () => {
    expect(prefixOf('pk_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq')).toBe('pk_ABCD');
    expect(prefixOf('pk_short')).toBe('pk');
    expect(prefixOf('abc')).toBe('');
  });
});
