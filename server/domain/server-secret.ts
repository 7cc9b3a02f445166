import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import { randomToken } from './ids.js';

/**
 * The secret that signs visitor tokens. Kept in the database (not a local file)
 * so every node of a cluster signs and verifies with the same key.
 */
export async function loadServerSecret(db: Kysely<Database>): Promise<string> {
  const found = await db.selectFrom('server_settings').select('value').where('key', '=', 'token_secret').executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('server_settings')
    .values({ key: 'token_secret', value: randomToken(48) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('server_settings').select('value').where('key', '=', 'token_secret').executeTakeFirstOrThrow();
  return row.value;
}
