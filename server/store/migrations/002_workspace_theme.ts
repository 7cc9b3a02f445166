import type { Kysely } from 'kysely';

/**
 * Workspace theming and messenger settings: where the launcher sits, the team
 * shown in the messenger header, and pre-chat email capture. Portable SQL only
 * (one ADD COLUMN per statement, constant defaults) so it runs on SQLite and
 * Postgres alike; existing workspaces get the defaults.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('launcher_position', 'text', (c) => c.notNull().defaultTo('right'))
    .execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('launcher_offset', 'integer', (c) => c.notNull().defaultTo(20))
    .execute();
  // JSON array of { name, url }, like the other JSON columns: text on both databases.
  await db.schema
    .alterTable('workspaces')
    .addColumn('team_avatars', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('require_email', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // SQLite ≥ 3.35 and Postgres both support DROP COLUMN.
  for (const column of ['require_email', 'team_avatars', 'launcher_offset', 'launcher_position']) {
    await db.schema.alterTable('workspaces').dropColumn(column).execute();
  }
}
