import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { ErrorResponseSchema } from '../../shared/protocol/ack';
import { endpoints } from '../../shared/protocol/http';
import type { Config } from '../config/config';
import { registerAuthRoutes } from '../modules/auth/handlers';
import { registerCalendarSettingsRoutes } from '../modules/calendar-settings/handlers';
import { registerCannedResponseRoutes } from '../modules/canned-responses/handlers';
import { registerCapacityRoutes } from '../modules/capacity/handlers';
import { registerCitizenRoutes } from '../modules/citizens/handlers';
import { registerQueueRoutingRoutes } from '../modules/queue-routing/handlers';
import { registerBusinessHoursRoutes } from '../modules/business-hours/handlers';
import { registerCaseRoutes } from '../modules/cases/handlers';
import { registerCoachingRoutes } from '../modules/coaching/handlers';
import { registerDeadlineRoutes } from '../modules/deadlines/handlers';
import { registerDeskRoutes } from '../modules/desk/handlers';
import { registerInboundRoutes } from '../modules/inbound/handlers';
import { registerKnowledgeRoutes } from '../modules/knowledge/handlers';
import { registerMessagingRoutes } from '../modules/messaging/handlers';
import { registerPolicyRoutes } from '../modules/policies/handlers';
import { registerPublicFaqRoutes } from '../modules/public-faq/handlers';
import { registerPublicationRoutes } from '../modules/publications/handlers';
import { registerQueueMetricsRoutes } from '../modules/queue-state/handlers';
import { registerScriptRoutes } from '../modules/scripts/handlers';
import type { Services } from '../modules/services';
import { registerSupervisionRoutes } from '../modules/supervision/handlers';
import { registerTeamLeadRoutes } from '../modules/team-lead/handlers';
import { registerVoiceRoutes } from '../modules/voice/handlers';
import type { Store } from '../store/database';
import { installErrorHandler, installNotFoundHandler } from './errors';

export interface HttpOptions {
  config: Config;
  log: Logger;
  store: Store;
  services: Services;
  onSignedOut: (userId: string, token: string) => Promise<void>;
}

export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const { config, services, store } = options;
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    trustProxy: config.isBehindProxy,
    bodyLimit: 256 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tanggap API',
        description:
          'REST API of Tanggap. Live state travels over Socket.IO on the same origin (docs/protocol.md).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tanggap_session' },
          inboundKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    endpoints.health.path,
    {
      schema: {
        tags: ['operations'],
        summary: '200 while the database answers, 503 otherwise',
        response: { 200: endpoints.health.response, 503: ErrorResponseSchema },
      },
    },
    async (_request, reply) => {
      if (await store.ping()) return { status: 'ok' as const };
      return reply
        .status(503)
        .send({ error: { code: 'unavailable', message: 'The database does not answer.' } });
    },
  );

  await registerAuthRoutes(app, services, options.onSignedOut);
  registerInboundRoutes(app, services);
  registerMessagingRoutes(app, services);
  registerVoiceRoutes(app, services);
  registerDeskRoutes(app, services);
  registerSupervisionRoutes(app, services);
  registerQueueMetricsRoutes(app, services);
  registerCapacityRoutes(app, services);
  registerCalendarSettingsRoutes(app, services);
  registerCitizenRoutes(app, services);
  registerQueueRoutingRoutes(app, services);
  await registerDeadlineRoutes(app, services);
  registerBusinessHoursRoutes(app, services);
  registerCaseRoutes(app, services);
  registerKnowledgeRoutes(app, services);
  registerCannedResponseRoutes(app, services);
  registerPublicationRoutes(app, services);
  registerScriptRoutes(app, services);
  registerPolicyRoutes(app, services);
  registerPublicFaqRoutes(app, services);
  registerCoachingRoutes(app, services);
  registerTeamLeadRoutes(app, services);
  installNotFoundHandler(app, { isSpaServed: await serveClient(app, config.clientDir) });
  return app;
}

/** Serves the built SPA when there is one; returns whether it does. */
async function serveClient(app: FastifyInstance, clientDir: string): Promise<boolean> {
  const root = path.resolve(clientDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'client build not found; run `npm run build` (npm start does it)');
    return false;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html' });
  return true;
}
