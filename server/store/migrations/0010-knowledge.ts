import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * The knowledge base: an answer (stable id, topic, owning unit) and its versions, each moving
 * draft → review → published → retired. Full-text search: on PostgreSQL a generated tsvector
 * (title weighted above summary above body) with a GIN index; on SQLite an FTS5 table the
 * knowledge service keeps in step with `knowledge_versions`.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('knowledge_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('knowledge_versions')
    // A surrogate key: the SQLite FTS5 rows name the version they index by it (`version_id`).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull().references('knowledge_answers.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source_document', 'text', (c) => c.notNull())
    .addColumn('source_article', 'text')
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addColumn('retired_at', 'bigint')
    .addUniqueConstraint('knowledge_versions_answer_version', ['answer_id', 'version'])
    .execute();
  await db.schema
    .createIndex('knowledge_versions_status_idx')
    .on('knowledge_versions')
    .columns(['status', 'effective_from'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // 'simple': no Indonesian stemmer ships with PostgreSQL; prefix matching covers word forms.
    await sql`
      alter table knowledge_versions add column search tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') ||
        setweight(to_tsvector('simple', summary), 'B') ||
        setweight(to_tsvector('simple', body || ' ' || source_document), 'C')
      ) stored
    `.execute(db);
    await sql`create index knowledge_versions_search_idx on knowledge_versions using gin (search)`.execute(
      db,
    );
  } else {
    await sql`
      create virtual table knowledge_fts using fts5(
        version_id unindexed, title, summary, body,
        tokenize = 'unicode61 remove_diacritics 2'
      )
    `.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop table knowledge_fts`.execute(db);
  }
  await db.schema.dropTable('knowledge_versions').execute();
  await db.schema.dropTable('knowledge_answers').execute();
}
