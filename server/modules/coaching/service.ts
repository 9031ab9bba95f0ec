import { randomUUID } from 'node:crypto';
import { mayCoachAgent } from '../../../shared/domain/approval-policy';
import type { TeamDirectory } from '../../../shared/domain/team-scope';
import { effectiveCapacity } from '../../../shared/domain/capacity';
import type { CommandPayload } from '../../../shared/protocol/events';
import {
  ApprovalDecidedSchema,
  WhisperSchema,
  type ApprovalDecided,
  type CoachingSettings,
  type PendingApproval,
  type TraineePlan,
  type TraineePlanView,
  type Whisper,
} from '../../../shared/schemas/coaching';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import { publishAgentsChanged } from '../agents/publish';
import { appendAudit } from '../audit/repository';
import { loadCentreCapacity } from '../capacity/repository';
import { AppError } from '../app-error';
import { runOnce } from '../command-results';
import type { QueueStateService } from '../queue-state/service';
import type { ServiceContext } from '../context';
import { loadContactSummary, loadMessages } from '../conversations/repository';
import type { MessagingService } from '../messaging/service';
import { asTeamMember, loadTeamDirectory } from '../team-lead/directory';
import type { RoutingService } from '../routing/service';
import {
  approverRooms,
  loadCoachingSettings,
  loadPendingApprovals,
  loadWhispers,
} from './repository';

/** Whether this viewer may coach (watch, whisper to, plan for) this agent: `mayCoachAgent`. */
function mayCoach(
  viewer: User,
  agent: { role: string; is_trainee: number; team_id: string | null },
  directory: TeamDirectory,
): boolean {
  if (agent.role !== 'agent') return false;
  return mayCoachAgent(
    asTeamMember(viewer),
    { isTrainee: agent.is_trainee === 1, teamId: agent.team_id },
    directory,
  );
}

const NOT_YOURS = 'Trainers coach trainees, leads the agents of their own team.';

/**
 * Coaching a live desk (docs/training.md): whispers to the agent, replies held for approval,
 * trainees' plans (capacity and topics) and the administrators' coaching settings.
 */
export class CoachingService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly messaging: MessagingService,
    private readonly queueState: QueueStateService,
  ) {}

  async whisper(sender: User, input: CommandPayload<'whisper:send'>): Promise<Whisper> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: sender.id,
        name: 'whisper:send',
        result: WhisperSchema,
        now,
      },
      async (trx) => {
        const agent = await trx
          .selectFrom('users')
          .select(['id', 'role', 'is_trainee', 'team_id'])
          .where('id', '=', input.agentId)
          .executeTakeFirst();
        if (!agent || agent.role !== 'agent') throw new AppError('not_found', 'No such agent.');
        if (!mayCoach(sender, agent, await loadTeamDirectory(trx))) {
          throw new AppError('forbidden', NOT_YOURS);
        }
        const contact = await trx
          .selectFrom('contacts')
          .select(['id', 'status', 'assigned_agent_id'])
          .where('id', '=', input.contactId)
          .executeTakeFirst();
        if (!contact || contact.assigned_agent_id !== agent.id || contact.status !== 'active') {
          throw new AppError('conflict', 'This agent does not hold this conversation now.');
        }
        const id = randomUUID();
        await trx
          .insertInto('whispers')
          .values({
            id,
            agent_id: agent.id,
            contact_id: contact.id,
            from_id: sender.id,
            text: input.text,
            at: now,
          })
          .execute();
        const [whisper] = await loadWhispers(trx, { ids: [id] });
        if (!whisper) throw new AppError('internal', 'The whisper could not be read back.');
        return whisper;
      },
    );
    // The agent's own sockets and whoever follows them; never the channel, never other agents.
    if (isFirst) {
      this.ctx.publisher.publish(
        [rooms.user(result.agentId), rooms.monitor(result.agentId)],
        'whisper:received',
        result,
      );
    }
    return result;
  }

  /** Whispers of one conversation: for its holder and those who may coach them. */
  async whispers(viewer: User, contactId: string): Promise<Whisper[]> {
    const contact = await loadContactSummary(this.ctx.db, contactId);
    if (!contact) throw new AppError('not_found', 'No such contact.');
    if (viewer.role === 'agent') {
      if (contact.assignedAgentId !== viewer.id) {
        throw new AppError('forbidden', 'This conversation is not assigned to you.');
      }
    } else if (viewer.role === 'trainer' || viewer.role === 'lead') {
      const holder = contact.assignedAgentId
        ? await this.ctx.db
            .selectFrom('users')
            .select(['role', 'is_trainee', 'team_id'])
            .where('id', '=', contact.assignedAgentId)
            .executeTakeFirst()
        : undefined;
      if (!holder || !mayCoach(viewer, holder, await loadTeamDirectory(this.ctx.db))) {
        throw new AppError('forbidden', NOT_YOURS);
      }
    } else if (viewer.role !== 'admin') {
      throw new AppError('forbidden', 'Not yours to see.');
    }
    const whispers = await loadWhispers(this.ctx.db, { contactId });
    // A whisper was for the agent it was written to: one who takes the conversation over later
    // does not read their predecessor's coaching.
    return viewer.role === 'agent'
      ? whispers.filter((whisper) => whisper.agentId === viewer.id)
      : whispers;
  }

  /** Replies waiting for this approver: trainers see trainees', leads their own team's. */
  async pendingApprovals(viewer: User): Promise<PendingApproval[]> {
    const [held, directory] = await Promise.all([
      loadPendingApprovals(this.ctx.db, { onlyTrainees: viewer.role === 'trainer' }),
      loadTeamDirectory(this.ctx.db),
    ]);
    const member = asTeamMember(viewer);
    return held
      .filter(({ approval, authorTeamId }) =>
        mayCoachAgent(member, { isTrainee: approval.isTrainee, teamId: authorTeamId }, directory),
      )
      .map(({ approval }) => approval);
  }

  /**
   * Approves (as written or edited) or rejects a held reply. The state moves from `pending` with
   * one conditional update, so when two approvers race exactly one decision wins and the reply
   * is queued for the channel at most once; the other gets `conflict`.
   */
  async decide(approver: User, input: CommandPayload<'approval:decide'>): Promise<ApprovalDecided> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    let announce = null as { because: 'trainee' | 'segment'; approverRooms: string[] } | null;
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: approver.id,
        name: 'approval:decide',
        result: ApprovalDecidedSchema,
        now,
      },
      async (trx) => {
        const held = await trx
          .selectFrom('messages')
          .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
          .innerJoin('users', 'users.id', 'messages.author_id')
          .select([
            'messages.id',
            'messages.contact_id',
            'messages.text',
            'messages.approval_state',
            'messages.approval_because',
            'messages.author_id',
            'users.is_trainee',
            'users.team_id',
            'contacts.reference',
          ])
          .where('messages.id', '=', input.messageId)
          .executeTakeFirst();
        if (!held?.approval_state || !held.author_id) {
          throw new AppError('not_found', 'No reply held for approval with this id.');
        }
        const directory = await loadTeamDirectory(trx);
        const member = asTeamMember(approver);
        const author = { isTrainee: held.is_trainee === 1, teamId: held.team_id };
        if (!mayCoachAgent(member, author, directory)) {
          throw new AppError(
            'forbidden',
            'Trainers decide on the replies of trainees, leads on those of their own team.',
          );
        }
        if (held.approval_state !== 'pending') {
          throw new AppError('conflict', 'This reply was already decided.');
        }
        const isApproved = input.decision === 'approve';
        const isEdited = isApproved && input.text !== undefined && input.text !== held.text;
        const decided = await trx
          .updateTable('messages')
          .set(
            isApproved
              ? {
                  approval_state: isEdited ? 'edited' : 'approved',
                  approval_by: approver.id,
                  approval_decided_at: now,
                  approval_original_text: isEdited ? held.text : null,
                  text: isEdited ? input.text! : held.text,
                  delivery_status: 'queued',
                  next_attempt_at: now,
                }
              : {
                  approval_state: 'rejected',
                  approval_by: approver.id,
                  approval_decided_at: now,
                  approval_reason: input.reason ?? null,
                  delivery_status: 'rejected',
                  next_attempt_at: null,
                },
          )
          .where('id', '=', held.id)
          .where('approval_state', '=', 'pending')
          .executeTakeFirst();
        if (decided.numUpdatedRows === 0n) {
          throw new AppError('conflict', 'This reply was already decided.');
        }
        await appendAudit(trx, {
          at: now,
          actorId: approver.id,
          caseId: null,
          action: 'reply.decided',
          data: {
            messageId: held.id,
            contactId: held.contact_id,
            decision: input.decision,
            isEdited,
          },
        });
        announce = {
          because: held.approval_because === 'segment' ? 'segment' : 'trainee',
          approverRooms: approverRooms(
            held.approval_because === 'segment' ? 'segment' : 'trainee',
            held.team_id,
            directory,
          ),
        };
        const [message] = await loadMessages(trx, { ids: [held.id] });
        if (!message) throw new AppError('internal', 'The reply could not be read back.');
        return {
          messageId: held.id,
          contactId: held.contact_id,
          agentId: held.author_id,
          decision: input.decision,
          isEdited,
          byName: approver.displayName,
          reason: isApproved ? null : (input.reason ?? null),
          message,
        };
      },
    );
    if (!isFirst || announce === null) return result;
    this.ctx.publisher.publish(
      [...announce.approverRooms, rooms.user(result.agentId), rooms.monitor(result.agentId)],
      'approval:decided',
      result,
    );
    if (result.decision === 'approve') void this.messaging.deliverDue();
    return result;
  }

  settings(): Promise<CoachingSettings> {
    return loadCoachingSettings(this.ctx.db);
  }

  async replaceSettings(admin: User, settings: CoachingSettings): Promise<CoachingSettings> {
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('coaching_settings')
        .set({
          approval_segments: JSON.stringify([...new Set(settings.approvalSegments)]),
          trainee_outcomes_need_review: settings.traineeOutcomesNeedReview ? 1 : 0,
          updated_by: admin.id,
          updated_at: now,
        })
        .where('id', '=', 1)
        .execute();
      await appendAudit(trx, {
        at: now,
        actorId: admin.id,
        caseId: null,
        action: 'coaching.settings_changed',
        data: { ...settings },
      });
    });
    return this.settings();
  }

  async plan(viewer: User, agentId: string): Promise<TraineePlanView> {
    const { db } = this.ctx;
    const agent = await db
      .selectFrom('users')
      .innerJoin('agent_states', 'agent_states.user_id', 'users.id')
      .select([
        'users.id',
        'users.role',
        'users.is_trainee',
        'users.team_id',
        'cap_chat',
        'cap_email',
      ])
      .where('users.id', '=', agentId)
      .executeTakeFirst();
    if (!agent || agent.role !== 'agent') throw new AppError('not_found', 'No such agent.');
    if (!mayCoach(viewer, agent, await loadTeamDirectory(db))) {
      throw new AppError('forbidden', NOT_YOURS);
    }
    const [skills, plan, centre] = await Promise.all([
      db
        .selectFrom('agent_skills')
        .select('topic')
        .where('user_id', '=', agentId)
        .orderBy('topic')
        .execute(),
      db
        .selectFrom('trainee_plans')
        .leftJoin('users', 'users.id', 'trainee_plans.updated_by')
        .select(['requires_approval', 'updated_at', 'users.display_name'])
        .where('user_id', '=', agentId)
        .executeTakeFirst(),
      loadCentreCapacity(db),
    ]);
    // What the caps give under the centre's limits (shared/domain/capacity.ts).
    const effective = effectiveCapacity(centre, { chat: agent.cap_chat, email: agent.cap_email });
    return {
      agentId,
      chatCap: effective.chat,
      emailCap: effective.email,
      topics: skills.map((skill) => skill.topic),
      requiresApproval: plan ? plan.requires_approval === 1 : agent.is_trainee === 1,
      updatedAt: plan ? Number(plan.updated_at) : null,
      updatedByName: plan?.display_name ?? null,
    };
  }

  /**
   * Sets a trainee's caps, topics and approval rule at once, audited. Routing sees it on its next
   * pass, which is asked for at once; work already held is never taken away.
   */
  async replacePlan(viewer: User, agentId: string, plan: TraineePlan): Promise<TraineePlanView> {
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      const agent = await trx
        .selectFrom('users')
        .select(['id', 'role', 'is_trainee', 'team_id'])
        .where('id', '=', agentId)
        .executeTakeFirst();
      if (!agent || agent.role !== 'agent') throw new AppError('not_found', 'No such agent.');
      if (!mayCoach(viewer, agent, await loadTeamDirectory(trx))) {
        throw new AppError('forbidden', NOT_YOURS);
      }
      const topics = [...new Set(plan.topics)];
      const known = new Set(
        (await trx.selectFrom('topics').select('code').execute()).map((row) => row.code),
      );
      const unknown = topics.flatMap((topic, index) =>
        known.has(topic) ? [] : [{ path: `body.topics.${index}`, message: `no topic "${topic}"` }],
      );
      if (unknown.length > 0) throw new AppError('invalid_payload', 'Unknown topics.', unknown);
      await trx
        .updateTable('agent_states')
        .set((eb) => ({
          cap_chat: plan.chatCap,
          cap_email: plan.emailCap,
          version: eb('version', '+', 1),
        }))
        .where('user_id', '=', agentId)
        .execute();
      const held = await trx
        .selectFrom('agent_skills')
        .selectAll()
        .where('user_id', '=', agentId)
        .execute();
      const levels = new Map(held.map((skill) => [skill.topic, skill.level]));
      await trx.deleteFrom('agent_skills').where('user_id', '=', agentId).execute();
      if (topics.length > 0) {
        await trx
          .insertInto('agent_skills')
          .values(
            topics.map((topic) => ({ user_id: agentId, topic, level: levels.get(topic) ?? 1 })),
          )
          .execute();
      }
      await trx
        .insertInto('trainee_plans')
        .values({
          user_id: agentId,
          requires_approval: plan.requiresApproval ? 1 : 0,
          updated_by: viewer.id,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            requires_approval: plan.requiresApproval ? 1 : 0,
            updated_by: viewer.id,
            updated_at: now,
          }),
        )
        .execute();
      await appendAudit(trx, {
        at: now,
        actorId: viewer.id,
        caseId: null,
        action: 'trainee.plan_changed',
        data: { agentId, ...plan, topics },
      });
    });
    await publishAgentsChanged(this.ctx, [agentId]);
    void this.routing.requestPass();
    // Other topics, other queues on the trainee's desk.
    void this.queueState.coverageChanged();
    return this.plan(viewer, agentId);
  }
}
