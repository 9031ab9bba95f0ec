import { randomUUID } from 'node:crypto';
import {
  nextEscalationStatus,
  orderEscalations,
  type EscalationAction,
} from '../../../shared/domain/escalations';
import { orderReaders } from '../../../shared/domain/publications';
import {
  announcementReaches,
  mayAnnounceTo,
  overseesAgent,
  overseesCase,
  overseesQueue,
  overseesTeam,
} from '../../../shared/domain/team-scope';
import type { CommandPayload } from '../../../shared/protocol/events';
import { AgentViewSchema, type AgentView } from '../../../shared/schemas/agent';
import {
  AnnouncementSchema,
  EscalationSchema,
  MyAnnouncementSchema,
  type Announcement,
  type AnnouncementReadership,
  type Escalation,
  type ForcedStatus,
  type LeadOverview,
  type MyAnnouncement,
} from '../../../shared/schemas/team-lead';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import { publishAgentsChanged } from '../agents/publish';
import { loadAgentState, loadAgentView, lockAgent, updatePresence } from '../agents/repository';
import { AppError } from '../app-error';
import { loadWorkload } from '../capacity/repository';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import { overseersOf } from '../publications/repository';
import type { QueueStateService } from '../queue-state/service';
import type { RoutingService, WithdrawnOffer } from '../routing/service';
import type { LeadAlertService } from './alerts-service';
import { asTeamMember, leadRoomsOfTeam, loadTeamDirectory, loadTeamMember } from './directory';
import {
  insertAnnouncementAcknowledgement,
  loadAgentsWithTeams,
  loadAnnouncement,
  loadAnnouncementAcknowledgements,
  loadAnnouncements,
  loadEscalation,
  loadMyAnnouncements,
  loadRecentEscalations,
} from './repository';

/** Closed escalations and acknowledged announcements stay listed this long. */
const RECENT_MS = 12 * 60 * 60 * 1000;
const ANNOUNCEMENTS_LISTED = 20;
const NEARING_BREACH_LISTED = 50;

/**
 * What a team lead does besides moving work: put an agent in a status, answer escalations, write
 * announcements; and what an agent's desk shows of it. Every action checks the team boundary
 * (shared/domain/team-scope.ts) inside its transaction.
 */
export class TeamLeadService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
    readonly alerts: LeadAlertService,
  ) {}

  /** The teams the viewer leads (every team for administrators), thresholds, clocks near breach. */
  async overview(viewer: User): Promise<LeadOverview> {
    const { db } = this.ctx;
    const [teams, served, directory, thresholds, clocks] = await Promise.all([
      db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute(),
      db.selectFrom('team_queues').select(['team_id', 'queue_id']).execute(),
      loadTeamDirectory(db),
      this.alerts.thresholds(viewer),
      db
        .selectFrom('case_clocks as k')
        .innerJoin('cases as c', 'c.id', 'k.case_id')
        .innerJoin('users as owner', 'owner.id', 'c.owner_id')
        .select([
          'c.id',
          'c.reference',
          'c.subject',
          'owner.display_name as owner_name',
          'owner.team_id as owner_team_id',
          'k.legal_due_at',
          'k.internal_due_at',
          'k.warned_level',
        ])
        .where('k.status', 'in', ['running', 'paused'])
        .where('k.warned_level', '>=', 80)
        .where('k.breached_at', 'is', null)
        .orderBy('k.legal_due_at')
        .limit(500)
        .execute(),
    ]);
    const member = asTeamMember(viewer);
    const queueOrder = new Map(
      (await db.selectFrom('queues').select(['id', 'sort']).execute()).map((q) => [
        q.id,
        Number(q.sort),
      ]),
    );
    const shown = teams.filter((team) =>
      viewer.role === 'admin' ? true : viewer.teamId === null || team.id === viewer.teamId,
    );
    const seenCases = new Set<string>();
    return {
      teams: shown.map((team) => ({
        id: team.id,
        name: team.name,
        queueIds: served
          .filter((row) => row.team_id === team.id)
          .map((row) => row.queue_id)
          .filter((queueId) => overseesQueue(member, queueId, directory))
          .sort((a, b) => (queueOrder.get(a) ?? 0) - (queueOrder.get(b) ?? 0)),
      })),
      thresholds,
      nearingBreach: clocks
        .filter((row) => overseesCase(member, { ownerTeamId: row.owner_team_id }, directory))
        .filter((row) => (seenCases.has(row.id) ? false : (seenCases.add(row.id), true)))
        .slice(0, NEARING_BREACH_LISTED)
        .map((row) => ({
          caseId: row.id,
          reference: row.reference,
          subject: row.subject,
          ownerName: row.owner_name,
          dueAt:
            row.legal_due_at !== null
              ? Number(row.legal_due_at)
              : row.internal_due_at !== null
                ? Number(row.internal_due_at)
                : null,
          warnedLevel: Number(row.warned_level),
        })),
    };
  }

  /**
   * Puts an agent of the lead's team in a status with a reason; `available` also lifts Not
   * responding. Audited; the agent's desk shows who did it and why.
   */
  async forceStatus(lead: User, input: CommandPayload<'agent:force-status'>): Promise<AgentView> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    let changed = null as { change: ForcedStatus; withdrawn: WithdrawnOffer[] } | null;
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: lead.id,
        name: 'agent:force-status',
        result: AgentViewSchema,
        now,
      },
      async (trx) => {
        const target = await loadTeamMember(trx, input.agentId);
        if (!target || target.role !== 'agent') {
          throw new AppError('invalid_payload', 'Only an agent has a status to change.', [
            { path: 'agentId', message: 'not an agent' },
          ]);
        }
        const directory = await loadTeamDirectory(trx);
        if (!overseesAgent(asTeamMember(lead), target, directory)) {
          throw new AppError('forbidden', "This agent is in another team; lead your own team's.");
        }
        await lockAgent(trx, target.id);
        const state = await loadAgentState(trx, target.id);
        if (!state) throw new AppError('not_found', 'No agent state for this user.');
        if (state.presence === 'offline') {
          throw new AppError('conflict', `${target.displayName} is offline.`);
        }
        if (state.presence !== input.status) {
          const isHolding = ((await loadWorkload(trx, target.id))?.contactIds.length ?? 0) > 0;
          await updatePresence(trx, target.id, {
            presence: input.status,
            at: now,
            ...(input.status === 'available' ? { missedOffers: 0 } : {}),
            ...(input.status === 'available' && !isHolding ? { idleSince: now } : {}),
          });
          const withdrawn =
            input.status === 'available'
              ? []
              : await this.routing.rescindAgentOffers(trx, target.id, now);
          await trx
            .insertInto('agent_status_changes')
            .values({
              id: randomUUID(),
              agent_id: target.id,
              changed_by: lead.id,
              from_presence: state.presence,
              to_presence: input.status,
              reason: input.reason,
              changed_at: now,
            })
            .execute();
          changed = {
            change: {
              agentId: target.id,
              status: input.status,
              fromStatus: state.presence,
              byName: lead.displayName,
              reason: input.reason,
              at: now,
            },
            withdrawn,
          };
        }
        const view = await loadAgentView(trx, target.id);
        if (!view) throw new AppError('internal', 'The agent could not be read back.');
        return view;
      },
    );
    if (!isFirst || changed === null) return result;
    const { change, withdrawn } = changed;
    if (withdrawn.length > 0) await this.routing.announceWithdrawn(withdrawn, 'rescinded');
    const directory = await loadTeamDirectory(db);
    this.ctx.publisher.publish(
      [rooms.user(change.agentId), ...leadRoomsOfTeam(result.teamId, directory)],
      'agent:status-forced',
      change,
    );
    await publishAgentsChanged(this.ctx, [change.agentId]);
    void this.queueState.changed();
    void this.routing.requestPass();
    this.alerts
      .requestScan()
      .catch((error: unknown) => this.ctx.log.warn({ err: error }, 'lead alert scan failed'));
    return result;
  }

  /** The lead's change that set the agent's current status, if their status came from a lead. */
  async myStatusChange(agent: User): Promise<ForcedStatus | null> {
    const { db } = this.ctx;
    const [state, last] = await Promise.all([
      loadAgentState(db, agent.id),
      db
        .selectFrom('agent_status_changes as s')
        .innerJoin('users as u', 'u.id', 's.changed_by')
        .selectAll('s')
        .select('u.display_name as by_name')
        .where('s.agent_id', '=', agent.id)
        .orderBy('s.changed_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    if (!state || !last) return null;
    // Only while the status the lead set is still the agent's (same status, same moment).
    if (
      state.presence !== last.to_presence ||
      Number(state.presence_since) !== Number(last.changed_at)
    ) {
      return null;
    }
    return {
      agentId: agent.id,
      status: last.to_presence as ForcedStatus['status'],
      fromStatus: last.from_presence,
      byName: last.by_name,
      reason: last.reason,
      at: Number(last.changed_at),
    };
  }

  /** An agent asks their team's lead for help, at once, optionally about a held conversation. */
  async raiseEscalation(
    agent: User,
    input: CommandPayload<'escalation:raise'>,
  ): Promise<Escalation> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agent.id,
        name: 'escalation:raise',
        result: EscalationSchema,
        now,
      },
      async (trx) => {
        if (input.contactId) {
          const contact = await trx
            .selectFrom('contacts')
            .select(['assigned_agent_id', 'status'])
            .where('id', '=', input.contactId)
            .executeTakeFirst();
          if (!contact || contact.assigned_agent_id !== agent.id) {
            throw new AppError('invalid_payload', 'Escalate a conversation you hold.', [
              { path: 'contactId', message: 'not a conversation you hold' },
            ]);
          }
        }
        const id = randomUUID();
        await trx
          .insertInto('escalations')
          .values({
            id,
            team_id: agent.teamId,
            agent_id: agent.id,
            contact_id: input.contactId ?? null,
            text: input.text,
            status: 'open',
            raised_at: now,
            answer: null,
            handled_by: null,
            handled_at: null,
            closed_at: null,
            version: 0,
          })
          .execute();
        const saved = await loadEscalation(trx, id);
        if (!saved) throw new AppError('internal', 'The escalation could not be read back.');
        return saved;
      },
    );
    if (isFirst) await this.publishEscalation(result);
    return result;
  }

  answerEscalation(lead: User, input: CommandPayload<'escalation:answer'>): Promise<Escalation> {
    return this.actOnEscalation(lead, 'escalation:answer', input, 'answer', input.text);
  }

  joinEscalation(lead: User, input: CommandPayload<'escalation:join'>): Promise<Escalation> {
    return this.actOnEscalation(lead, 'escalation:join', input, 'join');
  }

  closeEscalation(user: User, input: CommandPayload<'escalation:close'>): Promise<Escalation> {
    return this.actOnEscalation(user, 'escalation:close', input, 'close');
  }

  private async actOnEscalation(
    user: User,
    name: 'escalation:answer' | 'escalation:join' | 'escalation:close',
    input: { commandId: string; escalationId: string },
    action: EscalationAction,
    answer?: string,
  ): Promise<Escalation> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result, isFirst } = await runOnce(
      db,
      { commandId: input.commandId, userId: user.id, name, result: EscalationSchema, now },
      async (trx) => {
        const escalation = await loadEscalation(trx, input.escalationId);
        if (!escalation) throw new AppError('not_found', 'No such escalation.');
        if (user.role === 'agent') {
          // An agent closes only what they raised; answering and joining are the lead's.
          if (action !== 'close' || escalation.agentId !== user.id) {
            throw new AppError('forbidden', 'This escalation is not yours.');
          }
        } else {
          const directory = await loadTeamDirectory(trx);
          if (!overseesTeam(asTeamMember(user), escalation.teamId, directory)) {
            throw new AppError('forbidden', "This escalation is another team's.");
          }
        }
        const status = nextEscalationStatus(escalation.status, action);
        if (status === null) throw new AppError('conflict', 'This escalation is already closed.');
        const updated = await trx
          .updateTable('escalations')
          .set({
            status,
            version: escalation.version + 1,
            ...(action === 'close' ? { closed_at: now } : { handled_by: user.id, handled_at: now }),
            ...(answer !== undefined ? { answer } : {}),
          })
          .where('id', '=', escalation.id)
          .where('version', '=', escalation.version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new AppError('conflict', 'This escalation changed meanwhile; try again.');
        }
        const after = await loadEscalation(trx, escalation.id);
        if (!after) throw new AppError('internal', 'The escalation could not be read back.');
        return after;
      },
    );
    if (isFirst) await this.publishEscalation(result);
    return result;
  }

  private async publishEscalation(escalation: Escalation): Promise<void> {
    const directory = await loadTeamDirectory(this.ctx.db);
    this.ctx.publisher.publish(
      [rooms.user(escalation.agentId), ...leadRoomsOfTeam(escalation.teamId, directory)],
      'escalation:changed',
      escalation,
    );
  }

  /** Escalations of the teams the viewer leads: open ones first, then recent ones. */
  async escalations(viewer: User): Promise<Escalation[]> {
    const { db, clock } = this.ctx;
    const [escalations, directory] = await Promise.all([
      loadRecentEscalations(db, clock.now() - RECENT_MS),
      loadTeamDirectory(db),
    ]);
    const member = asTeamMember(viewer);
    return orderEscalations(escalations.filter((e) => overseesTeam(member, e.teamId, directory)));
  }

  async myEscalations(agent: User): Promise<Escalation[]> {
    const { db, clock } = this.ctx;
    return loadRecentEscalations(db, clock.now() - RECENT_MS, agent.id);
  }

  /** A lead writes to their team; an administrator to any team, or every team. */
  async publishAnnouncement(
    author: User,
    input: CommandPayload<'announcement:publish'>,
  ): Promise<Announcement> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const teamId = input.teamId ?? null;
    if (!mayAnnounceTo(asTeamMember(author), teamId)) {
      throw new AppError('forbidden', 'Leads write to their own team only.', [
        { path: 'teamId', message: 'not your team' },
      ]);
    }
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: author.id,
        name: 'announcement:publish',
        result: AnnouncementSchema,
        now,
      },
      async (trx) => {
        if (teamId !== null) {
          const team = await trx
            .selectFrom('teams')
            .select('id')
            .where('id', '=', teamId)
            .executeTakeFirst();
          if (!team) {
            throw new AppError('invalid_payload', 'No such team.', [
              { path: 'teamId', message: 'no such team' },
            ]);
          }
        }
        const id = randomUUID();
        await trx
          .insertInto('announcements')
          .values({
            id,
            team_id: teamId,
            text: input.text,
            author_id: author.id,
            published_at: now,
          })
          .execute();
        const saved = await loadAnnouncement(trx, id);
        if (!saved) throw new AppError('internal', 'The announcement could not be read back.');
        return saved;
      },
    );
    if (isFirst) {
      const directory = await loadTeamDirectory(db);
      const audience =
        result.teamId === null
          ? [rooms.agents, rooms.leads]
          : [
              ...(await loadAgentsWithTeams(db))
                .filter((agent) => agent.teamId === result.teamId)
                .map((agent) => rooms.user(agent.id)),
              ...leadRoomsOfTeam(result.teamId, directory),
            ];
      this.ctx.publisher.publish(audience, 'announcement:published', result);
    }
    return result;
  }

  /** An agent has read an announcement: the first moment counts; a repeat changes nothing. */
  async acknowledgeAnnouncement(
    agent: User,
    input: CommandPayload<'announcement:acknowledge'>,
  ): Promise<MyAnnouncement> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    let isNew = false;
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agent.id,
        name: 'announcement:acknowledge',
        result: MyAnnouncementSchema,
        now,
      },
      async (trx) => {
        const announcement = await loadAnnouncement(trx, input.announcementId);
        if (!announcement || !announcementReaches(announcement.teamId, agent.teamId)) {
          throw new AppError('not_found', 'No such announcement for you.');
        }
        isNew = await insertAnnouncementAcknowledgement(trx, announcement.id, agent.id, now);
        const acks = await loadAnnouncementAcknowledgements(trx, [announcement.id]);
        return {
          ...announcement,
          acknowledgedAt: acks.get(`${announcement.id}:${agent.id}`) ?? now,
        };
      },
    );
    if (isFirst && isNew) {
      const overseers = await overseersOf(db, agent.id);
      this.ctx.publisher.publish(
        [rooms.user(agent.id), ...overseers.map(rooms.user)],
        'announcement:acknowledged',
        {
          announcementId: result.id,
          agentId: agent.id,
          agentName: agent.displayName,
          acknowledgedAt: result.acknowledgedAt ?? now,
        },
      );
    }
    return result;
  }

  async myAnnouncements(agent: User): Promise<MyAnnouncement[]> {
    const { db, clock } = this.ctx;
    return loadMyAnnouncements(db, agent, clock.now() - RECENT_MS);
  }

  /**
   * The latest announcements the viewer may see (a lead: their team's and those to every team),
   * each with the agents it reached that the viewer answers for, readers first.
   */
  async announcementReadership(viewer: User): Promise<AnnouncementReadership[]> {
    const { db } = this.ctx;
    const [announcements, agents, directory] = await Promise.all([
      loadAnnouncements(db, {
        ...(viewer.role === 'admin' ? {} : { teamIds: [viewer.teamId, null] }),
        limit: ANNOUNCEMENTS_LISTED,
      }),
      loadAgentsWithTeams(db),
      loadTeamDirectory(db),
    ]);
    const member = asTeamMember(viewer);
    const mine = agents.filter((agent) => overseesAgent(member, agent, directory));
    const acks = await loadAnnouncementAcknowledgements(
      db,
      announcements.map((a) => a.id),
    );
    return announcements.map((announcement) => ({
      ...announcement,
      readers: orderReaders(
        mine
          .filter((agent) => announcementReaches(announcement.teamId, agent.teamId))
          .map((agent) => ({
            agentId: agent.id,
            displayName: agent.displayName,
            acknowledgedAt: acks.get(`${announcement.id}:${agent.id}`) ?? null,
          })),
      ),
    }));
  }
}
