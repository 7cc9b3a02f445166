/**
 * The audit log: who read or changed personal data or the workspace's
 * configuration. Append-only by construction: this class has no update or
 * delete, the API has no such route, and database triggers (migration 016)
 * refuse both. Entries hold ids, field names and counts, never the data.
 *
 * @example await domain.audit.record({ workspaceId, actor: auditActorOf(principal), action: 'contact.erased', target: { type: 'contact', id } })
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction, AuditActor, AuditDetails, AuditEntry, AuditLogQuery, AuditTarget, Page } from '../../../protocol/index.js';
import type { AuditLogRow, Database } from '../../store/index.js';
import type { AdminPrincipal } from '../agents/index.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { parseJsonColumn } from '../json.js';

export interface AuditRecord {
  workspaceId: string;
  actor: AuditActor;
  action: AuditAction;
  target?: AuditTarget | null;
  details?: AuditDetails;
}

let sequence = 0;
/** Ordered by time, then by creation on this node (same-millisecond entries keep their order); random after that. */
function auditId(at: Date): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `aud_${at.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(6).toString('base64url')}`;
}

/** Who acts behind an admin request: the signed-in agent, or the API token. */
export function auditActorOf(p: AdminPrincipal): AuditActor {
  if (p.agent) return { type: 'agent', id: p.agent.id, name: p.agent.name };
  return { type: 'api_token', id: p.token?.id ?? null, name: null };
}

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action as AuditAction,
    target: row.target_type && row.target_id ? { type: row.target_type as AuditTarget['type'], id: row.target_id } : null,
    details: parseJsonColumn<AuditDetails>(row.details, {}),
  };
}

export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Appends one entry. Pass `trx` to write it in the same transaction as the
   * change it records (an erase and its entry commit together or not at all).
   */
  async record(entry: AuditRecord, trx: Kysely<Database> = this.db): Promise<AuditEntry> {
    const actor = { ...entry.actor };
    if (actor.type === 'api_token' && actor.id && !actor.name) {
      const token = await trx.selectFrom('api_tokens').select('name').where('id', '=', actor.id).executeTakeFirst();
      actor.name = token?.name ?? null;
    }
    const at = this.clock();
    const row: AuditLogRow = {
      id: auditId(at),
      workspace_id: entry.workspaceId,
      at: at.toISOString(),
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      details: JSON.stringify(entry.details ?? {}),
    };
    await trx.insertInto('audit_log').values(row).execute();
    return toEntry(row);
  }

  /** Newest first, filtered; `next_cursor` continues after the last entry. */
  async list(workspaceId: string, q: AuditLogQuery): Promise<Page<AuditEntry>> {
    let query = this.db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.actor_id) query = query.where('actor_id', '=', q.actor_id);
    if (q.target_id) query = query.where('target_id', '=', q.target_id);
    if (q.since) query = query.where('at', '>=', new Date(q.since).toISOString());
    if (q.until) query = query.where('at', '<', new Date(q.until).toISOString());
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { data: page.map(toEntry), next_cursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null };
  }
}
