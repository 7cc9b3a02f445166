import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect.js';

/**
 * Conversation search on Postgres (SQLite has had FTS5 since 009): a stored,
 * generated tsvector on messages (body) and contacts (name, email, external id),
 * each with a GIN index. Generated columns stay right through every insert,
 * update and delete with no trigger to forget, and an erased row takes its
 * index entry with it.
 *
 * The text is folded as FTS5's `unicode61 remove_diacritics 2` does: accents and
 * Arabic harakat dropped, lower case, split at whatever is not a letter or digit
 * (so "ada@example.com" is three words, as on SQLite). The 'simple' config
 * keeps every word unstemmed: conversations mix languages, and a search box
 * should find what was typed. `tsQuerySource` (domain/search/fts-query.ts)
 * folds the query the same way.
 *
 * Built-in functions only (no unaccent extension): it needs no superuser and
 * works on any managed Postgres.
 */
const FOLD_FUNCTION = `
CREATE OR REPLACE FUNCTION parley_search_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$
  SELECT regexp_replace(
    lower(regexp_replace(normalize(input, NFD), '[\\u0300-\\u036f\\u064b-\\u065f]', '', 'g')),
    '[^[:alnum:]]+', ' ', 'g')
$$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql.raw(FOLD_FUNCTION).execute(db);
  await sql`ALTER TABLE messages ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(parley_search_fold(body), ''))) STORED`.execute(db);
  await sql`ALTER TABLE contacts ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple',
      coalesce(parley_search_fold(name), '') || ' ' || coalesce(parley_search_fold(email), '') || ' ' || coalesce(parley_search_fold(external_id), ''))) STORED`.execute(db);
  await sql`CREATE INDEX messages_search ON messages USING gin (search)`.execute(db);
  await sql`CREATE INDEX contacts_search ON contacts USING gin (search)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) return;
  await sql`DROP INDEX IF EXISTS contacts_search`.execute(db);
  await sql`DROP INDEX IF EXISTS messages_search`.execute(db);
  await sql`ALTER TABLE contacts DROP COLUMN IF EXISTS search`.execute(db);
  await sql`ALTER TABLE messages DROP COLUMN IF EXISTS search`.execute(db);
  await sql`DROP FUNCTION IF EXISTS parley_search_fold(text)`.execute(db);
}
