import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACKNOWLEDGING_ROLES,
  MUST_READ_ROLES,
  READERSHIP_ROLES,
} from '../../../shared/domain/publications';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { PublicationService } from './service';

export function registerPublicationRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx } = services;
  const publications = new PublicationService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const noticeParams = z.object({ id: IdSchema });
  const errors = { 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };

  api.get(
    endpoints.myNotices.path,
    {
      schema: {
        tags: ['notices'],
        summary: "The agent's notices: must-read ones until acknowledged, others for 12 hours",
        response: { 200: endpoints.myNotices.response, 403: ErrorResponseSchema },
      },
      onRequest: requireUser(auth, ACKNOWLEDGING_ROLES),
    },
    (request) => publications.mine(currentUser(request)),
  );

  api.post(
    endpoints.acknowledgeNotice.path,
    {
      schema: {
        tags: ['notices'],
        summary: 'The agent has read a notice (idempotent)',
        params: noticeParams,
        response: { 200: endpoints.acknowledgeNotice.response, ...errors },
      },
      onRequest: requireUser(auth, ACKNOWLEDGING_ROLES),
    },
    (request) => publications.acknowledge(currentUser(request), request.params.id),
  );

  api.put(
    endpoints.markNoticeMustRead.path,
    {
      schema: {
        tags: ['notices'],
        summary: 'Mark a published change must-read for every agent, or take the mark off',
        params: noticeParams,
        body: endpoints.markNoticeMustRead.body,
        response: { 200: endpoints.markNoticeMustRead.response, ...errors },
      },
      onRequest: requireUser(auth, MUST_READ_ROLES),
    },
    (request) =>
      publications.markMustRead(currentUser(request), request.params.id, request.body.mustRead),
  );

  api.get(
    endpoints.noticeReadership.path,
    {
      schema: {
        tags: ['notices'],
        summary: 'The latest notices with who of your agents has acknowledged each',
        response: { 200: endpoints.noticeReadership.response, 403: ErrorResponseSchema },
      },
      onRequest: requireUser(auth, READERSHIP_ROLES),
    },
    (request) => publications.readership(currentUser(request)),
  );
}
