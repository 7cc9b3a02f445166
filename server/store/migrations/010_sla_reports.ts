import { type Kysely, sql } from 'kysely';

/**
 * Conversation metrics, SLAs, business hours and the away message.
 *
 * Conversations get the timestamps and counters the reports and SLA clocks
 * read, kept up to date in the same transaction as the message or status
 * change that moves them (see domain/conversations/conversation-metrics.ts).
 * Messages get `automatic` (an away acknowledgement: never a reply).
 * Workspaces get business hours, an SLA policy and the away message (JSON or
 * text, null = none / the default), and teams can override hours and policy in
 * `team_service_levels`, keyed by team id without a foreign key so it does not
 * depend on the order the teams table arrives in.
 *
 * Existing conversations are backfilled from their messages, best effort: a
 * closed conversation's close time is taken to be its last update.
 * Portable SQL only (one ADD COLUMN per statement, correlated subqueries).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const addText = (table: string, column: string) => db.schema.alterTable(table).addColumn(column, 'text').execute();
  const addCount = (table: string, column: string) =>
    db.schema.alterTable(table).addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await addText('conversations', 'first_visitor_message_at');
  await addText('conversations', 'first_response_at');
  await addText('conversations', 'waiting_since');
  await addText('conversations', 'closed_at');
  await addText('conversations', 'reopened_at');
  await addCount('conversations', 'resolved_count');
  await addCount('conversations', 'reopened_count');
  await addCount('conversations', 'reply_phases');
  await addCount('messages', 'automatic');
  await addText('workspaces', 'business_hours');
  await addText('workspaces', 'sla_policy');
  await addText('workspaces', 'away_message');

  await db.schema
    .createTable('team_service_levels')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('business_hours', 'text')
    .addColumn('sla_policy', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_service_levels_workspace').on('team_service_levels').columns(['workspace_id']).execute();

  // The report queries: opened, closed and first-responded in a range.
  await db.schema.createIndex('conversations_created').on('conversations').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('conversations_closed').on('conversations').columns(['workspace_id', 'closed_at']).execute();
  await db.schema.createIndex('conversations_first_response').on('conversations').columns(['workspace_id', 'first_response_at']).execute();

  await backfillConversationMetrics(db);
}

/** Exported for its test: metrics of conversations written before this migration, from their messages. */
export async function backfillConversationMetrics(db: Kysely<unknown>): Promise<void> {
  const firstVisitorSeq = sql`(SELECT MIN(v.seq) FROM messages v WHERE v.conversation_id = conversations.id AND v.author_type = 'visitor')`;
  await sql`UPDATE conversations SET first_visitor_message_at =
    (SELECT MIN(v.created_at) FROM messages v WHERE v.conversation_id = conversations.id AND v.author_type = 'visitor')`.execute(db);
  // Before this migration no message was automatic: every team message after the visitor's first counts.
  await sql`UPDATE conversations SET first_response_at =
    (SELECT MIN(t.created_at) FROM messages t
      WHERE t.conversation_id = conversations.id AND t.author_type <> 'visitor' AND t.seq > ${firstVisitorSeq})`.execute(db);
  // A reply phase is a team message right after a visitor's (seqs are gap-free).
  await sql`UPDATE conversations SET reply_phases =
    (SELECT COUNT(*) FROM messages t JOIN messages p ON p.conversation_id = t.conversation_id AND p.seq = t.seq - 1
      WHERE t.conversation_id = conversations.id AND t.author_type <> 'visitor' AND p.author_type = 'visitor')`.execute(db);
  await sql`UPDATE conversations SET waiting_since =
    (SELECT MIN(v.created_at) FROM messages v
      WHERE v.conversation_id = conversations.id AND v.author_type = 'visitor'
        AND v.seq > COALESCE((SELECT MAX(t.seq) FROM messages t WHERE t.conversation_id = conversations.id AND t.author_type <> 'visitor'), 0))
    WHERE status <> 'closed'`.execute(db);
  await sql`UPDATE conversations SET closed_at = updated_at, resolved_count = 1 WHERE status = 'closed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['conversations_first_response', 'conversations_closed', 'conversations_created']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await db.schema.dropTable('team_service_levels').ifExists().execute();
  for (const column of ['away_message', 'sla_policy', 'business_hours']) await db.schema.alterTable('workspaces').dropColumn(column).execute();
  await db.schema.alterTable('messages').dropColumn('automatic').execute();
  for (const column of [
    'reply_phases',
    'reopened_count',
    'resolved_count',
    'reopened_at',
    'closed_at',
    'waiting_since',
    'first_response_at',
    'first_visitor_message_at',
  ]) {
    await db.schema.alterTable('conversations').dropColumn(column).execute();
  }
}
