/**
 * Presence and assignment through the real server: inbox sockets make agents
 * online, assignment rules route new conversations from visitors' sockets,
 * and agents move conversations by hand over REST.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, AgentPresence, AgentProfile, Page, PresenceNotice, Segment } from '../../../protocol/index.js';
import {
  agentView,
  clearRules,
  createAgent,
  createRule,
  createTeam,
  goOnline,
  presenceOf,
  start,
  startRouted,
  type TestAgent,
  visitor,
} from '../../test-support/team-fixtures.js';
import { adminFetch, type AgentSocket, loginAgent, nextEvent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

let server: TestServer;
let admin: { cookie: string; csrf: string; agentId: string };
/** The admin's inbox: sees every presence notice and conversation update of the workspace. */
let observer: AgentSocket;
const sockets: Array<AgentSocket | VisitorSocket> = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
  observer = await goOnline(server, { id: admin.agentId, name: 'Admin', cookie: admin.cookie, csrf: admin.csrf });
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await clearRules(server, admin);
});
afterAll(async () => {
  observer.close();
  await server.stop();
});

const api = <T>(method: string, path: string, body?: unknown, as: { cookie: string; csrf: string } = admin) => adminFetch<T>(server.url, as, method, path, body);

async function online(agent: TestAgent): Promise<AgentSocket> {
  const seen = presenceOf(observer, agent.id, 'online');
  const socket = await goOnline(server, agent);
  sockets.push(socket);
  await seen;
  return socket;
}

async function newVisitor(user?: { id: string; traits?: Record<string, string | number> }): Promise<VisitorSocket> {
  const socket = await visitor(server, user);
  sockets.push(socket);
  return socket;
}

async function presenceInList(agentId: string): Promise<AgentPresence | undefined> {
  return (await api<Page<AgentProfile>>('GET', '/agents')).body.data.find((a) => a.id === agentId)?.presence;
}

describe('presence', () => {
  it('is online with a socket, away by choice, and offline only when the last socket is gone', async () => {
    const ana = await createAgent(server, { name: 'Ana' });
    const notices: AgentPresence[] = [];
    const record = (n: PresenceNotice) => n.agentId === ana.id && notices.push(n.presence);
    observer.on('presence', record);

    const first = await online(ana);
    expect(await presenceInList(ana.id)).toBe('online');
    const second = await goOnline(server, ana);

    const away = presenceOf(observer, ana.id, 'away');
    expect((await api<AgentProfile>('PATCH', '/agents/me/presence', { presence: 'away' }, ana)).body.presence).toBe('away');
    await away;
    expect(await presenceInList(ana.id)).toBe('away');
    const back = presenceOf(observer, ana.id, 'online');
    await api('PATCH', '/agents/me/presence', { presence: 'online' }, ana);
    await back;

    // One of two tabs closes: still online. The last one closes: offline.
    first.close();
    const gone = presenceOf(observer, ana.id, 'offline');
    second.close();
    await gone;
    expect(await presenceInList(ana.id)).toBe('offline');
    expect(notices).toEqual(['online', 'away', 'online', 'offline']);
    observer.off('presence', record);
  });

  it('keeps a chosen away across reconnects', async () => {
    const bo = await createAgent(server, { name: 'Bo' });
    const socket = await online(bo);
    await api('PATCH', '/agents/me/presence', { presence: 'away' }, bo);
    const gone = presenceOf(observer, bo.id, 'offline');
    socket.close();
    await gone;
    const away = presenceOf(observer, bo.id, 'away');
    sockets.push(await goOnline(server, bo));
    expect((await away).presence).toBe('away');
  });
});

describe('automatic assignment', () => {
  it('round robin gives three online agents their turn, in team order', async () => {
    const agents = await Promise.all(['Cy', 'Di', 'Ed'].map((name) => createAgent(server, { name })));
    for (const a of agents) await online(a);
    const team = await createTeam(server, admin, { name: 'Round', member_ids: agents.map((a) => a.id) });
    await createRule(server, admin, { name: 'All to Round', team_id: team.id, strategy: 'round_robin' });
    const socket = await newVisitor();

    const firstId = await start(socket, 'first');
    const update = await nextEvent<AgentConversation>(observer, 'conversation:updated', 5_000, (c) => c.id === firstId && c.assigneeId !== null);
    expect(update).toMatchObject({ teamId: team.id, teamName: 'Round', assigneeId: agents[0].id, assigneeName: 'Cy' });
    const assignees = [update.assigneeId];
    for (let i = 0; i < 5; i += 1) assignees.push((await startRouted(server, socket)).assigneeId);
    const [cy, di, ed] = agents.map((a) => a.id);
    expect(assignees).toEqual([cy, di, ed, cy, di, ed]);

    const roster = (await api<Page<AgentProfile>>('GET', '/agents')).body.data;
    expect(agents.map((a) => roster.find((r) => r.id === a.id)?.open_assigned)).toEqual([2, 2, 2]);
  });

  it('least busy picks the fewest open conversations, then the longest waiting', async () => {
    const [fay, gus] = await Promise.all([createAgent(server, { name: 'Fay' }), createAgent(server, { name: 'Gus' })]);
    await online(fay);
    await online(gus);
    const socket = await newVisitor();
    // Gus already has two open conversations, given by hand.
    for (let i = 0; i < 2; i += 1) await api('POST', `/conversations/${await start(socket)}/assign`, { assigneeId: gus.id });
    const team = await createTeam(server, admin, { name: 'Least', member_ids: [fay.id, gus.id] });
    await createRule(server, admin, { name: 'All to Least', team_id: team.id, strategy: 'least_busy' });

    const assignees: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1) assignees.push((await startRouted(server, socket)).assigneeId);
    // 0 vs 2, 1 vs 2, then 2 vs 2: Gus has waited longer since his last one.
    expect(assignees).toEqual([fay.id, fay.id, gus.id]);
  });

  it('skips agents who are offline, away or full; with nobody left the team keeps it', async () => {
    const [full, off, away, ok] = await Promise.all([
      createAgent(server, { name: 'Full', capacity: 1 }),
      createAgent(server, { name: 'Off' }),
      createAgent(server, { name: 'Away' }),
      createAgent(server, { name: 'Ok', capacity: 2 }),
    ]);
    await online(full);
    await online(away);
    await online(ok);
    await api('PATCH', '/agents/me/presence', { presence: 'away' }, away);
    const socket = await newVisitor();
    await api('POST', `/conversations/${await start(socket)}/assign`, { assigneeId: full.id });
    const team = await createTeam(server, admin, { name: 'Skips', member_ids: [full.id, off.id, away.id, ok.id] });
    await createRule(server, admin, { name: 'All to Skips', team_id: team.id, strategy: 'round_robin', priority: 'high' });

    expect((await startRouted(server, socket)).assigneeId).toBe(ok.id);
    expect((await startRouted(server, socket)).assigneeId).toBe(ok.id);
    const waiting = await startRouted(server, socket);
    expect(waiting).toMatchObject({ assigneeId: null, teamId: team.id, teamName: 'Skips', priority: 'high' });

    // Room again (capacity raised): the next one goes to Ok; least busy obeys capacity too.
    await api('PATCH', `/agents/${ok.id}`, { capacity: 3 });
    expect((await startRouted(server, socket)).assigneeId).toBe(ok.id);
    await api('PATCH', `/teams/${team.id}`, { member_ids: [full.id, ok.id] });
    await clearRules(server, admin);
    await createRule(server, admin, { name: 'Least to Skips', team_id: team.id, strategy: 'least_busy' });
    expect((await startRouted(server, socket)).assigneeId).toBeNull();
  });

  it('takes the first enabled matching rule, in list order', async () => {
    const [hal, ivy] = await Promise.all([createAgent(server, { name: 'Hal' }), createAgent(server, { name: 'Ivy' })]);
    await online(hal);
    await online(ivy);
    const general = await createTeam(server, admin, { name: 'General', member_ids: [hal.id] });
    const pro = await createTeam(server, admin, { name: 'Pro desk', member_ids: [ivy.id] });
    await createRule(server, admin, { name: 'Off', enabled: false, team_id: general.id });
    await createRule(server, admin, { name: 'Pro', when: { attr: 'plan', op: 'eq', value: 'pro' }, team_id: pro.id, priority: 'urgent', strategy: 'least_busy' });
    const catchAll = await createRule(server, admin, { name: 'Everyone', team_id: general.id, strategy: 'manual' });

    const proVisitor = await newVisitor({ id: 'rules-pro-user', traits: { plan: 'pro' } });
    expect(await startRouted(server, proVisitor)).toMatchObject({ teamId: pro.id, assigneeId: ivy.id, priority: 'urgent' });
    // `manual`: the team gets it, nobody is picked.
    expect(await startRouted(server, await newVisitor())).toMatchObject({ teamId: general.id, teamName: 'General', assigneeId: null, priority: 'normal' });

    await api('PATCH', `/assignment-rules/${catchAll.id}`, { position: 0 });
    expect(await startRouted(server, proVisitor)).toMatchObject({ teamId: general.id, assigneeId: null });
    await api('PATCH', `/assignment-rules/${catchAll.id}`, { enabled: false });
    expect(await startRouted(server, proVisitor)).toMatchObject({ teamId: pro.id, assigneeId: ivy.id });
  });

  it('reads the conversation’s attributes and the contact’s segments', async () => {
    const jo = await createAgent(server, { name: 'Jo' });
    await online(jo);
    const billing = await createTeam(server, admin, { name: 'Billing', member_ids: [jo.id] });
    const vip = await createTeam(server, admin, { name: 'VIP' });
    const support = await createTeam(server, admin, { name: 'Support' });
    const segment = (await api<Segment>('POST', '/segments', { name: 'Enterprise', rule: { attr: 'plan', op: 'eq', value: 'enterprise' } })).body;
    await createRule(server, admin, { name: 'Enterprise', when: { segment: segment.id }, team_id: vip.id, strategy: 'manual' });
    await createRule(server, admin, {
      name: 'Invoices',
      when: { attr: 'conversation.first_message', op: 'contains', value: 'invoice' },
      team_id: billing.id,
    });
    await createRule(server, admin, {
      name: 'Messenger, from visitors',
      when: {
        all: [
          { attr: 'conversation.channel', op: 'eq', value: 'messenger' },
          { attr: 'conversation.started_by', op: 'eq', value: 'visitor' },
          { attr: 'conversation.priority', op: 'eq', value: 'normal' },
        ],
      },
      team_id: support.id,
      strategy: 'manual',
    });

    const socket = await newVisitor();
    expect(await startRouted(server, socket, 'Where is my invoice for March?')).toMatchObject({ teamId: billing.id, assigneeId: jo.id });
    expect(await startRouted(server, socket, 'Hello there')).toMatchObject({ teamId: support.id, assigneeId: null });
    expect(await startRouted(server, await newVisitor({ id: 'rules-enterprise', traits: { plan: 'enterprise' } }), 'my invoice')).toMatchObject({ teamId: vip.id });
  });

  it('leaves a conversation unassigned and without a team when no rule matches', async () => {
    await createRule(server, admin, { name: 'Nobody', when: { any: [] } });
    expect(await startRouted(server, await newVisitor())).toMatchObject({ teamId: null, teamName: null, assigneeId: null, priority: 'normal' });
  });

  it('leaves alone a conversation the team opened with an assignee', async () => {
    const kim = await createAgent(server, { name: 'Kim' });
    const lee = await createAgent(server, { name: 'Lee' });
    await online(lee);
    const team = await createTeam(server, admin, { name: 'Follow-ups', member_ids: [lee.id] });
    await createRule(server, admin, { name: 'All', team_id: team.id });
    const ws = await server.domain.workspaces.byAppId('demo');
    const socket = await newVisitor({ id: 'opened-by-team' });
    await start(socket, 'so the contact exists');
    await server.domain.routing.settled();
    const contact = await server.domain.db.selectFrom('contacts').selectAll().where('workspace_id', '=', ws.id).where('external_id', '=', 'opened-by-team').executeTakeFirstOrThrow();
    const row = await server.domain.conversations.openByTeam(contact, {
      clientId: 'opened-by-team-0001',
      body: 'How was it?',
      author: { type: 'agent', id: kim.id, name: 'Kim' },
      assigneeId: kim.id,
    });
    await server.domain.routing.settled();
    expect(await agentView(server, row.id)).toMatchObject({ assigneeId: kim.id, teamId: null });
  });
});

describe('assignment by hand', () => {
  it('assigns agents and teams, keeping or clearing the other as documented', async () => {
    const [max, nia] = await Promise.all([createAgent(server, { name: 'Max' }), createAgent(server, { name: 'Nia' })]);
    const alpha = await createTeam(server, admin, { name: 'Alpha', member_ids: [max.id] });
    const beta = await createTeam(server, admin, { name: 'Beta', member_ids: [nia.id] });
    const id = await start(await newVisitor(), 'route me');
    await server.domain.routing.settled();
    const assign = (body: unknown) => api<AgentConversation>('POST', `/conversations/${id}/assign`, body, max);

    expect((await assign({ teamId: alpha.id })).body).toMatchObject({ teamId: alpha.id, teamName: 'Alpha', assigneeId: null });
    // An agent outside the team: allowed, the team stays.
    expect((await assign({ assigneeId: nia.id })).body).toMatchObject({ teamId: alpha.id, assigneeId: nia.id, assigneeName: 'Nia' });
    // A team of which the agent is a member keeps the agent…
    expect((await assign({ teamId: beta.id })).body).toMatchObject({ teamId: beta.id, teamName: 'Beta', assigneeId: nia.id });
    // …one of which they are not clears them.
    expect((await assign({ teamId: alpha.id })).body).toMatchObject({ teamId: alpha.id, assigneeId: null });
    expect((await assign({ teamId: beta.id, assigneeId: max.id })).body).toMatchObject({ teamId: beta.id, assigneeId: max.id });
    expect((await assign({ teamId: null })).body).toMatchObject({ teamId: null, teamName: null, assigneeId: max.id });
    expect((await assign({ assigneeId: null })).body).toMatchObject({ teamId: null, assigneeId: null });

    expect((await assign({})).status).toBe(400);
    expect((await assign({ teamId: 'team_nope' })).status).toBe(404);
    expect((await assign({ assigneeId: 'ag_nobody' })).status).toBe(404);
  });

  it('filters the inbox by team, with the assignee filter still working', async () => {
    const oz = await createAgent(server, { name: 'Oz' });
    const team = await createTeam(server, admin, { name: 'Filter', member_ids: [oz.id] });
    const socket = await newVisitor();
    const [a, b, c] = [await start(socket), await start(socket), await start(socket)];
    await server.domain.routing.settled();
    await api('POST', `/conversations/${a}/assign`, { teamId: team.id });
    await api('POST', `/conversations/${b}/assign`, { teamId: team.id, assigneeId: oz.id });
    const list = async (query: string, as: { cookie: string; csrf: string } = admin) =>
      (await api<Page<AgentConversation>>('GET', `/conversations?${query}`, undefined, as)).body.data.map((conv) => conv.id).sort();
    expect(await list(`team_id=${team.id}`)).toEqual([a, b].sort());
    expect(await list(`team_id=${team.id}&assignee=unassigned`)).toEqual([a]);
    expect(await list(`team_id=${team.id}&assignee=me`, oz)).toEqual([b]);
    expect(await list('team_id=team_nope')).toEqual([]);
    expect(await list('assignee=unassigned')).toContain(c);
  });
});
