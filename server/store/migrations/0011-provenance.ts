import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Provenance of outcomes and canned responses.
 *
 * - `outcome_sources`: the knowledge answer versions an outcome rests on, in the order the agent
 *   used them; each pair once per outcome.
 * - `outcomes.script_id`, `script_version`, `script_path`: the script version pinned to the
 *   conversation when the outcome was logged, and the steps taken (JSON `ScriptMove[]`); null
 *   for a conversation without a script and for outcomes logged before this migration.
 * - `canned_responses`: short reusable replies with variables; a code is unique among the active
 *   ones, so a retired code can be given to a new response.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('outcome_sources')
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id'))
    .addColumn('answer_id', 'text', (c) => c.notNull().references('knowledge_answers.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('outcome_sources_pk', ['outcome_id', 'answer_id', 'version'])
    .execute();
  await db.schema
    .createIndex('outcome_sources_answer_idx')
    .on('outcome_sources')
    .columns(['answer_id', 'version'])
    .execute();
  await db.schema.alterTable('outcomes').addColumn('script_id', 'text').execute();
  await db.schema.alterTable('outcomes').addColumn('script_version', 'integer').execute();
  await db.schema.alterTable('outcomes').addColumn('script_path', 'text').execute();

  await db.schema
    .createTable('canned_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('retired_at', 'bigint')
    .execute();
  // Partial unique indexes read the same on SQLite and PostgreSQL.
  await sql`create unique index canned_responses_active_code on canned_responses (code) where status = 'active'`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('canned_responses').execute();
  await db.schema.alterTable('outcomes').dropColumn('script_path').execute();
  await db.schema.alterTable('outcomes').dropColumn('script_version').execute();
  await db.schema.alterTable('outcomes').dropColumn('script_id').execute();
  await db.schema.dropTable('outcome_sources').execute();
}
