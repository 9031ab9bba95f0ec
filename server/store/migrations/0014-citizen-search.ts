import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { nameTerms } from '../../domain/citizen-search';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

const BACKFILL_BATCH = 500;

/**
 * Searching citizens on a large table, and logging the caller panel once.
 *
 * - `citizen_name_terms`: each word of a profile's name (`nameTerms`), so a name is found by the
 *   beginnings of its words with a range over one B-tree index. The words compare by code point:
 *   SQLite's BINARY collation does; on PostgreSQL the column is `collate "C"`, so the same range
 *   means the same on both databases (a locale collation would order `siti-` and `sitia` its
 *   own way).
 * - `citizens.nik` indexed for the exact NIK match (never a prefix).
 * - `profile_views.contact_id`: the conversation whose caller panel was shown, with a unique
 *   index so each viewer's look at a caller in one conversation is logged once however often
 *   the desk reloads.
 */
export async function up(db: AnyDb): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('citizen_name_terms')
    .addColumn('term', isPostgres ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addPrimaryKeyConstraint('citizen_name_terms_pk', ['term', 'citizen_id'])
    .execute();
  await db.schema
    .createIndex('citizen_name_terms_citizen_idx')
    .on('citizen_name_terms')
    .column('citizen_id')
    .execute();
  await db.schema.createIndex('citizens_nik_idx').on('citizens').column('nik').execute();

  await db.schema.alterTable('profile_views').addColumn('contact_id', 'text').execute();
  await db.schema
    .createIndex('profile_views_caller_panel_once')
    .on('profile_views')
    .columns(['viewer_id', 'contact_id', 'citizen_id'])
    .unique()
    .where(sql.ref('action'), '=', sql.lit('caller_panel'))
    .execute();

  // Profiles already on file. Uses today's `nameTerms`: a later change to how names are split
  // must re-index anyway, in a migration of its own.
  let after = '';
  for (;;) {
    const batch = (await db
      .selectFrom('citizens')
      .select(['id', 'name'])
      .where('merged_into', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BACKFILL_BATCH)
      .execute()) as { id: string; name: string }[];
    if (batch.length === 0) break;
    const rows = batch.flatMap((citizen) =>
      nameTerms(citizen.name).map((term) => ({ term, citizen_id: citizen.id })),
    );
    if (rows.length > 0) await db.insertInto('citizen_name_terms').values(rows).execute();
    after = batch[batch.length - 1]!.id;
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('profile_views_caller_panel_once').execute();
  await db.schema.alterTable('profile_views').dropColumn('contact_id').execute();
  await db.schema.dropIndex('citizens_nik_idx').execute();
  await db.schema.dropTable('citizen_name_terms').execute();
}
