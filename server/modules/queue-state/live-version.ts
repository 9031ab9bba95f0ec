import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema';

const SEQUENCES = {
  'queue-state': 'live_queue_state_version',
  'queue-metrics': 'live_queue_metrics_version',
} as const;

/**
 * The next version of a live stream that every node publishes (queue state, queue metrics). Taken
 * from the database before the state is read, so versions rise across nodes and restarts: a state
 * read after another node's is never numbered below it, and clients keeping the highest version
 * keep the freshest state whichever node sent it. PostgreSQL hands them out from a sequence (no
 * lock to wait for when several nodes ask at once); SQLite, one process, from a counter row.
 */
export async function nextLiveVersion(
  db: Kysely<Database>,
  stream: keyof typeof SEQUENCES,
): Promise<number> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{
      version: number;
    }>`select nextval(${SEQUENCES[stream]}) as version`.execute(db);
    return Number(rows[0]!.version);
  }
  const row = await db
    .insertInto('counters')
    .values({ name: `live:${stream}`, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb(eb.ref('counters.value'), '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
