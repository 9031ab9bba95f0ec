import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Channel } from '../../../shared/schemas/common';
import type { ContactStatus, PreviousContact } from '../../../shared/schemas/contact';
import type { Database } from '../../store/schema';
import { loadProvenance } from '../outcomes/provenance';

/**
 * The profile an address belongs to. A profile merged into another answers with the one it was
 * merged into (its addresses moved there too; this covers a race with the merge).
 */
export async function findCitizenByAddress(db: Kysely<Database>, address: string) {
  const row = await db
    .selectFrom('citizen_addresses')
    .innerJoin('citizens', 'citizens.id', 'citizen_addresses.citizen_id')
    .selectAll('citizens')
    .where('citizen_addresses.address', '=', address)
    .executeTakeFirst();
  if (!row?.merged_into) return row;
  return db.selectFrom('citizens').selectAll().where('id', '=', row.merged_into).executeTakeFirst();
}

const TIMELINE_LIMIT = 100;

/**
 * A citizen's contacts, newest first, with their outcomes and what each rests on (all but
 * `exceptContactId`).
 */
export async function loadCitizenTimeline(
  db: Kysely<Database>,
  citizenId: string,
  options: { limit?: number; exceptContactId?: string } = {},
): Promise<PreviousContact[]> {
  let query = db
    .selectFrom('contacts')
    .leftJoin('users', 'users.id', 'contacts.assigned_agent_id')
    .leftJoin('outcomes', 'outcomes.contact_id', 'contacts.id')
    .select([
      'contacts.id',
      'contacts.reference',
      'contacts.channel',
      'contacts.topic',
      'contacts.arrived_at',
      'contacts.status',
      'contacts.abandoned_at',
      'contacts.closed_reason',
      'users.display_name as agent_name',
      'outcomes.id as outcome_id',
      'outcomes.script_id',
      'outcomes.script_version',
      'outcomes.script_path',
      'outcomes.wrapup_code',
      'outcomes.notes',
      'outcomes.created_at as outcome_at',
    ])
    .where('contacts.citizen_id', '=', citizenId);
  if (options.exceptContactId !== undefined) {
    query = query.where('contacts.id', '!=', options.exceptContactId);
  }
  const rows = await query
    .orderBy('contacts.arrived_at', 'desc')
    .limit(options.limit ?? TIMELINE_LIMIT)
    .execute();
  const provenance = await loadProvenance(
    db,
    rows.flatMap((row) => (row.outcome_id === null ? [] : [{ ...row, id: row.outcome_id }])),
  );
  return rows.map((p) => ({
    id: p.id,
    reference: p.reference,
    channel: p.channel as Channel,
    topic: p.topic,
    arrivedAt: p.arrived_at,
    status: p.status as ContactStatus,
    agentName: p.agent_name,
    isAbandoned: p.abandoned_at !== null,
    isAfterHours: p.closed_reason === 'after_hours',
    outcome:
      p.wrapup_code !== null && p.outcome_at !== null
        ? {
            wrapupCode: p.wrapup_code,
            notes: p.notes ?? '',
            createdAt: p.outcome_at,
            provenance: p.outcome_id === null ? undefined : provenance.get(p.outcome_id),
          }
        : null,
  }));
}

export async function recordProfileAccess(
  db: Kysely<Database>,
  entry: { citizenId: string; viewerId: string; at: number; action: string; reason: string },
): Promise<void> {
  await db
    .insertInto('profile_views')
    .values({
      id: randomUUID(),
      citizen_id: entry.citizenId,
      viewer_id: entry.viewerId,
      at: entry.at,
      action: entry.action,
      reason: entry.reason,
    })
    .execute();
}
