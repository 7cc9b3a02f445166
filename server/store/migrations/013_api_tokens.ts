import type { Kysely } from 'kysely';

/**
 * API tokens as a feature (docs/api.md): scopes, a non-secret prefix to tell
 * tokens apart, who created each and when it was last used. Tokens made
 * before this migration (BOOTSTRAP_TOKEN) could do everything, so they keep
 * every scope. SQLite adds one column per statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('scopes', 'text', (c) => c.notNull().defaultTo('["read","write","admin"]')).execute();
  await db.schema.alterTable('api_tokens').addColumn('token_prefix', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('api_tokens').addColumn('created_by', 'text').execute();
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', 'text').execute();
  await db.schema.createIndex('api_tokens_workspace').on('api_tokens').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_workspace').ifExists().execute();
  for (const column of ['last_used_at', 'created_by', 'token_prefix', 'scopes']) {
    await db.schema.alterTable('api_tokens').dropColumn(column).execute();
  }
}
