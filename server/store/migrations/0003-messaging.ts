import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Two-way text messaging: every message carries the channel's own id (for idempotent appends),
 * and an agent's reply carries its delivery state, kept in the database so deliveries survive a
 * restart and are retried by whichever node claims them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('messages').addColumn('external_key', 'text').execute();
  await db.schema.alterTable('messages').addColumn('author_id', 'text').execute();
  await db.schema.alterTable('messages').addColumn('delivery_status', 'text').execute();
  await db.schema.alterTable('messages').addColumn('failure_reason', 'text').execute();
  await db.schema
    .alterTable('messages')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('messages').addColumn('next_attempt_at', 'bigint').execute();
  await db.schema
    .createIndex('messages_external_key_unique')
    .on('messages')
    .column('external_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('messages_delivery_due_idx')
    .on('messages')
    .columns(['delivery_status', 'next_attempt_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('messages_delivery_due_idx').execute();
  await db.schema.dropIndex('messages_external_key_unique').execute();
  for (const column of [
    'next_attempt_at',
    'attempts',
    'failure_reason',
    'delivery_status',
    'author_id',
    'external_key',
  ]) {
    await db.schema.alterTable('messages').dropColumn(column).execute();
  }
}
