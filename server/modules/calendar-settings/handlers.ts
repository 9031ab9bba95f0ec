import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { RequestTypeParamSchema } from '../../../shared/schemas/calendar-settings';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { CalendarSettingsService } from './service';

export function registerCalendarSettingsRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx } = services;
  const settings = new CalendarSettingsService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.put(
    endpoints.replaceUnitCalendar.path,
    {
      schema: {
        tags: ['calendar'],
        summary:
          "Replace a unit's working days, office hours, zone and cuti bersama switch (administrators)",
        params: z.object({ id: IdSchema }),
        body: endpoints.replaceUnitCalendar.body,
        response: { 200: endpoints.replaceUnitCalendar.response, 404: ErrorResponseSchema },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) =>
      settings.replaceUnitCalendar(request.params.id, request.body, currentUser(request)),
  );

  api.get(
    endpoints.deadlineRules.path,
    {
      schema: {
        tags: ['calendar'],
        summary: "A request type's deadline rules in force, and the shipped defaults",
        params: RequestTypeParamSchema,
        response: { 200: endpoints.deadlineRules.response },
      },
      onRequest: requireUser(auth),
    },
    (request) => settings.rules(request.params.type),
  );

  api.put(
    endpoints.replaceDeadlineRules.path,
    {
      schema: {
        tags: ['calendar'],
        summary:
          "Override a request type's deadline rules, or go back to the defaults (administrators)",
        params: RequestTypeParamSchema,
        body: endpoints.replaceDeadlineRules.body,
        response: { 200: endpoints.replaceDeadlineRules.response },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) =>
      settings.replaceRules(request.params.type, request.body.rules, currentUser(request)),
  );
}
