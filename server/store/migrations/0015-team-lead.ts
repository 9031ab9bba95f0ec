import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * The team lead's work (docs/supervision.md): which teams serve which queues, queue alert
 * thresholds, alerts (at most one open per condition key, so several nodes scanning raise it
 * once), agents' statuses changed by a lead (audit), escalations, announcements and their
 * acknowledgements.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('team_queues')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addPrimaryKeyConstraint('team_queues_pk', ['team_id', 'queue_id'])
    .execute();

  await db.schema
    .createTable('queue_alert_thresholds')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('queues.id'))
    .addColumn('max_waiting', 'integer')
    .addColumn('max_wait_ms', 'bigint')
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('lead_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('condition_key', 'text', (c) => c.notNull())
    // The condition key while the alert is open, null once cleared: unique, so one open alert per
    // condition (several NULLs are allowed by SQLite and PostgreSQL alike).
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('cleared_at', 'bigint')
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('lead_alerts_raised_idx')
    .on('lead_alerts')
    .column('raised_at')
    .execute();

  await db.schema
    .createTable('agent_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('from_presence', 'text', (c) => c.notNull())
    .addColumn('to_presence', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agent_status_changes_agent_idx')
    .on('agent_status_changes')
    .columns(['agent_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('handled_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('escalations_raised_idx')
    .on('escalations')
    .column('raised_at')
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null: to every team.
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_published_idx')
    .on('announcements')
    .column('published_at')
    .execute();
  await db.schema
    .createTable('announcement_acknowledgements')
    .addColumn('announcement_id', 'text', (c) => c.notNull().references('announcements.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_acknowledgements_pk', ['announcement_id', 'agent_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'announcement_acknowledgements',
    'announcements',
    'escalations',
    'agent_status_changes',
    'lead_alerts',
    'queue_alert_thresholds',
    'team_queues',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
