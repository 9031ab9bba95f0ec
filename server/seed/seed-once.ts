import type { Kysely } from 'kysely';
import { hashPassword } from '../modules/auth/service';
import type { Database } from '../store/schema';
import { DEMO_PASSWORD } from './demo-data';

/**
 * Runs a demo seed step once per database: `write` runs in one transaction that also records
 * `key` in `meta`, checked again inside it so two nodes starting together write it once.
 * Returns whether this call wrote it.
 */
export async function seedOnce(
  db: Kysely<Database>,
  key: string,
  now: number,
  write: (trx: Kysely<Database>) => Promise<void>,
): Promise<boolean> {
  const isDone = async (q: Kysely<Database>) =>
    (await q.selectFrom('meta').select('key').where('key', '=', key).executeTakeFirst()) !==
    undefined;
  if (await isDone(db)) return false;
  return db.transaction().execute(async (trx) => {
    if (await isDone(trx)) return false;
    await write(trx);
    await trx
      .insertInto('meta')
      .values({ key, value: String(now) })
      .execute();
    return true;
  });
}

/** The demo users share one password: reuse its hash rather than pay argon2 again at start. */
export async function demoPasswordHash(db: Kysely<Database>): Promise<string> {
  const demoUser = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'agent1')
    .executeTakeFirst();
  return demoUser?.password_hash ?? hashPassword(DEMO_PASSWORD);
}
