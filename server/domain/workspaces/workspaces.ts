import type { Kysely } from 'kysely';
import type { WidgetSettings } from '../../../protocol/index.js';
import type { Database, WorkspaceRow } from '../../store/index.js';
import { ParleyError } from '../errors.js';
import { parseJsonColumn } from '../json.js';
import { isOriginAllowed } from './origin-allowlist.js';

export interface Workspace {
  id: string;
  appId: string;
  name: string;
  identitySecret: string;
  identityVerification: boolean;
  requireConsent: boolean;
  allowedOrigins: string[];
  greeting: string;
  color: string;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    appId: row.app_id,
    name: row.name,
    identitySecret: row.identity_secret,
    identityVerification: row.identity_verification === 1,
    requireConsent: row.require_consent === 1,
    allowedOrigins: parseJsonColumn<string[]>(row.allowed_origins, []),
    greeting: row.greeting,
    color: row.color,
  };
}

/** Workspaces change rarely and are read on every request: cache them briefly. */
export class WorkspaceDirectory {
  private readonly cache = new Map<string, { ws: Workspace; at: number }>();
  private static readonly TTL_MS = 5_000;

  constructor(private readonly db: Kysely<Database>) {}

  async byAppId(appId: string): Promise<Workspace> {
    const hit = this.cache.get(`app:${appId}`);
    if (hit && Date.now() - hit.at < WorkspaceDirectory.TTL_MS) return hit.ws;
    const row = await this.db.selectFrom('workspaces').selectAll().where('app_id', '=', appId).executeTakeFirst();
    if (!row) throw new ParleyError('unknown_app', `no workspace with appId "${appId}"`);
    return this.remember(toWorkspace(row));
  }

  async byId(id: string): Promise<Workspace> {
    const hit = this.cache.get(`id:${id}`);
    if (hit && Date.now() - hit.at < WorkspaceDirectory.TTL_MS) return hit.ws;
    const row = await this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ParleyError('unknown_app', 'workspace not found');
    return this.remember(toWorkspace(row));
  }

  assertOrigin(ws: Workspace, origin: string | undefined): void {
    if (!isOriginAllowed(ws.allowedOrigins, origin)) {
      throw new ParleyError('origin_not_allowed', `origin ${origin ?? '(none)'} is not allowed for this workspace`);
    }
  }

  private remember(ws: Workspace): Workspace {
    const at = Date.now();
    this.cache.set(`app:${ws.appId}`, { ws, at });
    this.cache.set(`id:${ws.id}`, { ws, at });
    return ws;
  }
}

export function widgetSettings(ws: Workspace): WidgetSettings {
  return {
    appId: ws.appId,
    name: ws.name,
    greeting: ws.greeting,
    color: ws.color,
    identityVerification: ws.identityVerification,
    requireConsent: ws.requireConsent,
  };
}
