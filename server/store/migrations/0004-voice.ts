import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Voice calls and queue metrics: the call behind each voice contact (state and timers, driven by
 * the CTI's events), the CTI's event ids (a repeat answers with the first result), when a contact
 * was abandoned, and indexes for the metrics' range aggregates over the day.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('ringing_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('hold_started_at', 'bigint')
    .addColumn('hold_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'bigint')
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('call_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('call_events_contact_idx')
    .on('call_events')
    .column('contact_id')
    .execute();

  await db.schema.alterTable('contacts').addColumn('abandoned_at', 'bigint').execute();
  // The metrics read the day's arrivals, answers and abandons by time: each a range scan.
  await db.schema
    .createIndex('contacts_arrived_idx')
    .on('contacts')
    .columns(['arrived_at', 'queue_id', 'segment'])
    .execute();
  await db.schema
    .createIndex('contacts_accepted_idx')
    .on('contacts')
    .columns(['accepted_at', 'queue_id', 'segment', 'arrived_at'])
    .execute();
  await db.schema
    .createIndex('contacts_abandoned_idx')
    .on('contacts')
    .columns(['abandoned_at', 'queue_id', 'segment', 'arrived_at'])
    .execute();

  // Voice contacts from before: their call rings while they are open and has ended once closed.
  await sql`
    insert into calls (contact_id, state, ringing_at, answered_at, hold_started_at, hold_ms, ended_at, changed_at, version)
    select id,
           case when status = 'closed' then 'ended' else 'ringing' end,
           arrived_at, null, null, 0,
           case when status = 'closed' then coalesce(closed_at, arrived_at) else null end,
           coalesce(closed_at, arrived_at), 1
    from contacts where channel = 'voice'
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('contacts_abandoned_idx').execute();
  await db.schema.dropIndex('contacts_accepted_idx').execute();
  await db.schema.dropIndex('contacts_arrived_idx').execute();
  await db.schema.alterTable('contacts').dropColumn('abandoned_at').execute();
  await db.schema.dropIndex('call_events_contact_idx').execute();
  await db.schema.dropTable('call_events').execute();
  await db.schema.dropTable('calls').execute();
}
