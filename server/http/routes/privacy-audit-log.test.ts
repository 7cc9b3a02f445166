/**
 * The audit log against the real server: contact edits, settings changes and
 * API tokens are recorded with who, what and when (field names, never the
 * values); admins read it with filters and cursor paging; nobody can change or
 * remove an entry — there is no route for it, and the database refuses it.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry, ContactProfile, CreatedApiToken, Page } from '../../../protocol/index.js';
import { computeUserHash } from '../../domain/identity/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { addAgent } from '../../test-support/inbox-fixtures.js';
import { bootVisitor, IDENTITY_SECRET } from '../../test-support/test-server.js';

const t = useAdminTestServer();
const log = (query = '') => t.api<Page<AuditEntry>>('GET', `/audit-log${query}`);
const asToken = (token: string, path: string) => fetch(`${t.server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });

describe('audit log', () => {
  it('records a contact edit and a settings change with who, what and when — field names only', async () => {
    const boot = await bootVisitor(t.server.url, { user: { id: 'audit-user', userHash: computeUserHash(IDENTITY_SECRET, 'audit-user') } });
    const edited = await t.api<ContactProfile>('PATCH', `/contacts/${boot.contactId}`, { name: 'Secretia Namewell', email: 'Secretia@Example.test', traits: { plan: 'hidden-plan' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Secretia Namewell', email: 'secretia@example.test', traits: { plan: 'hidden-plan' } });
    await t.api('PATCH', '/settings', { greeting: 'Hello', privacy: { requireConsent: true, urlQueryAllowlist: ['utm_source'] } });

    const entries = (await log()).body.data;
    expect(entries[0]).toMatchObject({
      action: 'settings.updated',
      actor: { type: 'agent', id: t.session.agentId, name: 'Admin' },
      target: { type: 'workspace' },
      details: { fields: ['greeting', 'privacy.requireConsent', 'privacy.urlQueryAllowlist'] },
    });
    expect(entries[1]).toMatchObject({ action: 'contact.updated', target: { type: 'contact', id: boot.contactId }, details: { fields: ['name', 'email', 'traits.plan'] } });
    expect(Date.parse(entries[0].at)).toBeGreaterThanOrEqual(Date.parse(entries[1].at));
    expect(JSON.stringify(entries)).not.toMatch(/Secretia|hidden-plan|utm_source/);
  });

  it('records API tokens created and revoked', async () => {
    const created = await t.api<CreatedApiToken>('POST', '/api-tokens', { name: 'Audit test', scopes: ['read'] });
    expect(created.status).toBe(201);
    await t.api('DELETE', `/api-tokens/${created.body.id}`);
    const entries = (await log(`?target_id=${created.body.id}`)).body.data;
    expect(entries.map((e) => e.action)).toEqual(['api_token.revoked', 'api_token.created']);
    expect(entries[1].details).toEqual({ scopes: ['read'] });
    expect(JSON.stringify(entries)).not.toContain(created.body.token);
  });

  it('pages newest first with a cursor and filters by action, actor and time', async () => {
    const first = await log('?limit=2');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await log(`?limit=2&cursor=${encodeURIComponent(first.body.next_cursor ?? '')}`);
    expect(second.body.data.length).toBeGreaterThan(0);
    expect(second.body.data.map((e) => e.id)).not.toContain(first.body.data[0].id);
    expect((await log('?action=contact.updated')).body.data.every((e) => e.action === 'contact.updated')).toBe(true);
    expect((await log(`?actor_id=${t.session.agentId}`)).body.data.length).toBeGreaterThanOrEqual(4);
    expect((await log('?until=2000-01-01T00:00:00Z')).body.data).toEqual([]);
    expect((await log('?action=nope')).status).toBe(400);
  });

  it('is for admins: agents and API tokens without the admin scope get 403', async () => {
    const agent = await addAgent(t.server, { name: 'Auditless', email: 'auditless@test.local' });
    const res = await fetch(`${t.server.url}/api/v1/audit-log`, { headers: { Cookie: agent.cookie } });
    expect(res.status).toBe(403);
    const reader = await t.api<CreatedApiToken>('POST', '/api-tokens', { name: 'Reader', scopes: ['read'] });
    expect((await asToken(reader.body.token, '/audit-log')).status).toBe(403);
    const admin = await t.api<CreatedApiToken>('POST', '/api-tokens', { name: 'Auditor', scopes: ['admin'] });
    expect((await asToken(admin.body.token, '/audit-log')).status).toBe(200);
  });

  it('cannot be changed or removed: no such routes, and the database refuses', async () => {
    const [entry] = (await log('?limit=1')).body.data;
    expect((await t.api('PATCH', `/audit-log/${entry.id}`, { action: 'x' })).status).toBe(404);
    expect((await t.api('DELETE', `/audit-log/${entry.id}`)).status).toBe(404);
    const db = t.server.domain.db;
    await expect(db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    expect((await log('?limit=1')).body.data[0]).toEqual(entry);
  });
});
