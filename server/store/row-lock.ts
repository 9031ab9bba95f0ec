import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Serialises the writers of everything that hangs off one row (a script's versions, say) until the
 * transaction ends. PostgreSQL locks the row; SQLite needs nothing, its transactions run one at a
 * time over the one connection.
 */
export async function lockRow(
  db: Kysely<Database>,
  table: keyof Database & string,
  id: string,
): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select 1 from ${sql.table(table)} where id = ${id} for update`.execute(db);
}
