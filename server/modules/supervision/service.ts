import { workClassOf } from '../../../shared/domain/capacity';
import {
  movedSince,
  queueTransferRefusal,
  type QueueTransferRefusal,
} from '../../../shared/domain/lead-moves';
import {
  overseesAgent,
  overseesConversation,
  reassignRefusal,
  type ConversationPlace,
} from '../../../shared/domain/team-scope';
import type { CommandPayload } from '../../../shared/protocol/events';
import { ChannelSchema, type Channel } from '../../../shared/schemas/common';
import {
  ContactSummarySchema,
  type ContactStatus,
  type ContactSummary,
  type SeenPlace,
} from '../../../shared/schemas/contact';
import type { User } from '../../../shared/schemas/user';
import type { MonitorSnapshot, SupervisionBoard } from '../../../shared/schemas/views';
import { rooms } from '../../realtime/rooms';
import { publishAgentsChanged } from '../agents/publish';
import {
  bumpAgentVersion,
  loadAgentState,
  loadAgentView,
  loadAgentViews,
  lockAgent,
} from '../agents/repository';
import { AppError } from '../app-error';
import { appendAudit } from '../audit/repository';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import {
  leadRoomsOverseeing,
  publishContactsUpdated,
  publishLeftLeads,
} from '../conversations/publish';
import { hasRoomForWork } from '../capacity/repository';
import {
  loadConversationDetailsSeenBy,
  publishConversationAssigned,
  withholdCallerProfile,
} from '../conversations/caller-panel';
import {
  loadContactSummary,
  loadConversationDetails,
  loadOpenContacts,
} from '../conversations/repository';
import { loadOutcomeRecords } from '../outcomes/repository';
import type { QueueStateService } from '../queue-state/service';
import { recordContactEvent } from '../routing/repository';
import type { RoutingService, WithdrawnOffer } from '../routing/service';
import {
  asTeamMember,
  leadRoomsOfQueue,
  loadTeamDirectory,
  loadTeamsOfUsers,
} from '../team-lead/directory';

const RECENT_OUTCOMES_ON_BOARD = 50;

/** Where a contact sits for the team boundary: its queue and its holder's team. */
function placeOf(
  contact: Pick<ContactSummary, 'queueId' | 'assignedAgentId'>,
  holderTeams: ReadonlyMap<string, string | null>,
): ConversationPlace {
  return {
    queueId: contact.queueId,
    holder: contact.assignedAgentId
      ? { teamId: holderTeams.get(contact.assignedAgentId) ?? null }
      : null,
  };
}

/** What a reassignment's transaction hands to the announcements made after the commit. */
interface Reassigned {
  contactId: string;
  reference: string;
  previousAgentId: string | null;
  target: { id: string; role: string; display_name: string };
  withdrawn: WithdrawnOffer[];
}
const RECENT_OUTCOMES_PER_AGENT = 20;

/** What a transfer to a queue's transaction hands to the announcements made after the commit. */
interface TransferredToQueue {
  contactId: string;
  reference: string;
  previousAgentId: string | null;
  queue: { id: string; name: string };
  withdrawn: WithdrawnOffer[];
  /** The lead rooms that oversaw it before the move. */
  roomsBefore: string[];
  roomsAfter: string[];
}

/** Another lead (or the holder, or routing) moved it since this lead looked: theirs stands. */
function throwIfMovedSince(
  seen: SeenPlace | undefined,
  contact: { queue_id: string; status: string; assigned_agent_id: string | null },
): void {
  if (
    seen !== undefined &&
    movedSince(seen, {
      queueId: contact.queue_id,
      status: contact.status as ContactStatus,
      assignedAgentId: contact.assigned_agent_id,
    })
  ) {
    throw new AppError(
      'conflict',
      'This conversation has moved since you looked (someone else acted first); look again.',
    );
  }
}

/** The refusals of a transfer to a queue, as errors naming the field at fault. */
function transferRefusalError(refusal: QueueTransferRefusal, channel: string): AppError {
  switch (refusal) {
    case 'not_a_lead':
      return new AppError('forbidden', 'Only leads hand conversations to another queue.');
    case 'conversation_outside_team':
      return new AppError('forbidden', "This conversation is another team's.");
    case 'closed':
      return new AppError('conflict', 'This conversation is already closed.');
    case 'unknown_queue':
      return new AppError('invalid_payload', 'No such queue.', [
        { path: 'toQueueId', message: 'no such queue' },
      ]);
    case 'same_queue':
      return new AppError('invalid_payload', 'The conversation is already in this queue.', [
        { path: 'toQueueId', message: 'the queue it is in already' },
      ]);
    case 'channel_not_served':
      return new AppError('invalid_payload', `This queue does not take ${channel} contacts.`, [
        { path: 'toQueueId', message: `does not take ${channel}` },
      ]);
  }
}

/** Leads move work; trainers and leads watch it. */
export class SupervisionService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
  ) {}

  /** What the viewer leads: their team's agents and the conversations they oversee (all for admins). */
  async board(viewer: User): Promise<SupervisionBoard> {
    const [allAgents, openContacts, directory] = await Promise.all([
      loadAgentViews(this.ctx.db),
      loadOpenContacts(this.ctx.db),
      loadTeamDirectory(this.ctx.db),
    ]);
    const member = asTeamMember(viewer);
    const agents = allAgents.filter((agent) => overseesAgent(member, agent, directory));
    const holderTeams = await loadTeamsOfUsers(
      this.ctx.db,
      openContacts.flatMap((c) => (c.assignedAgentId ? [c.assignedAgentId] : [])),
    );
    const conversations = openContacts.filter((contact) =>
      overseesConversation(member, placeOf(contact, holderTeams), directory),
    );
    const recentOutcomes = await loadOutcomeRecords(this.ctx.db, {
      limit: RECENT_OUTCOMES_ON_BOARD,
      ...(viewer.role === 'admin' ? {} : { agentIds: agents.map((agent) => agent.id) }),
    });
    return { agents, conversations, recentOutcomes };
  }

  /** Trainers follow every trainee; a lead their own team's, like the rest of their board. */
  async trainees(viewer: User) {
    const trainees = await loadAgentViews(this.ctx.db, { isTrainee: true });
    if (viewer.role !== 'lead') return trainees;
    const directory = await loadTeamDirectory(this.ctx.db);
    return trainees.filter((agent) => overseesAgent(asTeamMember(viewer), agent, directory));
  }

  /** Trainers follow trainees; leads and administrators may follow any agent. */
  async monitorSnapshot(viewer: User, agentId: string): Promise<MonitorSnapshot> {
    const agent = await loadAgentView(this.ctx.db, agentId);
    if (!agent) throw new AppError('not_found', 'No such agent.');
    if (viewer.role === 'trainer' && !agent.isTrainee) {
      throw new AppError('forbidden', 'Trainers follow trainees only.');
    }
    if (
      viewer.role === 'lead' &&
      !overseesAgent(asTeamMember(viewer), agent, await loadTeamDirectory(this.ctx.db))
    ) {
      throw new AppError('forbidden', "This agent is in another team; follow your own team's.");
    }
    const [conversations, recentOutcomes] = await Promise.all([
      loadConversationDetails(this.ctx.db, agent.activeContactIds),
      loadOutcomeRecords(this.ctx.db, { agentId, limit: RECENT_OUTCOMES_PER_AGENT }),
    ]);
    // Watching an agent's desk is not a reason to see their callers' profiles.
    return { agent, conversations: conversations.map(withholdCallerProfile), recentOutcomes };
  }

  /**
   * Moves a waiting, offered or active conversation to another agent at once. The previous holder
   * loses it in the same transaction; both are told who moved it and why.
   */
  async reassign(
    lead: User,
    input: CommandPayload<'conversation:reassign'>,
  ): Promise<ContactSummary> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    // What the first run hands to the announcements after commit; a resend announces nothing.
    let reassigned = null as Reassigned | null;
    const { result: summary, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: lead.id,
        name: 'conversation:reassign',
        result: ContactSummarySchema,
        now,
      },
      async (trx) => {
        const contact = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('id', '=', input.contactId)
          .executeTakeFirst();
        if (!contact) throw new AppError('not_found', 'No such contact.');
        if (contact.status === 'closed')
          throw new AppError('conflict', 'This conversation is already closed.');
        throwIfMovedSince(input.seen, contact);
        const target = await trx
          .selectFrom('users')
          .select(['id', 'role', 'display_name'])
          .where('id', '=', input.toAgentId)
          .executeTakeFirst();
        if (!target || target.role !== 'agent') {
          throw new AppError('invalid_payload', 'Conversations can be moved to agents only.', [
            { path: 'toAgentId', message: 'not an agent' },
          ]);
        }
        const directory = await loadTeamDirectory(trx);
        const teams = await loadTeamsOfUsers(trx, [
          target.id,
          ...(contact.assigned_agent_id ? [contact.assigned_agent_id] : []),
        ]);
        const refusal = reassignRefusal(
          asTeamMember(lead),
          {
            queueId: contact.queue_id,
            holder: contact.assigned_agent_id
              ? { teamId: teams.get(contact.assigned_agent_id) ?? null }
              : null,
          },
          { teamId: teams.get(target.id) ?? null },
          directory,
        );
        if (refusal === 'conversation_outside_team') {
          throw new AppError('forbidden', "This conversation is another team's.");
        }
        if (refusal === 'target_outside_team') {
          throw new AppError('forbidden', 'Move conversations to agents of your own team.', [
            { path: 'toAgentId', message: 'agent of another team' },
          ]);
        }
        if (refusal !== null) throw new AppError('forbidden', 'Only leads move conversations.');
        if (contact.status === 'active' && contact.assigned_agent_id === target.id) {
          throw new AppError('conflict', `${target.display_name} already holds this conversation.`);
        }
        await lockAgent(trx, target.id);
        const targetState = await loadAgentState(trx, target.id);
        if (!targetState || targetState.presence === 'offline') {
          throw new AppError('conflict', `${target.display_name} is offline.`);
        }
        if (!(await hasRoomForWork(trx, target.id, workClassOf(contact.channel as Channel)))) {
          throw new AppError(
            'conflict',
            `${target.display_name} already holds as many conversations of this kind as they may.`,
          );
        }
        const withdrawn: WithdrawnOffer[] = [
          ...(await this.routing.rescindContactOffer(trx, contact.id, now)),
          ...(await this.routing.rescindAgentOffers(trx, target.id, now)),
        ];
        const previousAgentId = contact.status === 'active' ? contact.assigned_agent_id : null;
        const moved = await trx
          .updateTable('contacts')
          .set((eb) => ({
            status: 'active',
            assigned_agent_id: target.id,
            accepted_at: now,
            answered_at: eb.fn.coalesce('answered_at', eb.val(now)),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', contact.id)
          .where('status', 'in', ['waiting', 'offered', 'active'])
          .where('assigned_agent_id', previousAgentId === null ? 'is' : '=', previousAgentId)
          // A lead who handed it to another queue meanwhile wins; this move is then refused.
          .where('queue_id', '=', contact.queue_id)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n)
          throw new AppError('conflict', 'This conversation changed meanwhile; try again.');
        if (previousAgentId) await bumpAgentVersion(trx, previousAgentId, { idleSince: now });
        await bumpAgentVersion(trx, target.id);
        await recordContactEvent(trx, {
          contactId: contact.id,
          kind: 'reassigned',
          at: now,
          actorId: lead.id,
          fromAgentId: previousAgentId,
          toAgentId: target.id,
          note: input.reason,
        });
        reassigned = {
          contactId: contact.id,
          reference: contact.reference,
          previousAgentId,
          target,
          withdrawn,
        };
        const after = await loadContactSummary(trx, contact.id);
        if (!after) throw new AppError('internal', 'The moved contact could not be read back.');
        return after;
      },
    );
    if (!isFirst || reassigned === null) return summary;
    const result = reassigned;

    const [detail] = await loadConversationDetailsSeenBy(db, {
      viewerId: result.target.id,
      contactIds: [result.contactId],
      purpose: 'serving',
      at: now,
    });
    if (!detail) throw new AppError('internal', 'The moved contact could not be read back.');
    if (result.previousAgentId) {
      this.ctx.publisher.publish(
        [rooms.user(result.previousAgentId), rooms.monitor(result.previousAgentId)],
        'conversation:revoked',
        {
          agentId: result.previousAgentId,
          contactId: result.contactId,
          reference: result.reference,
          byName: lead.displayName,
          toAgentName: result.target.display_name,
          reason: input.reason,
        },
      );
    }
    publishConversationAssigned(this.ctx.publisher, {
      agentId: result.target.id,
      conversation: detail,
      reason: 'reassigned',
      byName: lead.displayName,
      note: input.reason,
    });
    // Offers withdrawn here are announced without a second routing pass of their own.
    const otherContacts = result.withdrawn
      .map((offer) => offer.contactId)
      .filter((id) => id !== result.contactId);
    for (const offer of result.withdrawn) {
      this.ctx.publisher.publish(rooms.user(offer.agentId), 'offer:withdrawn', {
        offerId: offer.offerId,
        contactId: offer.contactId,
        reason: 'rescinded',
      });
    }
    await publishContactsUpdated(this.ctx, [result.contactId, ...otherContacts]);
    await publishAgentsChanged(this.ctx, [
      result.target.id,
      ...(result.previousAgentId ? [result.previousAgentId] : []),
      ...result.withdrawn.map((offer) => offer.agentId),
    ]);
    void this.queueState.changed();
    void this.routing.requestPass();
    return summary;
  }

  /**
   * Hands a waiting, offered or active conversation to another queue (docs/supervision.md). The
   * holder lets go in the same transaction and is told by whom and why; the contact waits in the
   * target queue keeping its arrival time and segment, as after an agent's cold transfer to a
   * queue, and is routed at once. Audited.
   */
  async transferToQueue(
    lead: User,
    input: CommandPayload<'conversation:transfer-to-queue'>,
  ): Promise<ContactSummary> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    let transferred = null as TransferredToQueue | null;
    const { result: summary, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: lead.id,
        name: 'conversation:transfer-to-queue',
        result: ContactSummarySchema,
        now,
      },
      async (trx) => {
        const contact = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('id', '=', input.contactId)
          .executeTakeFirst();
        if (!contact) throw new AppError('not_found', 'No such contact.');
        const queue = await trx
          .selectFrom('queues')
          .select(['id', 'name', 'topic', 'channels'])
          .where('id', '=', input.toQueueId)
          .executeTakeFirst();
        const directory = await loadTeamDirectory(trx);
        const holderId = contact.status === 'closed' ? null : contact.assigned_agent_id;
        const holderTeams = await loadTeamsOfUsers(trx, holderId ? [holderId] : []);
        const place = {
          queueId: contact.queue_id,
          holder: holderId ? { teamId: holderTeams.get(holderId) ?? null } : null,
        };
        const channel = ChannelSchema.parse(contact.channel);
        const refusal = queueTransferRefusal(
          asTeamMember(lead),
          { place, status: contact.status as ContactStatus, channel },
          queue
            ? { id: queue.id, channels: ChannelSchema.array().parse(JSON.parse(queue.channels)) }
            : undefined,
          directory,
        );
        if (refusal !== null) throw transferRefusalError(refusal, channel);
        if (!queue) throw new AppError('internal', 'The queue could not be read.');
        throwIfMovedSince(input.seen, contact);

        // An offer on it (routed, or the holder's warm transfer) is withdrawn first: offer, then
        // contact, the order an accept takes its locks in.
        const withdrawn = await this.routing.rescindContactOffer(trx, contact.id, now);
        const previousAgentId = contact.status === 'active' ? contact.assigned_agent_id : null;
        const moved = await trx
          .updateTable('contacts')
          .set((eb) => ({
            status: 'waiting',
            queue_id: queue.id,
            topic: queue.topic,
            assigned_agent_id: null,
            accepted_at: null,
            transfer_note: input.reason,
            transferred_by: lead.id,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', contact.id)
          // Still as read (an offered contact is waiting again once its offer was withdrawn): a
          // lead's move, an accept or a close that got there first makes this one refused.
          .where('status', '=', contact.status === 'offered' ? 'waiting' : contact.status)
          .where('assigned_agent_id', previousAgentId === null ? 'is' : '=', previousAgentId)
          .where('queue_id', '=', contact.queue_id)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n)
          throw new AppError('conflict', 'This conversation changed meanwhile; try again.');
        if (previousAgentId) await bumpAgentVersion(trx, previousAgentId, { idleSince: now });
        await recordContactEvent(trx, {
          contactId: contact.id,
          kind: 'lead_transfer_queue',
          at: now,
          actorId: lead.id,
          fromAgentId: previousAgentId,
          toAgentId: null,
          note: input.reason,
        });
        await appendAudit(trx, {
          at: now,
          actorId: lead.id,
          caseId: null,
          action: 'conversation.transferred_to_queue',
          data: {
            contactId: contact.id,
            reference: contact.reference,
            fromQueueId: contact.queue_id,
            toQueueId: queue.id,
            fromAgentId: previousAgentId,
            reason: input.reason,
          },
        });
        transferred = {
          contactId: contact.id,
          reference: contact.reference,
          previousAgentId,
          queue: { id: queue.id, name: queue.name },
          withdrawn,
          roomsBefore: leadRoomsOverseeing(place, directory),
          roomsAfter: leadRoomsOfQueue(queue.id, directory),
        };
        const after = await loadContactSummary(trx, contact.id);
        if (!after) throw new AppError('internal', 'The moved contact could not be read back.');
        return after;
      },
    );
    if (!isFirst || transferred === null) return summary;
    const result = transferred;

    if (result.previousAgentId) {
      this.ctx.publisher.publish(
        [rooms.user(result.previousAgentId), rooms.monitor(result.previousAgentId)],
        'conversation:revoked',
        {
          agentId: result.previousAgentId,
          contactId: result.contactId,
          reference: result.reference,
          byName: lead.displayName,
          toAgentName: result.queue.name,
          reason: input.reason,
        },
      );
    }
    for (const offer of result.withdrawn) {
      this.ctx.publisher.publish(rooms.user(offer.agentId), 'offer:withdrawn', {
        offerId: offer.offerId,
        contactId: offer.contactId,
        reason: 'rescinded',
      });
    }
    await publishContactsUpdated(this.ctx, [result.contactId]);
    publishLeftLeads(this.ctx, result.contactId, result.roomsBefore, result.roomsAfter);
    await publishAgentsChanged(this.ctx, [
      ...(result.previousAgentId ? [result.previousAgentId] : []),
      ...result.withdrawn.map((offer) => offer.agentId),
    ]);
    void this.queueState.changed();
    void this.routing.requestPass();
    return summary;
  }
}
