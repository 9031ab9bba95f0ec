import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endpoints } from '../../../shared/protocol/http';
import type { Services } from '../services';
import { feedItems, publicPolicies, searchPublicAnswers } from './repository';
import { renderFaqPage, renderJsonFeed, renderRssFeed } from './render';

/** Script-free pages: nothing may run, load or be framed from elsewhere. */
const PUBLIC_HEADERS = {
  'cache-control': 'public, max-age=60',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function send(reply: FastifyReply, type: string, body: string) {
  return reply.headers(PUBLIC_HEADERS).header('content-type', type).send(body);
}

/**
 * The public FAQ and its feeds: no sign-in, read-only, built only from published policies,
 * published answers in force, editor-approved questions and per-tag counts (docs/policies.md).
 */
export function registerPublicFaqRoutes(app: FastifyInstance, services: Services): void {
  const { ctx } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  // Anyone may call these, and search runs full text: one address gets a fair share.
  const config = {
    rateLimit: { max: ctx.config.publicFaqRateLimitPerMinute, timeWindow: 60_000 },
  };

  api.get(
    endpoints.publicFaq.path,
    {
      schema: {
        tags,
        summary: 'The public FAQ page (HTML); `q` searches the published answers',
        querystring: endpoints.publicFaq.query,
        response: { 200: z.string() },
      },
      config,
    },
    async (request, reply) => {
      const now = ctx.clock.now();
      const query = request.query.q ?? '';
      const [policies, results] = await Promise.all([
        publicPolicies(ctx.db, now),
        query === '' ? Promise.resolve(null) : searchPublicAnswers(ctx.db, query, now),
      ]);
      const html = renderFaqPage({
        organisation: ctx.config.publicFaqOrganisation,
        policies,
        query,
        results,
        timeZone: ctx.config.timeZone,
      });
      return send(reply, 'text/html; charset=utf-8', html);
    },
  );

  api.get(
    endpoints.publicFaqFeedJson.path,
    {
      schema: {
        tags,
        summary: 'Newly published policies and answers (JSON Feed 1.1)',
        response: { 200: z.unknown() },
      },
      config,
    },
    async (request, reply) => {
      const items = await feedItems(ctx.db, ctx.clock.now());
      const feed = renderJsonFeed(baseUrl(request), ctx.config.publicFaqOrganisation, items);
      return send(reply, 'application/feed+json; charset=utf-8', JSON.stringify(feed));
    },
  );

  api.get(
    endpoints.publicFaqFeedRss.path,
    {
      schema: {
        tags,
        summary: 'Newly published policies and answers (RSS 2.0)',
        response: { 200: z.string() },
      },
      config,
    },
    async (request, reply) => {
      const items = await feedItems(ctx.db, ctx.clock.now());
      const rss = renderRssFeed(baseUrl(request), ctx.config.publicFaqOrganisation, items);
      return send(reply, 'application/rss+xml; charset=utf-8', rss);
    },
  );
}
