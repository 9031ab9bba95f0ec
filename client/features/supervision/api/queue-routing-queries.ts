import { queryOptions, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../../shared/protocol/http';
import type { QueueRoutingSettings } from '../../../../shared/schemas/queue-routing';
import { apiRequest } from '../../../lib/api-client';
import { supervisionKeys } from './supervision-queries';

export const queueRoutingKeys = {
  all: [...supervisionKeys.all, 'queue-routing'] as const,
  queue: (queueId: string) => [...queueRoutingKeys.all, queueId] as const,
};

export function queueRoutingQueryOptions(queueId: string) {
  return queryOptions({
    queryKey: queueRoutingKeys.queue(queueId),
    queryFn: ({ signal }) =>
      apiRequest(endpoints.queueRouting, { params: { id: queueId }, signal }),
    staleTime: 60_000,
  });
}

/** Each queue's routing settings, one small request per queue (a handful of queues). */
export function useQueuesRouting(queueIds: readonly string[]) {
  return useQueries({ queries: queueIds.map((id) => queueRoutingQueryOptions(id)) });
}

export function useReplaceQueueRouting(queueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: QueueRoutingSettings) =>
      apiRequest(endpoints.replaceQueueRouting, { params: { id: queueId }, body: settings }),
    onSuccess: (routing) => queryClient.setQueryData(queueRoutingKeys.queue(queueId), routing),
  });
}
