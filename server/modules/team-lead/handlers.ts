import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LEADING_ROLES } from '../../../shared/domain/team-scope';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { teamLeadEndpoints as endpoints } from '../../../shared/protocol/team-lead-http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';

const errors = { 403: ErrorResponseSchema, 404: ErrorResponseSchema };

/** The team lead's reads and the queue alert thresholds; commands come over the socket. */
export function registerTeamLeadRoutes(app: FastifyInstance, services: Services): void {
  const { auth, teamLead } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const leads = requireUser(auth, LEADING_ROLES);
  const agents = requireUser(auth, ['agent']);

  api.get(
    endpoints.leadOverview.path,
    {
      schema: {
        tags: ['team-lead'],
        summary: 'The teams you lead with their queues, alert thresholds, follow-ups near breach',
        response: { 200: endpoints.leadOverview.response, ...errors },
      },
      preHandler: leads,
    },
    (request) => teamLead.overview(currentUser(request)),
  );

  api.get(
    endpoints.leadAlerts.path,
    {
      schema: {
        tags: ['team-lead'],
        summary: 'Open and recent alerts of your teams',
        response: { 200: endpoints.leadAlerts.response, ...errors },
      },
      preHandler: leads,
    },
    async (request) => ({ alerts: await teamLead.alerts.list(currentUser(request)) }),
  );

  api.get(
    endpoints.leadEscalations.path,
    {
      schema: {
        tags: ['team-lead'],
        summary: "Open and recent escalations of your teams' agents",
        response: { 200: endpoints.leadEscalations.response, ...errors },
      },
      preHandler: leads,
    },
    async (request) => ({ escalations: await teamLead.escalations(currentUser(request)) }),
  );

  api.get(
    endpoints.leadAnnouncements.path,
    {
      schema: {
        tags: ['team-lead'],
        summary: 'Latest announcements with who of your agents has acknowledged each',
        response: { 200: endpoints.leadAnnouncements.response, ...errors },
      },
      preHandler: leads,
    },
    async (request) => ({
      announcements: await teamLead.announcementReadership(currentUser(request)),
    }),
  );

  api.put(
    endpoints.replaceQueueAlertThreshold.path,
    {
      schema: {
        tags: ['team-lead'],
        summary: "Set a queue's alert threshold (leads of a team serving it, administrators)",
        params: z.object({ id: IdSchema }),
        body: endpoints.replaceQueueAlertThreshold.body,
        response: { 200: endpoints.replaceQueueAlertThreshold.response, ...errors },
      },
      preHandler: leads,
    },
    (request) =>
      teamLead.alerts.replaceThreshold(currentUser(request), request.params.id, request.body),
  );

  api.get(
    endpoints.myEscalations.path,
    {
      schema: {
        tags: ['desk'],
        summary: 'Your open and recent escalations with the answers',
        response: { 200: endpoints.myEscalations.response, ...errors },
      },
      preHandler: agents,
    },
    async (request) => ({ escalations: await teamLead.myEscalations(currentUser(request)) }),
  );

  api.get(
    endpoints.myAnnouncements.path,
    {
      schema: {
        tags: ['desk'],
        summary: 'Announcements to your team not yet acknowledged, and recent ones',
        response: { 200: endpoints.myAnnouncements.response, ...errors },
      },
      preHandler: agents,
    },
    async (request) => ({ announcements: await teamLead.myAnnouncements(currentUser(request)) }),
  );

  api.get(
    endpoints.myStatusChange.path,
    {
      schema: {
        tags: ['desk'],
        summary: 'Who put you in your current status, if a lead did',
        response: { 200: endpoints.myStatusChange.response, ...errors },
      },
      preHandler: agents,
    },
    async (request) => ({ change: await teamLead.myStatusChange(currentUser(request)) }),
  );
}
