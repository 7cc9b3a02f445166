/**
 * `POST /conversations/:id/assign`: a person routes a conversation.
 * - `assigneeId` alone: that agent (or nobody); the team stays, even when the
 *   agent is not one of its members.
 * - `teamId` alone: that team (or none); the agent is kept only if a member of
 *   the new team (clearing the team keeps the agent).
 * - both: exactly as given.
 * People override capacity and presence: those only bind automatic assignment.
 */
import type { Kysely } from 'kysely';
import type { AssignConversationInput } from '../../../protocol/index.js';
import type { ConversationRow, Database } from '../../store/index.js';
import type { DomainBus } from '../bus.js';
import { notFound } from '../errors.js';
import { nowIso } from '../ids.js';
import type { TeamStore } from '../teams/index.js';
import type { ConversationRoutingHooks } from '../conversations/index.js';

export class ManualAssignment {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: DomainBus,
    private readonly teams: TeamStore,
    /** Told of the change: room made or a conversation now waiting gets the queue drained (drain-queue.ts). */
    private readonly routing?: ConversationRoutingHooks,
  ) {}

  async assign(row: ConversationRow, input: AssignConversationInput): Promise<ConversationRow> {
    const workspaceId = row.workspace_id;
    if (input.assigneeId) {
      const agent = await this.db.selectFrom('agents').select('id').where('id', '=', input.assigneeId).where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!agent) throw notFound('agent');
    }
    if (input.teamId) await this.teams.get(workspaceId, input.teamId);

    const teamId = input.teamId !== undefined ? input.teamId : row.team_id;
    let assigneeId = input.assigneeId !== undefined ? input.assigneeId : row.assignee_id;
    if (input.assigneeId === undefined && input.teamId && assigneeId && !(await this.teams.isMember(input.teamId, assigneeId))) assigneeId = null;

    const now = nowIso();
    const updated = await this.db
      .updateTable('conversations')
      .set({ team_id: teamId, assignee_id: assigneeId, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // A conversation given by hand counts as the agent's latest for the least-busy tie-break too.
    if (assigneeId && assigneeId !== row.assignee_id) await this.db.updateTable('agents').set({ last_assigned_at: now }).where('id', '=', assigneeId).execute();
    this.bus.publish('conversation.updated', { workspaceId, contactId: row.contact_id, conversationId: row.id });
    this.routing?.changed(row, updated);
    return updated;
  }
}
