import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Transfers: an offer may carry a contact from one agent to another (cold: the sender lets go at
 * once; warm: the sender keeps it until the receiver accepts), with a note the receiver reads
 * before accepting.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('offers')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('route'))
    .execute();
  await db.schema.alterTable('offers').addColumn('from_agent_id', 'text').execute();
  await db.schema.alterTable('offers').addColumn('note', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('transfer_note', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('transferred_by', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('transferred_by').execute();
  await db.schema.alterTable('contacts').dropColumn('transfer_note').execute();
  await db.schema.alterTable('offers').dropColumn('note').execute();
  await db.schema.alterTable('offers').dropColumn('from_agent_id').execute();
  await db.schema.alterTable('offers').dropColumn('kind').execute();
}
