import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * The script editor's audit trail (who last changed a version, who published and who retired it,
 * and when), and the database's own guard on the workflow: at most one draft and at most one
 * published version per script, whatever races past the service.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('script_versions')
    .addColumn('updated_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update script_versions set updated_at = coalesce(published_at, created_at)`.execute(db);
  await db.schema.alterTable('script_versions').addColumn('published_by', 'text').execute();
  await db.schema.alterTable('script_versions').addColumn('retired_at', 'bigint').execute();
  await db.schema.alterTable('script_versions').addColumn('retired_by', 'text').execute();
  // Partial unique indexes, written out: SQLite and PostgreSQL share this syntax.
  await sql`
    create unique index script_versions_one_published on script_versions (script_id)
    where status = 'published'
  `.execute(db);
  await sql`
    create unique index script_versions_one_draft on script_versions (script_id)
    where status = 'draft'
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('script_versions_one_draft').execute();
  await db.schema.dropIndex('script_versions_one_published').execute();
  for (const column of ['retired_by', 'retired_at', 'published_by', 'updated_at']) {
    await db.schema.alterTable('script_versions').dropColumn(column).execute();
  }
}
