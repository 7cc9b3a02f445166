/**
 * `/api/v1/automation-rules` against the real server: CRUD with positions,
 * the whole order at once, who may write, and every refusal as a 4xx with
 * `{ error: { code, message } }` naming the field — bad shapes, sizes, and
 * references to teams, agents, tags, canned replies and webhooks that are not
 * the workspace's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AutomationRule, CannedReply, CreatedApiToken, Page, Tag, Team } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { addAgent, otherWorkspace } from '../../test-support/inbox-fixtures.js';
import { adminFetch } from '../../test-support/test-server.js';

const env = useAdminTestServer();
type ErrorBody = { error: { code: string; message: string } };

const NOTE = [{ type: 'add_note', body: 'Look at this' }];

async function list(): Promise<AutomationRule[]> {
  return (await env.api<Page<AutomationRule>>('GET', '/automation-rules')).body.data;
}

afterEach(async () => {
  for (const rule of await list()) await env.api('DELETE', `/automation-rules/${rule.id}`);
});

async function refused(method: string, path: string, body: unknown, status: number, code: string, message: RegExp | string): Promise<void> {
  const res = await env.api<ErrorBody>(method, path, body);
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toMatch(message);
}

describe('automation rules REST', () => {
  it('creates with defaults, lists in order, reads, changes, moves and deletes', async () => {
    const created = await env.api<AutomationRule>('POST', '/automation-rules', { name: ' Triage ', trigger: 'message_received', actions: NOTE });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^auto_/),
      name: 'Triage',
      enabled: true,
      position: 0,
      trigger: 'message_received',
      conditions: { all: [] },
      actions: NOTE,
      stop_processing: false,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const second = (await env.api<AutomationRule>('POST', '/automation-rules', { name: 'Second', trigger: 'tag_added', actions: [{ type: 'close' }] })).body;
    const first = (await env.api<AutomationRule>('POST', '/automation-rules', { name: 'First', trigger: 'event_tracked', actions: [{ type: 'unassign' }], position: 0 })).body;
    expect((await list()).map((r) => [r.name, r.position])).toEqual([['First', 0], ['Triage', 1], ['Second', 2]]);

    const patched = await env.api<AutomationRule>('PATCH', `/automation-rules/${created.body.id}`, {
      conditions: { attr: 'message.body', op: 'contains', value: 'refund' },
      actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'snooze', minutes: 30 }],
      stop_processing: true,
      position: 2,
    });
    expect(patched.body).toMatchObject({ position: 2, stop_processing: true, actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'snooze', minutes: 30 }] });
    expect((await env.api<AutomationRule>('GET', `/automation-rules/${created.body.id}`)).body.conditions).toEqual({ attr: 'message.body', op: 'contains', value: 'refund' });
    expect((await list()).map((r) => r.name)).toEqual(['First', 'Second', 'Triage']);

    const reordered = await env.api<Page<AutomationRule>>('PUT', '/automation-rules/order', { ids: [created.body.id, first.id, second.id] });
    expect(reordered.body.data.map((r) => [r.name, r.position])).toEqual([['Triage', 0], ['First', 1], ['Second', 2]]);

    expect((await env.api('DELETE', `/automation-rules/${first.id}`)).status).toBe(204);
    expect((await list()).map((r) => [r.name, r.position])).toEqual([['Triage', 0], ['Second', 1]]);
    expect((await env.api<Page<unknown>>('GET', `/automation-rules/${second.id}/runs`)).body).toEqual({ data: [], next_cursor: null });
  });

  it('refuses bad shapes and sizes with the field named', async () => {
    const post = (body: unknown, message: RegExp | string) => refused('POST', '/automation-rules', body, 400, 'validation_failed', message);
    await post({ trigger: 'tag_added', actions: NOTE }, /^name:/);
    await post({ name: 'x', trigger: 'tag_removed', actions: NOTE }, /^trigger:/);
    await post({ name: 'x', trigger: 'tag_added', actions: [] }, 'actions: give at least one action');
    await post({ name: 'x', trigger: 'tag_added', actions: Array.from({ length: 21 }, () => ({ type: 'close' })) }, 'actions: at most 20 actions');
    await post({ name: 'x', trigger: 'tag_added', actions: [{ type: 'explode' }] }, /^actions\.0\.type:/);
    await post({ name: 'x', trigger: 'tag_added', actions: [{ type: 'assign' }] }, 'actions.0: give team_id, agent_id or both');
    await post({ name: 'x', trigger: 'tag_added', actions: [{ type: 'snooze', minutes: 0 }] }, /^actions\.0\.minutes:/);
    await post({ name: 'x', trigger: 'tag_added', actions: [{ type: 'snooze', minutes: 90 * 24 * 60 + 1 }] }, /^actions\.0\.minutes:/);
    await post({ name: 'x', trigger: 'tag_added', actions: [{ type: 'add_note', body: 'x'.repeat(10_001) }] }, /^actions\.0\.body: at most 10000/);
    await post({ name: 'x', trigger: 'tag_added', actions: [{ type: 'close', when: 'now' }] }, /^actions\.0/);
    await post({ name: 'x'.repeat(121), trigger: 'tag_added', actions: NOTE }, 'name: at most 120 characters');
    await post({ name: 'x', trigger: 'tag_added', actions: NOTE, conditions: { attr: 'plan', op: 'near', value: 1 } }, /^conditions/);
    await post({ name: 'x', trigger: 'tag_added', actions: NOTE, colour: 'red' }, /colour/);
    await refused('PATCH', '/automation-rules/auto_missing', { enabled: false }, 404, 'not_found', 'automation rule not found');
    await refused('GET', '/automation-rules/auto_missing/runs', undefined, 404, 'not_found', 'automation rule not found');
    expect(await list()).toEqual([]);
  });

  it('refuses references that are not the workspace’s', async () => {
    const other = await otherWorkspace(env.server);
    const theirTeam = (await adminFetch<Team>(env.server.url, other.session, 'POST', '/teams', { name: 'Theirs' })).body;
    const theirTag = (await adminFetch<Tag>(env.server.url, other.session, 'POST', '/tags', { name: 'theirs' })).body;
    const theirReply = (await adminFetch<CannedReply>(env.server.url, other.session, 'POST', '/canned-replies', { shortcut: 'theirs', title: 'T', body: 'B' })).body;
    const post = (action: Record<string, unknown>, message: string) =>
      refused('POST', '/automation-rules', { name: 'x', trigger: 'tag_added', actions: [{ type: 'close' }, action] }, 400, 'validation_failed', message);
    await post({ type: 'assign', team_id: theirTeam.id }, `actions.1.team_id: no team "${theirTeam.id}" in this workspace`);
    await post({ type: 'assign', agent_id: 'agt_nobody' }, 'actions.1.agent_id: no agent "agt_nobody" in this workspace');
    await post({ type: 'add_tag', tag_id: theirTag.id }, `actions.1.tag_id: no tag "${theirTag.id}" in this workspace`);
    await post({ type: 'remove_tag', tag_id: 'tag_nope' }, 'actions.1.tag_id: no tag "tag_nope" in this workspace');
    await post({ type: 'send_canned_reply', canned_reply_id: theirReply.id }, `actions.1.canned_reply_id: no canned reply "${theirReply.id}" in this workspace`);
    await post({ type: 'call_webhook', webhook_id: 'wh_nope' }, 'actions.1.webhook_id: no webhook "wh_nope" in this workspace');

    const rule = (await env.api<AutomationRule>('POST', '/automation-rules', { name: 'ok', trigger: 'tag_added', actions: NOTE })).body;
    await refused('PATCH', `/automation-rules/${rule.id}`, { actions: [{ type: 'add_tag', tag_id: theirTag.id }] }, 400, 'validation_failed', /^actions\.0\.tag_id/);
    await refused('PUT', '/automation-rules/order', { ids: [] }, 400, 'validation_failed', 'ids: list all 1 rules, each once');
    await refused('PUT', '/automation-rules/order', { ids: [rule.id, rule.id] }, 400, 'validation_failed', 'ids: each rule once');
    await refused('PUT', '/automation-rules/order', { ids: ['auto_theirs'] }, 400, 'validation_failed', 'ids: no automation rule "auto_theirs" in this workspace');
    expect((await list()).map((r) => r.actions)).toEqual([NOTE]);
  });

  it('lets every agent read, and only admins write', async () => {
    const rule = (await env.api<AutomationRule>('POST', '/automation-rules', { name: 'Read me', trigger: 'tag_added', actions: NOTE })).body;
    const agent = await addAgent(env.server, { name: 'Plain Agent', email: `plain-${Date.now()}@example.com` });
    const as = <T>(method: string, path: string, body?: unknown) => adminFetch<T | ErrorBody>(env.server.url, agent, method, path, body);
    expect((await as<Page<AutomationRule>>('GET', '/automation-rules')).status).toBe(200);
    expect((await as('GET', `/automation-rules/${rule.id}/runs`)).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/automation-rules', { name: 'Mine', trigger: 'tag_added', actions: NOTE }],
      ['PATCH', `/automation-rules/${rule.id}`, { enabled: false }],
      ['PUT', '/automation-rules/order', { ids: [rule.id] }],
      ['DELETE', `/automation-rules/${rule.id}`, undefined],
    ] as const) {
      const res = await as<ErrorBody>(method, path, body);
      expect({ status: res.status, code: (res.body as ErrorBody).error.code }).toEqual({ status: 403, code: 'forbidden' });
    }
    expect(await list()).toEqual([rule]);
  });

  it('is in the admin area for API tokens: a write token may read, not change', async () => {
    const token = async (scopes: string[]) => (await env.api<CreatedApiToken>('POST', '/api-tokens', { name: `automation ${scopes.join('+')}`, scopes })).body.token;
    const call = async (value: string, method: string, body?: unknown) => {
      const res = await fetch(`${env.server.url}/api/v1/automation-rules`, {
        method,
        headers: { Authorization: `Bearer ${value}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.status;
    };
    const [write, admin] = [await token(['read', 'write']), await token(['admin'])];
    const rule = { name: 'By token', trigger: 'tag_added', actions: NOTE };
    expect(await call(write, 'GET')).toBe(200);
    expect(await call(write, 'POST', rule)).toBe(403);
    expect(await call(admin, 'POST', rule)).toBe(201);
  });
});
