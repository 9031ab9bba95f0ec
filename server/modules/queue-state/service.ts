import type { Kysely } from 'kysely';
import { AGENT_STATUSES, type AgentStatus } from '../../../shared/schemas/common';
import type { QueueState } from '../../../shared/schemas/queue-state';
import { effectiveStatus, type Presence } from '../../domain/presence';
import { everyoneWatchingQueues } from '../../realtime/rooms';
import type { Database } from '../../store/schema';
import type { ServiceContext } from '../context';

export async function computeQueueState(
  db: Kysely<Database>,
  version: number,
  at: number,
): Promise<QueueState> {
  const [queues, waiting, agents] = await Promise.all([
    db.selectFrom('queues').select('id').orderBy('sort').execute(),
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
    queues: queues.map((queue) => {
      const row = byQueue.get(queue.id);
      return {
        queueId: queue.id,
        waiting: Number(row?.waiting ?? 0),
        oldestArrivedAt: row?.oldest != null ? Number(row.oldest) : null,
      };
    }),
    agentsByStatus,
  };
}

/**
 * Keeps the latest queue state and pushes it to every agent, lead and trainer. Changes that come
 * in bursts (a routing pass touching many contacts) are coalesced into one broadcast.
 */
export class QueueStateService {
  private version = 0;
  private latest: QueueState | undefined;
  private scheduled: Promise<void> | undefined;
  private readonly changeListeners: (() => void)[] = [];

  constructor(private readonly ctx: ServiceContext) {}

  /** Resolves once no refresh is scheduled or running (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.scheduled) await this.scheduled;
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
      this.scheduled = new Promise<void>((resolve) => setImmediate(resolve))
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
    this.version += 1;
    const state = await computeQueueState(this.ctx.db, this.version, this.ctx.clock.now());
    if (this.latest && this.latest.version > state.version) return;
    this.latest = state;
    this.ctx.publisher.publish(everyoneWatchingQueues, 'queue:state-changed', state);
  }
}
