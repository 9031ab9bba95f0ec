import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endpoints } from '../../../shared/protocol/http';
import { HolidayYearParamSchema } from '../../../shared/schemas/calendar';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import type { CalendarService } from './service';

export function registerCalendarRoutes(
  app: FastifyInstance,
  services: Services,
  calendar: CalendarService,
): void {
  const { auth } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ year: HolidayYearParamSchema });

  api.get(
    endpoints.holidays.path,
    {
      schema: {
        tags: ['calendar'],
        summary: "One year's national holidays and cuti bersama (isLoaded false: no list yet)",
        params,
        response: { 200: endpoints.holidays.response },
      },
      onRequest: requireUser(auth),
    },
    (request) => calendar.holidays(request.params.year),
  );

  api.put(
    endpoints.replaceHolidays.path,
    {
      schema: {
        tags: ['calendar'],
        summary: "Replace one year's list at once (administrators)",
        params,
        body: endpoints.replaceHolidays.body,
        response: { 200: endpoints.replaceHolidays.response },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => calendar.replaceHolidays(request.params.year, request.body, currentUser(request)),
  );
}
