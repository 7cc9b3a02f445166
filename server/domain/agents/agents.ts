import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AgentProfile, ApiTokenScope } from '../../../protocol/index.js';
import type { AgentRow, Database } from '../../store/index.js';
import { ParleyError } from '../errors.js';
import { newId, nowIso, randomToken } from '../ids.js';
import { hashPassword, verifyPassword } from './passwords.js';

const SESSION_DAYS = 14;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function toAgentProfile(row: AgentRow): AgentProfile {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export interface AgentSession {
  agent: AgentRow;
  csrfToken: string;
}

/** A caller of the admin side: an agent in a cookie session, or an API token (`token`: which, and its scopes). */
export interface AdminPrincipal {
  workspaceId: string;
  agent: AgentRow | null;
  via: 'session' | 'token';
  token?: { id: string; scopes: readonly ApiTokenScope[] };
}

/**
 * Agents and their cookie sessions (API tokens: domain/api-tokens). Session
 * cookies are stored as sha256 hashes only: a leaked database grants no access.
 */
export class AgentDirectory {
  // A fixed hash to compare against when the email is unknown, so timing doesn't tell which emails exist.
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async create(input: { workspaceId: string; email: string; name: string; role: 'admin' | 'agent'; password: string }): Promise<AgentRow> {
    const row: AgentRow = {
      id: newId('ag'),
      workspace_id: input.workspaceId,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(input.password),
      created_at: nowIso(),
    };
    await this.db.insertInto('agents').values(row).execute();
    return row;
  }

  async list(workspaceId: string): Promise<AgentRow[]> {
    return this.db.selectFrom('agents').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
  }

  async authenticate(email: string, password: string): Promise<AgentRow> {
    const row = await this.db.selectFrom('agents').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    if (!row) {
      this.dummyHash ??= hashPassword('dummy-password');
      await verifyPassword(password, await this.dummyHash);
      throw new ParleyError('unauthorized', 'wrong email or password');
    }
    if (!(await verifyPassword(password, row.password_hash))) throw new ParleyError('unauthorized', 'wrong email or password');
    return row;
  }

  async openSession(agent: AgentRow): Promise<{ cookieValue: string; csrfToken: string; expiresAt: Date }> {
    const cookieValue = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await this.db
      .insertInto('agent_sessions')
      .values({ id: sha256(cookieValue), agent_id: agent.id, csrf_token: csrfToken, created_at: nowIso(), expires_at: expiresAt.toISOString() })
      .execute();
    return { cookieValue, csrfToken, expiresAt };
  }

  async session(cookieValue: string): Promise<AgentSession | null> {
    const row = await this.db
      .selectFrom('agent_sessions')
      .innerJoin('agents', 'agents.id', 'agent_sessions.agent_id')
      .selectAll('agents')
      .select(['agent_sessions.csrf_token', 'agent_sessions.expires_at'])
      .where('agent_sessions.id', '=', sha256(cookieValue))
      .executeTakeFirst();
    if (!row || row.expires_at < nowIso()) return null;
    const { csrf_token, expires_at: _expires, ...agent } = row;
    return { agent, csrfToken: csrf_token };
  }

  async closeSession(cookieValue: string): Promise<void> {
    await this.db.deleteFrom('agent_sessions').where('id', '=', sha256(cookieValue)).execute();
  }
}
