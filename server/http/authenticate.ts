import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/schemas/common';
import type { User } from '../../shared/schemas/user';
import { AppError } from '../modules/app-error';
import { SESSION_COOKIE, type AuthService } from '../modules/auth/service';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | undefined;
  }
}

/** A preHandler that admits only a signed-in user with one of `roles` (any role when omitted). */
export function requireUser(
  auth: AuthService,
  roles?: readonly Role[],
): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const user = await auth.userForToken(request.cookies[SESSION_COOKIE]);
    if (!user) throw new AppError('unauthenticated', 'Please sign in.');
    if (roles && !roles.includes(user.role)) {
      throw new AppError('forbidden', 'Your role may not do this.');
    }
    request.user = user;
  };
}

export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('unauthenticated', 'Please sign in.');
  return request.user;
}
