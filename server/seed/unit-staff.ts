import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../modules/auth/service';
import type { Database } from '../store/schema';
import { DEMO_PASSWORD } from './demo-data';
import { DEMO_UNITS } from './units';

/** Staff of the demo owning units (password `demo1234`); each unit's first one is its head. */
export const DEMO_UNIT_STAFF: {
  username: string;
  displayName: string;
  unitId: string;
  isHead: boolean;
}[] = [
  {
    username: 'unit-sulsel',
    displayName: 'Andi Makkasau',
    unitId: DEMO_UNITS[0]!.id,
    isHead: true,
  },
  { username: 'unit-papua', displayName: 'Yohanes Wenda', unitId: DEMO_UNITS[1]!.id, isHead: true },
];

const SEED_KEY = 'seed:unit-staff';

/** With DEMO=on, after the demo units: their staff, once. */
export async function seedDemoUnitStaff(db: Kysely<Database>, now: number): Promise<boolean> {
  const done = await db
    .selectFrom('meta')
    .select('key')
    .where('key', '=', SEED_KEY)
    .executeTakeFirst();
  if (done) return false;
  // The demo users share one password: reuse its hash rather than pay argon2 again at start.
  const demoUser = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'agent1')
    .executeTakeFirst();
  const passwordHash = demoUser?.password_hash ?? (await hashPassword(DEMO_PASSWORD));
  return db.transaction().execute(async (trx) => {
    const again = await trx
      .selectFrom('meta')
      .select('key')
      .where('key', '=', SEED_KEY)
      .executeTakeFirst();
    if (again) return false;
    for (const member of DEMO_UNIT_STAFF) {
      const id = randomUUID();
      await trx
        .insertInto('users')
        .values({
          id,
          username: member.username,
          display_name: member.displayName,
          role: 'unit',
          is_trainee: 0,
          team_id: null,
          password_hash: passwordHash,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('unit_members')
        .values({ user_id: id, unit_id: member.unitId, is_head: member.isHead ? 1 : 0 })
        .execute();
    }
    await trx
      .insertInto('meta')
      .values({ key: SEED_KEY, value: String(now) })
      .execute();
    return true;
  });
}
