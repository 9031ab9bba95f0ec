import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../shared/protocol/ack';
import { AppError, HTTP_STATUS } from '../modules/app-error';
import { invalidPayload } from '../modules/validation';

/** Every error leaves as `{error: {code, message, fields?}}` with a fitting status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      appError = invalidPayload(
        error.validation.map((issue) => ({
          path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
          message: issue.message ?? 'invalid',
        })),
      );
    } else if (error.statusCode === 429) {
      appError = new AppError('rate_limited', 'Too many attempts; wait a minute and try again.');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      appError = new AppError('invalid_payload', error.message);
      return reply
        .status(error.statusCode)
        .send({ error: appError.toApiError() } satisfies ErrorResponse);
    } else {
      request.log.error({ err: error }, 'request failed');
      appError = new AppError('internal', 'Something went wrong on our side.');
    }
    return reply
      .status(HTTP_STATUS[appError.code])
      .send({ error: appError.toApiError() } satisfies ErrorResponse);
  });
}

/**
 * The one not-found handler: API paths get a JSON 404; with a built client, other GET paths get
 * index.html so client-side routes survive a reload.
 */
export function installNotFoundHandler(
  app: FastifyInstance,
  options: { isSpaServed: boolean },
): void {
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/socket.io');
    if (options.isSpaServed && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url}` },
    } satisfies ErrorResponse);
  });
}
