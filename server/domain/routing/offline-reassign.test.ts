/**
 * Reassign on offline through the real server: an agent's last inbox socket
 * closes, the grace period ends (the test ends it: its timer is injected, so
 * nothing here waits on a clock), and their open conversations go back to
 * their team's strategy.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation } from '../../../protocol/index.js';
import { agentView, createAgent, createTeam, goOnline, presenceOf, start, type TestAgent, visitor } from '../../test-support/team-fixtures.js';
import { adminFetch, type AgentSocket, loginAgent, startTestServer, type TestServer, type VisitorSocket } from '../../test-support/test-server.js';

interface PendingGrace {
  fire: () => void;
  ms: number;
  cancelled: boolean;
}

let server: TestServer;
let admin: { cookie: string; csrf: string; agentId: string };
let observer: AgentSocket;
let customer: VisitorSocket;
const graces: PendingGrace[] = [];
const sockets: AgentSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  server.domain.routing.offline.configure({
    timer: (fire, ms) => {
      const grace: PendingGrace = { fire, ms, cancelled: false };
      graces.push(grace);
      return () => {
        grace.cancelled = true;
      };
    },
  });
  admin = await loginAgent(server.url);
  observer = await goOnline(server, { id: admin.agentId, name: 'Admin', cookie: admin.cookie, csrf: admin.csrf });
  customer = await visitor(server);
  await adminFetch(server.url, admin, 'PATCH', '/settings', { reassignOnOffline: true });
});
afterEach(() => sockets.splice(0).forEach((s) => s.close()));
afterAll(async () => {
  observer.close();
  customer.close();
  await server.stop();
});

const api = <T>(method: string, path: string, body?: unknown) => adminFetch<T>(server.url, admin, method, path, body);

async function online(agent: TestAgent): Promise<AgentSocket> {
  const socket = await goOnline(server, agent);
  sockets.push(socket);
  return socket;
}

/** Closes the agent's socket and resolves once the server has seen it go (and scheduled what it schedules). */
async function goOffline(agent: TestAgent, socket: AgentSocket): Promise<void> {
  const gone = presenceOf(observer, agent.id, 'offline');
  socket.close();
  await gone;
  await server.domain.routing.settled();
}

/** A new conversation given by hand to `assigneeId` (and `teamId`). */
async function conversationOf(assigneeId: string, teamId: string | null = null): Promise<string> {
  const id = await start(customer);
  await server.domain.routing.settled();
  await api('POST', `/conversations/${id}/assign`, { assigneeId, teamId });
  return id;
}

async function endGrace(grace: PendingGrace | undefined): Promise<void> {
  grace?.fire();
  await server.domain.routing.settled();
}

const assigneeOf = async (id: string): Promise<AgentConversation['assigneeId']> => (await agentView(server, id)).assigneeId;

describe('reassign on offline', () => {
  it('hands open conversations to the next online member once the grace period ends', async () => {
    const [pat, quinn] = await Promise.all([createAgent(server, { name: 'Pat' }), createAgent(server, { name: 'Quinn' })]);
    const patSocket = await online(pat);
    await online(quinn);
    const team = await createTeam(server, admin, { name: 'Handover', member_ids: [pat.id, quinn.id] });
    const [first, second, closed, teamless] = [
      await conversationOf(pat.id, team.id),
      await conversationOf(pat.id, team.id),
      await conversationOf(pat.id, team.id),
      await conversationOf(pat.id),
    ];
    await api('PATCH', `/conversations/${closed}`, { status: 'closed' });

    const before = graces.length;
    await goOffline(pat, patSocket);
    expect(graces.length).toBe(before + 1);
    const grace = graces[graces.length - 1];
    expect(grace.ms).toBe(60_000);
    // Not before the grace period ends.
    expect(await assigneeOf(first)).toBe(pat.id);

    await endGrace(grace);
    expect(await assigneeOf(first)).toBe(quinn.id);
    expect(await assigneeOf(second)).toBe(quinn.id);
    expect(await assigneeOf(closed)).toBe(pat.id);
    expect(await agentView(server, teamless)).toMatchObject({ assigneeId: null, teamId: null });
  });

  it('leaves everything with an agent who is back before the grace period ends', async () => {
    const rex = await createAgent(server, { name: 'Rex' });
    const other = await createAgent(server, { name: 'Other' });
    await online(other);
    const team = await createTeam(server, admin, { name: 'Blip', member_ids: [rex.id, other.id] });
    const id = await conversationOf(rex.id, team.id);
    await goOffline(rex, await online(rex));
    const grace = graces[graces.length - 1];

    const back = presenceOf(observer, rex.id, 'online');
    await online(rex);
    await back;
    expect(grace.cancelled).toBe(true);
    // Even a timer that fired anyway finds Rex online.
    await endGrace(grace);
    expect(await assigneeOf(id)).toBe(rex.id);
  });

  it('keeps the team but no agent when the team is manual or nobody has room', async () => {
    const [sam, full] = await Promise.all([createAgent(server, { name: 'Sam' }), createAgent(server, { name: 'Full', capacity: 1 })]);
    await online(full);
    const manual = await createTeam(server, admin, { name: 'By hand', member_ids: [sam.id, full.id], strategy: 'manual' });
    const busy = await createTeam(server, admin, { name: 'Busy', member_ids: [sam.id, full.id], strategy: 'least_busy' });
    await conversationOf(full.id, busy.id);
    const [inManual, inBusy] = [await conversationOf(sam.id, manual.id), await conversationOf(sam.id, busy.id)];
    await goOffline(sam, await online(sam));
    await endGrace(graces[graces.length - 1]);
    expect(await agentView(server, inManual)).toMatchObject({ assigneeId: null, teamId: manual.id, teamName: 'By hand' });
    expect(await agentView(server, inBusy)).toMatchObject({ assigneeId: null, teamId: busy.id });
  });

  it('does nothing while the setting is off', async () => {
    await api('PATCH', '/settings', { reassignOnOffline: false });
    try {
      const tom = await createAgent(server, { name: 'Tom' });
      const id = await conversationOf(tom.id);
      const before = graces.length;
      await goOffline(tom, await online(tom));
      expect(graces.length).toBe(before);
      expect(await assigneeOf(id)).toBe(tom.id);
    } finally {
      await api('PATCH', '/settings', { reassignOnOffline: true });
    }
  });
});
