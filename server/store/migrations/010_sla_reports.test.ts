/** The backfill of conversation metrics from existing messages (migration 010), on a real SQLite database. */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { backfillConversationMetrics } from './010_sla_reports.js';

let store: Store;

beforeAll(async () => {
  store = openStore('sqlite::memory:');
  await migrateToLatest(store.db, store.kind);
});
afterAll(() => store.close());

type Author = 'visitor' | 'agent' | 'bot';

async function conversation(id: string, status: 'open' | 'closed' | 'snoozed', authors: Author[]): Promise<void> {
  const db = store.db;
  await db
    .insertInto('conversations')
    .values({
      id,
      workspace_id: 'ws_1',
      contact_id: 'ct_1',
      client_id: id,
      status,
      priority: 'normal',
      assignee_id: null,
      team_id: null,
      channel: 'messenger',
      last_seq: authors.length,
      visitor_read_seq: 0,
      agent_read_seq: 0,
      rating: null,
      rating_comment: null,
      rated_at: null,
      created_at: '2025-03-24T09:00:00.000Z',
      updated_at: '2025-03-24T12:00:00.000Z',
    })
    .execute();
  for (const [i, author] of authors.entries()) {
    await db
      .insertInto('messages')
      .values({
        id: `${id}_m${i + 1}`,
        workspace_id: 'ws_1',
        conversation_id: id,
        seq: i + 1,
        client_id: `${id}_m${i + 1}`,
        author_type: author,
        author_id: null,
        author_name: null,
        body: 'text',
        // One minute apart: message n at 09:0n.
        created_at: `2025-03-24T09:0${i + 1}:00.000Z`,
      })
      .execute();
  }
}

describe('backfillConversationMetrics', () => {
  it('derives first response, wait, reply phases and closes from the messages', async () => {
    const db = store.db;
    await db.insertInto('workspaces').values({ id: 'ws_1', app_id: 'bf', name: 'Backfill', identity_secret: 's', identity_verification: 1, require_consent: 0, allowed_origins: '[]', greeting: '', color: '#000000', launcher_position: 'right', launcher_offset: 20, team_avatars: '[]', require_email: 0, quiet_pages: '[]', survey_recontact_days: 7, created_at: '2025-01-01T00:00:00.000Z' }).execute();
    await db.insertInto('contacts').values({ id: 'ct_1', workspace_id: 'ws_1', external_id: null, email: null, name: null, traits: '{}', locale: null, device: null, first_seen_at: '2025-01-01T00:00:00.000Z', last_seen_at: '2025-01-01T00:00:00.000Z', last_page_url: null, tags: '[]' }).execute();
    await conversation('answered', 'open', ['visitor', 'visitor', 'agent', 'agent', 'visitor', 'bot']);
    await conversation('waiting', 'open', ['visitor', 'agent', 'visitor', 'visitor']);
    await conversation('team_first', 'snoozed', ['bot', 'visitor']);
    await conversation('closed', 'closed', ['visitor', 'agent', 'visitor']);
    await conversation('empty', 'open', []);

    await backfillConversationMetrics(db as unknown as Kysely<unknown>);
    const rows = await db
      .selectFrom('conversations')
      .select(['id', 'first_visitor_message_at', 'first_response_at', 'waiting_since', 'reply_phases', 'closed_at', 'resolved_count', 'reopened_count'])
      .orderBy('id')
      .execute();
    const byId = Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]));
    expect(byId.answered).toEqual({ first_visitor_message_at: '2025-03-24T09:01:00.000Z', first_response_at: '2025-03-24T09:03:00.000Z', waiting_since: null, reply_phases: 2, closed_at: null, resolved_count: 0, reopened_count: 0 });
    expect(byId.waiting).toEqual({ first_visitor_message_at: '2025-03-24T09:01:00.000Z', first_response_at: '2025-03-24T09:02:00.000Z', waiting_since: '2025-03-24T09:03:00.000Z', reply_phases: 1, closed_at: null, resolved_count: 0, reopened_count: 0 });
    // The team wrote first: that is no response; the visitor still waits.
    expect(byId.team_first).toEqual({ first_visitor_message_at: '2025-03-24T09:02:00.000Z', first_response_at: null, waiting_since: '2025-03-24T09:02:00.000Z', reply_phases: 0, closed_at: null, resolved_count: 0, reopened_count: 0 });
    // Closed: its last update stands for the close, and nobody waits.
    expect(byId.closed).toEqual({ first_visitor_message_at: '2025-03-24T09:01:00.000Z', first_response_at: '2025-03-24T09:02:00.000Z', waiting_since: null, reply_phases: 1, closed_at: '2025-03-24T12:00:00.000Z', resolved_count: 1, reopened_count: 0 });
    expect(byId.empty).toEqual({ first_visitor_message_at: null, first_response_at: null, waiting_since: null, reply_phases: 0, closed_at: null, resolved_count: 0, reopened_count: 0 });
  });
});
