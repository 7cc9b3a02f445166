/**
 * Waiting conversations handed out as room appears (drain-queue.ts), through
 * the real server: agents come online through real inbox sockets, visitors
 * start conversations over /visitor, people close, snooze and unassign over
 * REST. Checked: up to capacity and oldest first, each kind of load drop pulls
 * the next one, two agents at once split the queue, drains racing each other
 * and new conversations never assign anything twice or past capacity, and
 * `manual` teams keep their queue.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, AgentProfile, Page, Team } from '../../../protocol/index.js';
import { useAdminTestServer } from '../../test-support/admin-test-server.js';
import { agentView, clearRules, createAgent, createRule, createTeam, goOnline, presenceOf, start, startRouted, type TestAgent, visitor } from '../../test-support/team-fixtures.js';
import { adminFetch, type AgentSocket, type VisitorSocket } from '../../test-support/test-server.js';

const ctx = useAdminTestServer();
/** The admin's inbox: sees every presence notice of the workspace. */
let observer: AgentSocket;
let customer: VisitorSocket;
const agentSockets: AgentSocket[] = [];
/** Conversation ids published as `conversation.updated` on the bus. */
const updated: string[] = [];

beforeAll(async () => {
  const { server, session } = ctx;
  observer = await goOnline(server, { id: session.agentId, name: 'Admin', cookie: session.cookie, csrf: session.csrf });
  customer = await visitor(server);
  ctx.sockets.push(customer);
  server.domain.bus.subscribe('conversation.updated', ({ conversationId }) => updated.push(conversationId));
});
afterEach(async () => {
  agentSockets.splice(0).forEach((s) => s.close());
  await clearRules(ctx.server, ctx.session);
});
afterAll(() => observer.close());

const as = (agent: TestAgent) => (method: string, path: string, body?: unknown) => adminFetch<AgentConversation>(ctx.server.url, agent, method, path, body);

/** Connects the agent's inbox and resolves once the server has seen them online and the drains it started are done. */
async function online(...agents: TestAgent[]): Promise<void> {
  const seen = agents.map((a) => presenceOf(observer, a.id, 'online'));
  agentSockets.push(...(await Promise.all(agents.map((a) => goOnline(ctx.server, a)))));
  await Promise.all(seen);
  await ctx.server.domain.routing.settled();
}

/**
 * `count` conversations routed to `team` while nobody can take them; their
 * creation times are then set so that the queue's order (oldest first) is
 * `order` (indexes into the returned ids), not the order they were started in.
 */
async function waitingIn(team: Team, count: number, order?: number[]): Promise<string[]> {
  await createRule(ctx.server, ctx.session, { name: `To ${team.name}`, team_id: team.id, strategy: 'round_robin' });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const view = await startRouted(ctx.server, customer, `waiting ${i}`);
    expect(view).toMatchObject({ teamId: team.id, assigneeId: null });
    ids.push(view.id);
  }
  await clearRules(ctx.server, ctx.session);
  const queue = order ?? ids.map((_, i) => i);
  for (const [place, index] of queue.entries()) {
    await ctx.server.domain.db
      .updateTable('conversations')
      .set({ created_at: new Date(Date.UTC(2024, 0, 1, 0, 0, place)).toISOString() })
      .where('id', '=', ids[index])
      .execute();
  }
  return ids;
}

const assignees = async (ids: readonly string[]) => Promise.all(ids.map(async (id) => (await agentView(ctx.server, id)).assigneeId));

async function openAssigned(agentId: string): Promise<number | undefined> {
  const roster = await ctx.api<Page<AgentProfile>>('GET', '/agents');
  return roster.body.data.find((a) => a.id === agentId)?.open_assigned;
}

describe('an agent coming online', () => {
  it('receives the waiting conversations up to capacity, oldest first, each announced', async () => {
    const ana = await createAgent(ctx.server, { name: 'Ana queue', capacity: 2 });
    const team = await createTeam(ctx.server, ctx.session, { name: 'Queue one', member_ids: [ana.id] });
    // Started 0, 1, 2; the queue's order is 2, 0, 1.
    const ids = await waitingIn(team, 3, [2, 0, 1]);
    const before = updated.length;

    await online(ana);
    expect(await assignees(ids)).toEqual([ana.id, null, ana.id]);
    expect(await openAssigned(ana.id)).toBe(2);
    expect(updated.slice(before)).toEqual(expect.arrayContaining([ids[2], ids[0]]));
    expect(updated.slice(before)).not.toContain(ids[1]);
  });

  it('coming back from away counts as coming online', async () => {
    const bea = await createAgent(ctx.server, { name: 'Bea queue', capacity: 1 });
    const team = await createTeam(ctx.server, ctx.session, { name: 'Queue away', member_ids: [bea.id] });
    await online(bea);
    await as(bea)('PATCH', '/agents/me/presence', { presence: 'away' });
    const [id] = await waitingIn(team, 1);
    const back = presenceOf(observer, bea.id, 'online');
    await as(bea)('PATCH', '/agents/me/presence', { presence: 'online' });
    await back;
    await ctx.server.domain.routing.settled();
    expect(await assignees([id])).toEqual([bea.id]);
  });
});

describe('an agent whose load drops', () => {
  it('gets the next waiting conversation when one of theirs is closed, snoozed, unassigned or given away', async () => {
    const [cy, dee] = await Promise.all([createAgent(ctx.server, { name: 'Cy queue', capacity: 1 }), createAgent(ctx.server, { name: 'Dee queue' })]);
    const team = await createTeam(ctx.server, ctx.session, { name: 'Queue drops', member_ids: [cy.id] });
    const ids = await waitingIn(team, 6);
    await online(cy);
    expect(await assignees(ids)).toEqual([cy.id, null, null, null, null, null]);
    const settled = () => ctx.server.domain.routing.settled();

    await as(cy)('PATCH', `/conversations/${ids[0]}`, { status: 'closed' });
    await settled();
    expect(await assignees(ids)).toEqual([cy.id, cy.id, null, null, null, null]);

    await as(cy)('PATCH', `/conversations/${ids[1]}`, { status: 'snoozed', snoozed_until: new Date(Date.now() + 3_600_000).toISOString() });
    await settled();
    expect((await assignees(ids)).slice(2)).toEqual([cy.id, null, null, null]);

    // Given to someone outside the team (by hand: capacity binds only automatic assignment).
    await as(cy)('POST', `/conversations/${ids[2]}/assign`, { assigneeId: dee.id });
    await settled();
    expect((await assignees(ids)).slice(2)).toEqual([dee.id, cy.id, null, null]);

    // Unassigned, keeping the team: it waits again, and Cy gets the next one rather than it back.
    await as(cy)('POST', `/conversations/${ids[3]}/assign`, { assigneeId: null });
    await settled();
    expect((await assignees(ids)).slice(3)).toEqual([null, cy.id, null]);
    expect(await openAssigned(cy.id)).toBe(1);
  });

  it('a conversation that waits again goes to another member with room', async () => {
    const [eli, fox] = await Promise.all([createAgent(ctx.server, { name: 'Eli queue', capacity: 1 }), createAgent(ctx.server, { name: 'Fox queue', capacity: 1 })]);
    const team = await createTeam(ctx.server, ctx.session, { name: 'Queue back', member_ids: [eli.id] });
    const [id] = await waitingIn(team, 1);
    await online(eli, fox);
    expect(await assignees([id])).toEqual([eli.id]);
    await adminFetch(ctx.server.url, ctx.session, 'PATCH', `/teams/${team.id}`, { member_ids: [eli.id, fox.id] });
    await as(eli)('POST', `/conversations/${id}/assign`, { assigneeId: null });
    await ctx.server.domain.routing.settled();
    expect(await assignees([id])).toEqual([fox.id]);
  });
});

describe('under concurrency', () => {
  for (const strategy of ['round_robin', 'least_busy'] as const) {
    it(`${strategy}: two agents coming online at once split the queue, nobody past capacity, nothing twice`, async () => {
      const [gil, hal] = await Promise.all(['Gil', 'Hal'].map((name) => createAgent(ctx.server, { name: `${name} ${strategy}`, capacity: 3 })));
      const team = await createTeam(ctx.server, ctx.session, { name: `Queue pair ${strategy}`, member_ids: [gil.id, hal.id], strategy });
      const ids = await waitingIn(team, 8);
      await online(gil, hal);
      const got = await assignees(ids);
      // The six oldest went out, three each; the two newest wait.
      expect(got.slice(6)).toEqual([null, null]);
      expect([got.filter((a) => a === gil.id).length, got.filter((a) => a === hal.id).length]).toEqual([3, 3]);
      expect([await openAssigned(gil.id), await openAssigned(hal.id)]).toEqual([3, 3]);
    });
  }

  // Over SQLite's one connection the transactions take turns; over Postgres these drains and routings
  // really interleave. Every assignment reported must be the one the conversation ends with.
  it('drains at the same moment as each other and as new conversations: each conversation once, nobody past capacity', async () => {
    const { domain } = ctx.server;
    const ws = await domain.workspaces.byAppId('demo');
    const [ivy, jon] = await Promise.all(['Ivy', 'Jon'].map((name) => createAgent(ctx.server, { name: `${name} race`, capacity: 3 })));
    // Manual while the queue fills and the agents come online: nothing is handed out yet.
    const team = await createTeam(ctx.server, ctx.session, { name: 'Queue race', member_ids: [ivy.id, jon.id], strategy: 'manual' });
    const queued = await waitingIn(team, 5);
    await online(ivy, jon);
    expect(await assignees(queued)).toEqual([null, null, null, null, null]);
    // New conversations not routed yet (no rule while they start).
    const fresh = [await start(customer, 'new 1'), await start(customer, 'new 2'), await start(customer, 'new 3')];
    await domain.routing.settled();
    await createRule(ctx.server, ctx.session, { name: 'Race rule', team_id: team.id, strategy: 'least_busy' });
    await adminFetch(ctx.server.url, ctx.session, 'PATCH', `/teams/${team.id}`, { strategy: 'least_busy' });
    const created = await Promise.all(
      fresh.map(async (id) => ({ workspaceId: ws.id, contactId: (await agentView(ctx.server, id)).contact.id, conversationId: id, startedBy: 'visitor' as const })),
    );

    const [drained, routed] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, () => domain.routing.drain.drain(ws.id, [team.id]))),
      Promise.all(created.map((e) => domain.routing.auto.route(e))),
    ]);
    await domain.routing.settled();

    const reported = new Map<string, string>();
    for (const a of drained.flat()) {
      expect(reported.has(a.conversationId)).toBe(false);
      reported.set(a.conversationId, a.assigneeId);
    }
    routed.forEach((r, i) => {
      if (!r?.assigneeId) return;
      expect(reported.has(fresh[i])).toBe(false);
      reported.set(fresh[i], r.assigneeId);
    });
    const all = [...queued, ...fresh];
    const final = await assignees(all);
    // Six places for eight conversations: six assigned, each exactly as reported, three each.
    expect(final.filter((a) => a !== null)).toHaveLength(6);
    all.forEach((id, i) => expect(final[i] ?? undefined).toBe(reported.get(id)));
    expect([await openAssigned(ivy.id), await openAssigned(jon.id)]).toEqual([3, 3]);
  });
});

describe('manual teams', () => {
  it('keep their queue when a member comes online or has room again', async () => {
    const kit = await createAgent(ctx.server, { name: 'Kit queue', capacity: 2 });
    const team = await createTeam(ctx.server, ctx.session, { name: 'Queue manual', member_ids: [kit.id], strategy: 'manual' });
    const ids = await waitingIn(team, 2);
    await online(kit);
    expect(await assignees(ids)).toEqual([null, null]);

    const mine = await start(customer, 'given by hand');
    await ctx.server.domain.routing.settled();
    await as(kit)('POST', `/conversations/${mine}/assign`, { assigneeId: kit.id, teamId: team.id });
    await as(kit)('PATCH', `/conversations/${mine}`, { status: 'closed' });
    await ctx.server.domain.routing.settled();
    expect(await assignees(ids)).toEqual([null, null]);
  });
});
