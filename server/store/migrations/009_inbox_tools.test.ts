/**
 * The search migration of the store in use (009's FTS5 tables on SQLite, 011's
 * tsvector columns on Postgres) on a database that already holds messages and
 * contacts: the index starts complete.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSearchResult, Page } from '../../../protocol/index.js';
import { startConversation } from '../../test-support/inbox-fixtures.js';
import { testStoreKind } from '../../test-support/test-database.js';
import { adminFetch, loginAgent, startTestServer, type TestServer } from '../../test-support/test-server.js';
import * as inboxTools from './009_inbox_tools.js';
import * as postgresSearch from './011_postgres_search.js';

const { down, up } = testStoreKind() === 'postgres' ? postgresSearch : inboxTools;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe(`search migration on ${testStoreKind()}`, () => {
  it('indexes what was written before it ran, and rolls back cleanly', async () => {
    const before = await startConversation(server, 'written before the search existed', { id: 'pre-009', name: 'Early Bird', email: 'early@bird.test' });
    before.socket.close();
    const db = server.domain.db as unknown as Kysely<unknown>;
    // Back to the schema before the search index, then forward again over the existing rows.
    await down(db);
    await up(db);

    const session = await loginAgent(server.url);
    const find = async (q: string) =>
      (await adminFetch<Page<ConversationSearchResult>>(server.url, session, 'GET', `/conversations?q=${encodeURIComponent(q)}`)).body.data.map((c) => c.id);
    expect(await find('existed')).toEqual([before.conversationId]);
    expect(await find('early@bird.test')).toEqual([before.conversationId]);
  });
});
