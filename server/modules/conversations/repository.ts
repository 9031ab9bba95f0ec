import { maskNik } from '../../../shared/schemas/citizen';
import { loadCitizenTimeline } from '../citizens/repository';
import { pinConversationScript, renderScript } from '../scripts/repository';
import type { Kysely } from 'kysely';
import type { Channel, SegmentCode } from '../../../shared/schemas/common';
import type {
  ContactStatus,
  DeliveryStatus,
  ContactSummary,
  ConversationDetail,
  Message,
} from '../../../shared/schemas/contact';
import type { Database } from '../../store/schema';
import { loadCallState } from '../voice/repository';

const PREVIOUS_CONTACTS_SHOWN = 20;

function summaryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('contacts')
    .innerJoin('citizens', 'citizens.id', 'contacts.citizen_id')
    .leftJoin('users', 'users.id', 'contacts.assigned_agent_id')
    .select([
      'contacts.id',
      'contacts.reference',
      'contacts.channel',
      'contacts.topic',
      'contacts.queue_id',
      'contacts.segment',
      'contacts.preview',
      'contacts.status',
      'contacts.arrived_at',
      'contacts.assigned_agent_id',
      'contacts.accepted_at',
      'contacts.closed_at',
      'contacts.version',
      'contacts.abandoned_at',
      'citizens.name as citizen_name',
      'users.display_name as agent_name',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(row: SummaryRow): ContactSummary {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel as Channel,
    topic: row.topic,
    queueId: row.queue_id,
    segment: row.segment as SegmentCode,
    citizenName: row.citizen_name,
    preview: row.preview,
    status: row.status as ContactStatus,
    arrivedAt: row.arrived_at,
    assignedAgentId: row.assigned_agent_id,
    assignedAgentName: row.agent_name,
    acceptedAt: row.accepted_at,
    closedAt: row.closed_at,
    version: row.version,
    isAbandoned: row.abandoned_at !== null,
  };
}

export async function loadContactSummary(
  db: Kysely<Database>,
  contactId: string,
): Promise<ContactSummary | undefined> {
  const row = await summaryQuery(db).where('contacts.id', '=', contactId).executeTakeFirst();
  return row ? toSummary(row) : undefined;
}

export async function loadContactSummaries(
  db: Kysely<Database>,
  contactIds: readonly string[],
): Promise<ContactSummary[]> {
  if (contactIds.length === 0) return [];
  const rows = await summaryQuery(db).where('contacts.id', 'in', contactIds).execute();
  return rows.map(toSummary);
}

/** Contacts not yet closed, oldest first: what a lead watches. */
export async function loadOpenContacts(db: Kysely<Database>): Promise<ContactSummary[]> {
  const rows = await summaryQuery(db)
    .where('contacts.status', 'in', ['waiting', 'offered', 'active'])
    .orderBy('contacts.arrived_at')
    .limit(500)
    .execute();
  return rows.map(toSummary);
}

/** Several conversations' workspaces, in the order asked; any no longer found are left out. */
export async function loadConversationDetails(
  db: Kysely<Database>,
  contactIds: readonly string[],
): Promise<ConversationDetail[]> {
  const details = await Promise.all(contactIds.map((id) => loadConversationDetail(db, id)));
  return details.filter((detail) => detail !== undefined);
}

/** The whole workspace for one conversation: transcript, caller context and filled script. */
export async function loadConversationDetail(
  db: Kysely<Database>,
  contactId: string,
): Promise<ConversationDetail | undefined> {
  const row = await summaryQuery(db)
    .select([
      'contacts.citizen_id',
      'citizens.address',
      'citizens.segment as citizen_segment',
      'citizens.is_segment_verified',
      'citizens.organisation',
      'citizens.nik',
    ])
    .where('contacts.id', '=', contactId)
    .executeTakeFirst();
  if (!row) return undefined;
  const contact = toSummary(row);
  const [messages, previous, script, call] = await Promise.all([
    loadMessages(db, { contactId }),
    loadCitizenTimeline(db, row.citizen_id, {
      limit: PREVIOUS_CONTACTS_SHOWN,
      exceptContactId: contactId,
    }),
    pinConversationScript(db, contact, Date.now()),
    contact.channel === 'voice' ? loadCallState(db, contactId) : undefined,
  ]);
  const variables = {
    'caller.name': contact.citizenName,
    reference: contact.reference,
    'agent.name': contact.assignedAgentName,
  };
  return {
    contact,
    messages,
    caller: {
      citizenId: row.citizen_id,
      name: contact.citizenName,
      address: row.address,
      segment: row.citizen_segment as SegmentCode,
      isSegmentVerified: row.is_segment_verified === 1,
      organisation: row.organisation,
      nikMasked: maskNik(row.nik),
      previousContacts: previous,
    },
    script: script ? renderScript(script, row.citizen_segment as SegmentCode, variables) : null,
    call: call ?? null,
  };
}

/** Messages of one conversation in order, or the given ones, with their authors' names. */
export async function loadMessages(
  db: Kysely<Database>,
  filter: { contactId?: string; ids?: readonly string[] },
): Promise<Message[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .leftJoin('users as approvers', 'approvers.id', 'messages.approval_by')
    .select([
      'messages.id',
      'messages.direction',
      'messages.text',
      'messages.at',
      'messages.delivery_status',
      'messages.failure_reason',
      'users.display_name as author_name',
      'messages.approval_state',
      'messages.approval_reason',
      'messages.approval_original_text',
      'approvers.display_name as approver_name',
    ]);
  if (filter.contactId) query = query.where('messages.contact_id', '=', filter.contactId);
  if (filter.ids) query = query.where('messages.id', 'in', filter.ids);
  const rows = await query.orderBy('messages.at').orderBy('messages.id').execute();
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction as Message['direction'],
    text: row.text,
    at: row.at,
    deliveryStatus: row.delivery_status as DeliveryStatus | null,
    failureReason: row.failure_reason,
    authorName: row.author_name,
    // A reply held for approval (docs/training.md) carries how it was decided.
    ...(row.approval_state
      ? {
          review: {
            state: row.approval_state as NonNullable<Message['review']>['state'],
            byName: row.approver_name,
            reason: row.approval_reason,
            originalText: row.approval_original_text,
          },
        }
      : {}),
  }));
}
