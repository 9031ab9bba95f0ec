/**
 * msw handlers for the script editor, keeping scripts in memory with the server's rules (the same
 * shared workflow and schema): `script-bansos` starts with v1 published and v2 a draft; readers
 * (not trainers or administrators) see no drafts; a draft that fails `ScriptDraftBodySchema`
 * gets a 400 naming the fields.
 */
import { http, HttpResponse } from 'msw';
import {
  decideScriptAction,
  isScriptVersionVisible,
  mayStartScriptDraft,
  type ScriptAction,
} from '../../shared/domain/script-versions';
import { nextVersionNumber, versionsRetiredByPublishing } from '../../shared/domain/versions';
import type { Role } from '../../shared/schemas/common';
import { CreateScriptBodySchema, ScriptDraftBodySchema } from '../../shared/schemas/script';
import {
  aMockScript,
  aScriptVersion,
  summaryOf,
  type MockScript,
} from '../../client/testing/script-fixtures';

let scripts: MockScript[] = [aMockScript()];

export function resetScriptMocks(): void {
  scripts = [aMockScript()];
}

function errorResponse(status: number, code: string, message: string, fields?: unknown) {
  return HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

export function scriptHandlers(currentRole: () => Role | undefined) {
  const visible = (script: MockScript): MockScript => ({
    ...script,
    versions: script.versions.filter((v) =>
      isScriptVersionVisible(currentRole() ?? 'agent', v.status),
    ),
  });
  const viewOf = (script: MockScript, version: number) => ({
    script: summaryOf(visible(script)),
    version: script.versions.find((v) => v.version === version)!,
  });
  const find = (id: unknown, version?: unknown) => {
    const script = scripts.find((s) => s.id === id);
    const found = script?.versions.find((v) => v.version === Number(version));
    return { script, found };
  };
  const transition = (action: Exclude<ScriptAction, 'edit'>) =>
    http.post(`*/api/scripts/:id/versions/:version/${action}`, ({ params }) => {
      const { script, found } = find(params.id, params.version);
      if (!script || !found) return errorResponse(404, 'not_found', 'no such version');
      const decision = decideScriptAction(found.status, action, currentRole() ?? 'agent');
      if (!decision.ok) {
        return decision.reason === 'forbidden'
          ? errorResponse(403, 'forbidden', 'role')
          : errorResponse(409, 'conflict', 'wrong state');
      }
      const now = Date.now();
      const retired =
        action === 'publish' ? versionsRetiredByPublishing(script.versions, found.version) : [];
      script.versions = script.versions.map((v) => {
        if (v === found) {
          return action === 'publish'
            ? {
                ...v,
                status: 'published' as const,
                publishedAt: now,
                publishedByName: 'Admin',
                updatedAt: now,
              }
            : {
                ...v,
                status: 'retired' as const,
                retiredAt: now,
                retiredByName: 'Admin',
                updatedAt: now,
              };
        }
        return retired.includes(v.version)
          ? { ...v, status: 'retired' as const, retiredAt: now, retiredByName: 'Admin' }
          : v;
      });
      return HttpResponse.json(viewOf(script, found.version));
    });

  return [
    http.get('*/api/scripts', () =>
      HttpResponse.json({
        scripts: scripts
          .map(visible)
          .filter((s) => s.versions.length > 0)
          .map(summaryOf),
      }),
    ),
    http.post('*/api/scripts', async ({ request }) => {
      const parsed = CreateScriptBodySchema.safeParse(await request.json());
      if (!parsed.success) return errorResponse(400, 'invalid_payload', 'invalid');
      if (scripts.some((s) => s.topic === parsed.data.topic)) {
        return errorResponse(409, 'conflict', 'the topic has a script');
      }
      const { topic, title, definition } = parsed.data;
      const script: MockScript = {
        id: `script-${topic}`,
        topic,
        queueIds: [],
        versions: [
          aScriptVersion({
            status: 'draft',
            title,
            definition,
            publishedAt: null,
            publishedByName: null,
          }),
        ],
      };
      scripts = [...scripts, script];
      return HttpResponse.json(viewOf(script, 1));
    }),
    http.get('*/api/scripts/:id/versions/:version', ({ params }) => {
      const { script, found } = find(params.id, params.version);
      if (!script || !found) return errorResponse(404, 'not_found', 'no such version');
      if (!isScriptVersionVisible(currentRole() ?? 'agent', found.status)) {
        return errorResponse(403, 'forbidden', 'drafts are for editors');
      }
      return HttpResponse.json(viewOf(script, found.version));
    }),
    http.post('*/api/scripts/:id/versions', ({ params }) => {
      const { script } = find(params.id);
      if (!script) return errorResponse(404, 'not_found', 'no such script');
      if (!mayStartScriptDraft(script.versions))
        return errorResponse(409, 'conflict', 'a draft exists');
      const source = script.versions.find((v) => v.status === 'published') ?? script.versions[0]!;
      const version = nextVersionNumber(script.versions);
      script.versions = [
        aScriptVersion({
          version,
          status: 'draft',
          title: source.title,
          definition: source.definition,
          publishedAt: null,
          publishedByName: null,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        }),
        ...script.versions,
      ];
      return HttpResponse.json(viewOf(script, version));
    }),
    http.put('*/api/scripts/:id/versions/:version', async ({ params, request }) => {
      const { script, found } = find(params.id, params.version);
      if (!script || !found) return errorResponse(404, 'not_found', 'no such version');
      if (found.status !== 'draft') return errorResponse(409, 'conflict', 'not a draft');
      const parsed = ScriptDraftBodySchema.safeParse(await request.json());
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({
          path: ['body', ...i.path].join('.'),
          message: i.message,
        }));
        return errorResponse(400, 'invalid_payload', 'invalid', fields);
      }
      const { baseUpdatedAt, title, definition } = parsed.data;
      if (baseUpdatedAt !== found.updatedAt)
        return errorResponse(409, 'conflict', 'saved meanwhile');
      script.versions = script.versions.map((v) =>
        v === found
          ? { ...v, title, definition, updatedAt: Math.max(Date.now(), v.updatedAt + 1) }
          : v,
      );
      return HttpResponse.json(viewOf(script, found.version));
    }),
    transition('publish'),
    transition('retire'),
  ];
}
