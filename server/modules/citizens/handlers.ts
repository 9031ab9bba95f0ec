import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { CitizenService } from './service';

export function registerCitizenRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx } = services;
  const citizens = new CitizenService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: IdSchema });
  const errors = { 403: ErrorResponseSchema, 404: ErrorResponseSchema };

  api.get(
    endpoints.citizenSearch.path,
    {
      schema: {
        tags: ['citizens'],
        summary:
          'Find citizens by name, phone, e-mail, handle or whole NIK (leads and administrators; every profile listed is logged)',
        querystring: endpoints.citizenSearch.query,
        response: { 200: endpoints.citizenSearch.response, ...errors },
      },
      onRequest: requireUser(auth, ['lead', 'admin']),
    },
    (request) => citizens.search(currentUser(request), request.query.q, request.query.reason),
  );

  api.get(
    endpoints.citizenProfile.path,
    {
      schema: {
        tags: ['citizens'],
        summary: "A citizen's profile across channels and their history (every view is logged)",
        params,
        querystring: endpoints.citizenProfile.query,
        response: { 200: endpoints.citizenProfile.response, ...errors },
      },
      onRequest: requireUser(auth),
    },
    (request) => citizens.profile(currentUser(request), request.params.id, request.query.reason),
  );

  api.patch(
    endpoints.updateCitizen.path,
    {
      schema: {
        tags: ['citizens'],
        summary: 'Change profile details (segment verification: leads and administrators)',
        params,
        querystring: endpoints.updateCitizen.query,
        body: endpoints.updateCitizen.body,
        response: { 200: endpoints.updateCitizen.response, ...errors },
      },
      onRequest: requireUser(auth, ['agent', 'lead', 'admin']),
    },
    (request) =>
      citizens.update(currentUser(request), request.params.id, request.body, request.query.reason),
  );

  api.post(
    endpoints.revealNik.path,
    {
      schema: {
        tags: ['citizens'],
        summary: 'Show the full national ID number, with a logged reason',
        params,
        body: endpoints.revealNik.body,
        response: { 200: endpoints.revealNik.response, ...errors },
      },
      onRequest: requireUser(auth, ['agent', 'lead', 'admin']),
    },
    (request) => citizens.revealNik(currentUser(request), request.params.id, request.body.reason),
  );

  api.post(
    endpoints.mergeCitizens.path,
    {
      schema: {
        tags: ['citizens'],
        summary: 'Merge another profile of the same person into this one, keeping both histories',
        params,
        body: endpoints.mergeCitizens.body,
        response: { 200: endpoints.mergeCitizens.response, ...errors },
      },
      onRequest: requireUser(auth, ['agent', 'lead', 'admin']),
    },
    (request) =>
      citizens.merge(
        currentUser(request),
        request.params.id,
        request.body.otherCitizenId,
        request.body.reason,
      ),
  );

  api.get(
    endpoints.citizenAccessLog.path,
    {
      schema: {
        tags: ['citizens'],
        summary: "Who looked at or changed this citizen's personal data, when and why",
        params,
        response: { 200: endpoints.citizenAccessLog.response },
      },
      onRequest: requireUser(auth, ['lead', 'admin']),
    },
    (request) => citizens.accessLog(request.params.id),
  );
}
