/**
 * Scripts over HTTP: the list, one version, and the editor's changes. Every change answers the
 * version as it now stands, which replaces the cached one at once; the list is read again.
 */
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type {
  CreateScriptBody,
  ScriptDraftBody,
  ScriptVersionView,
} from '../../../../shared/schemas/script';
import { apiRequest } from '../../../lib/api-client';

export const scriptKeys = {
  all: ['scripts'] as const,
  list: () => [...scriptKeys.all, 'list'] as const,
  version: (scriptId: string, version: number) =>
    [...scriptKeys.all, 'version', scriptId, version] as const,
};

export function scriptListQueryOptions() {
  return queryOptions({
    queryKey: scriptKeys.list(),
    queryFn: ({ signal }) => apiRequest(endpoints.scripts, { signal }),
  });
}

export function useScriptList() {
  return useQuery(scriptListQueryOptions());
}

export function scriptVersionQueryOptions(scriptId: string, version: number) {
  return queryOptions({
    queryKey: scriptKeys.version(scriptId, version),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.scriptVersion, {
        params: { id: scriptId, version: String(version) },
        signal,
      }),
  });
}

export function useScriptVersion(scriptId: string, version: number) {
  return useQuery(scriptVersionQueryOptions(scriptId, version));
}

function remember(queryClient: QueryClient, view: ScriptVersionView): void {
  queryClient.setQueryData(scriptKeys.version(view.script.id, view.version.version), view);
  // Publishing retires another version: its cached copy is stale too.
  void queryClient.invalidateQueries({
    queryKey: [...scriptKeys.all, 'version', view.script.id],
    predicate: (query) => query.queryKey[3] !== view.version.version,
  });
  void queryClient.invalidateQueries({ queryKey: scriptKeys.list() });
}

function useScriptMutation<Input>(request: (input: Input) => Promise<ScriptVersionView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => remember(queryClient, view),
  });
}

export function useCreateScript() {
  return useScriptMutation((body: CreateScriptBody) =>
    apiRequest(endpoints.createScript, { body }),
  );
}

export function useStartDraft() {
  return useScriptMutation((scriptId: string) =>
    apiRequest(endpoints.startScriptDraft, { params: { id: scriptId } }),
  );
}

type VersionAddress = { scriptId: string; version: number };
const paramsOf = ({ scriptId, version }: VersionAddress) => ({
  id: scriptId,
  version: String(version),
});

export function useSaveDraft() {
  return useScriptMutation((input: VersionAddress & { body: ScriptDraftBody }) =>
    apiRequest(endpoints.editScriptDraft, { params: paramsOf(input), body: input.body }),
  );
}

export function usePublishVersion() {
  return useScriptMutation((input: VersionAddress) =>
    apiRequest(endpoints.publishScriptVersion, { params: paramsOf(input) }),
  );
}

export function useRetireVersion() {
  return useScriptMutation((input: VersionAddress) =>
    apiRequest(endpoints.retireScriptVersion, { params: paramsOf(input) }),
  );
}
