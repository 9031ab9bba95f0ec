import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * After-contact work with a time limit per queue, and overflow: after a wait, a contact widens to
 * agents with a backup skill.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('agent_states').addColumn('presence_until', 'bigint').execute();
  await db.schema
    .alterTable('queues')
    .addColumn('after_contact_work_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('queues').addColumn('overflow_after_ms', 'bigint').execute();
  await db.schema
    .alterTable('queues')
    .addColumn('overflow_topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('agent_states_presence_until_idx')
    .on('agent_states')
    .columns(['presence', 'presence_until'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('agent_states_presence_until_idx').execute();
  await db.schema.alterTable('queues').dropColumn('overflow_topics').execute();
  await db.schema.alterTable('queues').dropColumn('overflow_after_ms').execute();
  await db.schema.alterTable('queues').dropColumn('after_contact_work_ms').execute();
  await db.schema.alterTable('agent_states').dropColumn('presence_until').execute();
}
