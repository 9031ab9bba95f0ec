import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * One profile per citizen across channels: every phone number, e-mail address and social handle
 * they reached us from points at their profile, so two profiles found to be one person can be
 * merged (the other keeps `merged_into`, its history moves). Profile details, the national ID
 * number (stored, shown masked), and a log of every view of personal data.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('citizen_addresses')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('citizen_addresses_citizen_idx')
    .on('citizen_addresses')
    .column('citizen_id')
    .execute();
  await sql`
    insert into citizen_addresses (address, citizen_id, kind, created_at)
    select address, id,
      case when address like '%@%' and address not like '@%' then 'email'
           when address like '@%' then 'handle'
           else 'phone' end,
      created_at
    from citizens
  `.execute(db);
  await db.schema.alterTable('citizens').addColumn('organisation', 'text').execute();
  await db.schema.alterTable('citizens').addColumn('nik', 'text').execute();
  await db.schema
    .alterTable('citizens')
    .addColumn('is_segment_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('citizens')
    .addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('id'))
    .execute();
  await db.schema
    .alterTable('citizens')
    .addColumn('may_contact', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('citizens').addColumn('merged_into', 'text').execute();
  await db.schema
    .createTable('profile_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('viewer_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** `profile` (opened), `reveal_nik` (the full ID number shown), `merge`, `update`. */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('profile_views_citizen_idx')
    .on('profile_views')
    .columns(['citizen_id', 'at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('profile_views').execute();
  for (const column of [
    'merged_into',
    'may_contact',
    'preferred_language',
    'is_segment_verified',
    'nik',
    'organisation',
  ]) {
    await db.schema.alterTable('citizens').dropColumn(column).execute();
  }
  await db.schema.dropTable('citizen_addresses').execute();
}
