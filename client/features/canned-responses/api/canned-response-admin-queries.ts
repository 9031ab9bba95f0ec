import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { CannedResponseBody } from '../../../../shared/schemas/canned-response';
import { apiRequest } from '../../../lib/api-client';

export const cannedAdminKeys = {
  // The desk's own list lives under the same root, so a change here refreshes it too.
  all: ['canned-responses'] as const,
  manage: (includeRetired: boolean) =>
    [...cannedAdminKeys.all, 'manage', includeRetired ? 'all' : 'active'] as const,
};

export function managedCannedResponsesQueryOptions(includeRetired: boolean) {
  return queryOptions({
    queryKey: cannedAdminKeys.manage(includeRetired),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.cannedResponses, {
        query: { includeRetired: includeRetired ? 'true' : undefined },
        signal,
      }),
  });
}

export function useManagedCannedResponses(includeRetired: boolean) {
  return useQuery(managedCannedResponsesQueryOptions(includeRetired));
}

/** Writes a new response (`id` null) or changes one. */
export function useSaveCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CannedResponseBody }) =>
      id === null
        ? apiRequest(endpoints.createCannedResponse, { body })
        : apiRequest(endpoints.updateCannedResponse, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedAdminKeys.all }),
  });
}

export function useSetCannedResponseStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to: 'retired' | 'active' }) =>
      apiRequest(
        to === 'retired' ? endpoints.retireCannedResponse : endpoints.restoreCannedResponse,
        { params: { id } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedAdminKeys.all }),
  });
}
