import type { Services } from '../modules/services';
import type { InFlight } from '../realtime/in-flight';
import type { RedisLink } from '../realtime/redis';
import type { TanggapServer } from '../realtime/socket-server';
import type { Store } from '../store/database';
import { gaugeOf, type Metrics } from './metrics';

/** The gauges read at scrape time: sockets, agents, queues, the database pool, Redis. */
export function registerLiveGauges(
  metrics: Metrics,
  sources: {
    store: Store;
    services: Services;
    redis: RedisLink | undefined;
    io: TanggapServer;
    inFlight: InFlight;
  },
): void {
  const { store, services, redis, io, inFlight } = sources;
  gaugeOf(
    metrics,
    { name: 'tanggap_sockets', help: 'Socket.IO connections open on this node.' },
    (set) => set(io.engine.clientsCount),
  );
  gaugeOf(
    metrics,
    { name: 'tanggap_connected_agents', help: 'Agents with at least one socket on this node.' },
    (set) => set(services.presence.connectedAgentCount),
  );
  gaugeOf(
    metrics,
    { name: 'tanggap_commands_in_flight', help: 'Commands being handled on this node.' },
    (set) => set(inFlight.size),
  );
  gaugeOf(
    metrics,
    {
      name: 'tanggap_queue_waiting',
      help: 'Contacts waiting or offered, per queue (as this node last computed).',
      labelNames: ['queue'],
    },
    async (set) => {
      for (const queue of (await services.queueState.current()).queues) {
        set(queue.waiting, { queue: queue.queueId });
      }
    },
  );
  gaugeOf(
    metrics,
    {
      name: 'tanggap_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting requests).',
      labelNames: ['state'],
    },
    (set) => {
      const stats = store.poolStats?.();
      if (!stats) return;
      set(stats.total, { state: 'total' });
      set(stats.idle, { state: 'idle' });
      set(stats.waiting, { state: 'waiting' });
    },
  );
  if (redis) {
    gaugeOf(
      metrics,
      { name: 'tanggap_redis_up', help: '1 while Redis is connected (only with REDIS_URL).' },
      (set) => set(redis.isReady() ? 1 : 0),
    );
  }
  gaugeOf(
    metrics,
    { name: 'tanggap_node_draining', help: '1 while this node shuts down.' },
    (set) => set(services.cluster.draining ? 1 : 0),
  );
}
