import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { timingSafeEqual } from 'node:crypto';
import { endpoints } from '../../../shared/protocol/http';
import type { Metrics } from '../../observability/metrics';
import type { RedisLink } from '../../realtime/redis';
import type { Store } from '../../store/database';
import type { ClusterService } from './service';

export interface OperationsRouteOptions {
  store: Store;
  cluster: ClusterService;
  redis: RedisLink | undefined;
  metrics: Metrics;
  metricsToken: string | undefined;
}

/** Readiness for load balancers and the Prometheus scrape endpoint. */
export function registerOperationsRoutes(
  app: FastifyInstance,
  options: OperationsRouteOptions,
): void {
  const { store, cluster, redis, metrics, metricsToken } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    endpoints.ready.path,
    {
      schema: {
        tags: ['operations'],
        summary: '200 while this node should get traffic; 503 while draining or cut off',
        response: { 200: endpoints.ready.response, 503: endpoints.ready.response },
      },
    },
    async (_request, reply) => {
      const [isDatabaseUp, isRedisUp] = await Promise.all([
        store.ping(),
        redis ? redis.ping() : Promise.resolve(undefined),
      ]);
      const isReady = isDatabaseUp && isRedisUp !== false && !cluster.draining;
      return reply.status(isReady ? 200 : 503).send({
        status: isReady ? 'ready' : 'not_ready',
        nodeId: cluster.nodeId,
        database: isDatabaseUp ? 'up' : 'down',
        redis: isRedisUp === undefined ? 'unused' : isRedisUp ? 'up' : 'down',
        isDraining: cluster.draining,
      });
    },
  );

  // Prometheus text format, not JSON: outside the OpenAPI document.
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!isAllowedToScrape(request.ip, request.headers.authorization, metricsToken)) {
      return reply.status(403).send({
        error: { code: 'forbidden', message: 'Metrics are for loopback or METRICS_TOKEN.' },
      });
    }
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Loopback may always scrape; anyone else needs `Authorization: Bearer METRICS_TOKEN`. */
export function isAllowedToScrape(
  ip: string,
  authorization: string | undefined,
  token: string | undefined,
): boolean {
  if (token && authorization?.startsWith('Bearer ')) {
    const given = Buffer.from(authorization.slice('Bearer '.length));
    const expected = Buffer.from(token);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  return LOOPBACK.test(ip);
}
