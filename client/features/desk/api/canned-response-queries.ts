import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import { apiRequest } from '../../../lib/api-client';

export const cannedResponseKeys = {
  all: ['canned-responses'] as const,
  active: () => [...cannedResponseKeys.all, 'active'] as const,
};

/** The active canned responses, read when the agent first opens the picker. */
export function cannedResponsesQueryOptions() {
  return queryOptions({
    queryKey: cannedResponseKeys.active(),
    queryFn: ({ signal }) => apiRequest(endpoints.cannedResponses, { signal }),
    // They change a few times a week; a shift's worth of picking needs no refetch per use.
    staleTime: 5 * 60_000,
  });
}

export function useCannedResponses(isEnabled = true) {
  return useQuery({ ...cannedResponsesQueryOptions(), enabled: isEnabled });
}
