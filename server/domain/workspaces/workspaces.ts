import type { Kysely, Updateable } from 'kysely';
import type { LauncherPosition, TeamAvatar, UpdateSettingsInput, WidgetSettings } from '../../../protocol/index.js';
import { readBusinessHours, readSlaPolicy, type ServiceLevelFields, writeSlaPolicy } from './service-level-columns.js';
import type { Database, WorkspaceRow } from '../../store/index.js';
import { ParleyError } from '../errors.js';
import { parseJsonColumn } from '../json.js';
import { isOriginAllowed } from './origin-allowlist.js';
import { privacyColumns, readPrivacy } from '../privacy/privacy-columns.js';
import type { PrivacySettings } from '../../../protocol/index.js';

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
  launcherPosition: LauncherPosition;
  launcherOffset: number;
  teamAvatars: TeamAvatar[];
  requireEmail: boolean;
  quietPages: string[];
  /** Survey a contact at most once in this many days, across all surveys (0: no limit). */
  surveyRecontactDays: number;
  /** Hand an agent's open conversations out again once the agent has been offline for the grace period. */
  reassignOnOffline: boolean;
  businessHours: ServiceLevelFields['businessHours'];
  slaPolicy: ServiceLevelFields['slaPolicy'];
  awayMessage: ServiceLevelFields['awayMessage'];
  /** Consent mode, collection and retention (docs/privacy.md); `privacy.requireConsent` is `requireConsent`. */
  privacy: PrivacySettings;
}

/** Avatars were validated on write; this only keeps a hand-edited row from putting a non-http(s) URL in an <img>. */
function readTeamAvatars(text: string): TeamAvatar[] {
  const list = parseJsonColumn<unknown>(text, []);
  if (!Array.isArray(list)) return [];
  return list.filter(
    (a): a is TeamAvatar =>
      typeof a === 'object' && a !== null && typeof a.name === 'string' && typeof a.url === 'string' && /^https?:\/\//i.test(a.url),
  );
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
    launcherPosition: row.launcher_position === 'left' ? 'left' : 'right',
    launcherOffset: Number(row.launcher_offset),
    teamAvatars: readTeamAvatars(row.team_avatars),
    requireEmail: row.require_email === 1,
    quietPages: parseJsonColumn<string[]>(row.quiet_pages, []).filter((g) => typeof g === 'string'),
    surveyRecontactDays: Number(row.survey_recontact_days ?? 7),
    reassignOnOffline: Number(row.reassign_on_offline ?? 0) === 1,
    businessHours: readBusinessHours(row.business_hours ?? null),
    slaPolicy: readSlaPolicy(row.sla_policy ?? null),
    awayMessage: row.away_message ?? null,
    privacy: readPrivacy(row),
  };
}

/** A validated settings patch → the columns it changes (absent fields stay as they are). */
function toColumns(patch: UpdateSettingsInput): Updateable<WorkspaceRow> {
  const set: Updateable<WorkspaceRow> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.greeting !== undefined) set.greeting = patch.greeting;
  if (patch.color !== undefined) set.color = patch.color;
  if (patch.launcherPosition !== undefined) set.launcher_position = patch.launcherPosition;
  if (patch.launcherOffset !== undefined) set.launcher_offset = patch.launcherOffset;
  if (patch.teamAvatars !== undefined) set.team_avatars = JSON.stringify(patch.teamAvatars);
  if (patch.allowedOrigins !== undefined) set.allowed_origins = JSON.stringify(patch.allowedOrigins);
  if (patch.identityVerification !== undefined) set.identity_verification = patch.identityVerification ? 1 : 0;
  if (patch.requireEmail !== undefined) set.require_email = patch.requireEmail ? 1 : 0;
  if (patch.quietPages !== undefined) set.quiet_pages = JSON.stringify(patch.quietPages);
  if (patch.surveyRecontactDays !== undefined) set.survey_recontact_days = patch.surveyRecontactDays;
  if (patch.reassignOnOffline !== undefined) set.reassign_on_offline = patch.reassignOnOffline ? 1 : 0;
  if (patch.businessHours !== undefined) set.business_hours = patch.businessHours ? JSON.stringify(patch.businessHours) : null;
  if (patch.slaPolicy !== undefined) set.sla_policy = writeSlaPolicy(patch.slaPolicy);
  if (patch.awayMessage !== undefined) set.away_message = patch.awayMessage;
  return { ...set, ...privacyColumns(patch.privacy) };
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

  /**
   * Applies a validated settings patch and returns the workspace as stored.
   * This node's cache is dropped at once, so the next boot sees the change;
   * other nodes (REDIS_URL) catch up within the cache TTL.
   */
  async updateSettings(workspaceId: string, patch: UpdateSettingsInput): Promise<Workspace> {
    const set = toColumns(patch);
    if (Object.keys(set).length > 0) {
      const result = await this.db.updateTable('workspaces').set(set).where('id', '=', workspaceId).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new ParleyError('not_found', 'workspace not found');
    }
    this.forget(workspaceId);
    return this.byId(workspaceId);
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

  /** Drops both keys (by id and by app id) of one workspace. */
  private forget(workspaceId: string): void {
    for (const [key, entry] of this.cache) if (entry.ws.id === workspaceId) this.cache.delete(key);
  }
}

export function widgetSettings(ws: Workspace): WidgetSettings {
  return {
    appId: ws.appId,
    name: ws.name,
    greeting: ws.greeting,
    color: ws.color,
    launcherPosition: ws.launcherPosition,
    launcherOffset: ws.launcherOffset,
    teamAvatars: ws.teamAvatars,
    identityVerification: ws.identityVerification,
    requireConsent: ws.requireConsent,
    chatBeforeConsent: ws.privacy.chatBeforeConsent,
    requireEmail: ws.requireEmail,
    quietPages: ws.quietPages,
  };
}
