import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Publication notices: one row per published version of an answer or a script (written in the
 * publishing transaction), must-read or not, and the agents' acknowledgements of them (one per
 * agent and notice: acknowledging twice keeps the first moment).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('publication_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // `answer` or `script`.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('what_changed', 'text')
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('must_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('must_read_by', 'text', (c) => c.references('users.id'))
    .addColumn('must_read_at', 'bigint')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('publication_notices_item_version', ['kind', 'item_id', 'version'])
    .execute();
  await db.schema
    .createIndex('publication_notices_published_idx')
    .on('publication_notices')
    .column('published_at')
    .execute();
  await db.schema
    .createTable('notice_acknowledgements')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('publication_notices.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_acknowledgements_pk', ['notice_id', 'agent_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notice_acknowledgements').execute();
  await db.schema.dropTable('publication_notices').execute();
}
