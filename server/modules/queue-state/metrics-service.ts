import { withoutSegments } from '../../../shared/domain/metrics';
import type { Kysely } from 'kysely';
import type { QueueMetricsState } from '../../../shared/schemas/queue-metrics';
import type { User } from '../../../shared/schemas/user';
import type { Database } from '../../store/schema';
import { rooms } from '../../realtime/rooms';
import type { ServiceContext } from '../context';
import { computeQueueMetrics } from './metrics';
import { nextLiveVersion } from './live-version';
import { loadQueuesServedByAgent } from './served-queues';

/** The metrics are pushed at most this often; a wallboard needs seconds, not every event. */
export const METRICS_MIN_GAP_MS = 1_000;

/**
 * What an agent gets: the totals of their own queues (`queuesServedBy`), without the per-segment
 * breakdown leads and trainers get.
 */
export function forAgent(
  state: QueueMetricsState,
  queueIds: ReadonlySet<string>,
): QueueMetricsState {
  return {
    ...state,
    queues: state.queues
      .filter((queue) => queueIds.has(queue.queueId))
      .map((queue) => ({
        ...queue,
        interval: withoutSegments(queue.interval),
        day: withoutSegments(queue.day),
      })),
  };
}

/** Each agent's queues, grouped: agents with the same skills share one push (one serialization). */
async function loadAgentQueues(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const agentsByQueues = new Map<string, string[]>();
  for (const [agentId, queueIds] of await loadQueuesServedByAgent(db)) {
    const key = queueIds.join(',');
    agentsByQueues.set(key, [...(agentsByQueues.get(key) ?? []), agentId]);
  }
  return agentsByQueues;
}

/**
 * Live queue metrics, pushed as `queue:metrics-changed`: full to leads and trainers, the totals of
 * their own queues to agents. A sibling of the queue state rather than part of it: the figures are 25 times its size
 * and cost a few milliseconds of SQL, while the queue state is rebuilt and sent to every agent on
 * every change. So a change marks the metrics dirty; the first change after a quiet second is
 * pushed at once, the rest at most once a second by `tick`, which also rolls a new interval over.
 */
export class QueueMetricsService {
  private latest: QueueMetricsState | undefined;
  private isDirty = false;
  private lastRefreshAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  private isScheduled = false;

  constructor(private readonly ctx: ServiceContext) {}

  /** Resolves once no computation is scheduled or running (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.isScheduled || this.refreshing) {
      await (this.refreshing ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  /** The metrics as last pushed, computed on first use; agents get their queues' totals only. */
  async current(user: Pick<User, 'id' | 'role'>): Promise<QueueMetricsState> {
    if (!this.latest) await this.refresh();
    if (user.role !== 'agent') return this.latest!;
    for (const [key, agentIds] of await loadAgentQueues(this.ctx.db)) {
      if (agentIds.includes(user.id)) return forAgent(this.latest!, new Set(key.split(',')));
    }
    return forAgent(this.latest!, new Set());
  }

  /** Contacts changed (arrived, answered, abandoned…). */
  changed(): void {
    this.isDirty = true;
    if (this.isScheduled || this.ctx.clock.now() - this.lastRefreshAt < METRICS_MIN_GAP_MS) return;
    this.isScheduled = true;
    // Leading edge, on a later turn so that a burst of changes costs one computation.
    setImmediate(() => {
      this.isScheduled = false;
      void this.refresh();
    });
  }

  /** Run every second: pushes pending changes, and a fresh state when a new interval began. */
  async tick(): Promise<void> {
    if (this.refreshing) await this.refreshing;
    const period = this.latest?.period;
    const isRolledOver = period !== undefined && this.ctx.clock.now() >= period.intervalEndsAt;
    if (this.isDirty || isRolledOver) await this.refresh();
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.compute().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async compute(): Promise<void> {
    const { db, clock, config, publisher, log } = this.ctx;
    this.isDirty = false;
    const now = clock.now();
    this.lastRefreshAt = now;
    try {
      const version = await nextLiveVersion(db, 'queue-metrics');
      const state = await computeQueueMetrics(db, version, now, {
        timeZone: config.timeZone,
        intervalMinutes: config.metricsIntervalMinutes,
      });
      this.latest = state;
      publisher.publish([rooms.leads, rooms.trainers], 'queue:metrics-changed', state);
      for (const [key, agentIds] of await loadAgentQueues(db)) {
        publisher.publish(
          agentIds.map((agentId) => rooms.user(agentId)),
          'queue:metrics-changed',
          forAgent(state, new Set(key.split(','))),
        );
      }
    } catch (error) {
      this.isDirty = true;
      log.error({ err: error }, 'queue metrics refresh failed');
    }
  }
}
