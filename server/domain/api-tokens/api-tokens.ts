/**
 * API tokens of a workspace: created with scopes (the value returned once),
 * listed without their secret, revoked, and authenticated by the hash of the
 * value a caller presents. `last_used_at` is written at most once a minute per
 * token, by a conditional UPDATE, so busy tokens cost no write per request
 * (on any number of nodes).
 */
import type { Kysely } from 'kysely';
import {
  API_TOKEN_LIMITS,
  API_TOKEN_SCOPES,
  type ApiToken,
  type ApiTokenCreator,
  type ApiTokenScope,
  type CreateApiTokenInput,
  type CreatedApiToken,
} from '../../../protocol/index.js';
import type { ApiTokenRow, Database } from '../../store/index.js';
import { notFound, ParleyError } from '../errors.js';
import { newId } from '../ids.js';
import { hashTokenValue, MAX_TOKEN_LENGTH, newTokenValue, prefixOf } from './token-value.js';

/** Who a valid token is, for the auth middleware. */
export interface TokenIdentity {
  id: string;
  workspaceId: string;
  scopes: ApiTokenScope[];
}

const TOUCH_EVERY_MS = 60_000;

function scopesOf(row: Pick<ApiTokenRow, 'scopes'>): ApiTokenScope[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.scopes);
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? API_TOKEN_SCOPES.filter((s) => parsed.includes(s)) : [];
}

export class ApiTokens {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `createdBy`: the agent's or token's id; null for BOOTSTRAP_TOKEN. `value` only for BOOTSTRAP_TOKEN. */
  async create(workspaceId: string, input: CreateApiTokenInput, createdBy: string | null, value = newTokenValue()): Promise<CreatedApiToken> {
    if (value.length === 0 || value.length > MAX_TOKEN_LENGTH) throw new ParleyError('validation_failed', `token: 1 to ${MAX_TOKEN_LENGTH} characters`);
    const active = await this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= API_TOKEN_LIMITS.active) {
      throw new ParleyError('conflict', `at most ${API_TOKEN_LIMITS.active} active API tokens: revoke one first`);
    }
    const row: ApiTokenRow = {
      id: newId('tok'),
      workspace_id: workspaceId,
      name: input.name,
      token_hash: hashTokenValue(value),
      created_at: this.clock().toISOString(),
      revoked_at: null,
      scopes: JSON.stringify(API_TOKEN_SCOPES.filter((s) => input.scopes.includes(s))),
      token_prefix: prefixOf(value),
      created_by: createdBy,
      last_used_at: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    const [token] = await this.present(workspaceId, [row]);
    return { ...token, token: value };
  }

  /** Newest first, revoked ones included (with `revoked_at`). */
  async list(workspaceId: string): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return this.present(workspaceId, rows);
  }

  /** Revoking twice is no error (the first time stays); another workspace's token is not found. */
  async revoke(workspaceId: string, id: string): Promise<void> {
    const row = await this.db.selectFrom('api_tokens').select(['id', 'revoked_at']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('API token');
    if (row.revoked_at !== null) return;
    await this.db.updateTable('api_tokens').set({ revoked_at: this.clock().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  /** The token a presented value is, or null (unknown, revoked, or not a plausible value). */
  async authenticate(value: string): Promise<TokenIdentity | null> {
    if (value.length === 0 || value.length > MAX_TOKEN_LENGTH) return null;
    const row = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'workspace_id', 'scopes', 'revoked_at', 'last_used_at'])
      .where('token_hash', '=', hashTokenValue(value))
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return null;
    await this.touch(row.id, row.last_used_at);
    return { id: row.id, workspaceId: row.workspace_id, scopes: scopesOf(row) };
  }

  private async touch(id: string, lastUsedAt: string | null): Promise<void> {
    const now = this.clock();
    const cutoff = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
    if (lastUsedAt !== null && lastUsedAt > cutoff) return;
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', cutoff)]))
      .execute();
  }

  /** Rows as the API shows them: no hash, creators by name. */
  private async present(workspaceId: string, rows: ApiTokenRow[]): Promise<ApiToken[]> {
    const creators = await this.creators(workspaceId, rows.map((r) => r.created_by).filter((id): id is string => id !== null));
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      scopes: scopesOf(row),
      prefix: row.token_prefix,
      created_by: row.created_by === null ? null : (creators.get(row.created_by) ?? null),
      created_at: row.created_at,
      last_used_at: row.last_used_at,
      revoked_at: row.revoked_at,
    }));
  }

  private async creators(workspaceId: string, ids: string[]): Promise<Map<string, ApiTokenCreator>> {
    const found = new Map<string, ApiTokenCreator>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    const agents = await this.db.selectFrom('agents').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', unique).execute();
    for (const a of agents) found.set(a.id, { type: 'agent', id: a.id, name: a.name });
    const tokens = await this.db.selectFrom('api_tokens').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', unique).execute();
    for (const t of tokens) found.set(t.id, { type: 'api_token', id: t.id, name: t.name });
    return found;
  }
}
