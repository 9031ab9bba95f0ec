import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';

/**
 * The next version of a live stream that every node publishes (queue state, queue metrics). Taken
 * from the database before the state is read, so versions rise across nodes and restarts: a state
 * read after another node's is never numbered below it, and clients keeping the highest version
 * keep the freshest state whichever node sent it.
 */
export async function nextLiveVersion(db: Kysely<Database>, stream: string): Promise<number> {
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
