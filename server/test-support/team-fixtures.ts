/**
 * Helpers for team and assignment tests against the real server: agents with
 * their own cookie sessions (opened through the domain, so a test may have
 * many without meeting the login rate limit), their inbox sockets, teams and
 * rules over REST, and visitors starting conversations over /visitor.
 */
import { randomUUID } from 'node:crypto';
import type { AgentConversation, AgentPresence, AssignmentRule, PresenceNotice, Team } from '../../protocol/index.js';
import { computeUserHash } from '../domain/identity/index.js';
import { SESSION_COOKIE } from '../http/auth/index.js';
import {
  adminFetch,
  type AgentSocket,
  bootVisitor,
  connectAgent,
  connectVisitor,
  IDENTITY_SECRET,
  nextEvent,
  type TestServer,
  type VisitorSocket,
} from './test-server.js';

export interface TestAgent {
  id: string;
  name: string;
  cookie: string;
  csrf: string;
}

export async function createAgent(server: TestServer, input: { name: string; role?: 'admin' | 'agent'; capacity?: number }): Promise<TestAgent> {
  const ws = await server.domain.workspaces.byAppId('demo');
  const row = await server.domain.agents.create({
    workspaceId: ws.id,
    email: `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}@test.local`,
    name: input.name,
    role: input.role ?? 'agent',
    password: 'agent password 1',
  });
  if (input.capacity !== undefined) await server.domain.roster.update(ws.id, row.id, { capacity: input.capacity });
  const session = await server.domain.agents.openSession(row);
  return { id: row.id, name: input.name, cookie: `${SESSION_COOKIE}=${session.cookieValue}`, csrf: session.csrfToken };
}

/** Connects the agent's inbox socket: the agent is online from then on. */
export const goOnline = (server: TestServer, agent: TestAgent): Promise<AgentSocket> => connectAgent(server.url, agent.cookie);

/** Resolves with the next `presence` notice about `agentId` that an observing socket receives. */
export const presenceOf = (observer: AgentSocket, agentId: string, presence: AgentPresence): Promise<PresenceNotice> =>
  nextEvent<PresenceNotice>(observer, 'presence', 5_000, (n) => n.agentId === agentId && n.presence === presence);

export async function createTeam(server: TestServer, admin: { cookie: string; csrf: string }, body: Record<string, unknown>): Promise<Team> {
  const res = await adminFetch<Team>(server.url, admin, 'POST', '/teams', body);
  if (res.status !== 201) throw new Error(`team: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createRule(server: TestServer, admin: { cookie: string; csrf: string }, body: Record<string, unknown>): Promise<AssignmentRule> {
  const res = await adminFetch<AssignmentRule>(server.url, admin, 'POST', '/assignment-rules', body);
  if (res.status !== 201) throw new Error(`rule: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Deletes every assignment rule of the workspace (tests start from an empty list). */
export async function clearRules(server: TestServer, admin: { cookie: string; csrf: string }): Promise<void> {
  const list = await adminFetch<{ data: AssignmentRule[] }>(server.url, admin, 'GET', '/assignment-rules');
  for (const rule of list.body.data) await adminFetch(server.url, admin, 'DELETE', `/assignment-rules/${rule.id}`);
}

/** A booted visitor (identified with traits when `user` is given) and its socket; the caller closes it. */
export async function visitor(server: TestServer, user?: { id: string; traits?: Record<string, string | number> }): Promise<VisitorSocket> {
  const boot = await bootVisitor(server.url, user ? { user: { ...user, userHash: computeUserHash(IDENTITY_SECRET, user.id) } } : {});
  return connectVisitor(server.url, boot.token);
}

/** Starts a conversation and resolves once automatic assignment has run on it; returns it as agents see it. */
export async function startRouted(server: TestServer, socket: VisitorSocket, body = 'Hello'): Promise<AgentConversation> {
  const id = await start(socket, body);
  await server.domain.routing.settled();
  return agentView(server, id);
}

/** Starts a conversation; resolves with its id (assignment may still be running). */
export async function start(socket: VisitorSocket, body = 'Hello'): Promise<string> {
  const r = await socket.emitWithAck('conversation:start', { clientId: `c-${randomUUID()}`, body });
  if (!r.ok) throw new Error(r.error.message);
  return r.data.conversation.id;
}

export async function agentView(server: TestServer, conversationId: string): Promise<AgentConversation> {
  const ws = await server.domain.workspaces.byAppId('demo');
  const row = await server.domain.conversations.getInWorkspace(ws.id, conversationId);
  return server.domain.conversations.agentView(row);
}
