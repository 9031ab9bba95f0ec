import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { requireInboundKey } from '../inbound/handlers';
import type { Services } from '../services';

export function registerMessagingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    endpoints.deliveryReceipt.path,
    {
      schema: {
        tags: ['channels'],
        summary: "A channel confirms (or fails) delivery of an agent's reply",
        description: 'Authenticated by the `x-api-key` header, like inbound contacts.',
        body: endpoints.deliveryReceipt.body,
        response: {
          200: endpoints.deliveryReceipt.response,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
      onRequest: requireInboundKey(services),
    },
    async (request) => {
      const message = await services.messaging.receipt(
        request.body.messageId,
        request.body.status,
        request.body.reason,
      );
      return { messageId: message.id, deliveryStatus: message.deliveryStatus ?? 'sent' };
    },
  );
}
