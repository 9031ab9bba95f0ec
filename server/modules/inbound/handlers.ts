import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { AppError } from '../app-error';
import type { Services } from '../services';

function isSameKey(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An onRequest hook admitting only channel webhooks that send the configured `x-api-key`. */
export function requireInboundKey(services: Services): onRequestAsyncHookHandler {
  return async (request) => {
    const key = request.headers['x-api-key'];
    if (!isSameKey(typeof key === 'string' ? key : undefined, services.ctx.config.inboundApiKey)) {
      throw new AppError('unauthenticated', 'Missing or wrong x-api-key header.');
    }
  };
}

export function registerInboundRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    endpoints.inbound.path,
    {
      schema: {
        tags: ['channels'],
        summary: 'A contact arrives from a channel (idempotent on channel + externalId)',
        description:
          'Authenticated by the `x-api-key` header. 201 creates the contact; the same channel and externalId again answers 200 with the first result and creates nothing.',
        body: endpoints.inbound.body,
        response: {
          200: endpoints.inbound.response,
          201: endpoints.inbound.response,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
        },
      },
      // The key is checked before the body is validated, so a caller without it learns nothing.
      onRequest: requireInboundKey(services),
    },
    async (request, reply) => {
      const { isNew, result } = await services.inbound.receive(request.body);
      return reply.status(isNew ? 201 : 200).send(result);
    },
  );
}
