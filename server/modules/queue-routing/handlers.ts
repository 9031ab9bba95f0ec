import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { QueueIdParamSchema } from '../../../shared/schemas/business-hours';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { QueueRoutingService } from './service';

export function registerQueueRoutingRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx, routing, queueMetrics, queueState } = services;
  const queueRouting = new QueueRoutingService(ctx, routing, queueMetrics, queueState);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    endpoints.queueRouting.path,
    {
      schema: {
        tags: ['queues'],
        summary: "A queue's wrap-up time, overflow, and priority and target per caller segment",
        params: QueueIdParamSchema,
        response: { 200: endpoints.queueRouting.response, 404: ErrorResponseSchema },
      },
      onRequest: requireUser(auth),
    },
    (request) => queueRouting.settings(request.params.id),
  );

  api.put(
    endpoints.replaceQueueRouting.path,
    {
      schema: {
        tags: ['queues'],
        summary: 'Replace how a queue routes (administrators)',
        params: QueueIdParamSchema,
        body: endpoints.replaceQueueRouting.body,
        response: { 200: endpoints.replaceQueueRouting.response, 404: ErrorResponseSchema },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => queueRouting.replace(request.params.id, request.body, currentUser(request)),
  );
}
