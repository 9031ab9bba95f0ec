import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Several server nodes on one database: each node beats in `cluster_nodes`, and counts the sockets
 * its agents hold in `agent_connections`. An agent is connected while any live node (one whose
 * heartbeat is recent) counts a socket for them, so a reconnect to another node keeps the agent's
 * place, and a node that dies without a word stops counting once its heartbeat is stale.
 *
 * On PostgreSQL, the versions of the live streams every node publishes (queue state, queue
 * metrics) come from sequences: `nextval` never waits for a lock, however many nodes ask at once.
 * SQLite (one process) keeps them in the `counters` table.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('cluster_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    // 1 while the node shuts down: it takes no new sockets and hands its agents to the others.
    .addColumn('is_draining', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('agent_connections')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sockets', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_connections_pk', ['node_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('agent_connections_user_idx')
    .on('agent_connections')
    .column('user_id')
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create sequence live_queue_state_version`.execute(db);
    await sql`create sequence live_queue_metrics_version`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop sequence live_queue_metrics_version`.execute(db);
    await sql`drop sequence live_queue_state_version`.execute(db);
  }
  await db.schema.dropTable('agent_connections').execute();
  await db.schema.dropTable('cluster_nodes').execute();
}
