import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { QueueIdParamSchema } from '../../../shared/schemas/business-hours';
import { CALLBACK_ROLES } from '../../../shared/domain/team-scope';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { BusinessHoursService } from './service';

/**
 * Business hours per queue. The service is built here from the shared context, so wiring it needs
 * one line in http-server.ts.
 */
export function registerBusinessHoursRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx, queueState } = services;
  const hours = new BusinessHoursService(ctx, queueState);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    endpoints.queueHours.path,
    {
      schema: {
        tags: ['queues'],
        summary: "A queue's business hours and after-hours action (24/7 unless configured)",
        params: QueueIdParamSchema,
        response: { 200: endpoints.queueHours.response, 404: ErrorResponseSchema },
      },
      onRequest: requireUser(auth),
    },
    (request) => hours.hours(request.params.id),
  );

  api.put(
    endpoints.replaceQueueHours.path,
    {
      schema: {
        tags: ['queues'],
        summary: "Replace a queue's business hours and after-hours action (administrators)",
        description:
          'Takes effect for contacts arriving from now on; contacts already waiting keep waiting. 400 names each bad field (overlapping intervals, an end before its start, an unknown zone).',
        params: QueueIdParamSchema,
        body: endpoints.replaceQueueHours.body,
        response: {
          200: endpoints.replaceQueueHours.response,
          400: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
      // Role before body: someone who may not change hours learns nothing from a 400.
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => hours.replace(request.params.id, request.body, currentUser(request)),
  );

  api.get(
    endpoints.callbacks.path,
    {
      schema: {
        tags: ['queues'],
        summary:
          "Open callback requests left by contacts to closed queues, the longest due first (a lead's or agent's: their team's queues)",
        response: { 200: endpoints.callbacks.response, 403: ErrorResponseSchema },
      },
      onRequest: requireUser(auth, CALLBACK_ROLES),
    },
    (request) => hours.openCallbacks(currentUser(request)),
  );

  api.post(
    endpoints.completeCallback.path,
    {
      schema: {
        tags: ['queues'],
        summary: 'Mark a callback request done (the citizen was called back); idempotent',
        params: z.object({ id: IdSchema }),
        response: {
          200: endpoints.completeCallback.response,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
      onRequest: requireUser(auth, CALLBACK_ROLES),
    },
    (request) => hours.completeCallback(request.params.id, currentUser(request)),
  );
}
