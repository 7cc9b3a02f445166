import type { Kysely } from 'kysely';

/**
 * Teams, agents' capacity and assignment rules (issue #7).
 *
 * - `teams` with their members in round-robin order (`team_members.position`)
 *   and the round-robin cursor (`rr_cursor`: the member given the last
 *   conversation). Automatic assignment takes the team row's lock first (an
 *   UPDATE of it), so on Postgres two assignments of one team never read the
 *   same cursor; on SQLite the one writer already serialises them.
 * - `agents.capacity` (open conversations assigned at once; 0 = no limit) and
 *   `last_assigned_at` (the least-busy tie-break).
 * - `assignment_rules`, ordered by `position`.
 * - `workspaces.reassign_on_offline`.
 * - Indexes for the per-agent open count and the team filter of the inbox.
 *
 * `conversations.team_id` exists since 001, without a foreign key: deleting a
 * team clears it in code (and `team_service_levels` is keyed the same way).
 * Portable SQL only (one ADD COLUMN per statement, constant defaults).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull().defaultTo('round_robin'))
    .addColumn('rr_cursor', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('teams_name_unique', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'agent_id'])
    .execute();
  await db.schema.createIndex('team_members_agent').on('team_members').columns(['agent_id']).execute();

  await db.schema
    .createTable('assignment_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('priority', 'text')
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignment_rules_order').on('assignment_rules').columns(['workspace_id', 'position']).execute();

  await db.schema.alterTable('agents').addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('agents').addColumn('last_assigned_at', 'text').execute();
  await db.schema.alterTable('workspaces').addColumn('reassign_on_offline', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.createIndex('conversations_assignee').on('conversations').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('conversations_team').on('conversations').columns(['workspace_id', 'team_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_team').ifExists().execute();
  await db.schema.dropIndex('conversations_assignee').ifExists().execute();
  await db.schema.alterTable('workspaces').dropColumn('reassign_on_offline').execute();
  await db.schema.alterTable('agents').dropColumn('last_assigned_at').execute();
  await db.schema.alterTable('agents').dropColumn('capacity').execute();
  await db.schema.dropTable('assignment_rules').ifExists().execute();
  await db.schema.dropTable('team_members').ifExists().execute();
  await db.schema.dropTable('teams').ifExists().execute();
}
