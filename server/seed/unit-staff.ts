import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { seedOnce, demoPasswordHash } from './seed-once';
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
  const passwordHash = await demoPasswordHash(db);
  return seedOnce(db, SEED_KEY, now, async (trx) => {
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
  });
}
