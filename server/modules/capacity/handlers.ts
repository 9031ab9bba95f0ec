import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';

export function registerCapacityRoutes(app: FastifyInstance, services: Services): void {
  const { auth, capacity } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ agentId: IdSchema });

  api.get(
    endpoints.centreCapacity.path,
    {
      schema: {
        tags: ['capacity'],
        summary: "The centre's limit of concurrent work per kind (voice, chat, e-mail)",
        response: { 200: endpoints.centreCapacity.response },
      },
      onRequest: requireUser(auth),
    },
    () => capacity.centre(),
  );

  api.put(
    endpoints.replaceCentreCapacity.path,
    {
      schema: {
        tags: ['capacity'],
        summary: "Set the centre's limits (administrators)",
        body: endpoints.replaceCentreCapacity.body,
        response: { 200: endpoints.replaceCentreCapacity.response },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => capacity.replaceCentre(request.body),
  );

  api.get(
    endpoints.agentCapacity.path,
    {
      schema: {
        tags: ['capacity'],
        summary: "An agent's own caps and the limits they give (a lead: their own team's agents)",
        params,
        response: { 200: endpoints.agentCapacity.response },
      },
      onRequest: requireUser(auth, ['lead', 'trainer', 'admin']),
    },
    (request) => capacity.agent(currentUser(request), request.params.agentId),
  );

  api.put(
    endpoints.replaceAgentCaps.path,
    {
      schema: {
        tags: ['capacity'],
        summary:
          "Set an agent's own caps, which only lower the centre's (administrators; a lead: their own team's agents)",
        params,
        body: endpoints.replaceAgentCaps.body,
        response: { 200: endpoints.replaceAgentCaps.response },
      },
      onRequest: requireUser(auth, ['lead', 'admin']),
    },
    (request) =>
      capacity.replaceAgentCaps(currentUser(request), request.params.agentId, request.body),
  );
}
