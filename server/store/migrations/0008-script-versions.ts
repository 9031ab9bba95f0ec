import type { Kysely } from 'kysely';
import { linearScript } from '../../../shared/domain/guided-script';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Guided scripts get versions (draft, published, retired) with a branching definition, and each
 * conversation pins the version it started with, with its progress: publishing never changes a
 * script under an agent in mid-conversation. The straight scripts from before become version 1.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('script_versions')
    .addColumn('script_id', 'text', (c) => c.notNull().references('scripts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** JSON ScriptDefinition (shared/domain/guided-script.ts). */
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addPrimaryKeyConstraint('script_versions_pk', ['script_id', 'version'])
    .execute();
  await db.schema
    .createTable('conversation_scripts')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id'))
    .addColumn('script_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** JSON ScriptProgress. */
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  const scripts = (await db.selectFrom('scripts').selectAll().execute()) as {
    id: string;
    title: string;
    steps: string;
  }[];
  for (const script of scripts) {
    await db
      .insertInto('script_versions')
      .values({
        script_id: script.id,
        version: 1,
        status: 'published',
        title: script.title,
        definition: JSON.stringify(linearScript(JSON.parse(script.steps))),
        created_by: null,
        created_at: 0,
        published_at: 0,
      })
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('conversation_scripts').execute();
  await db.schema.dropTable('script_versions').execute();
}
