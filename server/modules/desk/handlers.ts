import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpoints } from '../../../shared/protocol/http';
import { currentUser, requireUser } from '../../http/authenticate';
import { loadAgentView } from '../agents/repository';
import { AppError } from '../app-error';
import { loadConversationDetailsSeenBy } from '../conversations/caller-panel';
import { loadOutcomeRecords } from '../outcomes/repository';
import { loadReferenceData } from '../reference/repository';
import { loadOffersView, loadPendingOffers } from '../routing/repository';
import type { Services } from '../services';

const RECENT_OUTCOMES_ON_DESK = 10;

/** Snapshots every signed-in screen loads first and reloads after a reconnect. */
export function registerDeskRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    endpoints.referenceData.path,
    {
      schema: {
        tags: ['desk'],
        summary: 'Queues, segments, topics, wrap-up codes, staff',
        response: { 200: endpoints.referenceData.response },
      },
      preHandler: requireUser(auth),
    },
    () => loadReferenceData(ctx.db),
  );

  api.get(
    endpoints.queueState.path,
    {
      schema: {
        tags: ['desk'],
        summary:
          "The signed-in user's view of the live queue state (changes pushed as queue:state-changed)",
        response: { 200: endpoints.queueState.response },
      },
      preHandler: requireUser(auth),
    },
    (request) => services.queueState.viewFor(currentUser(request)),
  );

  api.get(
    endpoints.desk.path,
    {
      schema: {
        tags: ['desk'],
        summary: "The signed-in agent's status, offers and conversations",
        response: { 200: endpoints.desk.response },
      },
      preHandler: requireUser(auth, ['agent']),
    },
    async (request) => {
      const user = currentUser(request);
      const agent = await loadAgentView(ctx.db, user.id);
      if (!agent) throw new AppError('not_found', 'No agent state for this user.');
      const pending = await loadPendingOffers(ctx.db, { agentId: user.id });
      const [offers, conversations, recentOutcomes] = await Promise.all([
        loadOffersView(
          ctx.db,
          pending.map((offer) => offer.id),
        ),
        loadConversationDetailsSeenBy(ctx.db, {
          viewerId: user.id,
          contactIds: agent.activeContactIds,
          purpose: 'serving',
          at: ctx.clock.now(),
        }),
        loadOutcomeRecords(ctx.db, { agentId: user.id, limit: RECENT_OUTCOMES_ON_DESK }),
      ]);
      return { agent, offers, conversations, recentOutcomes };
    },
  );
}
