import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import { loadAgentView } from '../agents/repository';
import { AppError } from '../app-error';
import {
  loadConversationDetailsSeenBy,
  withholdCallerProfile,
} from '../conversations/caller-panel';
import { loadContactSummary, loadConversationDetail } from '../conversations/repository';
import type { Services } from '../services';
import { asTeamMember, loadTeamDirectory, loadTeamsOfUsers } from '../team-lead/directory';
import { overseesConversation } from '../../../shared/domain/team-scope';

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
    (request) => supervision.board(currentUser(request)),
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
    async (request) => ({ trainees: await supervision.trainees(currentUser(request)) }),
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
      const { contactId } = request.params;
      const contact = await loadContactSummary(ctx.db, contactId);
      if (!contact) throw new AppError('not_found', 'No such contact.');
      // Agents see the conversations they hold, trainers those of trainees; leads and
      // administrators see all.
      if (user.role === 'agent' && contact.assignedAgentId !== user.id) {
        throw new AppError('forbidden', 'This conversation is not assigned to you.');
      }
      if (user.role === 'trainer') {
        const holder = contact.assignedAgentId
          ? await loadAgentView(ctx.db, contact.assignedAgentId)
          : undefined;
        if (!holder?.isTrainee)
          throw new AppError('forbidden', 'Trainers see the conversations of trainees only.');
      }
      if (user.role === 'lead') {
        const directory = await loadTeamDirectory(ctx.db);
        const holderTeams = await loadTeamsOfUsers(
          ctx.db,
          contact.assignedAgentId ? [contact.assignedAgentId] : [],
        );
        const place = {
          queueId: contact.queueId,
          holder: contact.assignedAgentId
            ? { teamId: holderTeams.get(contact.assignedAgentId) ?? null }
            : null,
        };
        if (!overseesConversation(asTeamMember(user), place, directory)) {
          throw new AppError('forbidden', "This conversation is another team's.");
        }
      }
      // The holder and a lead or administrator opening this conversation see the caller's
      // profile, logged; anyone else gets the conversation with the profile withheld.
      if (user.role === 'agent' || user.role === 'lead' || user.role === 'admin') {
        const [detail] = await loadConversationDetailsSeenBy(ctx.db, {
          viewerId: user.id,
          contactIds: [contactId],
          purpose: user.role === 'agent' ? 'serving' : 'supervising',
          at: ctx.clock.now(),
        });
        if (!detail) throw new AppError('not_found', 'No such contact.');
        return detail;
      }
      const detail = await loadConversationDetail(ctx.db, contactId);
      if (!detail) throw new AppError('not_found', 'No such contact.');
      return withholdCallerProfile(detail);
    },
  );
}
