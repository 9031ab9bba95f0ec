import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import { loadAgentView } from '../agents/repository';
import { AppError } from '../app-error';
import { loadConversationDetail } from '../conversations/repository';
import type { Services } from '../services';

export function registerSupervisionRoutes(app: FastifyInstance, services: Services): void {
  const { auth, supervision, ctx } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    endpoints.supervisionBoard.path,
    {
      schema: {
        tags: ['supervision'],
        summary: 'Agents, open conversations and recent outcomes',
        response: { 200: endpoints.supervisionBoard.response },
      },
      preHandler: requireUser(auth, ['lead', 'admin']),
    },
    () => supervision.board(),
  );

  api.get(
    endpoints.trainees.path,
    {
      schema: {
        tags: ['supervision'],
        summary: 'Trainees with their live state',
        response: { 200: endpoints.trainees.response },
      },
      preHandler: requireUser(auth, ['trainer', 'lead', 'admin']),
    },
    async () => ({ trainees: await supervision.trainees() }),
  );

  api.get(
    endpoints.conversation.path,
    {
      schema: {
        tags: ['desk'],
        summary: 'One conversation with caller context and script',
        params: z.object({ contactId: IdSchema }),
        response: { 200: endpoints.conversation.response },
      },
      preHandler: requireUser(auth),
    },
    async (request) => {
      const user = currentUser(request);
      const detail = await loadConversationDetail(ctx.db, request.params.contactId);
      if (!detail) throw new AppError('not_found', 'No such contact.');
      // Agents see the conversations they hold, trainers those of trainees; leads and
      // administrators see all.
      if (user.role === 'agent' && detail.contact.assignedAgentId !== user.id) {
        throw new AppError('forbidden', 'This conversation is not assigned to you.');
      }
      if (user.role === 'trainer') {
        const holder = detail.contact.assignedAgentId
          ? await loadAgentView(ctx.db, detail.contact.assignedAgentId)
          : undefined;
        if (!holder?.isTrainee)
          throw new AppError('forbidden', 'Trainers see the conversations of trainees only.');
      }
      return detail;
    },
  );
}
