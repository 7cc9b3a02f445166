import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import * as initial from './migrations/001_initial.js';
import * as workspaceTheme from './migrations/002_workspace_theme.js';
import * as attachments from './migrations/003_attachments.js';
import * as content from './migrations/004_content.js';
import * as surveys from './migrations/005_surveys.js';
import * as conversationSurveys from './migrations/006_conversation_surveys.js';
import * as tours from './migrations/007_tours.js';
import * as teamsAssignment from './migrations/008_teams_assignment.js';
import * as slaReports from './migrations/010_sla_reports.js';
import * as inboxTools from './migrations/009_inbox_tools.js';
import * as postgresSearch from './migrations/011_postgres_search.js';
import * as webhooks from './migrations/012_webhooks.js';
import * as apiTokens from './migrations/013_api_tokens.js';
import * as helpCenter from './migrations/014_help_center.js';
import * as jobLeases from './migrations/015_job_leases.js';
import * as privacy from './migrations/016_privacy.js';
import * as automation from './migrations/020_automation.js';
import * as bots from './migrations/021_bots.js';
import type { StoreKind } from './database.js';
import type { Database } from './schema.js';

/** Migrations are bundled in code (not read from disk) so the built server carries them. */
const migrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_workspace_theme': workspaceTheme,
  '003_attachments': attachments,
  '004_content': content,
  '005_surveys': surveys,
  '006_conversation_surveys': conversationSurveys,
  '007_tours': tours,
  '008_teams_assignment': teamsAssignment,
  '010_sla_reports': slaReports,
  // Kysely runs migrations in name order, whatever the order here.
  '009_inbox_tools': inboxTools,
  '011_postgres_search': postgresSearch,
  '012_webhooks': webhooks,
  '013_api_tokens': apiTokens,
  '014_help_center': helpCenter,
  '015_job_leases': jobLeases,
  '016_privacy': privacy,
  '020_automation': automation,
  '021_bots': bots,
};

class BundledMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<Database>, kind: StoreKind): Promise<void> {
  // Migrations are written against an untyped schema (they create it).
  const untyped = db as unknown as Kysely<unknown>;
  const migrator = new Migrator({
    db: untyped,
    provider: new BundledMigrations(),
    // Kysely looks for its bookkeeping tables across every schema it can see; on a
    // Postgres shared by several installs (one schema each, chosen by search_path)
    // it would find another install's table. Pin it to our own schema.
    migrationTableSchema: kind === 'postgres' ? await currentSchema(untyped) : undefined,
    // Features land in parallel: a migration numbered below one already run (e.g. 012
    // landing after 015) must still run, not be refused as out of order. Each
    // migration touches its own tables, so their relative order does not matter.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('Postgres: no current schema (is the search_path empty?)');
  return schema;
}
