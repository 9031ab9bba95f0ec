import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';
import { PolicyService } from './service';

/** The catalog, campaigns, desk prompts, reports and digests (docs/policies.md). */
export function registerPolicyRoutes(app: FastifyInstance, services: Services): void {
  const { auth, ctx, campaigns, policyReports: reports } = services;
  const policies = new PolicyService(ctx);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: IdSchema });
  const errors = {
    400: ErrorResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  };
  const tags = ['policies'];

  api.get(
    endpoints.policies.path,
    {
      schema: {
        tags,
        summary: 'The policy catalog',
        response: { 200: endpoints.policies.response },
      },
      onRequest: requireUser(auth),
    },
    (request) => policies.list(currentUser(request)),
  );
  api.post(
    endpoints.createPolicy.path,
    {
      schema: {
        tags,
        summary: 'A new policy (a draft)',
        body: endpoints.createPolicy.body,
        response: { 200: endpoints.createPolicy.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => policies.create(currentUser(request), request.body),
  );
  api.put(
    endpoints.updatePolicy.path,
    {
      schema: {
        tags,
        summary: 'Change a policy that is not retired',
        params: idParams,
        body: endpoints.updatePolicy.body,
        response: { 200: endpoints.updatePolicy.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => policies.update(currentUser(request), request.params.id, request.body),
  );
  for (const [name, to] of [
    ['publishPolicy', 'published'],
    ['retirePolicy', 'retired'],
  ] as const) {
    api.post(
      endpoints[name].path,
      {
        schema: {
          tags,
          summary: to === 'published' ? 'draft → published' : 'published → retired',
          params: idParams,
          response: { 200: endpoints[name].response, ...errors },
        },
        onRequest: requireUser(auth, ['admin']),
      },
      (request) => policies.transition(currentUser(request), request.params.id, to),
    );
  }
  api.get(
    endpoints.policyReport.path,
    {
      schema: {
        tags,
        summary: 'Shares, understanding and questions of one policy',
        params: idParams,
        querystring: endpoints.policyReport.query,
        response: { 200: endpoints.policyReport.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin', 'lead', 'unit']),
    },
    (request) => reports.report(currentUser(request), request.params.id, request.query),
  );
  api.get(
    endpoints.policyReportCsv.path,
    {
      schema: {
        tags,
        summary: 'The report as CSV',
        params: idParams,
        querystring: endpoints.policyReportCsv.query,
        response: { 200: z.string(), ...errors },
      },
      onRequest: requireUser(auth, ['admin', 'lead', 'unit']),
    },
    async (request, reply) => {
      const csv = await reports.reportCsv(currentUser(request), request.params.id, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="policy-report.csv"')
        .send(csv);
    },
  );
  api.post(
    endpoints.approvePublicQuestion.path,
    {
      schema: {
        tags,
        summary: 'Publish a question, in an editor’s words, on the public FAQ',
        params: idParams,
        body: endpoints.approvePublicQuestion.body,
        response: { 200: endpoints.approvePublicQuestion.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) =>
      reports.approvePublicQuestion(currentUser(request), request.params.id, request.body.text),
  );
  api.get(
    endpoints.campaigns.path,
    {
      schema: {
        tags,
        summary: 'Campaigns',
        response: { 200: endpoints.campaigns.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin', 'lead']),
    },
    (request) => campaigns.list(currentUser(request)),
  );
  api.post(
    endpoints.createCampaign.path,
    {
      schema: {
        tags,
        summary: 'Publish a policy proactively to segments, topics and channels, for a time',
        body: endpoints.createCampaign.body,
        response: { 200: endpoints.createCampaign.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => campaigns.create(currentUser(request), request.body),
  );
  api.post(
    endpoints.stopCampaign.path,
    {
      schema: {
        tags,
        summary: 'End a campaign now',
        params: idParams,
        response: { 200: endpoints.stopCampaign.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin']),
    },
    (request) => campaigns.stop(currentUser(request), request.params.id),
  );
  api.get(
    endpoints.policyPrompts.path,
    {
      schema: {
        tags,
        summary: 'The policies the desk prompts in a conversation',
        params: z.object({ contactId: IdSchema }),
        response: { 200: endpoints.policyPrompts.response, ...errors },
      },
      onRequest: requireUser(auth),
    },
    (request) => campaigns.prompts(currentUser(request), request.params.contactId),
  );
  api.get(
    endpoints.policyDigests.path,
    {
      schema: {
        tags,
        summary: 'Weekly digests per owning unit',
        response: { 200: endpoints.policyDigests.response, ...errors },
      },
      onRequest: requireUser(auth, ['admin', 'lead', 'unit']),
    },
    (request) => reports.digests(currentUser(request)),
  );
  api.get(
    endpoints.policyDigestCsv.path,
    {
      schema: {
        tags,
        summary: 'A weekly digest as CSV',
        params: idParams,
        response: { 200: z.string(), ...errors },
      },
      onRequest: requireUser(auth, ['admin', 'lead', 'unit']),
    },
    async (request, reply) => {
      const { name, csv } = await reports.digestCsv(currentUser(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );
}
