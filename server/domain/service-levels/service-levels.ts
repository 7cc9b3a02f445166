/**
 * Service levels of a workspace and its teams: which business hours and SLA
 * policy apply to a conversation, its SLA clock, and the away acknowledgement
 * of a new conversation. The workspace's own settings live on the workspace
 * (WorkspaceDirectory); teams' overrides in `team_service_levels`.
 *
 * A team override replaces the workspace's value field by field: a team with
 * its own hours but no policy uses its hours with the workspace's policy.
 */
import type { Kysely } from 'kysely';
import {
  type BusinessHours,
  type ConversationSla,
  isOpen,
  nextOpening,
  type SlaPolicy,
  type TeamServiceLevels,
} from '../../../protocol/index.js';
import type { ContactRow, ConversationRow, Database } from '../../store/index.js';
import { TtlCache } from '../content/ttl-cache.js';
import type { AwayAcknowledgement, ConversationServiceLevels } from '../conversations/service-level-hooks.js';
import { notFound } from '../errors.js';
import { nowIso } from '../ids.js';
import { parseJsonColumn } from '../json.js';
import type { WorkspaceDirectory } from '../workspaces/index.js';
import { awayMessageText } from './away-message.js';
import { slaStatus } from './sla-status.js';

/** The hours and policy that apply to one conversation. */
export interface AppliedServiceLevels {
  hours: BusinessHours | null;
  policy: SlaPolicy | null;
}

export class ServiceLevels implements ConversationServiceLevels {
  // Read for every conversation shown; changed rarely. Same lifetime as the workspace cache.
  private readonly teamCache = new TtlCache<Map<string, TeamServiceLevels>>(5_000);

  constructor(
    private readonly db: Kysely<Database>,
    private readonly workspaces: WorkspaceDirectory,
  ) {}

  /** Team id → its override, for the settings page: read fresh, so a deleted team is gone at once. */
  async teamOverrides(workspaceId: string): Promise<Record<string, TeamServiceLevels>> {
    return Object.fromEntries(await this.loadTeams(workspaceId));
  }

  /**
   * Sets (or with null, removes) teams' overrides; teams not named keep theirs.
   * A team must be one of the workspace's (404 otherwise), except to remove it.
   */
  async updateTeamOverrides(workspaceId: string, patch: Record<string, TeamServiceLevels | null>): Promise<void> {
    const setIds = Object.entries(patch).filter(([, v]) => v !== null).map(([id]) => id);
    if (setIds.length > 0) {
      const known = await this.db.selectFrom('teams').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', setIds).execute();
      if (known.length !== new Set(setIds).size) throw notFound('team');
    }
    const now = nowIso();
    await this.db.transaction().execute(async (trx) => {
      for (const [teamId, levels] of Object.entries(patch)) {
        await trx.deleteFrom('team_service_levels').where('team_id', '=', teamId).where('workspace_id', '=', workspaceId).execute();
        if (!levels || (!levels.businessHours && !levels.slaPolicy)) continue;
        await trx
          .insertInto('team_service_levels')
          .values({
            team_id: teamId,
            workspace_id: workspaceId,
            business_hours: levels.businessHours ? JSON.stringify(levels.businessHours) : null,
            sla_policy: levels.slaPolicy ? JSON.stringify(levels.slaPolicy) : null,
            updated_at: now,
          })
          .execute();
      }
    });
    this.teamCache.delete(workspaceId);
  }

  /** The team's hours and policy where it has them, the workspace's otherwise. */
  async applying(workspaceId: string, teamId: string | null): Promise<AppliedServiceLevels> {
    const ws = await this.workspaces.byId(workspaceId);
    const team = teamId ? (await this.teams(workspaceId)).get(teamId) : undefined;
    return { hours: team?.businessHours ?? ws.businessHours, policy: team?.slaPolicy ?? ws.slaPolicy };
  }

  async slaOf(row: ConversationRow, now: Date): Promise<ConversationSla> {
    const { hours, policy } = await this.applying(row.workspace_id, row.team_id);
    return slaStatus(row, policy, hours, now);
  }

  /**
   * For a conversation started at `at`: the workspace's away message when it is
   * outside its business hours. New conversations have no team yet, so the
   * workspace's hours decide.
   */
  async awayAcknowledgement(contact: ContactRow, at: Date): Promise<AwayAcknowledgement | null> {
    const ws = await this.workspaces.byId(contact.workspace_id);
    const hours = ws.businessHours;
    if (!hours || isOpen(hours, at)) return null;
    const body = awayMessageText({
      template: ws.awayMessage,
      locale: contact.locale,
      opening: nextOpening(hours, at),
      timeZone: hours.timezone,
      now: at,
    });
    return { body, authorName: ws.name };
  }

  private teams(workspaceId: string): Promise<Map<string, TeamServiceLevels>> {
    return this.teamCache.getOrLoad(workspaceId, () => this.loadTeams(workspaceId));
  }

  private async loadTeams(workspaceId: string): Promise<Map<string, TeamServiceLevels>> {
    // Joined with teams: the override of a deleted team is gone with it, even if its row is left behind.
    const rows = await this.db
      .selectFrom('team_service_levels')
      .innerJoin('teams', (join) => join.onRef('teams.id', '=', 'team_service_levels.team_id').onRef('teams.workspace_id', '=', 'team_service_levels.workspace_id'))
      .select(['team_service_levels.team_id', 'team_service_levels.business_hours', 'team_service_levels.sla_policy'])
      .where('team_service_levels.workspace_id', '=', workspaceId)
      .execute();
    return new Map(
      rows.map((r) => [
        r.team_id,
        {
          businessHours: parseJsonColumn<BusinessHours | null>(r.business_hours, null),
          slaPolicy: parseJsonColumn<SlaPolicy | null>(r.sla_policy, null),
        },
      ]),
    );
  }
}
