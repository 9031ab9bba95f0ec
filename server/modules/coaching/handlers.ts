import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { EvaluationListQuerySchema } from '../../../shared/protocol/coaching-http';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { EvaluationFormIdSchema } from '../../../shared/schemas/evaluation';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';

const errors = {
  400: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

export function registerCoachingRoutes(app: FastifyInstance, services: Services): void {
  const { auth, coaching, evaluations } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const coaches = ['trainer', 'lead', 'admin'] as const;
  const formEditors = ['trainer', 'admin'] as const;

  api.get(
    endpoints.coachingSettings.path,
    {
      schema: {
        tags: ['coaching'],
        summary: 'Which replies wait for approval; whether trainee outcomes need review',
        response: { 200: endpoints.coachingSettings.response },
      },
      onRequest: requireUser(auth),
    },
    () => coaching.settings(),
  );

  api.put(
    endpoints.replaceCoachingSettings.path,
    {
      schema: {
        tags: ['coaching'],
        summary: 'Replace the coaching settings (administrators)',
        body: endpoints.replaceCoachingSettings.body,
        response: { 200: endpoints.replaceCoachingSettings.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => coaching.replaceSettings(currentUser(request), request.body),
  );

  api.get(
    endpoints.pendingApprovals.path,
    {
      schema: {
        tags: ['coaching'],
        summary: 'Replies waiting for an approval the caller may give',
        response: { 200: endpoints.pendingApprovals.response },
      },
      onRequest: requireUser(auth, [...coaches]),
    },
    async (request) => ({ approvals: await coaching.pendingApprovals(currentUser(request)) }),
  );

  api.get(
    endpoints.conversationWhispers.path,
    {
      schema: {
        tags: ['coaching'],
        summary: 'Whispers about one conversation',
        params: z.object({ contactId: IdSchema }),
        response: { 200: endpoints.conversationWhispers.response, ...errors },
      },
      onRequest: requireUser(auth, ['agent', ...coaches]),
    },
    async (request) => ({
      whispers: await coaching.whispers(currentUser(request), request.params.contactId),
    }),
  );

  const agentParams = z.object({ agentId: IdSchema });
  api.get(
    endpoints.traineePlan.path,
    {
      schema: {
        tags: ['coaching'],
        summary: "A trainee's caps, topics and approval rule",
        params: agentParams,
        response: { 200: endpoints.traineePlan.response, ...errors },
      },
      onRequest: requireUser(auth, [...coaches]),
    },
    (request) => coaching.plan(currentUser(request), request.params.agentId),
  );

  api.put(
    endpoints.replaceTraineePlan.path,
    {
      schema: {
        tags: ['coaching'],
        summary: "Set a trainee's caps, topics and approval rule (trainers, leads, administrators)",
        params: agentParams,
        body: endpoints.replaceTraineePlan.body,
        response: { 200: endpoints.replaceTraineePlan.response, ...errors },
      },
      onRequest: requireUser(auth, [...coaches]),
    },
    (request) => coaching.replacePlan(currentUser(request), request.params.agentId, request.body),
  );

  api.get(
    endpoints.evaluationForms.path,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'Evaluation forms',
        response: { 200: endpoints.evaluationForms.response },
      },
      onRequest: requireUser(auth, ['agent', ...coaches]),
    },
    async () => ({ forms: await evaluations.forms() }),
  );

  api.put(
    endpoints.replaceEvaluationForm.path,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'Create or change an evaluation form (trainers, administrators)',
        params: z.object({ id: EvaluationFormIdSchema }),
        body: endpoints.replaceEvaluationForm.body,
        response: { 200: endpoints.replaceEvaluationForm.response, ...errors },
      },
      onRequest: requireUser(auth, [...formEditors]),
    },
    (request) => evaluations.replaceForm(currentUser(request), request.params.id, request.body),
  );

  api.put(
    endpoints.archiveEvaluationForm.path,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'Archive an evaluation form or restore it (trainers, administrators)',
        params: z.object({ id: IdSchema }),
        body: endpoints.archiveEvaluationForm.body,
        response: { 200: endpoints.archiveEvaluationForm.response, ...errors },
      },
      onRequest: requireUser(auth, [...formEditors]),
    },
    (request) =>
      evaluations.setArchived(currentUser(request), request.params.id, request.body.isArchived),
  );

  api.get(
    endpoints.evaluationFormVersion.path,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'An evaluation form as one version of it was saved',
        params: z.object({ id: IdSchema, version: z.coerce.number().int().positive() }),
        response: { 200: endpoints.evaluationFormVersion.response, ...errors },
      },
      onRequest: requireUser(auth, ['agent', ...coaches]),
    },
    (request) => evaluations.formVersion(request.params.id, request.params.version),
  );

  api.get(
    endpoints.handledConversations.path,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'The conversations an agent took lately, to evaluate afterwards',
        params: agentParams,
        response: { 200: endpoints.handledConversations.response, ...errors },
      },
      onRequest: requireUser(auth, [...coaches]),
    },
    async (request) => ({
      conversations: await evaluations.handledConversations(
        currentUser(request),
        request.params.agentId,
      ),
    }),
  );

  api.get(
    endpoints.conversationHandlers.path,
    {
      schema: {
        tags: ['evaluations'],
        summary: 'The agents who held a conversation, and whom the caller may evaluate',
        params: z.object({ contactId: IdSchema }),
        response: { 200: endpoints.conversationHandlers.response, ...errors },
      },
      onRequest: requireUser(auth, [...coaches]),
    },
    async (request) => ({
      handlers: await evaluations.handlers(currentUser(request), request.params.contactId),
    }),
  );

  api.get(
    endpoints.evaluations.path,
    {
      schema: {
        tags: ['evaluations'],
        summary:
          'Evaluations: agents their own, trainers trainees\u2019, leads their team\u2019s, admins all',
        querystring: EvaluationListQuerySchema,
        response: { 200: endpoints.evaluations.response },
      },
      onRequest: requireUser(auth, ['agent', ...coaches]),
    },
    async (request) => ({
      evaluations: await evaluations.list(currentUser(request), request.query.agentId),
    }),
  );
}
