import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Evaluation forms keep every version an evaluation was made with (docs/training.md): a form
 * changed after its first use gets a new version, and the one the old evaluations name stays as
 * it was. `evaluation_forms` holds the current version; `evaluation_form_versions` all of them.
 * A form may also be archived: kept for its evaluations, offered for no new one.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('evaluation_form_versions')
    .addColumn('form_id', 'text', (c) => c.notNull().references('evaluation_forms.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('pass_percent', 'integer', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_form_versions_pk', ['form_id', 'version'])
    .execute();
  // The forms as they are now become their versions; evaluations made with an earlier version
  // (before this migration every change grew the number) keep their stored score and answers.
  const forms = (await db.selectFrom('evaluation_forms').selectAll().execute()) as {
    id: string;
    title: string;
    pass_percent: number;
    sections: string;
    version: number;
    updated_by: string | null;
    updated_at: number | string;
  }[];
  for (const form of forms) {
    await db
      .insertInto('evaluation_form_versions')
      .values({
        form_id: form.id,
        version: form.version,
        title: form.title,
        pass_percent: form.pass_percent,
        sections: form.sections,
        saved_by: form.updated_by,
        saved_at: Number(form.updated_at),
      })
      .execute();
  }
  await db.schema.alterTable('evaluation_forms').addColumn('archived_at', 'bigint').execute();
  await db.schema.alterTable('evaluation_forms').addColumn('archived_by', 'text').execute();
  await db.schema
    .createIndex('evaluations_form_version_idx')
    .on('evaluations')
    .columns(['form_id', 'form_version'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('evaluations_form_version_idx').execute();
  await db.schema.alterTable('evaluation_forms').dropColumn('archived_by').execute();
  await db.schema.alterTable('evaluation_forms').dropColumn('archived_at').execute();
  await db.schema.dropTable('evaluation_form_versions').execute();
}
