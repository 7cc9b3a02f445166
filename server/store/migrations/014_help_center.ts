import { type Kysely, sql } from 'kysely';
import { isSqlite } from '../dialect.js';

/**
 * The help center (docs/help-center.md): collections, articles (one row per
 * locale; `group_id` links the translations of one article), article views
 * and "did this help?" votes (one per contact and article).
 *
 * Search, per store:
 * - SQLite: two FTS5 tables, keyed by the article's rowid, filled by the
 *   domain (domain/help/sqlite-help-index.ts) in the article's transaction.
 *   `help_fts_en` stems with Porter for English; `help_fts` has no stemmer,
 *   because Porter on Indonesian or Arabic would cut English suffixes off
 *   words that have none ("langganan", "bulan"…) and never undo the real
 *   affixes (me-/ber-/-kan, ال-), so those locales are stemmed in TypeScript
 *   before indexing (domain/help/stem-indonesian.ts, stem-arabic.ts). One
 *   index per tokenizer keeps bm25's statistics per language, too. A trigger
 *   drops an article's index rows however the article goes (rowids can be
 *   reused after a delete).
 * - Postgres: a stored, generated tsvector — title weight A, summary B, body
 *   C — with the text search configuration of the article's locale:
 *   `english`, and `indonesian` / `arabic` where this Postgres has them
 *   (pg_ts_config is read here; recent versions ship both), `simple`
 *   otherwise. `parley_help_tsconfig` is written once here with the choice,
 *   so the column and every query use the same one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('help_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('help_collections_workspace').on('help_collections').columns(['workspace_id', 'position']).execute();

  await db.schema
    .createTable('help_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('collection_id', 'text', (c) => c.references('help_collections.id').onDelete('set null'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('help_articles_slug_unique', ['workspace_id', 'locale', 'slug'])
    .addUniqueConstraint('help_articles_translation_unique', ['group_id', 'locale'])
    .execute();
  // The visitor's reads: a workspace's live articles in one locale.
  await db.schema.createIndex('help_articles_listing').on('help_articles').columns(['workspace_id', 'locale', 'status']).execute();
  await db.schema.createIndex('help_articles_collection').on('help_articles').columns(['collection_id']).execute();

  await db.schema
    .createTable('help_article_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('help_articles.id').onDelete('cascade'))
    .addColumn('contact_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('help_article_views_article').on('help_article_views').columns(['article_id', 'created_at']).execute();
  await db.schema.createIndex('help_article_views_contact').on('help_article_views').columns(['contact_id']).execute();

  await db.schema
    .createTable('help_article_votes')
    .addColumn('article_id', 'text', (c) => c.notNull().references('help_articles.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('help_article_votes_pk', ['article_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('help_article_votes_contact').on('help_article_votes').columns(['contact_id']).execute();

  if (isSqlite(db)) await createSqliteSearch(db);
  else await createPostgresSearch(db);
}

const FTS_COLUMNS = `title, summary, body, prefix = '2 3'`;

async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE VIRTUAL TABLE help_fts_en USING fts5(${FTS_COLUMNS}, tokenize = 'porter unicode61 remove_diacritics 2')`,
    `CREATE VIRTUAL TABLE help_fts USING fts5(${FTS_COLUMNS}, tokenize = 'unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER help_articles_fts_delete AFTER DELETE ON help_articles BEGIN
       DELETE FROM help_fts_en WHERE rowid = old.rowid;
       DELETE FROM help_fts WHERE rowid = old.rowid;
     END`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Latin accents and Arabic harakat dropped (what FTS5's remove_diacritics does); the parser splits words itself. */
const FOLD_FUNCTION = `
CREATE OR REPLACE FUNCTION parley_help_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$ SELECT regexp_replace(normalize(input, NFD), '[\\u0300-\\u036f\\u064b-\\u065f\\u0670]', '', 'g') $$`;

async function createPostgresSearch(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ cfgname: string }>`SELECT cfgname FROM pg_catalog.pg_ts_config WHERE cfgname IN ('english', 'indonesian', 'arabic')`.execute(db);
  const has = new Set(rows.map((r) => r.cfgname));
  const config = (name: string) => `'pg_catalog.${has.has(name) ? name : 'simple'}'::regconfig`;
  await sql.raw(FOLD_FUNCTION).execute(db);
  await sql
    .raw(`CREATE OR REPLACE FUNCTION parley_help_tsconfig(locale text) RETURNS regconfig
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE locale WHEN 'en' THEN ${config('english')} WHEN 'id' THEN ${config('indonesian')} WHEN 'ar' THEN ${config('arabic')} ELSE 'pg_catalog.simple'::regconfig END $$`)
    .execute(db);
  const weighted = (column: string, weight: string) =>
    `setweight(to_tsvector(parley_help_tsconfig(locale), coalesce(parley_help_fold(${column}), '')), '${weight}')`;
  await sql
    .raw(`ALTER TABLE help_articles ADD COLUMN search tsvector
      GENERATED ALWAYS AS (${weighted('title', 'A')} || ${weighted('summary', 'B')} || ${weighted('body_text', 'C')}) STORED`)
    .execute(db);
  await sql`CREATE INDEX help_articles_search ON help_articles USING gin (search)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await sql.raw('DROP TRIGGER IF EXISTS help_articles_fts_delete').execute(db);
    for (const table of ['help_fts_en', 'help_fts']) await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
  for (const table of ['help_article_votes', 'help_article_views', 'help_articles', 'help_collections']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  if (!isSqlite(db)) {
    await sql`DROP FUNCTION IF EXISTS parley_help_tsconfig(text)`.execute(db);
    await sql`DROP FUNCTION IF EXISTS parley_help_fold(text)`.execute(db);
  }
}
