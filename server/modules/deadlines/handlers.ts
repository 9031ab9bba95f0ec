import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpoints } from '../../../shared/protocol/http';
import { requireUser } from '../../http/authenticate';
import { registerCalendarRoutes } from '../calendar/handlers';
import { CalendarService } from '../calendar/service';
import type { Services } from '../services';
import { DeadlineService } from './service';

/**
 * Deadline previews and the holiday calendar. The services are built here from the shared
 * context, so wiring them needs one line in http-server.ts.
 */
export async function registerDeadlineRoutes(
  app: FastifyInstance,
  services: Services,
): Promise<void> {
  const { auth, ctx } = services;
  const deadlines = new DeadlineService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    endpoints.deadlinePreview.path,
    {
      schema: {
        tags: ['deadlines'],
        summary:
          'Internal target, legal due and skipped days for a request type received at a moment',
        querystring: endpoints.deadlinePreview.query,
        response: { 200: endpoints.deadlinePreview.response },
      },
      // Sign-in is checked before the query, so an anonymous caller learns nothing from a 400.
      onRequest: requireUser(auth),
    },
    (request) => deadlines.preview(request.query),
  );

  registerCalendarRoutes(app, services, new CalendarService(ctx));
}
