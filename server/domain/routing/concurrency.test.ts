/**
 * Assignment under concurrency, through the real server: twenty visitors
 * start conversations at the same moment, each on its own socket, and twenty
 * routings run interleaved. Capacity must hold exactly, round robin must
 * alternate, and no conversation may be routed twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentProfile, Page } from '../../../protocol/index.js';
import { agentView, clearRules, createAgent, createRule, createTeam, goOnline, start, type TestAgent, visitor } from '../../test-support/team-fixtures.js';
import { adminFetch, type AgentSocket, loginAgent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

const VISITORS = 20;

let server: TestServer;
let admin: { cookie: string; csrf: string; agentId: string };
let visitors: VisitorSocket[];
const agentSockets: AgentSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAgent(server.url);
  visitors = await Promise.all(Array.from({ length: VISITORS }, () => visitor(server)));
});
afterEach(async () => {
  agentSockets.splice(0).forEach((s) => s.close());
  await clearRules(server, admin);
});
afterAll(async () => {
  visitors.forEach((s) => s.close());
  await server.stop();
});

/** Two online agents (and one offline member) in a new team with one catch-all rule. */
async function setUp(strategy: 'round_robin' | 'least_busy', capacity: number, label = 'burst'): Promise<[TestAgent, TestAgent]> {
  const [a, b, offline] = await Promise.all(['A', 'B', 'Offline'].map((name) => createAgent(server, { name: `${name} ${strategy} ${capacity}`, capacity })));
  for (const agent of [a, b]) agentSockets.push(await goOnline(server, agent));
  const team = await createTeam(server, admin, { name: `${label} ${strategy} ${capacity}`, member_ids: [a.id, offline.id, b.id] });
  await createRule(server, admin, { name: 'Everything', team_id: team.id, strategy });
  return [a, b];
}

/** Every visitor starts a conversation at once; resolves when all are routed, with their views. */
async function burst() {
  const ids = await Promise.all(visitors.map((socket, i) => start(socket, `burst ${i}`)));
  await server.domain.routing.settled();
  expect(new Set(ids).size).toBe(VISITORS);
  return Promise.all(ids.map((id) => agentView(server, id)));
}

const countFor = (views: ReadonlyArray<{ assigneeId: string | null } | null>, agentId: string | null) => views.filter((v) => v?.assigneeId === agentId).length;

async function openAssigned(agentId: string): Promise<number | undefined> {
  const roster = await adminFetch<Page<AgentProfile>>(server.url, admin, 'GET', '/agents');
  return roster.body.data.find((a) => a.id === agentId)?.open_assigned;
}

describe('twenty conversations at once, two online agents', () => {
  for (const strategy of ['round_robin', 'least_busy'] as const) {
    it(`${strategy}, capacity 10: exactly ten each, every conversation once`, async () => {
      const [a, b] = await setUp(strategy, 10);
      const views = await burst();
      expect([countFor(views, a.id), countFor(views, b.id), countFor(views, null)]).toEqual([10, 10, 0]);
      // What the conversations say agrees with the agents' counts: nothing was assigned twice.
      expect([await openAssigned(a.id), await openAssigned(b.id)]).toEqual([10, 10]);
    });

    it(`${strategy}, capacity 3: six assigned, fourteen with the team only`, async () => {
      const [a, b] = await setUp(strategy, 3);
      const views = await burst();
      expect([countFor(views, a.id), countFor(views, b.id), countFor(views, null)]).toEqual([3, 3, 14]);
      expect(views.every((v) => v.teamId !== null)).toBe(true);
      expect([await openAssigned(a.id), await openAssigned(b.id)]).toEqual([3, 3]);
    });
  }

  // Over SQLite (a synchronous driver) each routing above runs to its end within one turn of the
  // event loop, so the burst checks the whole path but rarely interleaves two routings. Here the
  // twenty are started in the same turn: every read and write of one interleaves with the others',
  // the way they would against a networked database (reading loads outside the transaction fails this).
  const together = [
    ['round_robin', 3, [3, 3, 14]],
    ['least_busy', 3, [3, 3, 14]],
    ['round_robin', 0, [10, 10, 0]],
  ] as const;
  for (const [strategy, capacity, expected] of together) {
    it(`${strategy}, capacity ${capacity}: twenty routings at the same moment, none routed twice`, async () => {
      const ids = await Promise.all(visitors.map((socket, i) => start(socket, `waiting ${i}`)));
      await server.domain.routing.settled(); // no rule yet: nothing routed
      const [a, b] = await setUp(strategy, capacity, 'together');
      const ws = await server.domain.workspaces.byAppId('demo');
      const events = await Promise.all(
        ids.map(async (id) => ({ workspaceId: ws.id, contactId: (await agentView(server, id)).contact.id, conversationId: id, startedBy: 'visitor' as const })),
      );
      const routed = await Promise.all(events.map((e) => server.domain.routing.auto.route(e)));
      expect(routed.every((r) => r !== null)).toBe(true);
      expect([countFor(routed, a.id), countFor(routed, b.id), countFor(routed, null)]).toEqual(expected);
      expect([await openAssigned(a.id), await openAssigned(b.id)]).toEqual(expected.slice(0, 2));
      // The same events again (a redelivery): every conversation is routed already.
      expect(await Promise.all(events.map((e) => server.domain.routing.auto.route(e)))).toEqual(events.map(() => null));
    });
  }

  it('round robin without a capacity still alternates: ten each', async () => {
    const [a, b] = await setUp('round_robin', 0);
    const views = await burst();
    expect([countFor(views, a.id), countFor(views, b.id)]).toEqual([10, 10]);
  });
});
