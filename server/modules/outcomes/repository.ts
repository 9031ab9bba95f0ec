import type { Kysely } from 'kysely';
import { RequestTypeSchema } from '../../../shared/schemas/deadlines';
import type { OutcomeRecord } from '../../../shared/schemas/outcome';
import type { Database } from '../../store/schema';
import { loadContactSummaries } from '../conversations/repository';
import { loadProvenance } from './provenance';

export interface OutcomeFilter {
  agentId?: string;
  /** Outcomes of these agents only (a lead's team). */
  agentIds?: readonly string[];
  contactIds?: readonly string[];
  limit: number;
}

/** Outcomes newest first, each with its contact, agent, follow-up and provenance. */
export async function loadOutcomeRecords(
  db: Kysely<Database>,
  filter: OutcomeFilter,
): Promise<OutcomeRecord[]> {
  if (filter.contactIds && filter.contactIds.length === 0) return [];
  let query = db
    .selectFrom('outcomes')
    .innerJoin('users', 'users.id', 'outcomes.agent_id')
    .select([
      'outcomes.id',
      'outcomes.contact_id',
      'outcomes.agent_id',
      'outcomes.wrapup_code',
      'outcomes.notes',
      'outcomes.created_at',
      'outcomes.script_id',
      'outcomes.script_version',
      'outcomes.script_path',
      'outcomes.review_status',
      'users.display_name as agent_name',
    ]);
  if (filter.agentId) query = query.where('outcomes.agent_id', '=', filter.agentId);
  if (filter.agentIds) {
    if (filter.agentIds.length === 0) return [];
    query = query.where('outcomes.agent_id', 'in', filter.agentIds);
  }
  if (filter.contactIds) query = query.where('outcomes.contact_id', 'in', filter.contactIds);
  const rows = await query
    .orderBy('outcomes.created_at', 'desc')
    .orderBy('outcomes.id')
    .limit(filter.limit)
    .execute();
  if (rows.length === 0) return [];
  const [contacts, followUps, linkedCases, provenance] = await Promise.all([
    loadContactSummaries(
      db,
      rows.map((row) => row.contact_id),
    ),
    db
      .selectFrom('follow_ups')
      .innerJoin('users', 'users.id', 'follow_ups.owner_id')
      .selectAll('follow_ups')
      .select('users.display_name as owner_name')
      .where(
        'follow_ups.outcome_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute(),
    db
      .selectFrom('case_contacts')
      .innerJoin('cases', 'cases.id', 'case_contacts.case_id')
      .select(['case_contacts.contact_id', 'cases.id', 'cases.reference', 'cases.type'])
      .where(
        'case_contacts.contact_id',
        'in',
        rows.map((row) => row.contact_id),
      )
      .orderBy('cases.created_at')
      .execute(),
    loadProvenance(db, rows),
  ]);
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  const followUpByOutcome = new Map(followUps.map((followUp) => [followUp.outcome_id, followUp]));
  return rows.flatMap((row) => {
    const contact = contactById.get(row.contact_id);
    if (!contact) return [];
    const followUp = followUpByOutcome.get(row.id);
    return [
      {
        outcome: {
          id: row.id,
          contactId: row.contact_id,
          agentId: row.agent_id,
          wrapupCode: row.wrapup_code,
          notes: row.notes,
          createdAt: row.created_at,
          ...(row.review_status === 'pending_review' || row.review_status === 'reviewed'
            ? { reviewStatus: row.review_status }
            : {}),
        },
        followUp: followUp
          ? {
              id: followUp.id,
              contactId: followUp.contact_id,
              title: followUp.title,
              dueAt: followUp.due_at,
              ownerId: followUp.owner_id,
              ownerName: followUp.owner_name,
              status: followUp.status as 'open' | 'done',
              createdAt: followUp.created_at,
            }
          : null,
        contact,
        agentName: row.agent_name,
        cases: linkedCases
          .filter((linked) => linked.contact_id === row.contact_id)
          .map((linked) => ({
            id: linked.id,
            reference: linked.reference,
            type: RequestTypeSchema.parse(linked.type),
          })),
        provenance: provenance.get(row.id),
      },
    ];
  });
}
