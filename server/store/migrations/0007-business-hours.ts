import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Business hours per queue, and what a contact arriving outside them got. A queue without a
 * `queue_hours` row is open 24/7, so existing and new queues keep routing as before.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('queue_hours')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('queues.id'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('is_always_open', 'integer', (c) => c.notNull())
    .addColumn('weekly', 'text', (c) => c.notNull())
    .addColumn('is_closed_on_holidays', 'integer', (c) => c.notNull())
    .addColumn('is_closed_on_collective_leave', 'integer', (c) => c.notNull())
    .addColumn('after_hours_action', 'text', (c) => c.notNull())
    .addColumn('after_hours_message', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Why a contact closed without an agent: `after_hours` (the queue was closed when it arrived).
  await db.schema.alterTable('contacts').addColumn('closed_reason', 'text').execute();
  // The after-hours answer the contact got (JSON), so a channel retry gets the same answer.
  await db.schema.alterTable('contacts').addColumn('after_hours_answer', 'text').execute();

  await db.schema
    .createTable('callback_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().unique().references('contacts.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('due_at', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('callback_requests_status_due_idx')
    .on('callback_requests')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('callback_requests_citizen_idx')
    .on('callback_requests')
    .columns(['citizen_id', 'queue_id', 'status'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('callback_requests_citizen_idx').execute();
  await db.schema.dropIndex('callback_requests_status_due_idx').execute();
  await db.schema.dropTable('callback_requests').execute();
  await db.schema.alterTable('contacts').dropColumn('after_hours_answer').execute();
  await db.schema.alterTable('contacts').dropColumn('closed_reason').execute();
  await db.schema.dropTable('queue_hours').execute();
}
