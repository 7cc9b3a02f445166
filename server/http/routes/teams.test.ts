/**
 * Teams, agents and assignment rules over REST, against the real server:
 * shapes, validation, ordering, and who may write (admins and API tokens).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, AgentProfile, AssignmentRule, Page, Team, WorkspaceSettings } from '../../../protocol/index.js';
import { createAgent, start, type TestAgent, visitor } from '../../test-support/team-fixtures.js';
import { adminFetch, loginAgent, startTestServer, type TestServer } from '../../test-support/test-server.js';

let server: TestServer;
let admin: { cookie: string; csrf: string; agentId: string };
let ana: TestAgent;
let bo: TestAgent;

beforeAll(async () => {
  server = await startTestServer({ BOOTSTRAP_TOKEN: 'pk_test_teams_token' });
  admin = await loginAgent(server.url);
  ana = await createAgent(server, { name: 'Ana' });
  bo = await createAgent(server, { name: 'Bo' });
});
afterAll(() => server.stop());

const api = <T>(method: string, path: string, body?: unknown, as: { cookie: string; csrf: string } = admin) => adminFetch<T>(server.url, as, method, path, body);
const withToken = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { Authorization: 'Bearer pk_test_teams_token', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('teams', () => {
  it('creates, reads, lists, updates and deletes a team', async () => {
    const created = await api<Team>('POST', '/teams', { name: '  Billing ', member_ids: [bo.id, ana.id] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^team_/),
      name: 'Billing',
      member_ids: [bo.id, ana.id],
      strategy: 'round_robin',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const id = created.body.id;
    expect((await api<Team>('GET', `/teams/${id}`)).body).toEqual(created.body);
    // Any agent reads.
    const list = await api<Page<Team>>('GET', '/teams', undefined, ana);
    expect(list.status).toBe(200);
    // The demo workspace's seeded team (docs/bots.md) is there too.
    expect(list.body).toEqual({ data: expect.arrayContaining([created.body]), next_cursor: null });

    const renamed = await api<Team>('PATCH', `/teams/${id}`, { name: 'Billing EU', member_ids: [ana.id], strategy: 'least_busy' });
    expect(renamed.body).toMatchObject({ id, name: 'Billing EU', member_ids: [ana.id], strategy: 'least_busy' });
    expect((await api<Team>('PATCH', `/teams/${id}`, { member_ids: [] })).body.member_ids).toEqual([]);

    expect((await api('DELETE', `/teams/${id}`)).status).toBe(204);
    expect((await api('GET', `/teams/${id}`)).status).toBe(404);
    expect((await api('DELETE', `/teams/${id}`)).status).toBe(404);
  });

  it('refuses bad input: names, members from nowhere, duplicates, unknown keys', async () => {
    const bad = async (body: unknown) => (await api<{ error: { code: string; message: string } }>('POST', '/teams', body)).body.error;
    expect(await bad({ name: '' })).toMatchObject({ code: 'validation_failed' });
    expect(await bad({ name: 'x'.repeat(81) })).toMatchObject({ code: 'validation_failed' });
    expect(await bad({ name: 'Ok', member_ids: [ana.id, ana.id] })).toMatchObject({ code: 'validation_failed', message: 'member_ids: each agent at most once' });
    expect(await bad({ name: 'Ok', member_ids: [ana.id, 'ag_nobody'] })).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('member_ids.1') });
    expect(await bad({ name: 'Ok', strategy: 'random' })).toMatchObject({ code: 'validation_failed' });
    expect(await bad({ name: 'Ok', color: 'red' })).toMatchObject({ code: 'validation_failed' });

    await api('POST', '/teams', { name: 'Sales' });
    const again = await api<{ error: { code: string } }>('POST', '/teams', { name: 'Sales' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('lets only admins and API tokens write', async () => {
    const forbidden = await api<{ error: { code: string } }>('POST', '/teams', { name: 'Agents only' }, ana);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: { code: 'forbidden', message: 'only admins can change teams' } });
    const team = (await api<Team>('POST', '/teams', { name: 'Support' })).body;
    expect((await api('PATCH', `/teams/${team.id}`, { name: 'Hijacked' }, ana)).status).toBe(403);
    expect((await api('DELETE', `/teams/${team.id}`, undefined, ana)).status).toBe(403);

    const viaToken = await withToken('POST', '/teams', { name: 'Made by API', member_ids: [ana.id] });
    expect(viaToken.status).toBe(201);
    expect(((await viaToken.json()) as Team).member_ids).toEqual([ana.id]);
    expect((await fetch(`${server.url}/api/v1/teams`)).status).toBe(401);
  });

  it('keeps conversations when their team is deleted, without the team', async () => {
    const team = (await api<Team>('POST', '/teams', { name: 'Short-lived', member_ids: [ana.id] })).body;
    const socket = await visitor(server);
    const id = await start(socket, 'hi');
    socket.close();
    const assigned = await api<AgentConversation>('POST', `/conversations/${id}/assign`, { teamId: team.id, assigneeId: ana.id });
    expect(assigned.body).toMatchObject({ teamId: team.id, teamName: 'Short-lived', assigneeId: ana.id });
    await api('DELETE', `/teams/${team.id}`);
    const after = await api<AgentConversation>('GET', `/conversations/${id}`);
    expect(after.body).toMatchObject({ teamId: null, teamName: null, assigneeId: ana.id });
  });
});

describe('agents', () => {
  it('lists agents with presence, capacity and open conversations', async () => {
    const list = await api<Page<AgentProfile>>('GET', '/agents', undefined, bo);
    expect(list.status).toBe(200);
    expect(list.body.data.find((a) => a.id === ana.id)).toEqual({
      id: ana.id,
      email: expect.stringContaining('@test.local'),
      name: 'Ana',
      role: 'agent',
      presence: 'offline',
      capacity: 0,
      // The conversation assigned to Ana in the team-deletion test.
      open_assigned: 1,
    });
  });

  it('lets admins change role, capacity and name, and keeps one admin', async () => {
    const changed = await api<AgentProfile>('PATCH', `/agents/${bo.id}`, { capacity: 5, name: 'Bo B.', role: 'admin' });
    expect(changed.body).toMatchObject({ id: bo.id, capacity: 5, name: 'Bo B.', role: 'admin' });
    expect((await api<AgentProfile>('PATCH', `/agents/${bo.id}`, { role: 'agent' })).body.role).toBe('agent');

    expect((await api('PATCH', `/agents/${bo.id}`, { capacity: -1 })).status).toBe(400);
    expect((await api('PATCH', `/agents/${bo.id}`, { capacity: 1.5 })).status).toBe(400);
    expect((await api('PATCH', `/agents/${bo.id}`, {})).status).toBe(400);
    expect((await api('PATCH', `/agents/${bo.id}`, { role: 'owner' })).status).toBe(400);
    expect((await api('PATCH', '/agents/ag_nobody', { capacity: 1 })).status).toBe(404);

    const lastAdmin = await api<{ error: { code: string } }>('PATCH', `/agents/${admin.agentId}`, { role: 'agent' });
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.error.code).toBe('conflict');

    const byAgent = await api<{ error: { code: string } }>('PATCH', `/agents/${ana.id}`, { role: 'admin' }, ana);
    expect(byAgent.status).toBe(403);
  });

  it('sets the own presence: away while connected, offline without a socket', async () => {
    const me = await api<AgentProfile>('PATCH', '/agents/me/presence', { presence: 'away' }, ana);
    expect(me.status).toBe(200);
    // No inbox socket: offline whatever was chosen.
    expect(me.body).toMatchObject({ id: ana.id, presence: 'offline' });
    expect((await api('PATCH', '/agents/me/presence', { presence: 'offline' }, ana)).status).toBe(400);
    expect((await withToken('PATCH', '/agents/me/presence', { presence: 'online' })).status).toBe(403);
    expect((await api<AgentProfile>('GET', '/agents/me', undefined, ana)).body.id).toBe(ana.id);
    await api('PATCH', '/agents/me/presence', { presence: 'online' }, ana);
  });
});

describe('assignment rules', () => {
  it('creates rules in order, inserts, moves and deletes them renumbering the rest', async () => {
    const team = (await api<Team>('POST', '/teams', { name: 'Rules team', member_ids: [ana.id] })).body;
    const first = await api<AssignmentRule>('POST', '/assignment-rules', {
      name: 'VIP',
      when: { attr: 'plan', op: 'eq', value: 'vip' },
      team_id: team.id,
      priority: 'high',
      strategy: 'least_busy',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^arule_/),
      name: 'VIP',
      position: 0,
      enabled: true,
      when: { attr: 'plan', op: 'eq', value: 'vip' },
      team_id: team.id,
      priority: 'high',
      strategy: 'least_busy',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const catchAll = (await api<AssignmentRule>('POST', '/assignment-rules', { name: 'Everyone else', team_id: team.id })).body;
    expect(catchAll).toMatchObject({ position: 1, when: { all: [] }, strategy: 'round_robin', priority: null, enabled: true });
    const top = (await api<AssignmentRule>('POST', '/assignment-rules', { name: 'Top', position: 0, enabled: false })).body;
    const names = async () => (await api<Page<AssignmentRule>>('GET', '/assignment-rules', undefined, ana)).body.data.map((r) => [r.name, r.position]);
    expect(await names()).toEqual([['Top', 0], ['VIP', 1], ['Everyone else', 2]]);

    await api('PATCH', `/assignment-rules/${top.id}`, { position: 99, enabled: true });
    expect(await names()).toEqual([['VIP', 0], ['Everyone else', 1], ['Top', 2]]);
    expect((await api<AssignmentRule>('GET', `/assignment-rules/${top.id}`)).body.enabled).toBe(true);

    await api('DELETE', `/assignment-rules/${first.body.id}`);
    expect(await names()).toEqual([['Everyone else', 0], ['Top', 1]]);

    // Deleting the team leaves its rules without a team.
    await api('DELETE', `/teams/${team.id}`);
    expect((await api<AssignmentRule>('GET', `/assignment-rules/${catchAll.id}`)).body.team_id).toBeNull();
    for (const id of [catchAll.id, top.id]) expect((await api('DELETE', `/assignment-rules/${id}`)).status).toBe(204);
  });

  it('refuses bad rules and non-admins', async () => {
    const bad = async (body: unknown) => (await api<{ error: { code: string; message: string } }>('POST', '/assignment-rules', body)).body.error;
    expect(await bad({ name: 'No team', team_id: 'team_nope' })).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('team_id') });
    expect(await bad({ name: 'Bad rule', when: { attr: 'plan', op: 'between', value: 1 } })).toMatchObject({ code: 'validation_failed' });
    expect(await bad({ name: 'Bad strategy', strategy: 'random' })).toMatchObject({ code: 'validation_failed' });
    expect(await bad({ name: 'Bad priority', priority: 'asap' })).toMatchObject({ code: 'validation_failed' });
    expect(await bad({ when: { all: [] } })).toMatchObject({ code: 'validation_failed' });
    expect((await api('POST', '/assignment-rules', { name: 'Sneaky' }, ana)).status).toBe(403);
    expect((await api('GET', '/assignment-rules/arule_nope')).status).toBe(404);
  });
});

describe('settings', () => {
  it('turns reassign on offline on and off (off by default)', async () => {
    expect((await api<WorkspaceSettings>('GET', '/settings')).body.reassignOnOffline).toBe(false);
    expect((await api<WorkspaceSettings>('PATCH', '/settings', { reassignOnOffline: true })).body.reassignOnOffline).toBe(true);
    expect((await api('PATCH', '/settings', { reassignOnOffline: 'yes' })).status).toBe(400);
    expect((await api<WorkspaceSettings>('PATCH', '/settings', { reassignOnOffline: false })).body.reassignOnOffline).toBe(false);
  });
});
