import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The hash the first audit row chains from. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * Cases with their clocks, contacts, hand-offs to owning units, warnings and escalations, the
 * members of units, and the hash-chained audit log (append-only: triggers refuse UPDATE and
 * DELETE on both dialects, and the chain shows any change made around them).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('unit_members')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('is_head', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('unit_members_unit_idx')
    .on('unit_members')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('channel', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('with_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('service_class', 'text')
    .addColumn('custom_working_days', 'integer')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('is_breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('breached_at', 'bigint')
    .addColumn('escalation_step', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('next_escalation_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('cases_owner_idx').on('cases').column('owner_id').execute();
  await db.schema.createIndex('cases_with_unit_idx').on('cases').column('with_unit_id').execute();
  await db.schema
    .createIndex('cases_escalation_idx')
    .on('cases')
    .column('next_escalation_at')
    .execute();

  await db.schema
    .createTable('case_contacts')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_contacts_pk', ['case_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('case_contacts_contact_idx')
    .on('case_contacts')
    .column('contact_id')
    .execute();

  await db.schema
    .createTable('case_clocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint')
    .addColumn('legal_due_at', 'bigint')
    .addColumn('internal_due_at', 'bigint')
    .addColumn('original_legal_due_at', 'bigint')
    .addColumn('extensions_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('paused_at', 'bigint')
    .addColumn('pause_reason', 'text')
    .addColumn('paused_total_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('met_at', 'bigint')
    .addColumn('breached_at', 'bigint')
    .addColumn('warned_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_warning_at', 'bigint')
    .addUniqueConstraint('case_clocks_case_clock_unique', ['case_id', 'clock'])
    .execute();
  await db.schema
    .createIndex('case_clocks_next_warning_idx')
    .on('case_clocks')
    .column('next_warning_at')
    .execute();

  await db.schema
    .createTable('case_handoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('agreed_due_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledge_by', 'bigint', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('responded_by', 'text')
    .addColumn('responded_at', 'bigint')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('case_handoffs_case_idx')
    .on('case_handoffs')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('case_handoffs_pending_idx')
    .on('case_handoffs')
    .columns(['status', 'acknowledge_by'])
    .execute();

  await db.schema
    .createTable('case_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('clock_id', 'text', (c) => c.notNull().references('case_clocks.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('fired_at', 'bigint', (c) => c.notNull())
    // One warning per clock, level and due: two nodes scanning at once insert it once.
    .addUniqueConstraint('case_warnings_once', ['clock_id', 'level', 'due_at'])
    .execute();
  await db.schema
    .createIndex('case_warnings_case_idx')
    .on('case_warnings')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('case_escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('case_escalations_once', ['case_id', 'step'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_case_idx').on('audit_log').column('case_id').execute();
  // The chain's head: one row, updated (and so locked) by every append, which serialises appends.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: AUDIT_GENESIS_HASH }).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create or replace function audit_log_append_only() returns trigger as $$
      begin raise exception 'audit_log is append-only'; end; $$ language plpgsql`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_head',
    'audit_log',
    'case_escalations',
    'case_warnings',
    'case_handoffs',
    'case_clocks',
    'case_contacts',
    'cases',
    'unit_members',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists audit_log_append_only()`.execute(db);
  }
}
