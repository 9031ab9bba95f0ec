import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpoints } from '../../../shared/protocol/http';
import { requireUser, currentUser } from '../../http/authenticate';
import type { Services } from '../services';
import { SESSION_COOKIE } from './service';

export async function registerAuthRoutes(
  app: FastifyInstance,
  services: Services,
  onSignedOut: (userId: string, token: string) => Promise<void>,
): Promise<void> {
  const { auth, ctx } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { global: false, hook: 'preHandler' });

  api.post(
    endpoints.login.path,
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly, SameSite=Strict session cookie',
        body: endpoints.login.body,
        response: { 200: endpoints.login.response },
      },
      config: {
        rateLimit: {
          max: ctx.config.loginRateLimitPerMinute,
          timeWindow: 60_000,
          // Per user name and address: a guessing run on one account is slowed down without
          // locking out a whole office behind one NAT address.
          keyGenerator: (request) => {
            const body = request.body as { username?: unknown } | undefined;
            const username = typeof body?.username === 'string' ? body.username.toLowerCase() : '';
            return `${request.ip}|${username}`;
          },
        },
      },
    },
    async (request, reply) => {
      const { token, user, expiresAt } = await auth.login(
        request.body.username,
        request.body.password,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.isCookieSecure,
        path: '/',
        expires: new Date(expiresAt),
      });
      return { user };
    },
  );

  api.post(
    endpoints.logout.path,
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: endpoints.logout.response } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const user = await auth.userForToken(token);
        await auth.logout(token);
        if (user) await onSignedOut(user.id, token);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  api.get(
    endpoints.me.path,
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: endpoints.me.response },
      },
      preHandler: requireUser(auth),
    },
    async (request) => ({ user: currentUser(request) }),
  );
}
