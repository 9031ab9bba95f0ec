import type { Kysely } from 'kysely';
import { rooms } from '../../realtime/rooms';
import type { Database } from '../../store/schema';
import type { ServiceContext } from '../context';

/**
 * Tells whoever reads these policies' reports that new shares or feedback are in: leads and
 * administrators, and the staff of each owning unit. Call after the commit.
 */
export async function publishPolicyActivity(
  ctx: ServiceContext,
  policyIds: readonly string[],
): Promise<void> {
  if (policyIds.length === 0) return;
  const members = await unitStaffOf(ctx.db, policyIds);
  ctx.publisher.publish([rooms.leads, ...members.map((id) => rooms.user(id))], 'policy:activity', {
    policyIds: [...policyIds],
    at: ctx.clock.now(),
  });
}

async function unitStaffOf(db: Kysely<Database>, policyIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('policies as p')
    .innerJoin('unit_members as m', 'm.unit_id', 'p.unit_id')
    .select('m.user_id')
    .where('p.id', 'in', policyIds)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
