import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { CANNED_RESPONSE_MANAGER_ROLES } from '../../../shared/schemas/canned-response';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { CannedResponseService } from './service';

export function registerCannedResponseRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx } = services;
  const canned = new CannedResponseService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: IdSchema });
  const errors = {
    400: ErrorResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  };
  const manage = requireUser(auth, CANNED_RESPONSE_MANAGER_ROLES);

  api.get(
    endpoints.cannedResponses.path,
    {
      schema: {
        tags: ['canned-responses'],
        summary: 'Canned responses (managers may include retired ones)',
        querystring: endpoints.cannedResponses.query,
        response: { 200: endpoints.cannedResponses.response },
      },
      onRequest: requireUser(auth),
    },
    async (request) => ({
      responses: await canned.list(currentUser(request), request.query.includeRetired),
    }),
  );

  api.post(
    endpoints.createCannedResponse.path,
    {
      schema: {
        tags: ['canned-responses'],
        summary: 'Write a canned response (administrators, trainers)',
        body: endpoints.createCannedResponse.body,
        response: { 200: endpoints.createCannedResponse.response, ...errors },
      },
      onRequest: manage,
    },
    (request) => canned.create(currentUser(request), request.body),
  );

  api.put(
    endpoints.updateCannedResponse.path,
    {
      schema: {
        tags: ['canned-responses'],
        summary: 'Change a canned response (administrators, trainers)',
        params,
        body: endpoints.updateCannedResponse.body,
        response: { 200: endpoints.updateCannedResponse.response, ...errors },
      },
      onRequest: manage,
    },
    (request) => canned.update(currentUser(request), request.params.id, request.body),
  );

  api.post(
    endpoints.retireCannedResponse.path,
    {
      schema: {
        tags: ['canned-responses'],
        summary: 'Retire a canned response: agents no longer see it',
        params,
        response: { 200: endpoints.retireCannedResponse.response, ...errors },
      },
      onRequest: manage,
    },
    (request) => canned.retire(currentUser(request), request.params.id),
  );

  api.post(
    endpoints.restoreCannedResponse.path,
    {
      schema: {
        tags: ['canned-responses'],
        summary: 'Bring a retired canned response back',
        params,
        response: { 200: endpoints.restoreCannedResponse.response, ...errors },
      },
      onRequest: manage,
    },
    (request) => canned.restore(currentUser(request), request.params.id),
  );
}
