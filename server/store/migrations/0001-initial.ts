import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('is_trainee', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('segments')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('target_answer_ms', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('topics')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_id', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('queues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().references('topics.code'))
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('agent_skills')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('topic', 'text', (c) => c.notNull().references('topics.code'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_skills_pk', ['user_id', 'topic'])
    .execute();

  await db.schema
    .createTable('agent_states')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('presence', 'text', (c) => c.notNull())
    .addColumn('presence_since', 'bigint', (c) => c.notNull())
    .addColumn('idle_since', 'bigint', (c) => c.notNull())
    .addColumn('missed_offers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('citizens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().unique())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull().references('citizens.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('preview', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'bigint', (c) => c.notNull())
    .addColumn('assigned_agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('accepted_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('contacts_channel_external_id_unique', ['channel', 'external_id'])
    .execute();
  await db.schema
    .createIndex('contacts_status_idx')
    .on('contacts')
    .columns(['status', 'arrived_at'])
    .execute();
  await db.schema.createIndex('contacts_citizen_idx').on('contacts').column('citizen_id').execute();
  await db.schema
    .createIndex('contacts_assigned_idx')
    .on('contacts')
    .columns(['assigned_agent_id', 'status'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_contact_idx')
    .on('messages')
    .columns(['contact_id', 'at'])
    .execute();

  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .execute();
  // The database, not process memory, guarantees one live offer per contact and per agent,
  // so several nodes routing at once can never double-offer.
  await db.schema
    .createIndex('offers_one_pending_per_contact')
    .on('offers')
    .column('contact_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('offers_one_pending_per_agent')
    .on('offers')
    .column('agent_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('offers_status_expiry_idx')
    .on('offers')
    .columns(['status', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('offers_contact_idx')
    .on('offers')
    .columns(['contact_id', 'resolved_at'])
    .execute();

  await db.schema
    .createTable('wrapup_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_id', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('needs_follow_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().unique().references('contacts.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('wrapup_code', 'text', (c) => c.notNull().references('wrapup_codes.code'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outcomes_created_idx').on('outcomes').column('created_at').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('follow_ups_outcome_idx')
    .on('follow_ups')
    .column('outcome_id')
    .execute();

  await db.schema
    .createTable('scripts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull().unique().references('topics.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('from_agent_id', 'text')
    .addColumn('to_agent_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_events_contact_idx')
    .on('contact_events')
    .column('contact_id')
    .execute();

  await db.schema
    .createTable('command_results')
    .addColumn('command_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'meta',
    'counters',
    'command_results',
    'contact_events',
    'scripts',
    'follow_ups',
    'outcomes',
    'wrapup_codes',
    'offers',
    'messages',
    'contacts',
    'citizens',
    'agent_states',
    'agent_skills',
    'queues',
    'topics',
    'segments',
    'sessions',
    'users',
    'teams',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
