import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpoints } from '../../../shared/protocol/http';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';

export function registerQueueMetricsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    endpoints.queueMetrics.path,
    {
      schema: {
        tags: ['desk'],
        summary: 'Live queue metrics (also pushed as queue:metrics-changed)',
        description:
          'Service level, average speed of answer and abandons per queue for the current interval and the day. Leads, admins and trainers get every segment; agents the totals.',
        response: { 200: endpoints.queueMetrics.response },
      },
      preHandler: requireUser(services.auth),
    },
    (request) => services.queueMetrics.current(currentUser(request)),
  );
}
