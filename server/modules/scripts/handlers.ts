import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SCRIPT_EDITOR_ROLES, SCRIPT_READER_ROLES } from '../../../shared/domain/script-versions';
import { ErrorResponseSchema } from '../../../shared/protocol/ack';
import { endpoints } from '../../../shared/protocol/http';
import { IdSchema } from '../../../shared/schemas/common';
import { currentUser, requireUser } from '../../http/authenticate';
import type { Services } from '../services';

/** The script editor's routes (docs/scripts.md); the service lives in `services.scriptEditor`. */
export function registerScriptRoutes(app: FastifyInstance, services: Services): void {
  const { auth, scriptEditor } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const scriptParams = z.object({ id: IdSchema });
  const versionParams = z.object({ id: IdSchema, version: z.coerce.number().int().positive() });
  const errors = { 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };
  const readers = requireUser(auth, SCRIPT_READER_ROLES);
  const editors = requireUser(auth, SCRIPT_EDITOR_ROLES);

  api.get(
    endpoints.scripts.path,
    {
      schema: {
        tags: ['scripts'],
        summary: 'Scripts per topic with their versions (readers: published and retired)',
        querystring: endpoints.scripts.query,
        response: { 200: endpoints.scripts.response, ...errors },
      },
      onRequest: readers,
    },
    (request) => scriptEditor.list(currentUser(request), request.query),
  );

  api.get(
    endpoints.scriptVersion.path,
    {
      schema: {
        tags: ['scripts'],
        summary: 'A version with its definition (drafts: editors only)',
        params: versionParams,
        response: { 200: endpoints.scriptVersion.response, ...errors },
      },
      onRequest: readers,
    },
    (request) =>
      scriptEditor.version(currentUser(request), request.params.id, request.params.version),
  );

  api.post(
    endpoints.createScript.path,
    {
      schema: {
        tags: ['scripts'],
        summary: "A topic's script, its first version a draft",
        body: endpoints.createScript.body,
        response: { 200: endpoints.createScript.response, ...errors },
      },
      onRequest: editors,
    },
    (request) => scriptEditor.create(currentUser(request), request.body),
  );

  api.post(
    endpoints.startScriptDraft.path,
    {
      schema: {
        tags: ['scripts'],
        summary: 'A new draft, copied from the published version',
        params: scriptParams,
        response: { 200: endpoints.startScriptDraft.response, ...errors },
      },
      onRequest: editors,
    },
    (request) => scriptEditor.startDraft(currentUser(request), request.params.id),
  );

  api.put(
    endpoints.editScriptDraft.path,
    {
      schema: {
        tags: ['scripts'],
        summary: "Change a draft's title and definition (checked with checkScript)",
        params: versionParams,
        body: endpoints.editScriptDraft.body,
        response: { 200: endpoints.editScriptDraft.response, ...errors },
      },
      onRequest: editors,
    },
    (request) =>
      scriptEditor.editDraft(
        currentUser(request),
        request.params.id,
        request.params.version,
        request.body,
      ),
  );

  const transitions = [
    ['publishScriptVersion', 'publish', 'Publish a draft (retires the published one)'],
    ['retireScriptVersion', 'retire', 'Retire the published version'],
  ] as const;
  for (const [name, action, summary] of transitions) {
    api.post(
      endpoints[name].path,
      {
        schema: {
          tags: ['scripts'],
          summary,
          params: versionParams,
          response: { 200: endpoints[name].response, ...errors },
        },
        onRequest: editors,
      },
      (request) =>
        scriptEditor[action](currentUser(request), request.params.id, request.params.version),
    );
  }
}
