import type { Kysely } from 'kysely';
import { approvalNeed, type ApprovalNeed } from '../../../shared/domain/approval-policy';
import type { CoachingSettings, PendingApproval, Whisper } from '../../../shared/schemas/coaching';
import { SegmentCodeSchema, type SegmentCode } from '../../../shared/schemas/common';
import type { TeamDirectory } from '../../../shared/domain/team-scope';
import { rooms } from '../../realtime/rooms';
import { leadRoomsOfTeam } from '../team-lead/directory';
import type { Database } from '../../store/schema';

export async function loadCoachingSettings(db: Kysely<Database>): Promise<CoachingSettings> {
  const row = await db
    .selectFrom('coaching_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!row) return { approvalSegments: [], traineeOutcomesNeedReview: false };
  const segments = SegmentCodeSchema.array().safeParse(JSON.parse(row.approval_segments));
  return {
    approvalSegments: segments.success ? segments.data : [],
    traineeOutcomesNeedReview: row.trainee_outcomes_need_review === 1,
  };
}

/** Whether a reply by this agent to a caller of this segment waits for approval, and why. */
export async function approvalNeedFor(
  db: Kysely<Database>,
  agentId: string,
  segment: SegmentCode,
): Promise<ApprovalNeed> {
  const [author, plan, settings] = await Promise.all([
    db.selectFrom('users').select('is_trainee').where('id', '=', agentId).executeTakeFirst(),
    db
      .selectFrom('trainee_plans')
      .select('requires_approval')
      .where('user_id', '=', agentId)
      .executeTakeFirst(),
    loadCoachingSettings(db),
  ]);
  return approvalNeed({
    isTrainee: author?.is_trainee === 1,
    traineeRequiresApproval: plan ? plan.requires_approval === 1 : null,
    segment,
    approvalSegments: settings.approvalSegments,
  });
}

/**
 * Rooms of those who may decide on a reply held for this reason (`mayCoachAgent`): trainers for a
 * trainee's reply, and the leads answering for the author's team (with the administrators).
 */
export function approverRooms(
  because: 'trainee' | 'segment',
  authorTeamId: string | null,
  directory: TeamDirectory,
): string[] {
  const leads = leadRoomsOfTeam(authorTeamId, directory);
  return because === 'trainee' ? [rooms.trainers, ...leads] : leads;
}

/** Whether a trainee's outcome logged now waits for review before it counts. */
export async function outcomeReviewStatusFor(
  db: Kysely<Database>,
  agentId: string,
): Promise<'pending_review' | null> {
  const [author, settings] = await Promise.all([
    db.selectFrom('users').select('is_trainee').where('id', '=', agentId).executeTakeFirst(),
    loadCoachingSettings(db),
  ]);
  return author?.is_trainee === 1 && settings.traineeOutcomesNeedReview ? 'pending_review' : null;
}

export async function loadWhispers(
  db: Kysely<Database>,
  filter: { contactId?: string; ids?: readonly string[] },
): Promise<Whisper[]> {
  let query = db
    .selectFrom('whispers')
    .innerJoin('users', 'users.id', 'whispers.from_id')
    .selectAll('whispers')
    .select('users.display_name as from_name');
  if (filter.contactId) query = query.where('whispers.contact_id', '=', filter.contactId);
  if (filter.ids) query = query.where('whispers.id', 'in', filter.ids);
  const rows = await query.orderBy('whispers.at').orderBy('whispers.id').execute();
  return rows.map((row) => ({
    id: row.id,
    agentId: row.agent_id,
    contactId: row.contact_id,
    text: row.text,
    fromId: row.from_id,
    fromName: row.from_name,
    at: Number(row.at),
  }));
}

/** A held reply with its author's team, which decides who may see and decide on it. */
export interface HeldReply {
  approval: PendingApproval;
  authorTeamId: string | null;
}

/** Replies waiting for approval, oldest first; `onlyTrainees` for a trainer's list. */
export async function loadPendingApprovals(
  db: Kysely<Database>,
  filter: { onlyTrainees: boolean; messageIds?: readonly string[] },
): Promise<HeldReply[]> {
  let query = db
    .selectFrom('messages')
    .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
    .innerJoin('users', 'users.id', 'messages.author_id')
    .select([
      'messages.id',
      'messages.contact_id',
      'messages.text',
      'messages.at',
      'messages.approval_because',
      'contacts.reference',
      'contacts.segment',
      'users.id as agent_id',
      'users.display_name',
      'users.is_trainee',
      'users.team_id',
    ])
    .where('messages.approval_state', '=', 'pending');
  if (filter.onlyTrainees) query = query.where('users.is_trainee', '=', 1);
  if (filter.messageIds) query = query.where('messages.id', 'in', filter.messageIds);
  const rows = await query.orderBy('messages.at').orderBy('messages.id').execute();
  return rows.map((row) => ({
    approval: {
      messageId: row.id,
      contactId: row.contact_id,
      reference: row.reference,
      segment: row.segment as SegmentCode,
      agentId: row.agent_id,
      agentName: row.display_name,
      isTrainee: row.is_trainee === 1,
      text: row.text,
      at: Number(row.at),
      because: row.approval_because === 'segment' ? 'segment' : 'trainee',
    },
    authorTeamId: row.team_id,
  }));
}
