import type { Kysely } from 'kysely';
import { nextChangeAt, openStateAt } from '../../../shared/domain/business-hours';
import type { TimeZone } from '../../../shared/schemas/calendar';
import { AGENT_STATUSES, type AgentStatus } from '../../../shared/schemas/common';
import type { QueueState } from '../../../shared/schemas/queue-state';
import { effectiveStatus, type Presence } from '../../domain/presence';
import { everyoneWatchingQueues } from '../../realtime/rooms';
import type { Database } from '../../store/schema';
import {
  businessHoursFor,
  defaultHoursZone,
  loadQueueHoursSettingsOf,
} from '../business-hours/repository';
import type { ServiceContext } from '../context';
import { nextLiveVersion } from './live-version';

/** A queue's open state is looked at again at least this often, whatever its hours say. */
const HOURS_RECHECK_MAX_MS = 6 * 60 * 60_000;

/**
 * Broadcasts start at least this far apart. Every contact changes the state three or four times
 * and each broadcast goes to every connected agent (about 6–10 ms of the event loop for 1,000
 * sockets): at 100 contacts/s, one per change would take more than the whole loop. Changes within
 * the gap are folded into the next broadcast; a change after a quiet gap goes out at once.
 */
export const QUEUE_STATE_MIN_GAP_MS = 100;

export async function computeQueueState(
  db: Kysely<Database>,
  version: number,
  at: number,
  defaultZone: TimeZone = 'Asia/Jakarta',
): Promise<QueueState> {
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
    version,
    at,
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

/**
 * Keeps the latest queue state and pushes it to every agent, lead and trainer. Changes that come
 * in bursts (a routing pass touching many contacts, or many contacts a second) are coalesced into
 * one broadcast, at most one per `QUEUE_STATE_MIN_GAP_MS`. A queue
 * opening or closing is a change too: a timer refreshes the state when the next one is due.
 */
export class QueueStateService {
  private latest: QueueState | undefined;
  private scheduled: Promise<void> | undefined;
  private readonly changeListeners: (() => void)[] = [];
  private hoursTimer: NodeJS.Timeout | undefined;
  private isStopped = false;
  /** performance.now() when the last refresh started (real time, whatever the service clock). */
  private lastRefreshStartedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly ctx: ServiceContext) {}

  /** Resolves once no refresh is scheduled or running (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.scheduled) await this.scheduled;
  }

  /** No more timed refreshes (opening and closing); call before `settled` on shutdown. */
  stop(): void {
    this.isStopped = true;
    clearTimeout(this.hoursTimer);
  }

  /** The state as last broadcast, computing it on first use. */
  async current(): Promise<QueueState> {
    if (!this.latest) await this.refresh();
    return this.latest!;
  }

  /** Also tells `listener` of every change (the queue metrics follow contacts this way). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Marks the state changed; resolves once the new state has been published. */
  changed(): Promise<void> {
    for (const listener of this.changeListeners) listener();
    if (!this.scheduled) {
      const waitMs = this.lastRefreshStartedAt + QUEUE_STATE_MIN_GAP_MS - performance.now();
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

  private async refresh(): Promise<void> {
    this.lastRefreshStartedAt = performance.now();
    const version = await nextLiveVersion(this.ctx.db, 'queue-state');
    const state = await computeQueueState(
      this.ctx.db,
      version,
      this.ctx.clock.now(),
      defaultHoursZone(this.ctx.config.timeZone),
    );
    if (this.latest && this.latest.version > state.version) return;
    this.latest = state;
    this.ctx.publisher.publish(everyoneWatchingQueues, 'queue:state-changed', state);
    this.scheduleHoursChange(state);
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
