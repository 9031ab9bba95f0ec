import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nextChangeAt, openStateAt } from '../../../shared/domain/business-hours';
import {
  agentView,
  EVERY_QUEUE_SCOPE,
  queueStateChange,
} from '../../../shared/domain/queue-state-change';
import type { TimeZone } from '../../../shared/schemas/calendar';
import { AGENT_STATUSES, type AgentStatus } from '../../../shared/schemas/common';
import type { QueueState } from '../../../shared/schemas/queue-state';
import type { User } from '../../../shared/schemas/user';
import { effectiveStatus, type Presence } from '../../domain/presence';
import { refreshGapMs } from '../../domain/refresh-pacing';
import { processLoopBusyShare, type LoopBusyShare } from '../../realtime/loop-load';
import { everyQueueWatchers, rooms } from '../../realtime/rooms';
import type { Database } from '../../store/schema';
import {
  businessHoursFor,
  defaultHoursZone,
  loadQueueHoursSettingsOf,
} from '../business-hours/repository';
import type { ServiceContext } from '../context';
import { loadQueuesServedByAgent } from './served-queues';

/** A queue's open state is looked at again at least this often, whatever its hours say. */
const HOURS_RECHECK_MAX_MS = 6 * 60 * 60_000;

/**
 * Who serves which queues is read again at least this often (skills or a queue's overflow changed
 * on another node); a change on this node reads it again at once (`coverageChanged`).
 */
const COVERAGE_MAX_AGE_MS = 5_000;

/** The complete queue state (every queue, agents by status) as one stream numbers it. */
export async function computeQueueState(
  db: Kysely<Database>,
  stamp: { stream: string; version: number; at: number },
  defaultZone: TimeZone = 'Asia/Jakarta',
): Promise<QueueState> {
  const { at } = stamp;
  const queues = await db.selectFrom('queues').select('id').orderBy('sort').execute();
  const [settings, waiting, agents] = await Promise.all([
    loadQueueHoursSettingsOf(
      db,
      queues.map((queue) => queue.id),
      defaultZone,
    ),
    db
      .selectFrom('contacts')
      .select((eb) => [
        'queue_id',
        eb.fn.countAll<number>().as('waiting'),
        eb.fn.min('arrived_at').as('oldest'),
      ])
      // An offered contact is still a citizen waiting for an answer.
      .where('status', 'in', ['waiting', 'offered'])
      .groupBy('queue_id')
      .execute(),
    db
      .selectFrom('agent_states')
      .innerJoin('users', 'users.id', 'agent_states.user_id')
      .select(({ exists, selectFrom }) => [
        'agent_states.presence',
        // One row per agent however many conversations they hold.
        exists(
          selectFrom('contacts')
            .select('contacts.id')
            .whereRef('contacts.assigned_agent_id', '=', 'users.id')
            .where('contacts.status', '=', 'active'),
        ).as('is_holding'),
      ])
      .where('users.role', '=', 'agent')
      .execute(),
  ]);
  const hours = await businessHoursFor(db, settings);
  const byQueue = new Map(waiting.map((row) => [row.queue_id, row]));
  const agentsByStatus = Object.fromEntries(AGENT_STATUSES.map((status) => [status, 0])) as Record<
    AgentStatus,
    number
  >;
  for (const agent of agents) {
    agentsByStatus[effectiveStatus(agent.presence as Presence, Boolean(agent.is_holding))] += 1;
  }
  return {
    ...stamp,
    scope: EVERY_QUEUE_SCOPE,
    queues: queues.map((queue, index) => {
      const row = byQueue.get(queue.id);
      return {
        queueId: queue.id,
        waiting: Number(row?.waiting ?? 0),
        oldestArrivedAt: row?.oldest != null ? Number(row.oldest) : null,
        ...openStateAt(hours[index]!, at),
        timeZone: settings[index]!.timeZone,
      };
    }),
    agentsByStatus,
  };
}

/** The earliest instant a queue opens or closes, or null when none is due. */
export function nextHoursChangeAt(state: QueueState): number | null {
  let earliest: number | null = null;
  for (const queue of state.queues) {
    const at = nextChangeAt(queue);
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}

/** Which queues each agent serves, grouped: agents serving the same queues share one view. */
interface Coverage {
  loadedAt: number;
  byAgent: Map<string, string[]>;
  groups: { queueIds: string[]; agentRooms: string[] }[];
}

async function loadCoverage(db: Kysely<Database>, loadedAt: number): Promise<Coverage> {
  const byAgent = await loadQueuesServedByAgent(db);
  const groups = new Map<string, { queueIds: string[]; agentRooms: string[] }>();
  for (const [agentId, queueIds] of byAgent) {
    const key = queueIds.join(',');
    const group = groups.get(key) ?? { queueIds, agentRooms: [] };
    group.agentRooms.push(rooms.user(agentId));
    groups.set(key, group);
  }
  return { loadedAt, byAgent, groups: [...groups.values()] };
}

/**
 * Keeps the latest queue state and pushes each viewer what changed in their view: leads and
 * trainers every queue and the agents by status, each agent the queues they serve (grouped by
 * the queues served, one message per group). Every contact changes the state three or four times,
 * and a push goes to every connected socket (10–25 ms of the loop at 1,000): changes that come in
 * bursts (a routing pass touching many contacts, or many contacts a second) are coalesced into
 * one refresh, started at least `refreshGapMs` after the last (a tenth of a second while the loop
 * has time to spare, up to a second when it is saturated; domain/refresh-pacing.ts). A change after
 * a quiet gap goes out at once. A queue opening or closing is a change too: a timer refreshes the
 * state when the next one is due.
 *
 * Each node pushes only to its own sockets, numbering its states in its own stream (a random id
 * per process) and remembering what it last pushed to each view, so every change it sends builds
 * on one it sent before to the same sockets; a change made on another node reaches this one as a
 * peer signal and is read from the shared database like any other. The version is a counter in
 * memory: clients compare versions only within a stream, and a client that lands on another node
 * (or a restarted one) sees a new stream and reads its view again.
 */
export class QueueStateService {
  /** Random per process: states and changes of another process never build on these. */
  readonly stream = randomUUID().slice(0, 8);
  private version = 0;
  /** The complete state as last published. */
  private latest: QueueState | undefined;
  /** Per scope (a view), the view as last pushed to it. */
  private readonly sent = new Map<string, QueueState>();
  private coverage: Coverage | undefined;
  private coverageLoading: Promise<Coverage> | undefined;
  /** A read of the coverage started before the last change is not kept. */
  private coverageGeneration = 0;
  private scheduled: Promise<void> | undefined;
  /** A change made on this node is waiting for the next refresh (the other nodes are told then). */
  private hasLocalChange = false;
  private readonly changeListeners: (() => void)[] = [];
  private hoursTimer: NodeJS.Timeout | undefined;
  private isStopped = false;
  /** performance.now() when the last refresh started (real time, whatever the service clock). */
  private lastRefreshStartedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly loopBusyShare: LoopBusyShare = processLoopBusyShare,
  ) {}

  /** Resolves once no refresh is scheduled or running (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.scheduled) await this.scheduled;
  }

  /**
   * No more timed refreshes (opening and closing), and no more signals to other nodes; call
   * before `settled` on shutdown.
   */
  stop(): void {
    this.isStopped = true;
    clearTimeout(this.hoursTimer);
  }

  /** The complete state as last published, computing it on first use. */
  async current(): Promise<QueueState> {
    if (!this.latest) await this.refresh();
    return this.latest!;
  }

  /**
   * What `user` sees of the state this node last published, the view its pushes build on: the
   * complete state for leads, trainers and admins, their queues for an agent.
   */
  async viewFor(user: Pick<User, 'id' | 'role'>): Promise<QueueState> {
    const complete = await this.current();
    if (user.role !== 'agent') return complete;
    let served = (await this.agentCoverage()).byAgent.get(user.id);
    // An agent created since the coverage was read.
    served ??= (await this.agentCoverage(true)).byAgent.get(user.id) ?? [];
    return agentView(complete, served);
  }

  /** Also tells `listener` of every change made on this node (the queue metrics follow it). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Marks the state changed; resolves once the new state has been published. */
  changed(): Promise<void> {
    this.hasLocalChange = true;
    for (const listener of this.changeListeners) listener();
    return this.schedule();
  }

  /** Another node changed the state (a peer signal): read it again and push it to this node's sockets. */
  changedElsewhere(): Promise<void> {
    return this.schedule();
  }

  /** Skills or a queue's overflow changed: who serves which queue is read again. */
  coverageChanged(): Promise<void> {
    this.coverage = undefined;
    this.coverageLoading = undefined;
    this.coverageGeneration += 1;
    return this.changed();
  }

  private schedule(): Promise<void> {
    if (!this.scheduled) {
      const gapMs = refreshGapMs(this.loopBusyShare());
      const waitMs = this.lastRefreshStartedAt + gapMs - performance.now();
      this.scheduled = new Promise<void>((resolve) =>
        waitMs > 0 ? setTimeout(resolve, waitMs) : setImmediate(resolve),
      )
        .then(() => {
          this.scheduled = undefined;
          return this.refresh();
        })
        .catch((error: unknown) => {
          this.ctx.log.error({ err: error }, 'queue state refresh failed');
        });
    }
    return this.scheduled;
  }

  private agentCoverage(isReloadForced = false): Promise<Coverage> {
    const now = performance.now();
    if (
      !isReloadForced &&
      this.coverage !== undefined &&
      now - this.coverage.loadedAt < COVERAGE_MAX_AGE_MS
    ) {
      return Promise.resolve(this.coverage);
    }
    if (this.coverageLoading) return this.coverageLoading;
    const generation = this.coverageGeneration;
    const loading = loadCoverage(this.ctx.db, now)
      .then((coverage) => {
        if (generation === this.coverageGeneration) this.coverage = coverage;
        return coverage;
      })
      .finally(() => {
        if (this.coverageLoading === loading) this.coverageLoading = undefined;
      });
    this.coverageLoading = loading;
    return loading;
  }

  private async refresh(): Promise<void> {
    this.lastRefreshStartedAt = performance.now();
    const isLocal = this.hasLocalChange;
    this.hasLocalChange = false;
    // No database write before the read: versions need only rise within this process.
    this.version += 1;
    const [state, coverage] = await Promise.all([
      computeQueueState(
        this.ctx.db,
        { stream: this.stream, version: this.version, at: this.ctx.clock.now() },
        defaultHoursZone(this.ctx.config.timeZone),
      ),
      this.agentCoverage(),
    ]);
    if (this.latest && this.latest.version > state.version) return;
    this.latest = state;
    this.push(state, coverage);
    if (isLocal && !this.isStopped) this.ctx.publisher.signalPeers('queue-state:changed');
    this.scheduleHoursChange(state);
  }

  /** To each view on this node, what changed in it since the last push (nothing if nothing did). */
  private push(state: QueueState, coverage: Coverage): void {
    // One message per view: groups whose queues all exist read the same view only if they serve
    // the same queues, but a queue created since the coverage was read could make two meet.
    const views = new Map<string, { view: QueueState; to: string[] }>();
    views.set(state.scope, { view: state, to: [...everyQueueWatchers] });
    for (const group of coverage.groups) {
      const view = agentView(state, group.queueIds);
      const audience = views.get(view.scope) ?? { view, to: [] };
      audience.to.push(...group.agentRooms);
      views.set(view.scope, audience);
    }
    for (const [scope, { view, to }] of views) {
      const change = queueStateChange(this.sent.get(scope), view);
      if (change === null) continue;
      this.sent.set(scope, view);
      this.ctx.publisher.publishHere(to, 'queue:state-changed', change);
    }
    // A view nobody holds any more starts afresh (a whole view) if it comes back.
    for (const scope of this.sent.keys()) if (!views.has(scope)) this.sent.delete(scope);
  }

  /** Refreshes when the next queue opens or closes, so screens flip on time with no traffic. */
  private scheduleHoursChange(state: QueueState): void {
    clearTimeout(this.hoursTimer);
    const changeAt = nextHoursChangeAt(state);
    if (this.isStopped || changeAt === null) return;
    const delayMs = Math.min(Math.max(changeAt - this.ctx.clock.now(), 0), HOURS_RECHECK_MAX_MS);
    this.hoursTimer = setTimeout(() => void this.changed(), delayMs);
    // A pending opening never keeps the process alive on its own.
    this.hoursTimer.unref();
  }
}
