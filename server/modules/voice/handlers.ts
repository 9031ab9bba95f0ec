import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { requireInboundKey } from '../inbound/handlers';
import type { Services } from '../services';

export function registerVoiceRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    endpoints.voiceEvent.path,
    {
      schema: {
        tags: ['channels'],
        summary: 'A call event from the telephony system (idempotent on eventId)',
        description:
          'Authenticated by the `x-api-key` header, like inbound contacts. `callId` is the `externalId` the voice contact arrived with (POST /api/inbound, channel voice). 409 for an event the call cannot take in its state (nothing changes); a repeated `eventId` answers 200 with the first result.',
        body: endpoints.voiceEvent.body,
        response: {
          200: endpoints.voiceEvent.response,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
        },
      },
      onRequest: requireInboundKey(services),
    },
    async (request) => (await services.voice.receive(request.body)).result,
  );
}
