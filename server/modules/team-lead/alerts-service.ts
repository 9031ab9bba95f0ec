import { randomUUID } from 'node:crypto';
import {
  alertConditions,
  reconcileAlerts,
  type AlertFacts,
  type QueueThreshold,
} from '../../domain/lead-alerts';
import { leadTeamsOfQueue, overseesQueue, overseesTeam } from '../../../shared/domain/team-scope';
import type { CommandPayload } from '../../../shared/protocol/events';
import {
  LeadAlertSchema,
  type LeadAlert,
  type QueueAlertThreshold,
  type QueueAlertThresholdBody,
} from '../../../shared/schemas/team-lead';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import type { QueueStateService } from '../queue-state/service';
import { asTeamMember, leadRoomsOfTeam, loadTeamDirectory } from './directory';
import {
  clearAlert,
  insertAlert,
  loadAlert,
  loadOpenAlertKeys,
  loadRecentAlerts,
} from './repository';

/** Alerts stay listed this long after they were raised, acknowledged or not. */
export const RECENT_ALERTS_MS = 12 * 60 * 60 * 1000;

/**
 * Alerts for team leads: a scan (every second, and on queue changes) reads the facts, asks the pure
 * rules which conditions hold, raises and clears alerts, and pushes each change to the leads of
 * its team. The database keeps one open alert per condition, so several nodes scanning at once
 * raise it once.
 */
export class LeadAlertService {
  private scanning: Promise<void> | null = null;
  private isScanRequested = false;
  private isStopped = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly queueState: QueueStateService,
  ) {}

  /** Runs a scan now, or once more after the one running (never two at a time on one node). */
  requestScan(): Promise<void> {
    if (this.isStopped) return Promise.resolve();
    if (this.scanning) {
      this.isScanRequested = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      try {
        do {
          this.isScanRequested = false;
          await this.scan();
        } while (this.isScanRequested);
      } finally {
        this.scanning = null;
      }
    })();
    return this.scanning;
  }

  /** No more scans (shutdown); `settled` then waits for the one running. */
  stop(): void {
    this.isStopped = true;
  }

  settled(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }

  private async scan(): Promise<void> {
    const { db, clock, publisher } = this.ctx;
    const now = clock.now();
    const [facts, open] = await Promise.all([this.readFacts(), loadOpenAlertKeys(db)]);
    const { raise, clear } = reconcileAlerts(alertConditions(facts, now), open);
    if (raise.length === 0 && clear.length === 0) return;
    const directory = await loadTeamDirectory(db);
    const changed: LeadAlert[] = [];
    for (const condition of raise) {
      const id = randomUUID();
      if (await insertAlert(db, id, condition, now)) {
        const alert = await loadAlert(db, id);
        if (alert) changed.push(alert);
      }
    }
    for (const id of clear) {
      if (await clearAlert(db, id, now)) {
        const alert = await loadAlert(db, id);
        if (alert) changed.push(alert);
      }
    }
    for (const alert of changed) {
      publisher.publish(leadRoomsOfTeam(alert.teamId, directory), 'alert:changed', alert);
    }
  }

  private async readFacts(): Promise<AlertFacts> {
    const { db } = this.ctx;
    const [state, queues, thresholds, directory, agents, clocks] = await Promise.all([
      this.queueState.current(),
      db.selectFrom('queues').select(['id', 'name']).execute(),
      db.selectFrom('queue_alert_thresholds').selectAll().execute(),
      loadTeamDirectory(db),
      db
        .selectFrom('agent_states as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.display_name', 'u.team_id', 's.presence'])
        .where('s.presence', '=', 'not_responding')
        .execute(),
      db
        .selectFrom('case_clocks as k')
        .innerJoin('cases as c', 'c.id', 'k.case_id')
        .innerJoin('users as owner', 'owner.id', 'c.owner_id')
        .select([
          'k.id',
          'k.case_id',
          'k.legal_due_at',
          'k.internal_due_at',
          'k.warned_level',
          'k.breached_at',
          'c.reference',
          'owner.display_name as owner_name',
          'owner.team_id as owner_team_id',
        ])
        .where('k.status', 'in', ['running', 'paused'])
        .where('k.warned_level', '>=', 80)
        .where('k.breached_at', 'is', null)
        .execute(),
    ]);
    const names = new Map(queues.map((queue) => [queue.id, queue.name]));
    return {
      queues: state.queues.map((queue) => ({
        queueId: queue.queueId,
        queueName: names.get(queue.queueId) ?? queue.queueId,
        waiting: queue.waiting,
        oldestArrivedAt: queue.oldestArrivedAt,
      })),
      thresholds: new Map(
        thresholds.map((row): [string, QueueThreshold] => [
          row.queue_id,
          {
            maxWaiting: row.max_waiting === null ? null : Number(row.max_waiting),
            maxWaitMs: row.max_wait_ms === null ? null : Number(row.max_wait_ms),
          },
        ]),
      ),
      queueLeadTeams: new Map(
        queues.map((queue) => [queue.id, leadTeamsOfQueue(queue.id, directory)]),
      ),
      teamsWithLeads: directory.teamsWithLeads,
      agents: agents.map((row) => ({
        agentId: row.id,
        agentName: row.display_name,
        teamId: row.team_id,
        presence: row.presence,
      })),
      clocks: clocks.map((row) => ({
        clockId: row.id,
        caseId: row.case_id,
        reference: row.reference,
        ownerTeamId: row.owner_team_id,
        ownerName: row.owner_name,
        dueAt:
          row.legal_due_at === null
            ? row.internal_due_at === null
              ? null
              : Number(row.internal_due_at)
            : Number(row.legal_due_at),
        warnedLevel: Number(row.warned_level),
        isBreached: row.breached_at !== null,
      })),
    };
  }

  /** Open alerts and those of the last twelve hours the viewer answers for. */
  async list(viewer: User): Promise<LeadAlert[]> {
    const { db, clock } = this.ctx;
    const [alerts, directory] = await Promise.all([
      loadRecentAlerts(db, clock.now() - RECENT_ALERTS_MS),
      loadTeamDirectory(db),
    ]);
    const member = asTeamMember(viewer);
    return alerts.filter((alert) => overseesTeam(member, alert.teamId, directory));
  }

  /**
   * A lead has seen the alert. The first acknowledgement counts (who and when); a repeat, or
   * another lead's, returns it unchanged. Committed before it is answered.
   */
  async acknowledge(viewer: User, input: CommandPayload<'alert:acknowledge'>): Promise<LeadAlert> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    let isChanged = false;
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: viewer.id,
        name: 'alert:acknowledge',
        result: LeadAlertSchema,
        now,
      },
      async (trx) => {
        const alert = await loadAlert(trx, input.alertId);
        if (!alert) throw new AppError('not_found', 'No such alert.');
        const directory = await loadTeamDirectory(trx);
        if (!overseesTeam(asTeamMember(viewer), alert.teamId, directory)) {
          throw new AppError('forbidden', "This alert is another team's.");
        }
        const updated = await trx
          .updateTable('lead_alerts')
          .set({ acknowledged_by: viewer.id, acknowledged_at: now })
          .where('id', '=', alert.id)
          .where('acknowledged_at', 'is', null)
          .executeTakeFirst();
        isChanged = Number(updated.numUpdatedRows) > 0;
        const after = await loadAlert(trx, alert.id);
        if (!after) throw new AppError('internal', 'The alert could not be read back.');
        return after;
      },
    );
    if (isFirst && isChanged) {
      const directory = await loadTeamDirectory(db);
      this.ctx.publisher.publish(
        leadRoomsOfTeam(result.teamId, directory),
        'alert:changed',
        result,
      );
    }
    return result;
  }

  /** The thresholds of the queues the viewer watches. */
  async thresholds(viewer: User): Promise<QueueAlertThreshold[]> {
    const { db } = this.ctx;
    const [queues, rows, directory] = await Promise.all([
      db.selectFrom('queues').select('id').orderBy('sort').execute(),
      db
        .selectFrom('queue_alert_thresholds as t')
        .leftJoin('users as u', 'u.id', 't.updated_by')
        .selectAll('t')
        .select('u.display_name as updated_by_name')
        .execute(),
      loadTeamDirectory(db),
    ]);
    const byQueue = new Map(rows.map((row) => [row.queue_id, row]));
    const member = asTeamMember(viewer);
    return queues
      .filter((queue) => overseesQueue(member, queue.id, directory))
      .map((queue) => {
        const row = byQueue.get(queue.id);
        return {
          queueId: queue.id,
          maxWaiting: row?.max_waiting == null ? null : Number(row.max_waiting),
          maxWaitMs: row?.max_wait_ms == null ? null : Number(row.max_wait_ms),
          updatedByName: row?.updated_by_name ?? null,
          updatedAt: row ? Number(row.updated_at) : null,
        };
      });
  }

  /** A lead of a team serving the queue, or an administrator, sets its alert threshold. */
  async replaceThreshold(
    viewer: User,
    queueId: string,
    body: QueueAlertThresholdBody,
  ): Promise<QueueAlertThreshold> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const queue = await trx
        .selectFrom('queues')
        .select('id')
        .where('id', '=', queueId)
        .executeTakeFirst();
      if (!queue) throw new AppError('not_found', 'No such queue.');
      const directory = await loadTeamDirectory(trx);
      if (!overseesQueue(asTeamMember(viewer), queueId, directory)) {
        throw new AppError('forbidden', "This queue is served by another team's leads.");
      }
      await trx
        .insertInto('queue_alert_thresholds')
        .values({
          queue_id: queueId,
          max_waiting: body.maxWaiting,
          max_wait_ms: body.maxWaitMs,
          updated_by: viewer.id,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('queue_id').doUpdateSet({
            max_waiting: body.maxWaiting,
            max_wait_ms: body.maxWaitMs,
            updated_by: viewer.id,
            updated_at: now,
          }),
        )
        .execute();
    });
    this.requestScan().catch((error: unknown) =>
      this.ctx.log.warn({ err: error }, 'lead alert scan failed'),
    );
    return {
      queueId,
      maxWaiting: body.maxWaiting,
      maxWaitMs: body.maxWaitMs,
      updatedByName: viewer.displayName,
      updatedAt: now,
    };
  }
}
