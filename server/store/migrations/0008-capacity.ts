import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Several conversations at once: the centre's limit per kind of work (voice, chat, e-mail), an
 * optional lower cap per agent, and the first answer time of a contact, which transfers and
 * reassignments no longer move (the average speed of answer counts the citizen's first wait).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('centre_capacity')
    .addColumn('work_class', 'text', (c) => c.primaryKey())
    .addColumn('max_concurrent', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('centre_capacity')
    .values([
      { work_class: 'voice', max_concurrent: 1 },
      { work_class: 'chat', max_concurrent: 3 },
      { work_class: 'email', max_concurrent: 5 },
    ])
    .execute();
  for (const column of ['cap_voice', 'cap_chat', 'cap_email']) {
    await db.schema.alterTable('agent_states').addColumn(column, 'integer').execute();
  }
  await db.schema.alterTable('contacts').addColumn('answered_at', 'bigint').execute();
  await sql`update contacts set answered_at = accepted_at where accepted_at is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('contacts_answered_idx')
    .on('contacts')
    .columns(['answered_at', 'queue_id', 'segment', 'arrived_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('contacts_answered_idx').execute();
  await db.schema.alterTable('contacts').dropColumn('answered_at').execute();
  for (const column of ['cap_email', 'cap_chat', 'cap_voice']) {
    await db.schema.alterTable('agent_states').dropColumn(column).execute();
  }
  await db.schema.dropTable('centre_capacity').execute();
}
