import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
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
};

class BundledMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // Migrations are written against an untyped schema (they create it).
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: new BundledMigrations() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
