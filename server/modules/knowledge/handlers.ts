import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AUTHOR_ROLES,
  REVIEWER_ROLES,
  type KnowledgeAction,
} from '../../../shared/domain/knowledge';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { KnowledgeService } from './service';

export function registerKnowledgeRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx } = services;
  const knowledge = new KnowledgeService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const answerParams = z.object({ id: IdSchema });
  const versionParams = z.object({ id: IdSchema, version: z.coerce.number().int().positive() });
  const errors = { 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };

  api.get(
    endpoints.knowledgeSearch.path,
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Search published answers in force now (as you type)',
        querystring: endpoints.knowledgeSearch.query,
        response: { 200: endpoints.knowledgeSearch.response },
      },
      onRequest: requireUser(auth),
    },
    (request) => knowledge.search(request.query.q, request.query.topic),
  );

  api.get(
    endpoints.knowledgeList.path,
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Answers by status, topic, unit and words (agents: published only)',
        querystring: endpoints.knowledgeList.query,
        response: { 200: endpoints.knowledgeList.response, 403: ErrorResponseSchema },
      },
      onRequest: requireUser(auth),
    },
    (request) => knowledge.list(currentUser(request), request.query),
  );

  api.get(
    endpoints.knowledgeAnswer.path,
    {
      schema: {
        tags: ['knowledge'],
        summary: 'An answer with its versions',
        params: answerParams,
        response: { 200: endpoints.knowledgeAnswer.response, ...errors },
      },
      onRequest: requireUser(auth),
    },
    (request) => knowledge.detail(currentUser(request), request.params.id),
  );

  api.post(
    endpoints.createKnowledgeAnswer.path,
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Write a new answer (its first version a draft)',
        body: endpoints.createKnowledgeAnswer.body,
        response: { 200: endpoints.createKnowledgeAnswer.response, ...errors },
      },
      onRequest: requireUser(auth, AUTHOR_ROLES),
    },
    (request) => knowledge.create(currentUser(request), request.body),
  );

  api.post(
    endpoints.createKnowledgeVersion.path,
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Start a new draft version of an answer',
        params: answerParams,
        body: endpoints.createKnowledgeVersion.body,
        response: { 200: endpoints.createKnowledgeVersion.response, ...errors },
      },
      onRequest: requireUser(auth, AUTHOR_ROLES),
    },
    (request) => knowledge.newVersion(currentUser(request), request.params.id, request.body),
  );

  api.put(
    endpoints.editKnowledgeDraft.path,
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Change a draft',
        params: versionParams,
        body: endpoints.editKnowledgeDraft.body,
        response: { 200: endpoints.editKnowledgeDraft.response, ...errors },
      },
      onRequest: requireUser(auth, AUTHOR_ROLES),
    },
    (request) =>
      knowledge.editDraft(
        currentUser(request),
        request.params.id,
        request.params.version,
        request.body,
      ),
  );

  const transitions = [
    ['submitKnowledgeVersion', 'submit', AUTHOR_ROLES, 'Send a draft for review'],
    ['sendBackKnowledgeVersion', 'send_back', REVIEWER_ROLES, 'Send a version back to draft'],
    ['publishKnowledgeVersion', 'publish', REVIEWER_ROLES, 'Publish (retires the previous one)'],
    ['retireKnowledgeVersion', 'retire', REVIEWER_ROLES, 'Retire a published version'],
  ] as const satisfies readonly [
    keyof typeof endpoints,
    Exclude<KnowledgeAction, 'edit'>,
    readonly string[],
    string,
  ][];
  for (const [name, action, roles, summary] of transitions) {
    const endpoint = endpoints[name];
    api.post(
      endpoint.path,
      {
        schema: {
          tags: ['knowledge'],
          summary,
          params: versionParams,
          body: endpoint.body,
          response: { 200: endpoint.response, ...errors },
        },
        onRequest: requireUser(auth, roles),
      },
      (request) =>
        knowledge.transition(
          currentUser(request),
          request.params.id,
          request.params.version,
          action,
          request.body,
        ),
    );
  }
}
