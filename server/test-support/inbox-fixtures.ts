/**
 * Fixtures for the inbox-tools tests (tags, notes, search, views…): visitors
 * that start conversations through the real /visitor socket, more agents, and
 * a second workspace for isolation checks. Everything goes through the running
 * test server; nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { computeUserHash } from '../domain/identity/index.js';
import { newId, nowIso } from '../domain/ids.js';
import { bootVisitor, connectVisitor, IDENTITY_SECRET, loginAgent, type TestServer, type VisitorSocket } from './test-server.js';

export type Session = { cookie: string; csrf: string; agentId: string };

export interface StartedConversation {
  conversationId: string;
  contactId: string;
  socket: VisitorSocket;
}

/** A visitor (identified with a name and email when `user` is given) who starts a conversation with `body`. */
export async function startConversation(
  server: TestServer,
  body: string,
  user?: { id: string; name?: string; email?: string },
): Promise<StartedConversation> {
  const boot = await bootVisitor(server.url, user ? { user: { ...user, userHash: computeUserHash(IDENTITY_SECRET, user.id) } } : {});
  const socket = await connectVisitor(server.url, boot.token);
  const r = await socket.emitWithAck('conversation:start', { clientId: `start-${randomBytes(6).toString('hex')}`, body });
  if (!r.ok) throw new Error(`start failed: ${r.error.message}`);
  return { conversationId: r.data.conversation.id, contactId: boot.contactId, socket };
}

/** Another agent of the demo workspace, logged in. */
export async function addAgent(server: TestServer, input: { name: string; email: string; role?: 'admin' | 'agent' }): Promise<Session> {
  const ws = await server.domain.workspaces.byAppId('demo');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  await server.domain.agents.create({ workspaceId: ws.id, email: input.email, name: input.name, role: input.role ?? 'agent', password });
  return loginAgent(server.url, { email: input.email, password });
}

/** A second workspace with its own admin, logged in: for "someone else's object answers 404" checks. */
export async function otherWorkspace(server: TestServer): Promise<{ workspaceId: string; session: Session }> {
  const workspaceId = newId('ws');
  await server.domain.db
    .insertInto('workspaces')
    .values({
      id: workspaceId,
      app_id: `other-${randomBytes(4).toString('hex')}`,
      name: 'Other Co',
      identity_secret: randomBytes(16).toString('hex'),
      identity_verification: 1,
      require_consent: 0,
      allowed_origins: '[]',
      greeting: '',
      color: '#000000',
      launcher_position: 'right',
      launcher_offset: 20,
      team_avatars: '[]',
      require_email: 0,
      quiet_pages: '[]',
      survey_recontact_days: 7,
      created_at: nowIso(),
    })
    .execute();
  const email = `admin-${randomBytes(4).toString('hex')}@other.test`;
  const password = 'other admin password';
  await server.domain.agents.create({ workspaceId, email, name: 'Other Admin', role: 'admin', password });
  return { workspaceId, session: await loginAgent(server.url, { email, password }) };
}
